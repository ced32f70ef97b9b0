// What the options page shows: every installed pack (hidden ones too), built-in first, with its
// settings, progress and the times it spans.
import { BUILTIN_PACK_ID, builtinPack } from '../packs/builtin';
import { dailyResetInForce, isDateOnly, parseDailyReset, type DailyResetSource } from '../schedule/pack-time';
import { MINUTE_MS } from '../schedule/units';
import type { Pack } from '../packs/types';
import { emptyPackProgress, own, type PackProgress } from '../commander/progress';
import { scheduleTrack } from '../schedule/schedule';
import { packSettings, type PackSettings } from '../commander/settings';
import { type Snapshot } from '../storage/stored-data';
import type { InstalledPacks } from '../packs/import';

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
  return pack.tracks.some(
    (t) =>
      (t.server && (isDateOnly(t.server.start) || isDateOnly(t.server.end))) ||
      t.milestones.some((m) => isDateOnly(m.start) || isDateOnly(m.end)),
  );
}

/** Pure, for tests: the built-in pack first, then imported ones in import order. */
export function optionsState(snapshot: Snapshot, imported: Array<Pack | undefined>): OptionsState {
  const packs = [installedPack(builtinPack(), true, snapshot)];
  for (const pack of imported) if (pack && pack.id !== BUILTIN_PACK_ID) packs.push(installedPack(pack, false, snapshot));
  return { snapshot, packs };
}

/** Progress kept for a pack that is not installed (removed from another computer, or left by a restore). */
export interface KeptProgress {
  packId: string;
  progress: PackProgress;
  /** Completed milestones recorded. */
  completed: number;
}

/**
 * The progress of packs that are not installed, by pack id: a re-import of the pack would bring it back,
 * but nothing shows it, and it counts against MAX_PROGRESS_PACKS. The built-in pack is always installed.
 */
export function keptProgress(state: OptionsState): KeptProgress[] {
  const installed = new Set(state.packs.map((p) => p.pack.id));
  return Object.entries(state.snapshot.progress)
    .filter(([packId]) => !installed.has(packId))
    .map(([packId, progress]) => ({ packId, progress, completed: completedCount(progress) }))
    .sort((a, b) => (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0));
}

function completedCount(progress: PackProgress): number {
  let completed = 0;
  for (const track of Object.values(progress.tracks)) {
    for (const milestone of Object.values(track.milestones)) if (milestone.completedAt !== undefined) completed++;
  }
  return completed;
}

/** What an import needs to know about what is installed. */
export const installedPacks = (state: OptionsState): InstalledPacks => ({
  snapshot: state.snapshot,
  packs: state.packs.map((p) => p.pack),
});

export interface ResetInForce {
  source: DailyResetSource;
  /** As written, e.g. `05:00+02:00`. */
  reset: string;
  /** The same moment in UTC, `HH:MM`, e.g. `03:00`. */
  utc: string;
}

/** The daily reset that date-only times of a pack are resolved with, and where it comes from. */
export function resetInForce(pack: Pack, settings: PackSettings): ResetInForce {
  const { reset, source } = dailyResetInForce(settings.dailyReset, pack.dailyReset);
  return { source, reset, utc: utcClock(parseDailyReset(reset) ?? 0) };
}

/** `HH:MM` of an offset from 00:00 UTC, wrapped into one day (`-60 min` → `23:00`). */
export function utcClock(msAfterMidnight: number): string {
  const minutes = (((Math.round(msAfterMidnight / MINUTE_MS) % 1440) + 1440) % 1440);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
