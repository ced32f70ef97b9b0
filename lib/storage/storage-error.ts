// What a view says when the store cannot be read or written: the words a Commander reads in the popup,
// the side panel and the options page. Loaded with the rest of a view's live layer (lib/storage/live.ts).

/** StoreDamaged from this view's read, or as the background's answer carries it (by name). */
export const isStoreDamaged = (cause: unknown): boolean => cause instanceof Error && cause.name === 'StoreDamaged';

export function storageErrorMessage(cause: unknown): string {
  const detail = cause instanceof Error ? cause.message : String(cause);
  // A write refused at a limit (lib/storage/limits.ts) already says why, in the Commander's words.
  if (cause instanceof Error && cause.name === 'LimitReached') return `Not recorded: ${detail}.`;
  if (isStoreDamaged(cause)) {
    return `The stored progress cannot be read (${detail}). It was left as it is: restore a backup to go on.`;
  }
  const advice = import.meta.env.FIREFOX
    ? 'In Firefox, check that history is remembered and that the extension may store data.'
    : 'In Chrome, check that the disk is not full and that sites may save data on your device (Settings › Privacy and security › Site settings).';
  return `This browser refused the extension's storage, so progress cannot be read or kept (${detail}). ${advice}`;
}
