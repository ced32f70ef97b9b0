// Upgrades of the stored layout (lib/storage/stored-data.ts), one step per schema version, and the checks
// planning of an upgrade. Pure: lib/storage/store-adapter.ts reads every stored value,
// asks planMigration what to write, and applies it in the same transaction.
import { headDamage, isRecord, SCHEMA_1_PROGRESS_KEY, StoreDamaged } from './damage';
import { KEYS, SCHEMA_VERSION } from './stored-data';

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
    put.push([KEYS.progress(packId), progress]);
  }
  return { put, remove: [SCHEMA_1_PROGRESS_KEY] };
}

/** Step N upgrades version N; a new layout adds its step here and raises SCHEMA_VERSION. */
export const MIGRATIONS: Record<number, Migration> = {
  1: splitProgressByPack,
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
  const damage = headDamage(stored.get(KEYS.settings), stored.get(KEYS.packIndex));
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
