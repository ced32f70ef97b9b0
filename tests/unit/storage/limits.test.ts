// One set of limits: import refuses the pack that would cross one, in words, and the backup reader takes
// the same numbers, so the most packs import allows still restore.
import { describe, expect, it } from 'vitest';
import { readBackup } from '../../../lib/backup/reader';
import { MAX_PACK_BYTES as READER_MAX_PACK_BYTES } from '../../../lib/packs/reader';
import { prepareImport } from '../../../lib/packs/import';
import { MAX_BACKUP_BYTES as BACKUP_MAX_BYTES } from '../../../lib/backup/backup';
import { MAX_BACKUP_BYTES, MAX_PACK_BYTES, MAX_PACKS } from '../../../lib/storage/limits';
import { defaultSettings } from '../../../lib/commander/settings';
import { defaultCommanders } from '../../../lib/commander/commanders';
import { SCHEMA_VERSION, type Snapshot } from '../../../lib/storage/stored-data';

const emptySnapshot = (): Snapshot => ({ schema: SCHEMA_VERSION, settings: defaultSettings(), commanders: defaultCommanders(), progress: {}, packIndex: {} });
import { fiveDayTrack, pack } from '../../fixtures/packs';

const NOW = Date.UTC(2023, 10, 13);

function installedWith(count: number) {
  const snapshot = emptySnapshot();
  const packs = Array.from({ length: count }, (_, i) => pack([fiveDayTrack()], { id: `arc-${i}`, title: `Arc ${i}` }));
  for (const p of packs) snapshot.packIndex[p.id] = { title: p.title, importedAt: NOW };
  return { snapshot, packs };
}

describe('limits', () => {
  it('are the numbers the readers use', () => {
    expect(READER_MAX_PACK_BYTES).toBe(MAX_PACK_BYTES);
    expect(BACKUP_MAX_BYTES).toBe(MAX_BACKUP_BYTES);
  });

  it('refuses the 201st pack in words, but replaces an installed one and takes the 200th', () => {
    const full = installedWith(MAX_PACKS);
    expect(prepareImport(pack([fiveDayTrack()], { id: 'one-more' }), full)).toEqual({
      ok: false,
      problem: { path: '', message: 'You have 200 event packs, the most this extension keeps; remove one first' },
    });
    expect(prepareImport(pack([fiveDayTrack()], { id: 'arc-7', title: 'Arc 7 again' }), full).ok).toBe(true);
    expect(prepareImport(pack([fiveDayTrack()], { id: 'one-more' }), installedWith(MAX_PACKS - 1)).ok).toBe(true);
  });

  it('lets the backup reader take as many packs as import does', () => {
    const { packs } = installedWith(MAX_PACKS);
    const backup = {
      format: 'stfc-milestone-backup',
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      schema: SCHEMA_VERSION,
      entries: {
        settings: emptySnapshot().settings,
        commanders: emptySnapshot().commanders,
        progress: {},
        packIndex: Object.fromEntries(packs.map((p) => [p.id, { title: p.title, importedAt: NOW }])),
        packs: Object.fromEntries(packs.map((p) => [p.id, p])),
      },
    };
    const read = readBackup(backup);
    expect(read.ok ? 'restores' : read.problem).toBe('restores');
  });
});
