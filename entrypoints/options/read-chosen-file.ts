/** The text of a chosen file, or a refusal when it is larger than `maxBytes` (checked before reading). */
export async function readChosenFile(file: File, maxBytes: number, tooLarge: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > maxBytes) return { ok: false, message: tooLarge };
  return { ok: true, text: await file.text() };
}
