// Reading a backup with one valibot schema, built of the same pieces as the pack's (and holding the pack
// schema itself for the stored packs): every rule checked, the first problem reported with its path, a
// fresh value built from known fields only.
import * as v from 'valibot';
import type { MilestoneProgress, PackProgress, TrackProgress } from '../commander/progress';
import type { NotificationSettings, PackSettings, Settings } from '../commander/settings';
import { feedRecordsSchema } from '../feeds/feed-record';
import { MAX_MINUTES_BEFORE_END } from '../notifications/plan';
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
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, type Backup, type BackupEntries } from './backup';

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
  followedTrackId: v.optional(slug),
  dailyReset: v.optional(dailyReset),
  hidden: v.optional(boolean),
}) satisfies v.GenericSchema<unknown, PackSettings>;

const notificationSettings = fields({
  enabled: boolean,
  minutesBeforeEnd: integerIn(0, MAX_MINUTES_BEFORE_END),
  onStart: boolean,
}) satisfies v.GenericSchema<unknown, NotificationSettings>;

const settings = fields({
  packs: idRecord(packSettings, { max: LIMITS.packSettings }),
  notifications: notificationSettings,
}) satisfies v.GenericSchema<unknown, Settings>;

const milestoneProgress = fields({
  objectives: idRecord(instant, { max: LIMITS.objectives }),
  completedAt: v.optional(instant),
}) satisfies v.GenericSchema<unknown, MilestoneProgress>;

const trackProgress = fields({
  milestones: idRecord(milestoneProgress, { max: LIMITS.milestones }),
  server: v.optional(fields({ points: integerIn(0, LIMITS.serverPoints), seenAt: instant })),
}) satisfies v.GenericSchema<unknown, TrackProgress>;

const packProgress = fields({
  tracks: idRecord(trackProgress, { max: LIMITS.tracks }),
}) satisfies v.GenericSchema<unknown, PackProgress>;

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

const entries = v.pipe(
  fields({
    settings,
    progress: idRecord(packProgress, { max: LIMITS.progressPacks }),
    packIndex: idRecord(indexEntry, { max: LIMITS.packs }),
    packs: storedPacks,
    // Absent in backups made before feeds existed, and when there are none.
    feeds: v.optional(feedRecordsSchema),
  }),
  // The index lists exactly the stored packs, as savePack keeps it.
  v.rawCheck<BackupEntries>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { packIndex, packs, progress, feeds } = dataset.value;
    // The sizes the store's writes keep to (lib/storage/limits.ts), which bound the next backup.
    for (const id of Object.keys(progress)) {
      if (storedBytes(progress[id]) > MAX_PROGRESS_BYTES) return addIssue({ message: `larger than ${inMiB(MAX_PROGRESS_BYTES)}`, path: pathTo(dataset.value, ['progress', id]) });
    }
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
  }),
);

const backupSchema = fields({
  format: v.pipe(
    string,
    v.value(BACKUP_FORMAT, (issue) =>
      `must be exactly ${BACKUP_FORMAT}${issue.input === PACK_FORMAT ? ' (this is an event pack: import it under Event packs)' : ''}`,
    ),
  ),
  version: v.pipe(integer, v.maxValue(BACKUP_VERSION, 'made by a newer version'), v.minValue(1, 'unsupported version')),
  exportedAt: instantText,
  // Only the current schema exists; an older one will be migrated here, in memory, when there is one.
  schema: v.pipe(integer, v.maxValue(SCHEMA_VERSION, 'made by a newer version of the extension'), v.minValue(SCHEMA_VERSION, 'unsupported schema')),
  entries,
});

/** Validates a backup given as JSON text or a parsed value. Never throws. */
export function readBackup(input: unknown): ReadResult<Backup> {
  return withoutKeys(readDocument(backupSchema, input, MAX_BACKUP_BYTES)) as ReadResult<Backup>;
}
