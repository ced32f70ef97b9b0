/**
 * Saves text as a file through the browser's own download of a blob link: no `downloads` permission,
 * and the same in Chrome and Firefox.
 */
export function saveFile(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The text of a chosen file, or a refusal when it is larger than `maxBytes` (checked before reading). */
export async function readChosenFile(file: File, maxBytes: number, tooLarge: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > maxBytes) return { ok: false, message: tooLarge };
  return { ok: true, text: await file.text() };
}
