import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile, calendarTracks } from '../../../lib/calendar/calendar-file';
import { calendarFileName, foldLine, milestoneCalendar, type CalendarTrack } from '../../../lib/calendar/ics';
import { builtinPack } from '../../../lib/packs/builtin';
import type { Pack } from '../../../lib/packs/types';
import { scheduleTrack } from '../../../lib/schedule/schedule';
import { DAY, HOUR, MINUTE, milestone, pack, track } from '../../fixtures/packs';
import { ARCHITECTS, BUILTIN_PACK_ID, DEFENDERS, WED_NOON, builtinFollowing, stateWith } from '../../fixtures/tracker-state';

const MON = Date.UTC(2023, 10, 13);

/** The events of an .ics text as a real iCalendar parser reads them. */
function parsedEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const alarm = vevent.getFirstSubcomponent('valarm');
    const trigger = alarm?.getFirstProperty('trigger');
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      startZone: event.startDate.zone?.tzid,
      summary: event.summary,
      description: event.description,
      alarm: trigger && {
        action: alarm!.getFirstPropertyValue('action'),
        related: trigger.getParameter('related'),
        seconds: (trigger.getFirstValue() as ICAL.Duration).toSeconds(),
      },
    };
  });
}

const tracksOf = (p: Pack, trackIds = p.tracks.map((t) => t.id), dailyReset?: string): CalendarTrack[] =>
  trackIds.map((id) => ({ schedule: scheduleTrack(p, p.tracks.find((t) => t.id === id)!, dailyReset), packTitle: p.title }));

const write = (tracks: CalendarTrack[], alarmMinutes = 60, now = WED_NOON) => milestoneCalendar(tracks, { alarmMinutes, now });

describe('the calendar of the built-in arc', () => {
  const text = write(tracksOf(builtinPack(), [DEFENDERS]));
  const events = parsedEvents(text);

  it('is a VCALENDAR with VERSION, PRODID and a calendar name', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/STFC Milestone Tracker/);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('STFC milestones');
  });

  it('has one event per milestone, in UTC, at the schedule instants to the millisecond', () => {
    const schedule = scheduleTrack(builtinPack(), builtinPack().tracks[0]!);
    expect(events).toHaveLength(5);
    expect(events.map((e) => [e.start, e.end])).toEqual(schedule.milestones.map((m) => [m.start, m.end]));
    expect(events[0]).toMatchObject({ start: MON, end: MON + DAY, startZone: 'UTC' });
    expect(text).toContain('\r\nDTSTART:20231113T000000Z\r\nDTEND:20231114T000000Z\r\n');
  });

  it('resolves date-only times with the reset in force', () => {
    const [first] = parsedEvents(write(tracksOf(builtinPack(), [DEFENDERS], '11:00Z')));
    expect(first).toMatchObject({ start: MON + 11 * HOUR, end: MON + DAY + 11 * HOUR });
  });

  it('names milestone and track in the summary, and gives points and objectives in the description', () => {
    expect(events[2]!.summary).toBe('Hidden Motivations · Defenders of Peace');
    expect(events[2]!.description).toBe(
      [
        '100 points · Defenders of Peace (Hero) · Heroes and Villains, November 2023',
        'Objectives:',
        '- Complete Away Team Assignments',
        '- Spend Trait XP',
      ].join('\n'),
    );
  });

  it('says "objectives not published" where the pack gives none', () => {
    const villain = parsedEvents(write(tracksOf(builtinPack(), [ARCHITECTS])));
    const testing = villain.find((e) => e.summary === 'Testing Destinies · Architects of Chaos')!;
    expect(testing.description.split('\n').slice(1)).toEqual(['Objectives not published.']);
  });

  it('reminds 60 minutes before each end, relative to the end', () => {
    expect(events.map((e) => e.alarm)).toEqual(Array(5).fill({ action: 'DISPLAY', related: 'END', seconds: -3600 }));
    expect(text).toContain('TRIGGER;RELATED=END:-PT60M\r\n');
  });

  it('takes the reminder minutes given, and has no reminder when they are 0', () => {
    expect(parsedEvents(write(tracksOf(builtinPack(), [DEFENDERS]), 15))[0]!.alarm?.seconds).toBe(-900);
    const silent = write(tracksOf(builtinPack(), [DEFENDERS]), 0);
    expect(parsedEvents(silent).map((e) => e.alarm)).toEqual(Array(5).fill(undefined));
    expect(silent).not.toContain('VALARM');
  });

  it('stamps every event with the export instant', () => {
    const stamps = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('dtstamp')!.toString());
    expect(stamps).toEqual(Array(5).fill('2023-11-15T12:00:00Z'));
  });

  it('writes both tracks of two packs, each with its own events', () => {
    const other = pack([track('heroes', [milestone('day-1', '2023-11-20', '2023-11-21')])], { id: 'other', title: 'Other arc' });
    const all = parsedEvents(write([...tracksOf(builtinPack()), ...tracksOf(other)]));
    expect(all).toHaveLength(11);
    expect(new Set(all.map((e) => e.uid)).size).toBe(11);
    expect(all.at(-1)!.description).toContain('Other arc');
  });
});

describe('UIDs, so that importing again updates instead of duplicating', () => {
  it('are made of pack, track and milestone ids', () => {
    const [first] = parsedEvents(write(tracksOf(builtinPack(), [DEFENDERS])));
    expect(first!.uid).toBe(`${BUILTIN_PACK_ID}.${DEFENDERS}.unraveling-anomalies@stfc-milestone-tracker`);
  });

  it('are the same in two exports at different times', () => {
    const uids = (now: number) => parsedEvents(write(tracksOf(builtinPack()), 60, now)).map((e) => e.uid);
    expect(uids(WED_NOON + DAY)).toEqual(uids(WED_NOON));
  });

  it('stay the same after a pack update renames a milestone and moves its time, while the event follows', () => {
    const before = pack([track('heroes', [milestone('day-1', '2023-11-13', '2023-11-14'), milestone('day-2', '2023-11-14', '2023-11-15')])]);
    const after = pack([
      track('heroes', [
        milestone('day-1', '2023-11-13', '2023-11-14'),
        milestone('day-2', '2023-11-14T05:00:00Z', '2023-11-15T05:00:00Z', { name: 'Renamed day two' }),
      ]),
    ]);
    const old = parsedEvents(write(tracksOf(before)));
    const updated = parsedEvents(write(tracksOf(after), 60, WED_NOON + HOUR));
    expect(updated.map((e) => e.uid)).toEqual(old.map((e) => e.uid));
    expect(updated[1]).toMatchObject({ summary: 'Renamed day two · Track heroes', start: MON + DAY + 5 * HOUR, end: MON + 2 * DAY + 5 * HOUR });
    expect(old[1]!.summary).toBe('Milestone day-2 · Track heroes');
  });
});

describe('iCalendar text rules', () => {
  const tricky = pack(
    [
      track(
        'heroes',
        [
          milestone('day-1', '2023-11-13T11:00:00Z', '2023-11-14T11:00:00Z', {
            name: 'Dock, mine; then \\ relax',
            objectives: [
              { id: 'a', text: 'Line one\nline two, with a comma; and a semicolon' },
              { id: 'b', text: `Warp 🚀🖖🏽 ${'é'.repeat(60)} ${'漢字'.repeat(30)}` },
            ],
          }),
        ],
        { name: 'Ferengi 💰 Alliance' },
      ),
    ],
    { title: 'Pack, with; odd \\ title' },
  );
  const text = write(tracksOf(tricky));

  it('round-trips backslashes, semicolons, commas, line breaks and emoji through a real parser', () => {
    const [event] = parsedEvents(text);
    expect(event!.summary).toBe('Dock, mine; then \\ relax · Ferengi 💰 Alliance');
    expect(event!.description).toBe(
      [
        '100 points · Ferengi 💰 Alliance · Pack, with; odd \\ title',
        'Objectives:',
        '- Line one',
        'line two, with a comma; and a semicolon',
        `- Warp 🚀🖖🏽 ${'é'.repeat(60)} ${'漢字'.repeat(30)}`,
      ].join('\n'),
    );
    expect(text).toContain('SUMMARY:Dock\\, mine\\; then \\\\ relax');
  });

  it('ends every line with CRLF and keeps each within 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    const lengths = lines.map((line) => new TextEncoder().encode(line).length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(75);
    // The long description really was folded, into continuation lines that start with a space.
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(3);
  });

  it('never folds inside a UTF-8 sequence: every folded line is valid UTF-8 on its own', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of text.split('\r\n')) {
      const bytes = new TextEncoder().encode(line);
      expect(decoder.decode(bytes)).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('folds at exactly 75 octets, counting multi-byte characters whole', () => {
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    // 74 ASCII octets plus a 4-octet emoji would be 78: the emoji moves to the next line whole.
    expect(foldLine(`${'a'.repeat(74)}🚀b`)).toBe(`${'a'.repeat(74)}\r\n 🚀b`);
    expect(foldLine(`${'a'.repeat(71)}🚀b`)).toBe(`${'a'.repeat(71)}🚀\r\n b`);
    expect(foldLine('é'.repeat(80)).split('\r\n').map((l) => new TextEncoder().encode(l).length)).toEqual([74, 75, 13]);
  });

  it('turns control characters that TEXT forbids into spaces', () => {
    const odd = pack([track('heroes', [milestone('day-1', '2023-11-13', '2023-11-14', { name: 'Bell\u0007here\ttab' })])]);
    const written = write(tracksOf(odd));
    expect(written).not.toMatch(/\u0007/);
    expect(parsedEvents(written)[0]!.summary).toBe('Bell here\ttab · Track heroes');
  });
});

describe('instants with milliseconds', () => {
  it('cover the whole live interval: start rounded down, end rounded up to the second', () => {
    const p = pack([track('heroes', [milestone('day-1', '2023-11-13T11:00:00.250Z', '2023-11-14T11:00:00.750Z')])]);
    const [event] = parsedEvents(write(tracksOf(p)));
    expect(event).toMatchObject({ start: Date.UTC(2023, 10, 13, 11), end: Date.UTC(2023, 10, 14, 11, 0, 1) });
  });

  it('keep whole-second instants exact, 1 s either side too', () => {
    const p = pack([
      track('heroes', [milestone('day-1', '2023-11-13T10:59:59Z', '2023-11-13T11:00:01Z'), milestone('day-2', '2023-11-13T11:00:00Z', '2023-11-13T11:30:00Z')]),
    ]);
    const events = parsedEvents(write(tracksOf(p)));
    const at = Date.UTC(2023, 10, 13, 11);
    expect(events.map((e) => [e.start, e.end])).toEqual([
      [at - 1000, at + 1000],
      [at, at + 30 * MINUTE],
    ]);
  });
});

describe('the calendar file of a tracker state', () => {
  it('holds the followed tracks of the visible packs, with the notification setting as reminder', () => {
    const other = pack([track('heroes', [milestone('day-1', '2023-11-20', '2023-11-21')])], { id: 'other', title: 'Other arc' });
    const state = stateWith({ settings: { [BUILTIN_PACK_ID]: { followedTrackId: ARCHITECTS }, other: { followedTrackId: 'heroes' } }, imported: [other] });
    const file = calendarFile(state, WED_NOON);
    expect(file).toMatchObject({ name: 'stfc-milestones-2023-11-15.ics', type: 'text/calendar' });
    expect(file.text).toBe(write(calendarTracks(state)));
    expect(calendarTracks(state).map((t) => [t.packTitle, t.schedule.track.id])).toEqual([
      ['Heroes and Villains, November 2023', ARCHITECTS],
      ['Other arc', 'heroes'],
    ]);
  });

  it('is empty of events until a track is followed', () => {
    expect(parsedEvents(calendarFile(stateWith(), WED_NOON).text)).toEqual([]);
  });

  it('uses the reminder minutes of the settings', () => {
    const state = builtinFollowing(DEFENDERS);
    const settings = { ...state.snapshot.settings, notifications: { ...state.snapshot.settings.notifications, minutesBeforeEnd: 0 } };
    expect(calendarFile({ ...state, snapshot: { ...state.snapshot, settings } }, WED_NOON).text).not.toContain('VALARM');
  });

  it('is named by the UTC date of the export', () => {
    expect(calendarFileName(Date.UTC(2023, 10, 15, 23, 59))).toBe('stfc-milestones-2023-11-15.ics');
  });
});
