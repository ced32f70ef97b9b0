// The options page on the store (fake-indexeddb): its table of contents, its switches, and Edit on an
// installed pack, which opens it in the pack form and saves it as a re-import that keeps the progress.
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OPTIONS_SECTIONS, OptionsPage } from '../../entrypoints/options/OptionsPage';
import { readEverything } from '../../lib/storage/store-adapter';
import { installPack } from '../../lib/storage/store-writes-adapter';
import { loadPackDraft } from '../../lib/storage/pack-draft';
import { recordProgress } from '../../lib/storage/writes';
import { KEYS } from '../../lib/storage/stored-data';
import type { Pack } from '../../lib/packs/types';
import { fiveDayTrack, pack } from '../fixtures/packs';
import { emptyExtensionStore } from '../helpers/store';

// The store is real (fake-indexeddb) and the machine is shared: give its reads and writes time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

const MON = Date.UTC(2023, 10, 13);
const winter = (): Pack => pack([fiveDayTrack('heroes')], { id: 'winter-arc', title: 'Winter arc' });

beforeEach(async () => {
  await emptyExtensionStore();
  const permissions = fakeBrowser.permissions as any;
  permissions.contains = vi.fn(async () => false);
  permissions.request = vi.fn(async () => false);
});

describe('the options page', () => {
  it('opens with a table of contents whose links lead to each section by its heading', async () => {
    render(<OptionsPage />);
    const toc = await screen.findByRole('navigation', { name: 'On this page' });
    const links = within(toc).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(OPTIONS_SECTIONS.map(([, title]) => title));
    for (const [id, title] of OPTIONS_SECTIONS) {
      expect(within(toc).getByRole('link', { name: title }).getAttribute('href')).toBe(`#${id}`);
      const section = document.getElementById(id)!;
      expect(section).not.toBeNull();
      expect(within(section).getAllByRole('heading', { level: 2 })[0]!.textContent).toBe(title);
    }
    expect(screen.getByRole('heading', { level: 1, name: 'Options' })).toBeDefined();
  });

  it('shows every on/off notification setting as a named switch', async () => {
    render(<OptionsPage />);
    const shown = await screen.findByRole<HTMLInputElement>('switch', { name: 'Show notifications' });
    const atStart = screen.getByRole<HTMLInputElement>('switch', { name: 'Notify when a milestone starts' });
    expect([shown.checked, atStart.checked]).toEqual([false, false]);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    fireEvent.click(atStart);
    await waitFor(async () => expect((await readEverything())[KEYS.settings]).toMatchObject({ notifications: { onStart: true } }));
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Notify when a milestone starts' }).checked).toBe(true));
  });

  it('opens an installed pack in the form with Edit, and saving it replaces the pack with its progress kept', async () => {
    await installPack(winter(), { importedAt: MON, followTrackId: 'heroes' });
    await recordProgress('c1', 'winter-arc', { kind: 'completed', trackId: 'heroes', milestoneId: 'day-2', value: true, at: MON + 1 });
    await recordProgress('c1', 'winter-arc', { kind: 'objective', trackId: 'heroes', milestoneId: 'day-3', objectiveId: 'a', value: true, at: MON + 2 });
    const recorded = (await readEverything())[KEYS.progress('c1', 'winter-arc')];
    expect(recorded).toMatchObject({ tracks: { heroes: { milestones: { 'day-2': { completedAt: MON + 1 }, 'day-3': { objectives: { a: MON + 2 } } } } } });
    render(<OptionsPage />);
    // The built-in arc cannot be edited (its id is the extension's); the imported pack can.
    expect(screen.queryByRole('button', { name: /^Edit Heroes and Villains/ })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Winter arc' }));

    const form = screen.getByRole('form', { name: 'Create a pack' });
    await waitFor(() => expect(within(form).getByLabelText<HTMLInputElement>('Title').value).toBe('Winter arc'));
    expect(document.activeElement).toBe(within(form).getByLabelText('Title'));
    expect(within(form).getByLabelText<HTMLInputElement>('Id (optional)').value).toBe('winter-arc');
    expect(within(form).getAllByLabelText<HTMLInputElement>('Name').map((input) => input.value)).toEqual([
      'Milestone day-1',
      'Milestone day-2',
      'Milestone day-3',
      'Milestone day-4',
      'Milestone day-5',
    ]);
    expect(within(form).getByLabelText<HTMLInputElement>('Server goal (points)').value).toBe('8925');

    // A renamed milestone and a new objective text: the ids stay, so does what was recorded under them.
    fireEvent.input(within(form).getAllByLabelText('Name')[1]!, { target: { value: 'Cube Sighting' } });
    fireEvent.input(within(form).getAllByLabelText('Objectives, one per line')[2]!, { target: { value: 'Do a thing better' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes to “Winter arc”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace “Winter arc”?' });
    expect(dialog.textContent).toContain('2 recorded items');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace pack' }));

    await screen.findByText(/^Replaced “Winter arc”/);
    const stored = await readEverything();
    const saved = stored[KEYS.pack('winter-arc')] as Pack;
    expect(saved.tracks[0]!.milestones[1]).toMatchObject({ id: 'day-2', name: 'Cube Sighting' });
    expect(saved.tracks[0]!.milestones[2]!.objectives).toEqual([{ id: 'a', text: 'Do a thing better' }]);
    expect(saved.tracks[0]!.server).toEqual(winter().tracks[0]!.server);
    expect(stored[KEYS.progress('c1', 'winter-arc')]).toEqual(recorded);
    expect(stored[KEYS.commanders]).toMatchObject({ list: [{ id: 'c1', tracks: { 'winter-arc': 'heroes' } }] });
    // And the form starts over, keeping no draft.
    await waitFor(async () => expect(await loadPackDraft()).toBeUndefined());
    expect(within(form).getByLabelText<HTMLInputElement>('Title').value).toBe('');
  });

  it('asks before Edit replaces another pack being typed in the form, keeps the typing on Cancel and a second Edit’s changes', async () => {
    await installPack(winter(), { importedAt: MON, followTrackId: 'heroes' });
    render(<OptionsPage />);
    const title = await screen.findByLabelText<HTMLInputElement>('Title');
    fireEvent.input(title, { target: { value: 'Borg Incursion' } });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Winter arc' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit “Winter arc” instead?' });
    expect(dialog.textContent).toContain('“Borg Incursion”');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Borg Incursion');
    fireEvent.click(screen.getByRole('button', { name: 'Edit Winter arc' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Edit “Winter arc” instead?' })).getByRole('button', { name: 'Edit it' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Winter arc'));
    // Edit again on the pack being edited keeps its unsaved changes.
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Winter arc, corrected' } });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Winter arc' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Winter arc, corrected');
  });
});
