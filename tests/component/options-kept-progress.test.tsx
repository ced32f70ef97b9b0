// Progress kept for packs that are not installed (a restore brought it): the options page lists each
// pack id with its completions and deletes one after a confirmation, on the real store.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsPage } from '../../entrypoints/options/OptionsPage';
import { type PackProgress } from '../../lib/commander/progress';
import { applyProgressChange } from '../../lib/commander/progress-change';
import { BUILTIN_PACK_ID } from '../../lib/packs/builtin';
import { readSnapshot } from '../../lib/storage/store-adapter';
import { savePack, updatePackProgress } from '../../lib/storage/store-writes-adapter';
import { emptyExtensionStore } from '../helpers/store';
import { fiveDayTrack, pack } from '../fixtures/packs';

const MON = Date.UTC(2023, 10, 13);
const complete = (trackId: string, milestoneId: string) => (p: PackProgress) =>
  applyProgressChange(p, { kind: 'completed', trackId, milestoneId, value: true, at: MON });

describe('progress of removed packs on the options page', () => {
  beforeEach(async () => {
    await emptyExtensionStore();
  });

  it('is not shown when every pack with progress is installed', async () => {
    await savePack(pack([fiveDayTrack()], { id: 'installed-arc', title: 'Installed arc' }), MON);
    await updatePackProgress('c1', 'installed-arc', complete('heroes', 'day-1'));
    await updatePackProgress('c1', BUILTIN_PACK_ID, complete('t', 'm'));
    render(<OptionsPage />);
    await screen.findByRole('heading', { name: 'Installed arc' });
    expect(screen.queryByRole('heading', { name: 'Progress of removed packs' })).toBeNull();
  });

  it('lists each pack id with its completions, and deletes one after the confirmation, leaving the others', async () => {
    await savePack(pack([fiveDayTrack()], { id: 'installed-arc', title: 'Installed arc' }), MON);
    await updatePackProgress('c1', 'installed-arc', complete('heroes', 'day-1'));
    await updatePackProgress('c1', 'borg-week-1', complete('resistance', 'cube'));
    await updatePackProgress('c1', 'borg-week-1', complete('resistance', 'sphere'));
    await updatePackProgress('c1', 'old-arc', complete('t', 'm'));
    render(<OptionsPage />);
    const section = await screen.findByRole('region', { name: 'Progress of removed packs' });
    const items = within(section).getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual(['borg-week-1: 2 completed milestones Delete the progress of borg-week-1', 'old-arc: 1 completed milestone Delete the progress of old-arc']);

    fireEvent.click(within(section).getByRole('button', { name: 'Delete the progress of borg-week-1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete the progress of borg-week-1?' });
    expect(dialog.textContent).toContain('2 completed milestones');
    // Cancel keeps it.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(Object.keys((await readSnapshot()).progress.c1 ?? {}).sort()).toEqual(['borg-week-1', 'installed-arc', 'old-arc']);

    fireEvent.click(within(section).getByRole('button', { name: 'Delete the progress of borg-week-1' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete progress' }));
    await waitFor(() => expect(within(section).getByRole('status').textContent).toBe('Deleted the progress kept for borg-week-1.'));
    await waitFor(() => expect(within(section).queryByRole('button', { name: 'Delete the progress of borg-week-1' })).toBeNull());
    expect(Object.keys((await readSnapshot()).progress.c1 ?? {}).sort()).toEqual(['installed-arc', 'old-arc']);
    expect(within(section).getByRole('button', { name: 'Delete the progress of old-arc' })).toBeTruthy();
  });
});
