// Reading a backup: every rule checked, the first problem reported with its path, a fresh value built
// from known fields only.
import type { MilestoneProgress, PackProgress, TrackProgress } from '../commander/progress';
import { type NotificationSettings, type PackSettings, type Settings } from '../commander/settings';
import { MAX_MINUTES_BEFORE_END } from '../notifications/plan';
import { BUILTIN_PACK_ID } from '../packs/builtin';
import { readPack, MAX_PACK_BYTES } from '../packs/reader';
import type { Pack } from '../packs/types';
import { parseDailyReset, parsePackTime } from '../schedule/pack-time';
import { SCHEMA_VERSION, type PackIndexEntry } from '../storage/stored-data';
import { joinPath as join, ownValue as own, Refusal, refuse, refused, type ReadProblem, type ReadResult } from '../validation/problem';
import { readFeedRecords, type FeedRecords } from '../feeds/feed-record';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, type Backup, type BackupEntries } from './backup';

/** Validates a backup given as JSON text or a parsed value. Never throws. */
export function readBackup(input: unknown): ReadResult<Backup> {
  try {
    let value = input;
    if (typeof input === 'string') {
      if (utf8Bytes(input, MAX_BACKUP_BYTES) > MAX_BACKUP_BYTES) return refused('', 'larger than 16 MiB');
      try {
        value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
      } catch (error) {
        const reason = error instanceof Error && error.message ? ` (${error.message.slice(0, 120)})` : '';
        return refused('', `not valid JSON${reason}`);
      }
    }
    return { ok: true, value: readBackupObject(value) };
  } catch (error) {
    if (error instanceof Refusal) return refused(error.path, error.message);
    return refused('', 'could not be read');
  }
}

const LIMITS = {
  packs: 200,
  packSettings: 1000,
  progressPacks: 1000,
  tracks: 100,
  milestones: 2000,
  objectives: 100,
  serverPoints: 1_000_000_000_000,
  /** Largest instant a Date can hold. */
  instant: 8.64e15,
};

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

function readBackupObject(value: unknown): Backup {
  const o = object(value, '');
  const format = need(o, '', 'format', string);
  if (format !== BACKUP_FORMAT) {
    const hint = format === 'stfc-milestone-pack' ? ' (this is an event pack: import it under Event packs)' : '';
    refuse('format', `must be exactly ${BACKUP_FORMAT}${hint}`);
  }
  const version = need(o, '', 'version', integer);
  if (version > BACKUP_VERSION) refuse('version', 'made by a newer version');
  if (version < 1) refuse('version', 'unsupported version');
  const exportedAt = need(o, '', 'exportedAt', instantText);
  const schema = need(o, '', 'schema', integer);
  // Only the current schema exists; an older one will be migrated here, in memory, when there is one.
  if (schema > SCHEMA_VERSION) refuse('schema', 'made by a newer version of the extension');
  if (schema < SCHEMA_VERSION) refuse('schema', 'unsupported schema');
  const entries = need(o, '', 'entries', readEntries);
  onlyKnown(o, '', ['format', 'version', 'exportedAt', 'schema', 'entries']);
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, schema, entries };
}

function readEntries(value: unknown, path: string): BackupEntries {
  const o = object(value, path);
  const settings = need(o, path, 'settings', readSettings);
  const progress = need(o, path, 'progress', (v, p) => record(v, p, LIMITS.progressPacks, readPackProgress));
  const packIndex = need(o, path, 'packIndex', (v, p) => record(v, p, LIMITS.packs, readIndexEntry));
  const packs = need(o, path, 'packs', (v, p) => record(v, p, LIMITS.packs, readStoredPack));
  // feeds: see readBackupFeeds below (optional, so older backups without it still restore).
  const feeds = maybe(o, path, 'feeds', readBackupFeeds);
  onlyKnown(o, path, ['settings', 'progress', 'packIndex', 'packs', 'feeds']);
  // The index lists exactly the stored packs, as savePack keeps it.
  for (const id of Object.keys(packIndex)) {
    if (!Object.hasOwn(packs, id)) refuse(join(join(path, 'packIndex'), id), 'lists a pack that is not in entries.packs');
  }
  for (const id of Object.keys(packs)) {
    if (!Object.hasOwn(packIndex, id)) refuse(join(join(path, 'packs'), id), 'is not listed in entries.packIndex');
  }
  return { settings, progress, packIndex, packs, ...(feeds ? { feeds } : {}) };
}

// ---- feeds (added with feed subscriptions; checked by lib/feeds/feed-record.ts's valibot schema) ----
function readBackupFeeds(value: unknown, path: string): FeedRecords {
  const read = readFeedRecords(value);
  if (!read.ok) refuse(within(path, read.problem), read.problem.message);
  return read.value;
}
// ---- end of feeds ----

function readSettings(value: unknown, path: string): Settings {
  const o = object(value, path);
  const packs = need(o, path, 'packs', (v, p) => record(v, p, LIMITS.packSettings, readPackSettings));
  const notifications = need(o, path, 'notifications', readNotificationSettings);
  onlyKnown(o, path, ['packs', 'notifications']);
  return { packs, notifications };
}

function readPackSettings(value: unknown, path: string): PackSettings {
  const o = object(value, path);
  const followedTrackId = maybe(o, path, 'followedTrackId', slug);
  const dailyReset = maybe(o, path, 'dailyReset', dailyResetText);
  const hidden = maybe(o, path, 'hidden', boolean);
  onlyKnown(o, path, ['followedTrackId', 'dailyReset', 'hidden']);
  const settings: PackSettings = {};
  if (followedTrackId !== undefined) settings.followedTrackId = followedTrackId;
  if (dailyReset !== undefined) settings.dailyReset = dailyReset;
  if (hidden !== undefined) settings.hidden = hidden;
  return settings;
}

function readNotificationSettings(value: unknown, path: string): NotificationSettings {
  const o = object(value, path);
  const enabled = need(o, path, 'enabled', boolean);
  const minutesBeforeEnd = need(o, path, 'minutesBeforeEnd', integerIn(0, MAX_MINUTES_BEFORE_END));
  const onStart = need(o, path, 'onStart', boolean);
  onlyKnown(o, path, ['enabled', 'minutesBeforeEnd', 'onStart']);
  return { enabled, minutesBeforeEnd, onStart };
}

function readPackProgress(value: unknown, path: string): PackProgress {
  const o = object(value, path);
  const tracks = need(o, path, 'tracks', (v, p) => record(v, p, LIMITS.tracks, readTrackProgress));
  onlyKnown(o, path, ['tracks']);
  return { tracks };
}

function readTrackProgress(value: unknown, path: string): TrackProgress {
  const o = object(value, path);
  const milestones = need(o, path, 'milestones', (v, p) => record(v, p, LIMITS.milestones, readMilestoneProgress));
  const server = maybe(o, path, 'server', (v, p) => {
    const s = object(v, p);
    const points = need(s, p, 'points', integerIn(0, LIMITS.serverPoints));
    const seenAt = need(s, p, 'seenAt', instant);
    onlyKnown(s, p, ['points', 'seenAt']);
    return { points, seenAt };
  });
  onlyKnown(o, path, ['milestones', 'server']);
  const track: TrackProgress = { milestones };
  if (server !== undefined) track.server = server;
  return track;
}

function readMilestoneProgress(value: unknown, path: string): MilestoneProgress {
  const o = object(value, path);
  const completedAt = maybe(o, path, 'completedAt', instant);
  const objectives = need(o, path, 'objectives', (v, p) => record(v, p, LIMITS.objectives, instant));
  onlyKnown(o, path, ['completedAt', 'objectives']);
  const milestone: MilestoneProgress = { objectives };
  if (completedAt !== undefined) milestone.completedAt = completedAt;
  return milestone;
}

function readIndexEntry(value: unknown, path: string): PackIndexEntry {
  const o = object(value, path);
  const title = need(o, path, 'title', (v, p) => {
    const s = string(v, p);
    if (s.length === 0 || s.length > 240 || [...s].length > 120) refuse(p, 'must be 1–120 characters');
    return s;
  });
  const importedAt = need(o, path, 'importedAt', instant);
  onlyKnown(o, path, ['title', 'importedAt']);
  return { title, importedAt };
}

/** A pack inside a backup: the same reader as an import, the same 1 MiB limit, stored under its own id. */
function readStoredPack(value: unknown, path: string, key: string): Pack {
  if (key === BUILTIN_PACK_ID) refuse(path, 'is the built-in pack, which is never part of a backup');
  const read = readPack(value);
  if (!read.ok) refuse(within(path, read.problem), read.problem.message);
  const pack = read.value;
  if (pack.id !== key) refuse(join(path, 'id'), `does not match its key ${JSON.stringify(key)}`);
  if (utf8Bytes(JSON.stringify(pack), MAX_PACK_BYTES) > MAX_PACK_BYTES) refuse(path, 'larger than 1 MiB');
  return pack;
}

/** The path of a pack reader's problem inside the backup. */
function within(path: string, problem: ReadProblem): string {
  if (!problem.path) return path;
  return problem.path.startsWith('[') ? `${path}${problem.path}` : `${path}.${problem.path}`;
}

// ---------------------------------------------------------------------------------------------
// Checkers: each takes the value and its path, returns the checked value or throws a Refusal.

type Fields = Record<string, unknown>;
type Check<T> = (value: unknown, path: string, key: string) => T;


function need<T>(o: Fields, path: string, key: string, check: Check<T>): T {
  const here = join(path, key);
  const value = own(o, key);
  if (value === undefined) refuse(here, 'missing');
  return check(value, here, key);
}

function maybe<T>(o: Fields, path: string, key: string, check: Check<T>): T | undefined {
  const value = own(o, key);
  return value === undefined ? undefined : check(value, join(path, key), key);
}

function onlyKnown(o: Fields, path: string, known: readonly string[]): void {
  for (const key in o) {
    if (!known.includes(key) && Object.prototype.hasOwnProperty.call(o, key)) refuse(join(path, key), 'unknown field');
  }
}

function object(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(path, 'not an object');
  return value as Fields;
}

/** An object keyed by ids (slugs), at most `max` of them, each value read by `item`. */
function record<T>(value: unknown, path: string, max: number, item: Check<T>): Record<string, T> {
  const o = object(value, path);
  const out: Record<string, T> = {};
  let count = 0;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) continue;
    const here = join(path, key);
    // Slugs also rule out `__proto__`, so the assignment below always makes an own property.
    if (!SLUG.test(key)) refuse(here, 'not a valid id (a–z, 0–9 and -, at most 64)');
    if (++count > max) refuse(path, `at most ${max} entries`);
    out[key] = item(o[key], here, key);
  }
  return out;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') refuse(path, 'not a string');
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') refuse(path, 'not true or false');
  return value;
}

function integer(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) refuse(path, 'not an integer');
  return value === 0 ? 0 : value;
}

function integerIn(min: number, max: number): Check<number> {
  return (value, path) => {
    const n = integer(value, path);
    if (n < min || n > max) refuse(path, `must be ${min}–${max}`);
    return n;
  };
}

/** Epoch milliseconds. */
function instant(value: unknown, path: string): number {
  const n = integer(value, path);
  if (n < 0 || n > LIMITS.instant) refuse(path, 'not a time (epoch milliseconds)');
  return n;
}

function slug(value: unknown, path: string): string {
  const s = string(value, path);
  if (!SLUG.test(s)) refuse(path, 'not a valid id (a–z, 0–9 and -, at most 64)');
  return s;
}

function dailyResetText(value: unknown, path: string): string {
  const s = string(value, path);
  if (parseDailyReset(s) === undefined) refuse(path, 'not a daily reset like 00:00Z or 05:00+02:00');
  return s;
}

function instantText(value: unknown, path: string): string {
  const s = string(value, path);
  if (s.length > 40 || parsePackTime(s)?.kind !== 'instant') refuse(path, 'not a time with an offset, like 2024-05-01T12:00:00.000Z');
  return s;
}

/** UTF-8 length of `s`, counted only as far as needed to know whether it passes `limit`. */
function utf8Bytes(s: string, limit: number): number {
  if (s.length > limit) return s.length;
  if (s.length * 3 <= limit) return s.length;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
