// What the options page shows: every installed pack (hidden ones too), built-in first, with its
// settings, progress and the times it spans.
import { BUILTIN_PACK_ID, builtinPack } from './builtin-pack';
import { parsePackTime } from './pack-time';
import type { Pack } from './pack-types';
import { emptyPackProgress, own, type PackProgress } from './progress';
import { scheduleTrack } from './schedule';
import { packSettings, type PackSettings } from './settings';
import { extensionStore, readPacks, readSnapshot, type Snapshot } from './store';
import { importedPackIds } from './tracker-state';
import type { InstalledPacks } from './pack-import';

export interface InstalledPack {
  pack: Pack;
  builtin: boolean;
  settings: PackSettings;
  progress: PackProgress;
  /** First milestone start and last milestone end over all tracks, with the reset in force. */
  span: { start: number; end: number };
  /** Whether some time in the pack is a date, so the daily reset matters. */
  usesDates: boolean;
}

export interface OptionsState {
  snapshot: Snapshot;
  packs: InstalledPack[];
}

export function installedPack(pack: Pack, builtin: boolean, snapshot: Snapshot): InstalledPack {
  const settings = packSettings(snapshot.settings, pack.id);
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const track of pack.tracks) {
    for (const timed of scheduleTrack(pack, track, settings.dailyReset).milestones) {
      start = Math.min(start, timed.start);
      end = Math.max(end, timed.end);
    }
  }
  return {
    pack,
    builtin,
    settings,
    progress: own(snapshot.progress, pack.id) ?? emptyPackProgress(),
    span: { start, end },
    usesDates: packUsesDates(pack),
  };
}

export function packUsesDates(pack: Pack): boolean {
  const isDate = (time: string) => parsePackTime(time)?.kind === 'date';
  return pack.tracks.some(
    (t) => (t.server && (isDate(t.server.start) || isDate(t.server.end))) || t.milestones.some((m) => isDate(m.start) || isDate(m.end)),
  );
}

/** Pure, for tests: the built-in pack first, then imported ones in import order. */
export function optionsState(snapshot: Snapshot, imported: Array<Pack | undefined>): OptionsState {
  const packs = [installedPack(builtinPack(), true, snapshot)];
  for (const pack of imported) if (pack && pack.id !== BUILTIN_PACK_ID) packs.push(installedPack(pack, false, snapshot));
  return { snapshot, packs };
}

export async function loadOptionsState(store = extensionStore()): Promise<OptionsState> {
  const snapshot = await readSnapshot(store);
  return optionsState(snapshot, await readPacks(importedPackIds(snapshot), store));
}

/** What an import needs to know about what is installed. */
export const installedPacks = (state: OptionsState): InstalledPacks => ({
  snapshot: state.snapshot,
  packs: state.packs.map((p) => p.pack),
});


