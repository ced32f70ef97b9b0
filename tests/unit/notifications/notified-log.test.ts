import { createStore, get } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { claimNotifications } from '../../../lib/storage/store-writes-adapter';
import { KEYS, NOTIFIED_MEMORY_MS } from '../../../lib/storage/stored-data';

let counter = 0;
const freshStore = () => createStore(`notified-test-${++counter}`, 'kv');
const NOW = Date.UTC(2024, 1, 6, 12);

describe('the log of shown notifications', () => {
  it('lets exactly one of two workers claim a notification they both find due', async () => {
    const store = freshStore();
    const [a, b] = await Promise.all([
      claimNotifications(['p/t/m/ending', 'p/t/m/start'], NOW, store),
      claimNotifications(['p/t/m/ending'], NOW, store),
    ]);
    expect([...a, ...b].sort()).toEqual(['p/t/m/ending', 'p/t/m/start']);
    expect(await claimNotifications(['p/t/m/ending', 'p/t/m/start'], NOW + 1, store)).toEqual([]);
  });

  it('forgets ids after 30 days, and writes nothing when nothing is new', async () => {
    const store = freshStore();
    await claimNotifications(['old'], NOW, store);
    await claimNotifications(['new'], NOW + NOTIFIED_MEMORY_MS, store);
    expect(await get(KEYS.notified, store)).toEqual({ new: NOW + NOTIFIED_MEMORY_MS });
    expect(await claimNotifications(['new'], NOW + NOTIFIED_MEMORY_MS + 1, store)).toEqual([]);
    expect(await get(KEYS.notified, store)).toEqual({ new: NOW + NOTIFIED_MEMORY_MS });
  });
});
