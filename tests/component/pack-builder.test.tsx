// The "Create a pack" form, filled in as a Commander would, counting every field edit.
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsPackBuilder } from '../../entrypoints/options/PackBuilder';
import { optionsState } from '../../lib/views/options-state';
import { stateWith } from '../fixtures/tracker-state';
import type { Pack } from '../../lib/packs/types';
import { loadPackDraft } from '../../lib/storage/pack-draft';
import { emptyExtensionStore } from '../helpers/store';

// The store is real (fake-indexeddb) and the machine is shared: give its reads and writes time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => emptyExtensionStore());

const form = () => <OptionsPackBuilder state={optionsState(stateWith({}).snapshot, [])} reload={async () => {}} saveFile={vi.fn()} />;

describe('the Create a pack form', () => {
  it('makes a 5-day, 2-track arc with 2 objectives a day in at most 25 field edits', () => {
    const save = vi.fn();
    render(<OptionsPackBuilder state={optionsState(stateWith({}).snapshot, [])} reload={async () => {}} saveFile={save} />);
    let edits = 0;
    const type = (name: string | RegExp, value: string, index = 0) => {
      fireEvent.input(screen.getAllByLabelText(name)[index]!, { target: { value } });
      edits++;
    };
    const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
    const names = ['Cube Sighting', 'Probe Hunt', 'Assimilation', 'Resistance', 'Unimatrix'];

    type('Title', 'Borg Incursion');
    type('Track name', 'Resistance');
    type('Points', '250');
    type('First day', '2024-02-05');
    type('Number of days', '5');
    click('Add 5 daily milestones');
    expect(document.activeElement).toBe(screen.getAllByLabelText('Name')[0]);
    names.forEach((name, m) => {
      type('Name', name, m);
      type('Objectives, one per line', `Dock ${m}\nMine ${m}`, m);
    });
    click('Copy track 1 into a new track');
    expect(document.activeElement).toBe(screen.getAllByLabelText('Track name')[1]);
    type('Track name', 'Collective', 1);
    names.forEach((_, m) => type('Objectives, one per line', `Attack ${m}\nScan ${m}`, 5 + m));
    click('Export pack file');

    expect(edits).toBeLessThanOrEqual(25);
    expect(save).toHaveBeenCalledOnce();
    const pack = JSON.parse(save.mock.calls[0]![1] as string) as Pack;
    expect(pack.tracks.map((t) => t.name)).toEqual(['Resistance', 'Collective']);
    for (const track of pack.tracks) {
      expect(track.milestones.map((m) => m.name)).toEqual(names);
      expect(track.milestones.map((m) => m.points)).toEqual([250, 250, 250, 250, 250]);
      expect(track.milestones.map((m) => m.start)).toEqual(['2024-02-05', '2024-02-06', '2024-02-07', '2024-02-08', '2024-02-09']);
      expect(track.milestones.map((m) => m.end)).toEqual(['2024-02-06', '2024-02-07', '2024-02-08', '2024-02-09', '2024-02-10']);
    }
    expect(pack.tracks[0]!.milestones[2]!.objectives.map((o) => o.text)).toEqual(['Dock 2', 'Mine 2']);
    expect(pack.tracks[1]!.milestones[4]!.objectives.map((o) => o.text)).toEqual(['Attack 4', 'Scan 4']);
  });

  it('carries the points of the milestone above to a new one and moves the focus to its name', () => {
    render(<OptionsPackBuilder state={optionsState(stateWith({}).snapshot, [])} reload={async () => {}} saveFile={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Points'), { target: { value: '375' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add milestone' }));
    expect((screen.getAllByLabelText('Points')[1] as HTMLInputElement).value).toBe('375');
    expect(document.activeElement).toBe(screen.getAllByLabelText('Name')[1]);
  });

  it('keeps the draft while typing and brings it back when the page opens again', async () => {
    const first = render(form());
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Borg Incursion' } });
    fireEvent.input(screen.getByLabelText('Track name'), { target: { value: 'Resistance' } });
    fireEvent.input(screen.getByLabelText('Objectives, one per line'), { target: { value: 'Dock\nMine' } });
    // Leaving the page stores what the pause in typing had not stored yet.
    first.unmount();
    await waitFor(async () => expect((await loadPackDraft())?.title).toBe('Borg Incursion'));

    render(form());
    await screen.findByText(/Your unfinished pack is back as you left it/);
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Borg Incursion');
    expect(screen.getByLabelText<HTMLInputElement>('Track name').value).toBe('Resistance');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Objectives, one per line').value).toBe('Dock\nMine');

    fireEvent.click(screen.getByRole('button', { name: 'Clear the form' }));
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('');
    await waitFor(async () => expect(await loadPackDraft()).toBeUndefined());
  });

  it('has fields for the server goal, the server and solo rewards and the requirements', () => {
    const save = vi.fn();
    render(<OptionsPackBuilder state={optionsState(stateWith({}).snapshot, [])} reload={async () => {}} saveFile={save} />);
    const type = (name: string, value: string) => fireEvent.input(screen.getByLabelText(name), { target: { value } });
    type('Title', 'Borg Incursion');
    type('Requirements, one per line (optional)', 'Commander level 10 or higher\nComplete the Borg mission');
    type('Track name', 'Resistance');
    type('Server event name', 'Resistance – IMS');
    type('Server goal (points)', '8925');
    type('Starts (daily reset of)', '2024-02-05');
    type('Ends (daily reset of)', '2024-02-10');
    type('Server rewards, one per line (empty: not published)', '4 Seven of Nine shards');
    type('Solo event name', 'Resister – SMS');
    type('Solo rewards, one per line (empty: not published)', 'Tritanium\n2★ Refined Crystal');
    type('Name', 'Cube Sighting');
    type('Day', '2024-02-05');
    fireEvent.click(screen.getByRole('button', { name: 'Export pack file' }));
    expect(screen.queryByRole('alert')).toBeNull();
    const pack = JSON.parse(save.mock.calls[0]![1] as string) as Pack;
    expect(pack.requirements).toEqual(['Commander level 10 or higher', 'Complete the Borg mission']);
    expect(pack.tracks[0]!.server).toEqual({ name: 'Resistance – IMS', start: '2024-02-05', end: '2024-02-10', goal: 8925, rewards: ['4 Seven of Nine shards'] });
    expect(pack.tracks[0]!.solo).toEqual({ name: 'Resister – SMS', rewards: ['Tritanium', '2★ Refined Crystal'] });
  });

  it('names the server goal’s field that is missing, as the form labels it', () => {
    render(form());
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Borg Incursion' } });
    fireEvent.input(screen.getByLabelText('Track name'), { target: { value: 'Resistance' } });
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Cube Sighting' } });
    fireEvent.input(screen.getByLabelText('Server event name'), { target: { value: 'Resistance – IMS' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export pack file' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^The pack is not ready — Track 1 › Server goal \(IMS\) › Starts \(daily reset of\): missing/);
  });
});
