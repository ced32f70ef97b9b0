// Upgrades of the stored layout (lib/storage/stored-data.ts), one step per schema version, and the checks
// planning of an upgrade. Pure: lib/storage/store-adapter.ts reads every stored value,
// asks planMigration what to write, and applies it in the same transaction.
import { headDamage, isRecord, SCHEMA_1_PROGRESS_KEY, StoreDamaged } from './damage';
import { defaultCommanders, FIRST_COMMANDER_ID, type Commanders } from '../commander/commanders';
import { KEYS, PROGRESS_PREFIX, SCHEMA_VERSION } from './stored-data';

/** What one step changes: values to put and keys to remove. Keys it does not name are kept as they are. */
export interface MigrationStep {
  put: Array<[string, unknown]>;
  remove: string[];
}

/**
 * Upgrades the store from version N to N + 1, reading the values as the previous steps left them.
 * Throws StoreDamaged when a value is not what version N stored: the whole upgrade then writes nothing.
 */
export type Migration = (stored: ReadonlyMap<string, unknown>) => MigrationStep;

/** 1 → 2: the one `progress` value (all packs) becomes one `progress:<packId>` value per pack. */
export function splitProgressByPack(stored: ReadonlyMap<string, unknown>): MigrationStep {
  const all = stored.get(SCHEMA_1_PROGRESS_KEY);
  if (all === undefined) return { put: [], remove: [] };
  if (!isRecord(all)) throw new StoreDamaged('progress is not a record of packs');
  const put: Array<[string, unknown]> = [];
  for (const [packId, progress] of Object.entries(all)) {
    if (!isRecord(progress) || !isRecord(progress.tracks)) throw new StoreDamaged(`progress of ${packId} is not a pack's progress`);
    put.push([`${PROGRESS_PREFIX}${packId}`, progress]);
  }
  return { put, remove: [SCHEMA_1_PROGRESS_KEY] };
}

/**
 * 2 → 3: today's data becomes the first Commander, `c1`: each `progress:<packId>` value moves, as it is, to
 * `progress:c1:<packId>`, and each pack's followedTrackId moves from the settings to the Commander's tracks.
 * The rest of the settings (hidden, daily reset, notifications) stays shared.
 */
export function createFirstCommander(stored: ReadonlyMap<string, unknown>): MigrationStep {
  const put: Array<[string, unknown]> = [];
  const remove: string[] = [];
  const tracks: Record<string, string> = {};
  const settings = stored.get(KEYS.settings);
  if (isRecord(settings) && isRecord(settings.packs)) {
    const packs: Record<string, unknown> = {};
    for (const [packId, own] of Object.entries(settings.packs)) {
      if (!isRecord(own)) throw new StoreDamaged(`the settings of ${packId} are not a pack's settings`);
      const { followedTrackId, ...shared } = own;
      if (followedTrackId !== undefined) {
        if (typeof followedTrackId !== 'string') throw new StoreDamaged(`the followed track of ${packId} is not an id`);
        tracks[packId] = followedTrackId;
      }
      if (Object.keys(shared).length > 0) packs[packId] = shared;
    }
    put.push([KEYS.settings, { ...settings, packs }]);
  }
  for (const [key, progress] of stored) {
    if (!key.startsWith(PROGRESS_PREFIX)) continue;
    const packId = key.slice(PROGRESS_PREFIX.length);
    // Already `progress:<commanderId>:<packId>` (pack ids have no colon): written by this version into a store not yet marked.
    if (packId.includes(':')) continue;
    put.push([KEYS.progress(FIRST_COMMANDER_ID, packId), progress]);
    remove.push(key);
  }
  // A store without a schema mark is read as schema 1, and this version writes Commanders before it marks
  // a new store: such Commanders are kept, the first one following what it does not follow yet.
  const existing = stored.get(KEYS.commanders);
  const base = existing === undefined ? defaultCommanders() : (existing as Commanders);
  const commanders: Commanders = {
    ...base,
    list: base.list.map((c) => (c.id === FIRST_COMMANDER_ID ? { ...c, tracks: { ...tracks, ...c.tracks } } : c)),
  };
  put.push([KEYS.commanders, commanders]);
  return { put, remove };
}

/** Step N upgrades version N; a new layout adds its step here and raises SCHEMA_VERSION. */
export const MIGRATIONS: Record<number, Migration> = {
  1: splitProgressByPack,
  2: createFirstCommander,
};

/**
 * Why the stored schema cannot be read (below 1, not an integer, newer than `target`), else undefined.
 * An absent schema is version 1 (stores written before it existed), or `target` for an empty store.
 */
export function storedSchema(raw: unknown, storeIsEmpty: boolean, target = SCHEMA_VERSION): { schema: number } | { damage: string } {
  if (raw === undefined) return { schema: storeIsEmpty ? target : 1 };
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) return { damage: `the stored schema is ${describe(raw)}` };
  if (raw > target) return { damage: `the data is from a newer version of the extension (schema ${raw}); update the extension` };
  return { schema: raw };
}

const describe = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value).slice(0, 40));

export type MigrationPlan =
  | { ok: true; from: number; schema: number; put: Map<string, unknown>; remove: Set<string> }
  | { ok: false; damage: string };

/**
 * What upgrading `stored` (every stored key and value) to `target` writes, or why it cannot. Nothing in
 * it is dropped: each step says what it moves where. Already at `target` plans only the schema mark.
 */
export function planMigration(
  stored: ReadonlyMap<string, unknown>,
  migrations: Record<number, Migration> = MIGRATIONS,
  target = SCHEMA_VERSION,
): MigrationPlan {
  const version = storedSchema(stored.get(KEYS.schema), stored.size === 0, target);
  if ('damage' in version) return { ok: false, damage: version.damage };
  const damage = headDamage(stored.get(KEYS.settings), stored.get(KEYS.packIndex), stored.get(KEYS.commanders));
  if (damage) return { ok: false, damage };
  const values = new Map(stored);
  const put = new Map<string, unknown>();
  const remove = new Set<string>();
  try {
    for (let from = version.schema; from < target; from++) {
      const step = migrations[from];
      if (!step) return { ok: false, damage: `no upgrade from schema ${from}` };
      const change = step(values);
      for (const key of change.remove) {
        values.delete(key);
        put.delete(key);
        remove.add(key);
      }
      for (const [key, value] of change.put) {
        values.set(key, value);
        put.set(key, value);
        remove.delete(key);
      }
    }
  } catch (error) {
    if (error instanceof StoreDamaged) return { ok: false, damage: error.message };
    throw error;
  }
  if (stored.get(KEYS.schema) !== target) put.set(KEYS.schema, target);
  return { ok: true, from: version.schema, schema: target, put, remove };
}
