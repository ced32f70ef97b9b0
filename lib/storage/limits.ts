// The limits of what the extension keeps, defined once: the pack reader, import (file, form, feed), the
// backup reader and the options page all use these numbers, so a state the extension lets a Commander
// reach is one its own backup reader accepts.

const MIB = 1024 * 1024;

/** Imported event packs installed at once (the built-in pack not counted). */
export const MAX_PACKS = 200;

/** One pack document, in UTF-8 bytes. */
export const MAX_PACK_BYTES = 1 * MIB;

/** Packs with recorded progress (progress stays for a removed pack, so that a re-import gets it back). */
export const MAX_PROGRESS_PACKS = 1000;

/** Packs with settings of their own (followed track, daily reset, hidden). */
export const MAX_PACK_SETTINGS = 1000;

/** A backup file, in UTF-8 bytes. */
export const MAX_BACKUP_BYTES = 16 * MIB;

/** `1 MiB`, `16 MiB`: a byte limit as the refusals say it. */
export const inMiB = (bytes: number): string => `${bytes / MIB} MiB`;

/** Why an import of one more pack is refused, or undefined when there is room. */
export function packCountRefusal(installedImported: number): string | undefined {
  return installedImported >= MAX_PACKS
    ? `You have ${MAX_PACKS} event packs, the most this extension keeps; remove one first`
    : undefined;
}
