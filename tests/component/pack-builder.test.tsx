// The "Create a pack" form, filled in as a Commander would, counting every field edit.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsPackBuilder } from '../../entrypoints/options/PackBuilder';
import { optionsState } from '../../lib/views/options-state';
import { stateWith } from '../fixtures/tracker-state';
import type { Pack } from '../../lib/packs/types';

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
});
