// Upgrades a stored layout in IndexedDB: reads every value, asks lib/storage/migrations.ts what to write,
// and applies it in the same transaction. Loaded only when a store needs an upgrade (lib/storage/load.ts,
// ensureSchema in store-adapter.ts), the way each context says (lib/storage/upgrade-loader.ts): a view opens without it.
import type { UseStore } from 'idb-keyval';
import { MIGRATIONS, planMigration, type Migration } from './migrations';
import { SCHEMA_VERSION } from './stored-data';

export type MigrationOutcome = { ok: true; from: number; schema: number } | { ok: false; damage: string };

/**
 * Brings a store written by an older version up to `target` in one transaction (lib/storage/migrations.ts
 * plans it). Always settles: a store it cannot read is left untouched and reported as damaged.
 */
export async function migrate(
  store: UseStore,
  migrations: Record<number, Migration> = MIGRATIONS,
  target = SCHEMA_VERSION,
): Promise<MigrationOutcome> {
  return store('readwrite', (objects) => {
    return new Promise<MigrationOutcome>((resolve, reject) => {
      let outcome: MigrationOutcome | undefined;
      const transaction = objects.transaction;
      transaction.oncomplete = () => (outcome ? resolve(outcome) : reject(new Error('the upgrade did not finish')));
      transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new Error('the upgrade was aborted'));
      const values = new Map<string, unknown>();
      const cursorRequest = objects.openCursor();
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (cursor) {
          values.set(String(cursor.key), cursor.value);
          cursor.continue();
          return;
        }
        try {
          const plan = planMigration(values, migrations, target);
          if (!plan.ok) {
            outcome = plan;
            return;
          }
          for (const key of plan.remove) objects.delete(key);
          for (const [key, value] of plan.put) objects.put(value, key);
          outcome = { ok: true, from: plan.from, schema: plan.schema };
        } catch (error) {
          // An exception here must not leave the promise pending: undo everything and report it.
          transaction.abort();
          reject(error);
        }
      };
    });
  });
}
