// What every reader of the store checks before it trusts a value: the marks of a store this version
// cannot read. Apart from lib/storage/migrations.ts, so that the views and the worker open without the
// upgrade code (loaded only when a store needs it).

/** A store this version cannot read: it is left untouched and the views offer a restore. */
export class StoreDamaged extends Error {
  override readonly name = 'StoreDamaged';
}

/** A plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where schema 1 kept the progress of every pack, as one value. */
export const SCHEMA_1_PROGRESS_KEY = 'progress';

/** Why the values every version keeps (settings, pack index; Commanders since 3) cannot be read, else undefined. */
export function headDamage(settings: unknown, packIndex: unknown, commanders?: unknown): string | undefined {
  if (settings !== undefined && !(isRecord(settings) && isRecord(settings.packs))) return 'the stored settings are not settings';
  if (packIndex !== undefined && !isRecord(packIndex)) return 'the stored pack list is not a list of packs';
  if (commanders !== undefined && !(isRecord(commanders) && typeof commanders.activeId === 'string' && Array.isArray(commanders.list) && commanders.list.length > 0 && commanders.list.every((c) => isRecord(c) && typeof c.id === 'string' && isRecord(c.tracks)))) {
    return 'the stored Commanders are not a list of Commanders';
  }
  return undefined;
}
