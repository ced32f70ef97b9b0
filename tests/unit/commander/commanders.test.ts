import { describe, expect, it } from 'vitest';
import { activeCommander, defaultCommanders, MAX_COMMANDERS, type Commanders } from '../../../lib/commander/commanders';
import { nextCommanderId, withActiveCommander, withCommanderReset, withCommanderAdded, withCommanderRenamed, withFollowedTrack, withoutCommander, withoutPack } from '../../../lib/commander/commander-changes';

const two = (): Commanders => ({
  activeId: 'c2',
  list: [
    { id: 'c1', name: 'Kirk', tracks: { arc: 'heroes' } },
    { id: 'c2', name: 'Spock', server: 'S42', tracks: { arc: 'villains', other: 't' } },
  ],
});

describe('Commanders', () => {
  it('start as one, Commander 1, following nothing', () => {
    expect(defaultCommanders()).toEqual({ activeId: 'c1', list: [{ id: 'c1', name: 'Commander 1', tracks: {} }] });
  });

  it('take the next id above the highest, never one in use', () => {
    expect(nextCommanderId(two())).toBe('c3');
    expect(nextCommanderId({ activeId: 'c7', list: [{ id: 'c7', name: 'A', tracks: {} }] })).toBe('c8');
  });

  it('add one following the active one’s tracks, trimmed, without an empty server', () => {
    const added = withCommanderAdded(two(), { name: '  Uhura ', server: ' ' });
    expect(added).toEqual({ ok: true, id: 'c3', commanders: { ...two(), list: [...two().list, { id: 'c3', name: 'Uhura', tracks: { arc: 'villains', other: 't' } }] } });
  });

  it.each([
    [{ name: '   ' }, 'Give the Commander a name.'],
    [{ name: 'x'.repeat(41) }, 'A name can have at most 40 characters.'],
    [{ name: 'Sulu', server: 'y'.repeat(41) }, 'A server label can have at most 40 characters.'],
    [{ name: 'KIRK' }, 'You already have a Commander named “KIRK”.'],
  ])('refuse %j in words', (label, problem) => {
    expect(withCommanderAdded(two(), label)).toEqual({ ok: false, problem });
  });

  it('refuse a Commander over the limit', () => {
    let commanders = defaultCommanders();
    for (let i = 2; i <= MAX_COMMANDERS; i++) {
      const added = withCommanderAdded(commanders, { name: `C${i}` });
      if (!added.ok) throw new Error(added.problem);
      commanders = added.commanders;
    }
    expect(withCommanderAdded(commanders, { name: 'One more' })).toEqual({ ok: false, problem: `You have ${MAX_COMMANDERS} Commanders, the most this extension keeps.` });
  });

  it('rename one, keeping its own name free and dropping a cleared server', () => {
    expect(withCommanderRenamed(two(), 'c2', { name: 'spock', server: '' })).toEqual({
      ok: true,
      commanders: { ...two(), list: [two().list[0], { id: 'c2', name: 'spock', tracks: { arc: 'villains', other: 't' } }] },
    });
    expect(withCommanderRenamed(two(), 'c2', { name: 'Kirk' })).toEqual({ ok: false, problem: 'You already have a Commander named “Kirk”.' });
  });

  it('remove one, the active one moving to the first left; the last one stays', () => {
    expect(withoutCommander(two(), 'c2')).toEqual({ activeId: 'c1', list: [two().list[0]] });
    expect(withoutCommander(two(), 'c1')).toEqual({ activeId: 'c2', list: [two().list[1]] });
    const one = withoutCommander(two(), 'c2');
    expect(withoutCommander(one, 'c1')).toBe(one);
  });

  it('switch the active one only to a Commander that exists', () => {
    expect(activeCommander(withActiveCommander(two(), 'c1')).name).toBe('Kirk');
    expect(withActiveCommander(two(), 'c9')).toEqual(two());
    expect(activeCommander({ activeId: 'gone', list: two().list }).id).toBe('c1');
  });

  it('follow and unfollow per Commander, and forget a removed pack for all', () => {
    expect(withFollowedTrack(two(), 'c1', 'arc', 'villains').list[0]!.tracks).toEqual({ arc: 'villains' });
    expect(withFollowedTrack(two(), 'c2', 'other', undefined).list[1]!.tracks).toEqual({ arc: 'villains' });
    expect(withoutPack(two(), 'arc').list.map((c) => c.tracks)).toEqual([{}, { other: 't' }]);
  });

  it('carry a daily reset per Commander, set and cleared', () => {
    const set = withCommanderReset(two(), 'c1', { time: '04:00', zone: 'America/New_York' });
    expect(set.list[0]).toEqual({ id: 'c1', name: 'Kirk', tracks: { arc: 'heroes' }, reset: { time: '04:00', zone: 'America/New_York' } });
    expect(set.list[1]).toEqual(two().list[1]);
    expect(withCommanderReset(set, 'c1', undefined).list[0]).toEqual(two().list[0]);
  });
});
