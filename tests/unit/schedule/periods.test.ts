// A milestone starts before it ends under every daily reset the extension applies: the pack's own (the
// reader), the Commander's (options, a restore, a feed update or re-import). The case: a date-only
// start and an instant end on the same day, fine at 00:00Z, inside out at 21:00Z.
import { createStore, entries } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { DIGEST_FIELD } from '../../../lib/backup/backup-file';
import { withPackSettings } from '../../../lib/commander/settings';
import { prepareImport } from '../../../lib/packs/import';
import { readPack } from '../../../lib/packs/reader';
import { serialisePack } from '../../../lib/packs/export';
import { invertedPeriod } from '../../../lib/schedule/periods';
import { loadOptionsState } from '../../../lib/storage/load';
import { savePack, updateSettings } from '../../../lib/storage/store-writes-adapter';
import { exportBackup, restoreBackup } from '../../../lib/storage/writes';
import { installedPacks } from '../../../lib/views/options-state';
import { milestone, pack, track } from '../../fixtures/packs';

let counter = 0;
const freshStore = () => createStore(`periods-test-${++counter}`, 'kv');
const NOW = Date.UTC(2026, 11, 1);
type Loose = any;

const arc = (dailyReset?: string) =>
  pack([track('heroes', [milestone('ok', '2026-12-01', '2026-12-02'), milestone('evening', '2026-12-02', '2026-12-02T20:00Z', { name: 'Evening Patrol' })], { name: 'Heroes' })], {
    id: 'winter-arc',
    ...(dailyReset ? { dailyReset } : {}),
  });

describe('times that cannot invert', () => {
  it('finds the milestone a reset turns inside out, by name and path', () => {
    expect(invertedPeriod(arc(), '00:00Z')).toBeUndefined();
    expect(invertedPeriod(arc(), '21:00Z')).toEqual({ keys: ['tracks', 0, 'milestones', 1, 'end'], what: 'the milestone “Evening Patrol” of “Heroes”' });
  });

  it('refuses a pack whose own daily reset inverts a milestone, naming it', () => {
    expect(readPack(arc('19:00Z')).ok).toBe(true);
    expect(readPack(arc('21:00Z'))).toEqual({
      ok: false,
      problem: {
        path: 'tracks[0].milestones[1].end',
        message: 'must end after start (the milestone “Evening Patrol” of “Heroes” ends before it starts at the daily reset 21:00Z)',
      },
    });
  });

  it('refuses an import or feed update that the Commander’s own reset would invert, naming the milestone', async () => {
    const store = freshStore();
    await updateSettings((s) => withPackSettings(s, 'winter-arc', { dailyReset: '21:00Z' }), store);
    const prepared = prepareImport(serialisePack(arc()), installedPacks(await loadOptionsState(store)));
    expect(prepared).toEqual({
      ok: false,
      problem: {
        path: 'tracks[0].milestones[1].end',
        message: 'at a daily reset of 21:00Z, the milestone “Evening Patrol” of “Heroes” would end before it starts (your daily reset for this pack); change that reset first',
      },
    });
    await updateSettings((s) => withPackSettings(s, 'winter-arc', { dailyReset: '05:00Z' }), store);
    expect(prepareImport(serialisePack(arc()), installedPacks(await loadOptionsState(store))).ok).toBe(true);
  });

  it('refuses a restore whose reset would invert a milestone of that pack, naming it, and changes nothing', async () => {
    const source = freshStore();
    await savePack(arc(), NOW, source);
    const file: Loose = JSON.parse(await exportBackup(NOW, source));
    delete file[DIGEST_FIELD];
    file.entries.settings.packs['winter-arc'] = { ...file.entries.settings.packs['winter-arc'], dailyReset: '21:00Z' };
    const target = freshStore();
    await savePack(arc(), NOW, target);
    const before = await entries(target);
    expect(await restoreBackup(JSON.stringify(file), target)).toEqual({
      ok: false,
      problem: {
        path: 'entries.settings.packs.winter-arc.dailyReset',
        message: 'at a daily reset of 21:00Z, the milestone “Evening Patrol” of “Heroes” would end before it starts',
      },
    });
    expect(await entries(target)).toEqual(before);
  });
});
