import { describe, expect, it } from 'vitest';
import { emptyPackProgress, type PackProgress } from '../../../lib/commander/progress';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import {
  arcPhase,
  liveMilestones,
  milestoneStatus,
  nextMilestone,
  scheduleTrack,
  serverGoalGap,
  trackPoints,
  trackProgress,
} from '../../../lib/schedule/schedule';
import { DAY, HOUR, fiveDayTrack, milestone, pack, track } from '../../fixtures/packs';

const MON = Date.UTC(2023, 10, 13);

function complete(progress: PackProgress, trackId: string, milestoneId: string, at = MON): PackProgress {
  return applyProgressChange(progress, { kind: 'completed', trackId, milestoneId, value: true, at });
}

describe('resolving a track', () => {
  it('resolves dates to 00:00 UTC when neither the user nor the pack sets a reset', () => {
    const s = scheduleTrack(pack([fiveDayTrack()]), fiveDayTrack());
    expect(s.dailyReset).toBe('00:00Z');
    expect(s.milestones[0]).toMatchObject({ start: MON, end: MON + DAY });
    expect(s.server).toMatchObject({ start: MON, end: MON + 5 * DAY });
  });

  it("uses the pack's dailyReset, and the user's over it", () => {
    const p = pack([fiveDayTrack()], { dailyReset: '11:00Z' });
    expect(scheduleTrack(p, fiveDayTrack()).milestones[0]!.start).toBe(MON + 11 * HOUR);
    expect(scheduleTrack(p, fiveDayTrack(), '04:00-05:00').milestones[0]!.start).toBe(MON + 9 * HOUR);
  });

  it('orders milestones by start whatever the pack order', () => {
    const t = track('t', [milestone('late', '2023-11-15', '2023-11-16'), milestone('early', '2023-11-13', '2023-11-14')]);
    expect(scheduleTrack(pack([t]), t).milestones.map((m) => m.milestone.id)).toEqual(['early', 'late']);
  });

  it('sums the possible points', () => {
    expect(scheduleTrack(pack([fiveDayTrack()]), fiveDayTrack()).possible).toBe(500);
  });
});

describe('milestoneStatus at the boundaries of [start, end)', () => {
  const s = scheduleTrack(pack([fiveDayTrack()]), fiveDayTrack());
  const first = s.milestones[0]!;
  it.each([
    ['1 ms before start', MON - 1, 'upcoming'],
    ['exactly at start', MON, 'live'],
    ['1 ms after start', MON + 1, 'live'],
    ['1 ms before end', MON + DAY - 1, 'live'],
    ['exactly at end', MON + DAY, 'missed'],
    ['1 ms after end', MON + DAY + 1, 'missed'],
  ] as const)('is %s → %s', (_label, now, status) => {
    expect(milestoneStatus(first, undefined, now)).toBe(status);
  });

  it('is done once completed, before, during and after its day', () => {
    const progress = trackProgress(complete(emptyPackProgress(), 'heroes', 'day-1'), 'heroes');
    for (const now of [MON - 1, MON, MON + DAY]) expect(milestoneStatus(first, progress, now)).toBe('done');
  });

  it('is not fooled by an id that names an Object.prototype member', () => {
    const t = track('t', [milestone('constructor', '2023-11-13', '2023-11-14')]);
    const timed = scheduleTrack(pack([t]), t).milestones[0]!;
    expect(milestoneStatus(timed, { milestones: {} }, MON + 1)).toBe('live');
  });
});

describe('live and next milestones', () => {
  const s = scheduleTrack(pack([fiveDayTrack()]), fiveDayTrack());
  it('finds the live one on Wednesday and the next on Thursday', () => {
    const wednesdayNoon = MON + 2 * DAY + 12 * HOUR;
    expect(liveMilestones(s, wednesdayNoon).map((m) => m.milestone.id)).toEqual(['day-3']);
    expect(nextMilestone(s, wednesdayNoon)?.milestone.id).toBe('day-4');
  });
  it('hands over exactly at the reset: the old one ends as the new one starts', () => {
    expect(liveMilestones(s, MON + DAY - 1).map((m) => m.milestone.id)).toEqual(['day-1']);
    expect(liveMilestones(s, MON + DAY).map((m) => m.milestone.id)).toEqual(['day-2']);
  });
  it('lists overlapping live milestones ending first first', () => {
    const t = track('t', [milestone('long', '2023-11-13', '2023-11-16'), milestone('short', '2023-11-14', '2023-11-15')]);
    const overlap = scheduleTrack(pack([t]), t);
    expect(liveMilestones(overlap, MON + DAY + 1).map((m) => m.milestone.id)).toEqual(['short', 'long']);
  });
  it('knows the arc phase', () => {
    expect(arcPhase(s, MON - 1)).toBe('upcoming');
    expect(arcPhase(s, MON)).toBe('running');
    expect(arcPhase(s, MON + 5 * DAY - 1)).toBe('running');
    expect(arcPhase(s, MON + 5 * DAY)).toBe('over');
  });
});

describe('points', () => {
  const s = scheduleTrack(pack([fiveDayTrack()]), fiveDayTrack());
  it('leaves 200 of 500 reachable when the first three days were missed (the seeds’ example)', () => {
    const thursdayMorning = MON + 3 * DAY + HOUR;
    expect(trackPoints(s, undefined, thursdayMorning)).toEqual({ earned: 0, reachable: 200, possible: 500 });
  });
  it('counts earned points and keeps them reachable', () => {
    const progress = trackProgress(complete(complete(emptyPackProgress(), 'heroes', 'day-1'), 'heroes', 'day-2'), 'heroes');
    expect(trackPoints(s, progress, MON + 2 * DAY + HOUR)).toEqual({ earned: 200, reachable: 500, possible: 500 });
    expect(trackPoints(s, progress, MON + 5 * DAY)).toEqual({ earned: 200, reachable: 200, possible: 500 });
  });
  it('drops a milestone from reachable exactly at its end, not 1 ms before', () => {
    expect(trackPoints(s, undefined, MON + DAY - 1).reachable).toBe(500);
    expect(trackPoints(s, undefined, MON + DAY).reachable).toBe(400);
  });
});

describe('server goal', () => {
  const s = scheduleTrack(pack([fiveDayTrack()]), fiveDayTrack());
  it('needs the whole goal, 18 full completions of 500, when nothing was seen', () => {
    expect(serverGoalGap(s, undefined)).toEqual({ goal: 8925, seen: 0, needed: 8925, fullCompletions: 18 });
  });
  it('needs the rest after the points the Commander saw', () => {
    const progress = trackProgress(
      applyProgressChange(emptyPackProgress(), { kind: 'server-points', trackId: 'heroes', points: 8000, at: MON }),
      'heroes',
    );
    expect(serverGoalGap(s, progress)).toEqual({ goal: 8925, seen: 8000, needed: 925, fullCompletions: 2 });
  });
  it('needs nothing once the goal is passed', () => {
    const progress = { milestones: {}, server: { points: 9000, seenAt: MON } };
    expect(serverGoalGap(s, progress)).toMatchObject({ needed: 0, fullCompletions: 0 });
  });
  it('has no gap for a track without a server event', () => {
    const t = track('solo', [milestone('m', '2023-11-13', '2023-11-14')]);
    expect(serverGoalGap(scheduleTrack(pack([t]), t), undefined)).toBeUndefined();
  });
});

describe('daylight saving and time zones', () => {
  it('keeps a date-only day 24 h long across the US DST end (5 November 2023)', () => {
    const t = track('t', [milestone('dst', '2023-11-05', '2023-11-06')]);
    const m = scheduleTrack(pack([t], { dailyReset: '09:00Z' }), t).milestones[0]!;
    expect(m.end - m.start).toBe(DAY);
    expect(m.start).toBe(Date.UTC(2023, 10, 5, 9));
  });
  it('keeps an instant-given day 25 h long when its offsets say so (Pacific DST end)', () => {
    const t = track('t', [milestone('dst', '2023-11-04T12:00-07:00', '2023-11-05T12:00-08:00')]);
    const m = scheduleTrack(pack([t]), t).milestones[0]!;
    expect(m.end - m.start).toBe(25 * HOUR);
  });
  it('resolves the same instants in every time zone the suite runs in', () => {
    // The suite runs under UTC, America/Los_Angeles and Asia/Kolkata; these constants must hold in each.
    const t = track('t', [milestone('m', '2023-11-13T13:00:00+02:00', '2023-11-14')]);
    const m = scheduleTrack(pack([t]), t).milestones[0]!;
    expect([m.start, m.end]).toEqual([Date.UTC(2023, 10, 13, 11), Date.UTC(2023, 10, 14)]);
  });
});
