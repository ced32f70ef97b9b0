// Importing an event pack: check it completely and say what it would replace (pure), then store it (one
// transaction) and tell the other views. A refused pack never reaches the store.
import { BUILTIN_PACK_ID } from './builtin';
import { readPack, type ReadProblem } from './reader';
import type { Pack } from './types';
import { own, type PackProgress } from '../commander/progress';
import { packSettings } from '../commander/settings';
import { activeCommander, followedTrackOf } from '../commander/commanders';
import { type Snapshot } from '../storage/stored-data';
import { inversionReason, invertedPeriod } from '../schedule/periods';
import { problemAt } from '../validation/problem';
import { packCountRefusal, packSettingsRefusal, storedBytes, totalPackBytesRefusal } from '../storage/limits';

/** What re-importing a pack id does to the progress recorded for it. */
export interface ReplaceSummary {
  /** Title of the installed pack that would be replaced. */
  title: string;
  /** Recorded items (completions, checked objectives, server points) whose ids the new pack still has. */
  kept: number;
  /** Recorded items whose ids the new pack no longer has: they stay stored, so an id that returns gets them back, but are not shown. */
  unmatched: number;
  /** The followed track is not in the new pack; the first track (or one of the same role) is followed instead. */
  followedTrackGone: boolean;
}

export type PreparedImport =
  | { ok: true; pack: Pack; followTrackId: string; replaces?: ReplaceSummary }
  | { ok: false; problem: ReadProblem };

/** What the import needs to know about what is installed: the stored snapshot and every installed pack (built-in included). */
export interface InstalledPacks {
  snapshot: Snapshot;
  packs: Pack[];
}

/**
 * Validates `input` (JSON text or a parsed value) as a pack and works out what storing it would do.
 * Pure and never throws; nothing is stored.
 */
export function prepareImport(input: unknown, installed: InstalledPacks): PreparedImport {
  const read = readPack(input);
  if (!read.ok) {
    if (read.problem.path === 'format' && looksLikeBackup(input)) {
      return { ok: false, problem: { path: 'format', message: `${read.problem.message} (this is a backup: restore it under Backup and restore)` } };
    }
    return read;
  }
  const pack = read.value;
  if (pack.id === BUILTIN_PACK_ID) {
    return { ok: false, problem: { path: 'id', message: 'is the id of the built-in pack; give this pack an id of its own' } };
  }
  const isNew = !Object.hasOwn(installed.snapshot.packIndex, pack.id);
  const full = isNew ? packCountRefusal(Object.keys(installed.snapshot.packIndex).filter((id) => id !== BUILTIN_PACK_ID).length) : undefined;
  if (full) return { ok: false, problem: { path: '', message: full } };
  const tooLarge = totalPackBytesRefusal(otherImportedBytes(pack.id, installed), storedBytes(pack));
  if (tooLarge) return { ok: false, problem: { path: '', message: tooLarge } };
  // Installing follows a track, which gives a pack without settings an entry of its own.
  const noRoom = Object.hasOwn(installed.snapshot.settings.packs, pack.id) ? undefined : packSettingsRefusal(Object.keys(installed.snapshot.settings.packs).length);
  if (noRoom) return { ok: false, problem: { path: '', message: noRoom } };
  // The Commander's own daily reset for this id stays in force: a pack (a feed's update too) that it would turn inside out is refused.
  const userReset = packSettings(installed.snapshot.settings, pack.id).dailyReset;
  const inverted = userReset === undefined ? undefined : invertedPeriod(pack, userReset);
  if (inverted) {
    const { path, message } = problemAt(inverted.keys, `${inversionReason(inverted, userReset!)} (your daily reset for this pack); change that reset first`);
    return { ok: false, problem: { path, message } };
  }
  const previous = Object.hasOwn(installed.snapshot.packIndex, pack.id)
    ? installed.packs.find((p) => p.id === pack.id)
    : undefined;
  const followTrackId = defaultFollowedTrack(pack, installed);
  if (!previous) return { ok: true, pack, followTrackId };

  const followed = followedTrackOf(activeCommander(installed.snapshot.commanders), pack.id);
  // Every Commander's progress in the pack is kept or not by the same ids.
  const items = Object.values(installed.snapshot.progress).flatMap((mine) => progressItems(own(mine, pack.id)));
  const kept = items.filter((item) => packHas(pack, item)).length;
  return {
    ok: true,
    pack,
    followTrackId,
    replaces: {
      title: previous.title,
      kept,
      unmatched: items.length - kept,
      followedTrackGone: followed !== undefined && !pack.tracks.some((t) => t.id === followed),
    },
  };
}

/** The stored size of every imported pack but `packId` (which the import would replace). */
function otherImportedBytes(packId: string, installed: InstalledPacks): number {
  let bytes = 0;
  for (const p of installed.packs) {
    if (p.id !== BUILTIN_PACK_ID && p.id !== packId && Object.hasOwn(installed.snapshot.packIndex, p.id)) bytes += storedBytes(p);
  }
  return bytes;
}

function looksLikeBackup(input: unknown): boolean {
  if (typeof input === 'string') return input.includes('"stfc-milestone-backup"');
  try {
    return typeof input === 'object' && input !== null && (input as { format?: unknown }).format === 'stfc-milestone-backup';
  } catch {
    return false;
  }
}

/**
 * The track to follow when the Commander has not chosen one: the only track; else the track with the
 * role they follow in another pack (a Hero stays a Hero from arc to arc); else the first track.
 */
export function defaultFollowedTrack(pack: Pack, installed: InstalledPacks): string {
  const commander = activeCommander(installed.snapshot.commanders);
  const current = followedTrackOf(commander, pack.id);
  if (pack.tracks.some((t) => t.id === current)) return current!;
  if (pack.tracks.length > 1) {
    for (const other of installed.packs) {
      if (other.id === pack.id) continue;
      const followedId = followedTrackOf(commander, other.id);
      const role = other.tracks.find((t) => t.id === followedId)?.role?.toLowerCase();
      const same = role && pack.tracks.find((t) => t.role?.toLowerCase() === role);
      if (same) return same.id;
    }
  }
  return pack.tracks[0]!.id;
}

/** One thing a Commander recorded: a completion, a checked objective or the server points seen. */
export interface ProgressItem {
  kind: 'completed' | 'objective' | 'server-points';
  trackId: string;
  milestoneId?: string;
  objectiveId?: string;
}

export function progressItems(progress: PackProgress | undefined): ProgressItem[] {
  const items: ProgressItem[] = [];
  for (const [trackId, track] of Object.entries(progress?.tracks ?? {})) {
    if (track.server) items.push({ kind: 'server-points', trackId });
    for (const [milestoneId, milestone] of Object.entries(track.milestones ?? {})) {
      if (milestone.completedAt !== undefined) items.push({ kind: 'completed', trackId, milestoneId });
      for (const objectiveId of Object.keys(milestone.objectives ?? {})) items.push({ kind: 'objective', trackId, milestoneId, objectiveId });
    }
  }
  return items;
}

/** Whether the pack still has the track, milestone and objective an item refers to. */
export function packHas(pack: Pack, item: ProgressItem): boolean {
  const track = pack.tracks.find((t) => t.id === item.trackId);
  if (!track) return false;
  if (item.kind === 'server-points') return track.server !== undefined;
  const milestone = track.milestones.find((m) => m.id === item.milestoneId);
  if (!milestone) return false;
  return item.kind === 'completed' || milestone.objectives.some((o) => o.id === item.objectiveId);
}

/** "2 completed milestones, 5 checked objectives and the server points you entered", or "no progress". */
export function describeProgress(progress: PackProgress | undefined): string {
  const items = progressItems(progress);
  const count = (kind: ProgressItem['kind']) => items.filter((i) => i.kind === kind).length;
  const parts: string[] = [];
  const completed = count('completed');
  const objectives = count('objective');
  const server = count('server-points');
  if (completed) parts.push(`${completed} completed milestone${completed === 1 ? '' : 's'}`);
  if (objectives) parts.push(`${objectives} checked objective${objectives === 1 ? '' : 's'}`);
  if (server) parts.push(`the server points you entered${server > 1 ? ` for ${server} tracks` : ''}`);
  if (parts.length === 0) return 'no recorded progress';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
