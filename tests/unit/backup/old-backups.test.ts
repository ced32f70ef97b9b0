// Backups written before Commanders existed (store schemas 1 and 2), as files in tests/fixtures/backups,
// restore into one Commander with every value kept.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createStore, entries } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../lib/storage/writes';
import { loadTrackerState } from '../../../lib/storage/load';
import { KEYS, SCHEMA_VERSION } from '../../../lib/storage/stored-data';

let counter = 0;
const freshStore = () => createStore(`old-backups-test-${++counter}`, 'kv');
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/backups', name), 'utf8');
const BUILTIN = 'heroes-and-villains-2023-11';

describe.each([
  ['schema 2 (compact, with its digest, with a feed)', 'schema-2.json'],
  ['schema 1 (indented, no digest)', 'schema-1.json'],
])('a backup of %s', (_label, file) => {
  const text = fixture(file);
  const old = JSON.parse(text).entries;

  it('restores into one Commander, with its followed tracks and every progress record’s values', async () => {
    const store = freshStore();
    expect((await restoreBackup(text, store)).ok).toBe(true);
    const stored = new Map(await entries(store));
    expect(stored.get(KEYS.schema)).toBe(SCHEMA_VERSION);
    expect(stored.get(KEYS.commanders)).toEqual({
      activeId: 'c1',
      list: [{ id: 'c1', name: 'Commander 1', tracks: { 'winter-arc': 'villains', [BUILTIN]: 'defenders-of-peace' } }],
    });
    expect(stored.get(KEYS.settings)).toEqual({ packs: { 'winter-arc': { dailyReset: '11:00Z' } }, notifications: old.settings.notifications });
    for (const packId of ['winter-arc', BUILTIN]) expect(stored.get(KEYS.progress('c1', packId))).toEqual(old.progress[packId]);
    expect(stored.get(KEYS.packIndex)).toEqual(old.packIndex);
    expect(stored.get(KEYS.pack('winter-arc'))).toEqual(old.packs['winter-arc']);
    expect(stored.get(KEYS.feeds)).toEqual(old.feeds);
    expect([...stored.keys()].filter((key) => String(key).startsWith('progress'))).toHaveLength(2);
  });

  it('shows that Commander’s progress in the views', async () => {
    const store = freshStore();
    await restoreBackup(text, store);
    const state = await loadTrackerState(store);
    const winter = state.packs.find((entry) => entry.pack.id === 'winter-arc');
    expect(winter?.followedTrackId).toBe('villains');
    expect(winter?.progress.tracks.villains?.milestones['day-1']?.completedAt).toBe(old.progress['winter-arc'].tracks.villains.milestones['day-1'].completedAt);
  });

  it('backs up again as a current file that restores to the same store', async () => {
    const first = freshStore();
    await restoreBackup(text, first);
    const again = await exportBackup(Date.UTC(2023, 10, 20), first);
    expect(JSON.parse(again).schema).toBe(SCHEMA_VERSION);
    const second = freshStore();
    expect((await restoreBackup(again, second)).ok).toBe(true);
    // All but this device's mark that the packs changed (lib/storage/stored-data.ts), which each restore writes anew.
    const stored = async (store: typeof first) => (await entries(store)).filter(([key]) => key !== KEYS.packsRevision);
    expect(await stored(second)).toEqual(await stored(first));
  });
});
