// Reading a backup with one valibot schema, built of the same pieces as the pack's (and holding the pack
// schema itself for the stored packs): every rule checked, the first problem reported with its path, a
// fresh value built from known fields only.
import * as v from 'valibot';
import type { MilestoneProgress, PackProgress, TrackProgress } from '../commander/progress';
import type { NotificationSettings, PackSettings, Settings } from '../commander/settings';
import { feedRecordsSchema } from '../feeds/feed-record';
import { MAX_MINUTES_BEFORE_END } from '../notifications/plan';
import { OVERLAY_CORNERS } from '../overlay/corner';
import { BUILTIN_PACK_ID } from '../packs/builtin';
import { MAX_PACK_BYTES, PACK_FORMAT, packSchema } from '../packs/reader';
import type { Pack } from '../packs/types';
import { parsePackTime } from '../schedule/pack-time';
import { inversionReason, invertedPeriod } from '../schedule/periods';
import { SCHEMA_VERSION, type PackIndexEntry } from '../storage/stored-data';
import { readDocument } from '../validation/document';
import { inMiB, MAX_FEEDS_BYTES, MAX_PACK_SETTINGS, MAX_PACKS, MAX_PROGRESS_BYTES, MAX_PROGRESS_PACKS, MAX_TOTAL_PACK_BYTES, storedBytes } from '../storage/limits';
import { boolean, dailyReset, fields, idRecord, integer, integerIn, pathTo, slug, string, text } from '../validation/pieces';
import { withoutKeys, type ReadResult } from '../validation/problem';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, withFirstCommander, type Backup, type BackupEntries, type SingleCommanderEntries } from './backup';
import { MAX_COMMANDER_NAME, MAX_COMMANDERS, MAX_SERVER_LABEL, type Commander, type CommanderReset, type Commanders } from '../commander/commanders';

const LIMITS = {
  packs: MAX_PACKS,
  packSettings: MAX_PACK_SETTINGS,
  progressPacks: MAX_PROGRESS_PACKS,
  tracks: 100,
  milestones: 2000,
  objectives: 100,
  serverPoints: 1_000_000_000_000,
  /** Largest instant a Date can hold. */
  instant: 8.64e15,
};

/** Epoch milliseconds. */
const instant = v.pipe(integer, v.check((n: number) => n >= 0 && n <= LIMITS.instant, 'not a time (epoch milliseconds)'));

/** An ISO 8601 instant with an offset, as export writes `exportedAt`. */
const instantText = v.pipe(
  string,
  v.check((s: string) => s.length <= 40 && parsePackTime(s)?.kind === 'instant', 'not a time with an offset, like 2024-05-01T12:00:00.000Z'),
);

const packSettings = fields({
  dailyReset: v.optional(dailyReset),
  hidden: v.optional(boolean),
}) satisfies v.GenericSchema<unknown, PackSettings>;

/** Before Commanders (schemas 1 and 2) the followed track was a pack setting. */
const singleCommanderPackSettings = fields({
  followedTrackId: v.optional(slug),
  dailyReset: v.optional(dailyReset),
  hidden: v.optional(boolean),
});

const notificationSettings = fields({
  enabled: boolean,
  minutesBeforeEnd: integerIn(0, MAX_MINUTES_BEFORE_END),
  onStart: boolean,
}) satisfies v.GenericSchema<unknown, NotificationSettings>;

const settings = fields({
  packs: idRecord(packSettings, { max: LIMITS.packSettings }),
  notifications: notificationSettings,
  // Newer than the first backups, which restore without it (the card in its default corner).
  overlayCorner: v.optional(v.picklist(OVERLAY_CORNERS)),
}) satisfies v.GenericSchema<unknown, Settings>;

const singleCommanderSettings = fields({
  packs: idRecord(singleCommanderPackSettings, { max: LIMITS.packSettings }),
  notifications: notificationSettings,
});

/** A time zone this browser knows (IANA, as Intl accepts it), or `UTC`. */
export function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const commanderReset = fields({
  time: v.pipe(string, v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time of day like 04:00 (HH:mm, 24 hours)')),
  zone: v.pipe(string, v.check(isTimeZone, 'not a time zone this browser knows (like Europe/Berlin, or UTC)')),
}) satisfies v.GenericSchema<unknown, CommanderReset>;

const commanderId = v.pipe(string, v.regex(/^c[1-9]\d{0,5}$/, 'not a Commander id (c1, c2, …)'));

const commander = fields({
  id: commanderId,
  name: text(MAX_COMMANDER_NAME),
  server: v.optional(text(MAX_SERVER_LABEL)),
  reset: v.optional(commanderReset),
  tracks: idRecord(slug, { max: LIMITS.packSettings }),
}) satisfies v.GenericSchema<unknown, Commander>;

const commanders = v.pipe(
  fields({
    activeId: commanderId,
    list: v.pipe(
      v.array(commander, 'not a list'),
      v.minLength(1, 'holds no Commander'),
      v.maxLength(MAX_COMMANDERS, `more than ${MAX_COMMANDERS} Commanders`),
    ),
  }),
  v.rawCheck<Commanders>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { activeId, list } = dataset.value;
    const seen = new Set<string>();
    for (const [i, each] of list.entries()) {
      if (seen.has(each.id)) return addIssue({ message: `the id ${each.id} is used twice`, path: pathTo(dataset.value, ['list', i, 'id']) });
      seen.add(each.id);
    }
    if (!seen.has(activeId)) addIssue({ message: 'names no Commander in the list', path: pathTo(dataset.value, ['activeId']) });
  }),
) satisfies v.GenericSchema<unknown, Commanders>;

const milestoneProgress = fields({
  objectives: idRecord(instant, { max: LIMITS.objectives }),
  completedAt: v.optional(instant),
}) satisfies v.GenericSchema<unknown, MilestoneProgress>;

const trackProgress = fields({
  milestones: idRecord(milestoneProgress, { max: LIMITS.milestones }),
  server: v.optional(fields({ points: integerIn(0, LIMITS.serverPoints), seenAt: instant })),
}) satisfies v.GenericSchema<unknown, TrackProgress>;

/** One pack's progress, of one Commander or (schemas 1–2) the only one: at most the size a write keeps it to. */
const packProgress = v.pipe(
  fields({
    tracks: idRecord(trackProgress, { max: LIMITS.tracks }),
  }),
  v.check((progress) => storedBytes(progress) <= MAX_PROGRESS_BYTES, `larger than ${inMiB(MAX_PROGRESS_BYTES)}`),
) satisfies v.GenericSchema<unknown, PackProgress>;

const indexEntry = fields({
  title: text(120),
  importedAt: instant,
}) satisfies v.GenericSchema<unknown, PackIndexEntry>;

/** The imported packs: read as an import reads them, each under its own id and within an import's size limit. */
const storedPacks = v.pipe(
  idRecord(packSchema, {
    max: LIMITS.packs,
    refuseKey: (id) => (id === BUILTIN_PACK_ID ? 'is the built-in pack, which is never part of a backup' : undefined),
  }),
  v.rawCheck<Record<string, Pack>>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const packs = dataset.value;
    let total = 0;
    for (const [id, pack] of Object.entries(packs)) {
      if (pack.id !== id) return addIssue({ message: `does not match its key ${JSON.stringify(id)}`, path: pathTo(packs, [id, 'id']) });
      const bytes = storedBytes(pack);
      if (bytes > MAX_PACK_BYTES) return addIssue({ message: `larger than ${inMiB(MAX_PACK_BYTES)}`, path: pathTo(packs, [id]) });
      total += bytes;
      // The same total an import keeps to, so a restored store still takes the import of a smaller pack.
      if (total > MAX_TOTAL_PACK_BYTES) return addIssue({ message: `the packs up to this one take more than ${inMiB(MAX_TOTAL_PACK_BYTES)} together, the most the extension keeps`, path: pathTo(packs, [id]) });
    }
  }),
);

/** What every layout of the entries shares: the index lists exactly the stored packs, a reset inverts no milestone. */
type PacksAndSettings = Pick<BackupEntries, 'packIndex' | 'packs'> & {
  settings: { packs: Record<string, PackSettings> };
  feeds?: unknown;
};

function packsAgree<T extends PacksAndSettings>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { packIndex, packs, feeds } = dataset.value;
    // The feeds' size the store's writes keep to (lib/storage/limits.ts), which bounds the next backup.
    if (feeds && storedBytes(feeds) > MAX_FEEDS_BYTES) return addIssue({ message: `larger than ${inMiB(MAX_FEEDS_BYTES)}`, path: pathTo(dataset.value, ['feeds']) });
    for (const id of Object.keys(packIndex)) {
      if (!Object.hasOwn(packs, id)) return addIssue({ message: 'lists a pack that is not in entries.packs', path: pathTo(dataset.value, ['packIndex', id]) });
    }
    for (const id of Object.keys(packs)) {
      if (!Object.hasOwn(packIndex, id)) return addIssue({ message: 'is not listed in entries.packIndex', path: pathTo(dataset.value, ['packs', id]) });
    }
    // A daily reset the Commander set must not turn a milestone of that pack inside out.
    for (const [id, own] of Object.entries(dataset.value.settings.packs)) {
      const pack = Object.hasOwn(packs, id) ? packs[id] : undefined;
      const inverted = own.dailyReset !== undefined && pack ? invertedPeriod(pack, own.dailyReset) : undefined;
      if (inverted) {
        return addIssue({ message: inversionReason(inverted, own.dailyReset!), path: pathTo(dataset.value, ['settings', 'packs', id, 'dailyReset']) });
      }
    }
  });
}

const entries = v.pipe(
  fields({
    settings,
    commanders,
    progress: idRecord(idRecord(packProgress, { max: LIMITS.progressPacks }), { max: MAX_COMMANDERS }),
    packIndex: idRecord(indexEntry, { max: LIMITS.packs }),
    packs: storedPacks,
    // Absent in backups made before feeds existed, and when there are none.
    feeds: v.optional(feedRecordsSchema),
  }),
  packsAgree<BackupEntries>(),
  // Progress belongs to a Commander of the file, and all Commanders together keep no more records than a
  // write lets them (lib/storage/limits.ts counts every Commander's): what restores is what the extension could hold.
  v.rawCheck<BackupEntries>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const ids = new Set(dataset.value.commanders.list.map((c) => c.id));
    let records = 0;
    for (const [id, byPack] of Object.entries(dataset.value.progress)) {
      if (!ids.has(id)) return addIssue({ message: 'is not a Commander in entries.commanders', path: pathTo(dataset.value, ['progress', id]) });
      records += Object.keys(byPack).length;
    }
    if (records > LIMITS.progressPacks) {
      addIssue({ message: `holds ${records} packs' progress over all Commanders, at most ${LIMITS.progressPacks}`, path: pathTo(dataset.value, ['progress']) });
    }
  }),
);

/** The entries of schemas 1 and 2: one Commander's progress by pack, the followed tracks in the settings. */
const singleCommanderEntries = v.pipe(
  fields({
    settings: singleCommanderSettings,
    progress: idRecord(packProgress, { max: LIMITS.progressPacks }),
    packIndex: idRecord(indexEntry, { max: LIMITS.packs }),
    packs: storedPacks,
    feeds: v.optional(feedRecordsSchema),
  }),
  packsAgree<SingleCommanderEntries>(),
) satisfies v.GenericSchema<unknown, SingleCommanderEntries>;

const header = {
  format: v.pipe(
    string,
    v.value(BACKUP_FORMAT, (issue) =>
      `must be exactly ${BACKUP_FORMAT}${issue.input === PACK_FORMAT ? ' (this is an event pack: import it under Event packs)' : ''}`,
    ),
  ),
  version: v.pipe(integer, v.maxValue(BACKUP_VERSION, 'made by a newer version'), v.minValue(1, 'unsupported version')),
  exportedAt: instantText,
};

const backupSchema = fields({
  ...header,
  schema: v.pipe(integer, v.maxValue(SCHEMA_VERSION, 'made by a newer version of the extension'), v.minValue(1, 'unsupported schema')),
  entries,
});

/** Schemas 1 and 2 hold the same file (lib/backup/backup-file.ts): one Commander's. */
const singleCommanderBackupSchema = fields({
  ...header,
  schema: v.pipe(integer, v.minValue(1, 'unsupported schema'), v.maxValue(2, 'unsupported schema')),
  entries: singleCommanderEntries,
});

const SINGLE_COMMANDER_SCHEMAS: readonly unknown[] = [1, 2];

function schemaOf(value: unknown): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as { schema?: unknown }).schema : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates a backup given as JSON text or a parsed value; one made before Commanders comes back as the
 * current layout with one Commander. Never throws.
 */
export function readBackup(input: unknown): ReadResult<Backup> {
  let value = input;
  if (typeof input === 'string') {
    const parsed = readDocument(v.unknown(), input, MAX_BACKUP_BYTES);
    if (!parsed.ok) return withoutKeys(parsed) as ReadResult<Backup>;
    value = parsed.value;
  }
  if (SINGLE_COMMANDER_SCHEMAS.includes(schemaOf(value))) {
    const read = withoutKeys(readDocument(singleCommanderBackupSchema, value, MAX_BACKUP_BYTES));
    if (!read.ok) return read as ReadResult<Backup>;
    return { ok: true, value: { ...read.value, schema: SCHEMA_VERSION, entries: withFirstCommander(read.value.entries) } as Backup };
  }
  return withoutKeys(readDocument(backupSchema, value, MAX_BACKUP_BYTES)) as ReadResult<Backup>;
}
