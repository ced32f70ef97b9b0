// The first frame of the popup and the side panel: the view model they last showed, kept in the extension
// origin's localStorage, which a page reads synchronously while IndexedDB is still opening. IndexedDB stays
// the source of truth: the view shows the stored data as soon as its read is in, whatever the snapshot said.
// A snapshot is only a copy of this build's own output, so it is trusted only when everything checks:
// written by this very build (the script's URL carries its content hash), not from the future, no
// milestone started or ended since, and well-formed; anything else is ignored.

/** What every view model carries: when it was computed, and when what it shows changes next. */
export interface SnapshotModel {
  now: number;
  targets: number[];
}

/** A model bigger than this (a very large pack's checklist) is not kept: reading it would cost more than it saves. */
export const MAX_SNAPSHOT_CHARS = 64 * 1024;

const STAMP = import.meta.url;

/** The model `key` last saved, as of `now`, or undefined when there is none to trust. */
export function readViewSnapshot<M extends SnapshotModel>(key: string, now: number): M | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as { stamp?: unknown; savedAt?: unknown; model?: M } | null;
    const model = saved?.model;
    const savedAt = saved?.savedAt;
    if (saved?.stamp !== STAMP || typeof savedAt !== 'number' || !(savedAt <= now) || !model || !Array.isArray(model.targets)) return undefined;
    if (model.targets.some((target) => typeof target !== 'number' || (target > savedAt && target <= now))) return undefined;
    return { ...model, now };
  } catch {
    return undefined;
  }
}

/** Keeps `model` (computed at `now`) as the next first frame of `key`; a model too large, or a refused write, keeps none. */
export function writeViewSnapshot(key: string, model: SnapshotModel, now: number): void {
  try {
    const text = JSON.stringify({ stamp: STAMP, savedAt: now, model });
    if (text.length <= MAX_SNAPSHOT_CHARS) localStorage.setItem(key, text);
    else localStorage.removeItem(key);
  } catch {
    // Storage full or refused: the next open waits for IndexedDB, as without a snapshot.
  }
}

/** Forgets `key`'s snapshot (one that failed to render). */
export function dropViewSnapshot(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to forget.
  }
}
