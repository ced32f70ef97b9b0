export const NOT_TEXT = 'not a text file (it holds binary data or is not UTF-8)';

/** `“arc.png” is not a text file (…)`: a chosen file's refusal, its name first. */
export const fileProblem = (name: string, message: string): string => `“${name}” is ${message}`;

/** The text of a chosen file, or a refusal when it is larger than `maxBytes` (checked before reading) or not UTF-8 text. */
export async function readChosenFile(file: File, maxBytes: number, tooLarge: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > maxBytes) return { ok: false, message: tooLarge };
  let text: string;
  try {
    // Fatal: a binary file is refused in words instead of shown back as unreadable replacement characters.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, message: NOT_TEXT };
  }
  return text.includes('\u0000') ? { ok: false, message: NOT_TEXT } : { ok: true, text };
}
