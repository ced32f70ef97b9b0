// Restoring a file that is not a good backup: the alert leads with what is wrong in a player's words,
// the exact path after it, and the store is unchanged.
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsBackup } from '../../entrypoints/options/BackupSection';
import { OptionsPackImport } from '../../entrypoints/options/PackImport';
import { backupFileText } from '../../lib/backup/backup-file';
import { backupOf } from '../../lib/backup/backup';
import { defaultSettings } from '../../lib/commander/settings';
import { optionsState } from '../../lib/views/options-state';
import { readEverything } from '../../lib/storage/store-adapter';
import { fiveDayTrack, pack } from '../fixtures/packs';
import { stateWith } from '../fixtures/tracker-state';
import { emptyExtensionStore } from '../helpers/store';

const MON = Date.UTC(2023, 10, 13);

beforeEach(() => emptyExtensionStore());

const choose = (label: string, name: string, contents: BlobPart) =>
  fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([contents], name, { type: 'application/json' })] } });

describe('refused files on the options page', () => {
  it('says a binary backup file is not a text file, by its name', async () => {
    render(<OptionsBackup reload={async () => {}} />);
    choose('Restore from backup', 'photo.json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not restored: “photo.json” is not a text file (it holds binary data or is not UTF-8). Nothing was changed.',
    );
    expect(await readEverything()).toEqual({});
  });

  it('says what is damaged in a backup first, and where', async () => {
    const winter = pack([fiveDayTrack('heroes')], { id: 'winter-arc', title: 'Winter arc' });
    const backup = backupOf(
      {
        schema: 3,
        settings: defaultSettings(),
        packIndex: { 'winter-arc': { title: 'Winter arc', importedAt: MON } },
        'pack:winter-arc': winter,
        commanders: { activeId: 'c1', list: [{ id: 'c1', name: 'Commander 1', tracks: { 'winter-arc': 'heroes' } }] },
        'progress:c1:winter-arc': { tracks: { heroes: { milestones: { 'day-1': { objectives: {}, completedAt: MON } } } } },
      },
      MON,
    );
    (backup.entries.progress.c1!['winter-arc']!.tracks.heroes!.milestones['day-1'] as { completedAt: unknown }).completedAt = 'Monday';
    // With a digest that matches, so the reader (not the digest check) finds the problem.
    render(<OptionsBackup reload={async () => {}} />);
    choose('Restore from backup', 'backup.json', await backupFileText(backup));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This backup is damaged: a completion time is not an integer (entries.progress.c1.winter-arc.tracks.heroes.milestones.day-1.completedAt). Nothing was changed.',
    );
    expect(await readEverything()).toEqual({});
  });

  it('says what is wrong in an imported pack first, and where', async () => {
    render(<OptionsPackImport state={optionsState(stateWith({}).snapshot, [])} reload={async () => {}} />);
    const broken = pack([fiveDayTrack('heroes')], { id: 'winter-arc', title: 'Winter arc' });
    broken.tracks[0]!.milestones[0]!.points = -1;
    choose('Import event pack', 'winter.json', JSON.stringify(broken));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not imported: the points of milestone 1 of track 1 must be 0–100000 (tracks[0].milestones[0].points). Nothing was changed.',
    );
  });
});
