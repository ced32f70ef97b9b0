// The options page's Commanders: add (name, optional server), rename, remove with a confirmation that lists
// the progress that goes; the last one stays. On the real store (fake-indexeddb).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsPage } from '../../entrypoints/options/OptionsPage';
import { applyProgressChange } from '../../lib/commander/progress-change';
import { BUILTIN_PACK_ID, builtinPack } from '../../lib/packs/builtin';
import { readEverything, readSnapshot } from '../../lib/storage/store-adapter';
import { updateCommanders, updatePackProgress } from '../../lib/storage/store-writes-adapter';
import { emptyExtensionStore } from '../helpers/store';
import { DEFENDERS, WED_NOON } from '../fixtures/tracker-state';

const commanders = () => within(screen.getByRole('region', { name: 'Commanders' }));

async function addCommander(name: string, server = '') {
  const form = within(screen.getByRole('form', { name: 'Add a Commander' }));
  fireEvent.input(form.getByRole('textbox', { name: 'Name' }), { target: { value: name } });
  fireEvent.input(form.getByRole('textbox', { name: 'Server (optional)' }), { target: { value: server } });
  fireEvent.click(form.getByRole('button', { name: 'Add Commander' }));
}

describe('the Commanders on the options page', () => {
  beforeEach(async () => {
    await emptyExtensionStore();
    await updateCommanders((c) => ({ ...c, list: [{ ...c.list[0]!, tracks: { [BUILTIN_PACK_ID]: DEFENDERS } }] }));
  });

  it('adds a Commander with a server label, following the same tracks, and refuses a name twice', async () => {
    render(<OptionsPage />);
    await screen.findByRole('heading', { name: 'Commanders' });
    expect(commanders().queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(commanders().getByText('The last Commander cannot be removed.')).toBeTruthy();

    await addCommander('Spock', 'S42');
    await commanders().findByText('Spock (S42)');
    expect((await readSnapshot()).commanders.list.at(-1)).toEqual({ id: 'c2', name: 'Spock', server: 'S42', tracks: { [BUILTIN_PACK_ID]: DEFENDERS } });

    const before = await readEverything();
    await addCommander(' spock ');
    expect((await commanders().findByRole('alert')).textContent).toBe('You already have a Commander named “spock”.');
    expect(await readEverything()).toEqual(before);
  });

  it('renames a Commander', async () => {
    render(<OptionsPage />);
    await screen.findByRole('heading', { name: 'Commanders' });
    fireEvent.click(commanders().getByRole('button', { name: 'Rename Commander 1' }));
    const form = within(commanders().getByRole('form', { name: 'Rename Commander 1' }));
    fireEvent.input(form.getByRole('textbox', { name: 'Name' }), { target: { value: 'Kirk' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await commanders().findByRole('button', { name: 'Rename Kirk' });
    expect((await readSnapshot()).commanders.list[0]?.name).toBe('Kirk');
  });

  it('removes a Commander with its progress after a confirmation that lists it, and keeps the other’s', async () => {
    await updateCommanders((c) => ({ ...c, list: [...c.list, { id: 'c2', name: 'Spock', tracks: { [BUILTIN_PACK_ID]: DEFENDERS } }] }));
    const done = (milestoneId: string) => (p: Parameters<typeof applyProgressChange>[0]) =>
      applyProgressChange(p, { kind: 'completed', trackId: DEFENDERS, milestoneId, value: true, at: WED_NOON });
    await updatePackProgress('c2', BUILTIN_PACK_ID, done('unraveling-anomalies'));
    await updatePackProgress('c2', BUILTIN_PACK_ID, done('hidden-motivations'));
    await updatePackProgress('c1', BUILTIN_PACK_ID, done('hidden-motivations'));
    render(<OptionsPage />);
    await screen.findByRole('heading', { name: 'Commanders' });

    fireEvent.click(commanders().getByRole('button', { name: 'Remove Spock' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Remove Spock?' }));
    expect(dialog.getByRole('listitem').textContent).toBe(`${builtinPack().title}: 2 milestones completed`);
    fireEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect((await readSnapshot()).commanders.list).toHaveLength(2);

    fireEvent.click(commanders().getByRole('button', { name: 'Remove Spock' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove Spock?' })).getByRole('button', { name: 'Remove Commander' }));
    await waitFor(async () => expect((await readSnapshot()).commanders.list.map((c) => c.id)).toEqual(['c1']));
    const stored = await readEverything();
    expect(Object.keys(stored).filter((key) => key.startsWith('progress:'))).toEqual([`progress:c1:${BUILTIN_PACK_ID}`]);
    await commanders().findByText('The last Commander cannot be removed.');
  });
});

describe('an event pack card with two Commanders', () => {
  beforeEach(async () => {
    await emptyExtensionStore();
    await updateCommanders(() => ({
      activeId: 'c2',
      list: [
        { id: 'c1', name: 'Kirk', tracks: { [BUILTIN_PACK_ID]: DEFENDERS } },
        { id: 'c2', name: 'Spock', tracks: { [BUILTIN_PACK_ID]: 'architects-of-chaos' } },
      ],
    }));
    await updatePackProgress('c1', BUILTIN_PACK_ID, (p) =>
      applyProgressChange(p, { kind: 'completed', trackId: DEFENDERS, milestoneId: 'hidden-motivations', value: true, at: WED_NOON }),
    );
  });

  it('says whose followed track and progress it shows: the Commander shown in the views', async () => {
    render(<OptionsPage />);
    const card = within(await screen.findByRole('article', { name: builtinPack().title }));
    expect(card.getByRole<HTMLSelectElement>('combobox', { name: 'Followed track of Spock' }).value).toBe('architects-of-chaos');
    expect(card.getByText('Nothing recorded yet by Spock.')).toBeTruthy();
  });
});
