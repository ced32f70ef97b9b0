// What the options page shows: every installed pack (hidden ones too), built-in first, with its
// settings, progress and the times it spans.
import { BUILTIN_PACK_ID, builtinPack } from '../packs/builtin';
import { dailyResetInForce, isDateOnly, parseDailyReset, type DailyResetSource } from '../schedule/pack-time';
import { MINUTE_MS } from '../schedule/units';
import type { Pack } from '../packs/types';
import { emptyPackProgress, type PackProgress } from '../commander/progress';
import { activeCommander, followedTrackOf } from '../commander/commanders';
import { scheduleTrack } from '../schedule/schedule';
import { packSettings, type PackSettings } from '../commander/settings';
import { progressFor, type Snapshot } from '../storage/stored-data';
import type { InstalledPacks } from '../packs/import';

export interface InstalledPack {
  pack: Pack;
  builtin: boolean;
  settings: PackSettings;
  /** The track the active Commander follows here. */
  followedTrackId: string | undefined;
  /** The active Commander's name when there are several, so the page says whose choice it shows. */
  followedBy?: string;
  /** With several Commanders, each one's progress here: removing the pack removes all of it. */
  progressByCommander?: Array<{ name: string; progress: PackProgress | undefined }>;
  /** The active Commander's progress. */
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
    for (const timed of scheduleTrack(pack, track, settings.dailyReset, activeCommander(snapshot.commanders).reset).milestones) {
      start = Math.min(start, timed.start);
      end = Math.max(end, timed.end);
    }
  }
  return {
    pack,
    builtin,
    settings,
    followedTrackId: followedTrackOf(activeCommander(snapshot.commanders), pack.id),
    ...(snapshot.commanders.list.length > 1
      ? {
          followedBy: activeCommander(snapshot.commanders).name,
          progressByCommander: snapshot.commanders.list.map((c) => ({ name: c.name, progress: progressFor(snapshot, c.id, pack.id) })),
        }
      : {}),
    progress: progressFor(snapshot, activeCommander(snapshot.commanders).id, pack.id) ?? emptyPackProgress(),
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
  /** Every Commander's record of the pack (one per Commander who recorded something). */
  progress: PackProgress[];
  /** Completed milestones recorded, over every Commander. */
  completed: number;
}

/**
 * The progress of packs that are not installed, by pack id: a re-import of the pack would bring it back,
 * but nothing shows it, and it counts against MAX_PROGRESS_PACKS. The built-in pack is always installed.
 */
export function keptProgress(state: OptionsState): KeptProgress[] {
  const installed = new Set(state.packs.map((p) => p.pack.id));
  const kept = new Map<string, PackProgress[]>();
  for (const byPack of Object.values(state.snapshot.progress)) {
    for (const [packId, progress] of Object.entries(byPack)) {
      if (!installed.has(packId)) kept.set(packId, [...(kept.get(packId) ?? []), progress]);
    }
  }
  return [...kept]
    .map(([packId, progress]) => ({ packId, progress, completed: progress.reduce((sum, each) => sum + completedCount(each), 0) }))
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

/** What removing a Commander loses, pack by pack: the packs where it recorded anything, and how many milestones it completed there. */
export interface CommanderLoss {
  packId: string;
  /** The pack's title, or its id when the pack is no longer installed. */
  title: string;
  completed: number;
}

export function commanderLosses(state: OptionsState, commanderId: string): CommanderLoss[] {
  const titles = new Map(state.packs.map((entry) => [entry.pack.id, entry.pack.title]));
  const losses: CommanderLoss[] = [];
  for (const [packId, progress] of Object.entries(state.snapshot.progress[commanderId] ?? {})) {
    const milestones = Object.values(progress.tracks).flatMap((track) => Object.values(track.milestones));
    const anything = milestones.length > 0 || Object.values(progress.tracks).some((track) => track.server);
    if (!anything) continue;
    const completed = milestones.filter((m) => m.completedAt !== undefined).length;
    losses.push({ packId, title: titles.get(packId) ?? packId, completed });
  }
  return losses;
}
