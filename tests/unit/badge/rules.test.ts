import { describe, expect, it } from 'vitest';
import { badgeAt, commandersBadgeAt, commandersNextBadgeChange, countdownText, nextBadgeChange, nextCountdownChange } from '../../../lib/badge/rules';
import { emptyPackProgress } from '../../../lib/commander/progress';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { scheduleTrack, trackProgress, type FollowedTrack } from '../../../lib/schedule/schedule';
import { DAY, HOUR, MINUTE, milestone, pack, track } from '../../fixtures/packs';
import { localDateTime } from '../../../lib/format/local-time';

const START = Date.UTC(2023, 10, 13);
const utc = (instant: number) => new Date(instant).toISOString();

function followed(milestones = [milestone('m', '2023-11-13', '2023-11-16', { name: 'Unraveling Anomalies' })], completed: string[] = []): FollowedTrack[] {
  const t = track('heroes', milestones, { name: 'Defenders of Peace' });
  let progress = emptyPackProgress();
  for (const id of completed) progress = applyProgressChange(progress, { kind: 'completed', trackId: 'heroes', milestoneId: id, value: true, at: START });
  return [{ schedule: scheduleTrack(pack([t]), t), progress: trackProgress(progress, 'heroes') }];
}

describe('countdownText', () => {
  it.each([
    [3 * DAY, '3d'],
    [2 * DAY, '2d'],
    [2 * DAY - 1, '47h'],
    [47 * HOUR + 59 * MINUTE, '47h'],
    [HOUR, '1h'],
    [HOUR - 1, '60m'],
    [59 * MINUTE + 1000, '60m'],
    [41 * MINUTE + 10_000, '42m'],
    [30_000, '1m'],
    [1, '1m'],
  ])('shows %i ms left as %s', (remaining, text) => {
    expect(countdownText(remaining)).toBe(text);
  });
});

describe('nextCountdownChange', () => {
  it('is the first instant at which the text differs, and nothing changes before it', () => {
    const target = 1_000 * DAY;
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 2000; i++) {
      const now = target - Math.floor(random() * 5 * DAY) - 1;
      const change = nextCountdownChange(target, now);
      const before = countdownText(target - now);
      expect(change).toBeGreaterThan(now);
      expect(countdownText(target - (change - 1))).toBe(before);
      if (change < target) expect(countdownText(target - change)).not.toBe(before);
    }
  });
});

describe('badgeAt a live milestone that ends on Thursday 00:00 UTC', () => {
  const end = START + 3 * DAY;
  it.each([
    ['2 days', '2d', 'blue', 2 * DAY],
    ['47 h 59 min', '47h', 'blue', 47 * HOUR + 59 * MINUTE],
    ['3 h (amber from here)', '3h', 'amber', 3 * HOUR],
    ['3 h and 1 ms (still blue)', '3h', 'blue', 3 * HOUR + 1],
    ['1 h (red from here)', '1h', 'red', HOUR],
    ['1 h and 1 ms (still amber)', '1h', 'amber', HOUR + 1],
    ['59 min 1 s', '60m', 'red', 59 * MINUTE + 1000],
    ['30 s', '1m', 'red', 30_000],
    ['1 ms', '1m', 'red', 1],
  ] as const)('shows %s left as %s in %s', (_label, text, colour, remaining) => {
    expect(badgeAt(followed(), end - remaining, utc)).toMatchObject({ text, colour });
  });

  it('turns green when the milestone is completed, even in the last minute', () => {
    expect(badgeAt(followed(undefined, ['m']), end - 30_000, utc)).toMatchObject({ text: '1m', colour: 'green' });
  });

  it('names the milestone, the track and the exact end in the tooltip', () => {
    expect(badgeAt(followed(), end - HOUR, utc).title).toBe(
      'Unraveling Anomalies · Defenders of Peace · ends 2023-11-16T00:00:00.000Z',
    );
  });

  it('names the zone of the tooltip’s one time, in the locale’s format', () => {
    expect(badgeAt(followed(), end - HOUR).title).toBe(
      `Unraveling Anomalies · Defenders of Peace · ends ${localDateTime(end, { withZone: true })}`,
    );
    expect(localDateTime(end, { withZone: true })).not.toBe(localDateTime(end));
  });

  it('shows nothing at the end when nothing else is ahead', () => {
    expect(badgeAt(followed(), end, utc)).toEqual({ text: '', colour: undefined, title: 'STFC Milestone Tracker' });
    expect(nextBadgeChange(followed(), end)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('badgeAt between milestones', () => {
  const gap = [milestone('a', '2023-11-13', '2023-11-14'), milestone('b', '2023-11-15', '2023-11-16', { name: 'Hidden Motivations' })];
  it('is grey with the time until the next one starts', () => {
    const badge = badgeAt(followed(gap), START + DAY + 5 * HOUR, utc);
    expect(badge).toMatchObject({ text: '19h', colour: 'grey' });
    expect(badge.title).toBe('Next: Hidden Motivations · Defenders of Peace · starts 2023-11-15T00:00:00.000Z');
  });
  it('is grey before the arc begins', () => {
    expect(badgeAt(followed(gap), START - 3 * DAY, utc)).toMatchObject({ text: '3d', colour: 'grey' });
  });
});

describe('badgeAt with several followed tracks', () => {
  it('shows the live milestone that ends first', () => {
    const a = track('a', [milestone('long', '2023-11-13', '2023-11-16')]);
    const b = track('b', [milestone('short', '2023-11-13T00:00Z', '2023-11-13T02:00Z', { name: 'Short one' })]);
    const both: FollowedTrack[] = [a, b].map((t) => ({ schedule: scheduleTrack(pack([a, b]), t), progress: undefined }));
    expect(badgeAt(both, START + HOUR, utc)).toMatchObject({ text: '1h', colour: 'red' });
    expect(badgeAt(both, START + HOUR, utc).title).toContain('Short one');
    expect(badgeAt(both, START + 2 * HOUR, utc)).toMatchObject({ text: '2d', colour: 'blue' });
  });
});

describe('the badge over two Commanders', () => {
  const THU = Date.UTC(2023, 10, 16);
  const kirkDone = () => [
    { name: 'Kirk', followed: followed(undefined, ['m']) },
    { name: 'Spock', followed: followed() },
  ];

  it('is not green while one Commander has not completed the live milestone, and names each one’s state', () => {
    const badge = commandersBadgeAt(kirkDone(), THU - 2 * HOUR, utc);
    expect(badge).toMatchObject({ text: '2h', colour: 'amber' });
    expect(badge.title).toBe(`Unraveling Anomalies · Defenders of Peace · ends ${utc(THU)}\nKirk: completed\nSpock: not completed`);
  });

  it('turns green once every Commander has completed it', () => {
    const both = [
      { name: 'Kirk', followed: followed(undefined, ['m']) },
      { name: 'Spock', followed: followed(undefined, ['m']) },
    ];
    expect(commandersBadgeAt(both, THU - 2 * HOUR, utc)).toMatchObject({ text: '2h', colour: 'green' });
    expect(commandersBadgeAt(both, THU - 2 * HOUR, utc).title).toMatch(/^Unraveling Anomalies \(completed\) .*\nKirk: completed\nSpock: completed$/);
  });

  it('wakes for the amber and red thresholds of the Commander who has not completed it', () => {
    expect(commandersNextBadgeChange(kirkDone(), THU - 3.5 * HOUR)).toBe(THU - 3 * HOUR);
    const both = [
      { name: 'Kirk', followed: followed(undefined, ['m']) },
      { name: 'Spock', followed: followed(undefined, ['m']) },
    ];
    expect(commandersNextBadgeChange(both, THU - 3.5 * HOUR)).toBe(THU - 3 * HOUR + 1);
  });

  it('says when a Commander follows nothing live', () => {
    const badge = commandersBadgeAt([{ name: 'Kirk', followed: followed() }, { name: 'Spock', followed: [] }], THU - 2 * HOUR, utc);
    expect(badge.title.split('\n').slice(1)).toEqual(['Kirk: not completed', 'Spock: nothing live']);
  });
});

describe('nextBadgeChange', () => {
  /** Walks from `from` to `to` the way the background does: wake, compute, sleep until the next change. */
  function wakeUps(tracks: FollowedTrack[], from: number, to: number): number[] {
    const instants: number[] = [];
    for (let now = from; now < to; ) {
      now = nextBadgeChange(tracks, now);
      if (!Number.isFinite(now) || now >= to) break;
      instants.push(now);
    }
    return instants;
  }

  it('wakes at most 100 times over a one-day milestone, not 2,880', () => {
    const day = followed([milestone('m', '2023-11-13', '2023-11-14')]);
    const count = wakeUps(day, START, START + DAY).length;
    expect(count).toBeGreaterThan(60);
    expect(count).toBeLessThanOrEqual(100);
  });

  it('never lets the badge change between two wake-ups', () => {
    const tracks = followed([milestone('a', '2023-11-13', '2023-11-15'), milestone('b', '2023-11-16', '2023-11-17')]);
    let previous = START - DAY;
    for (const wake of wakeUps(tracks, previous, START + 5 * DAY)) {
      const shown = badgeAt(tracks, previous, utc);
      for (const probe of [previous + 1, Math.floor((previous + wake) / 2), wake - 1]) {
        if (probe <= previous || probe >= wake) continue;
        const seen = badgeAt(tracks, probe, utc);
        expect([seen.text, seen.colour]).toEqual([shown.text, shown.colour]);
      }
      previous = wake;
    }
  });

  it('wakes exactly at the start and the end of a milestone', () => {
    const tracks = followed([milestone('m', '2023-11-13T10:00Z', '2023-11-13T18:00Z')]);
    const instants = wakeUps(tracks, START, START + DAY);
    expect(instants).toContain(START + 10 * HOUR);
    expect(instants).toContain(START + 18 * HOUR);
  });
});
