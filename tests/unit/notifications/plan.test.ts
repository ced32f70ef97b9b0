import { describe, expect, it } from 'vitest';
import { dueNotifications, nextNotificationAt, STALE_START_MS } from '../../../lib/notifications/plan';
import { emptyPackProgress } from '../../../lib/commander/progress';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { scheduleTrack, type FollowedTrack } from '../../../lib/schedule/schedule';
import type { NotificationSettings } from '../../../lib/commander/settings';
import { HOUR, MINUTE, milestone, pack, track } from '../../fixtures/packs';
import { localWeekdayTime } from '../../../lib/format/local-time';

const START = Date.UTC(2023, 10, 13);
const END = START + 24 * HOUR;
const p = pack([track('heroes', [milestone('m', '2023-11-13', '2023-11-14', { name: 'Hidden Motivations' })], { name: 'Defenders of Peace' })], { id: 'arc' });
const on = (extra: Partial<NotificationSettings> = {}): NotificationSettings => ({ enabled: true, minutesBeforeEnd: 60, onStart: true, ...extra });
const utc = (instant: number) => new Date(instant).toISOString().slice(11, 16);

function followed(completed = false): FollowedTrack[] {
  const progress = completed
    ? applyProgressChange(emptyPackProgress(), { kind: 'completed', trackId: 'heroes', milestoneId: 'm', value: true, at: START }).tracks.heroes
    : undefined;
  return [{ schedule: scheduleTrack(p, p.tracks[0]!), progress }];
}

const ids = (now: number, settings = on(), completed = false) => dueNotifications(followed(completed), settings, now, utc).map((n) => n.id);

describe('the time in a notification', () => {
  it('names its zone, since a notification is read on its own', () => {
    const [ending] = dueNotifications(followed(), on({ onStart: false }), END - 42 * MINUTE);
    expect(ending!.message).toBe(`Defenders of Peace · not completed yet · 100 points · ends ${localWeekdayTime(END, { withZone: true })}`);
    expect(localWeekdayTime(END, { withZone: true })).not.toBe(localWeekdayTime(END));
  });
});

describe('which notifications are due', () => {
  it('announces the start from the start, for 15 minutes', () => {
    expect(ids(START - 1)).toEqual([]);
    expect(ids(START)).toEqual(['arc/heroes/m/start']);
    expect(ids(START + STALE_START_MS - 1)).toEqual(['arc/heroes/m/start']);
    expect(ids(START + STALE_START_MS)).toEqual([]);
  });

  it('warns 60 minutes before the end while the milestone is not completed, until it ends', () => {
    expect(ids(END - 61 * MINUTE)).toEqual([]);
    expect(ids(END - 60 * MINUTE)).toEqual(['arc/heroes/m/ending']);
    expect(ids(END - 1)).toEqual(['arc/heroes/m/ending']);
    expect(ids(END)).toEqual([]);
    expect(ids(END - 30 * MINUTE, on(), true)).toEqual([]);
  });

  it('says which milestone, how long is left and when it ends', () => {
    const [ending] = dueNotifications(followed(), on(), END - 42 * MINUTE, utc);
    expect(ending).toMatchObject({
      title: 'Hidden Motivations ends in 42 min',
      message: 'Defenders of Peace · not completed yet · 100 points · ends 00:00',
      at: END - 60 * MINUTE,
    });
    const [start] = dueNotifications(followed(), on(), START, utc);
    expect(start).toMatchObject({ title: 'Hidden Motivations has started', message: 'Defenders of Peace · 100 points · ends 00:00 (in 1 d)' });
  });

  it('names the Commander when there are several, with an id of its own, so each Commander’s fires once', () => {
    const [ending] = dueNotifications(followed(), on(), END - HOUR, utc, { id: 'c2', name: 'Commander 2' });
    expect(ending).toMatchObject({ id: 'c2/arc/heroes/m/ending', title: 'Commander 2: Hidden Motivations ends in 1 h' });
    expect(dueNotifications(followed(true), on(), END - HOUR, utc, { id: 'c2', name: 'Commander 2' })).toEqual([]);
  });

  it('follows the settings: off, no start notice, no reminder, a lead longer than the milestone', () => {
    expect(ids(START, on({ enabled: false }))).toEqual([]);
    expect(ids(START, on({ onStart: false }))).toEqual([]);
    expect(ids(END - MINUTE, on({ minutesBeforeEnd: 0 }))).toEqual([]);
    expect(ids(START, on({ minutesBeforeEnd: 1440, onStart: false }))).toEqual(['arc/heroes/m/ending']);
  });
});

describe('when the next notification is due', () => {
  it('is the start, then the reminder, then nothing', () => {
    expect(nextNotificationAt(followed(), on(), START - HOUR)).toBe(START);
    expect(nextNotificationAt(followed(), on(), START)).toBe(END - HOUR);
    expect(nextNotificationAt(followed(), on(), END - HOUR)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is never while notifications are off or the milestone is completed', () => {
    expect(nextNotificationAt(followed(), on({ enabled: false }), START - HOUR)).toBe(Number.POSITIVE_INFINITY);
    expect(nextNotificationAt(followed(true), on(), START - HOUR)).toBe(Number.POSITIVE_INFINITY);
  });

  it('follows a changed lead', () => {
    expect(nextNotificationAt(followed(), on({ minutesBeforeEnd: 15, onStart: false }), START)).toBe(END - 15 * MINUTE);
  });
});
