// Upgrades of the stored layout (lib/storage/stored-data.ts), one step per schema version. Pure: each step
// reads the old values and returns the entries it rewrites; lib/storage/store-adapter.ts runs them.

/** Upgrades from version N to N + 1, run in order inside one transaction. None yet: schema 1 is the first. */
export type Migration = (read: (key: string) => unknown) => Array<[string, unknown]>;
export const MIGRATIONS: Record<number, Migration> = {};

