// The followed tracks as an iCalendar file (RFC 5545), so a reminder reaches the player's phone.
// Pure: schedules, titles and `now` in, text out.
import type { TimedMilestone, TrackSchedule } from '../schedule/schedule';

export interface CalendarTrack {
  schedule: TrackSchedule;
  packTitle: string;
}

export interface CalendarOptions {
  /** A reminder this many minutes before each milestone ends; 0 means no reminder. */
  alarmMinutes: number;
  /** The export's instant, written as every event's DTSTAMP. */
  now: number;
}

export const CALENDAR_NAME = 'STFC milestones';
export const CALENDAR_TYPE = 'text/calendar';
const PRODID = '-//STFC Milestone Tracker//Milestone calendar//EN';
const UID_DOMAIN = 'stfc-milestone-tracker';
const MAX_LINE_OCTETS = 75;
const SECOND = 1000;

/**
 * Stable across exports and pack updates: ids are slugs (`a–z`, `0–9`, `-`), so the dots cannot be
 * confused with them, and a renamed or moved milestone keeps its UID, so calendars update the event.
 */
export const milestoneUid = (packId: string, trackId: string, milestoneId: string): string =>
  `${packId}.${trackId}.${milestoneId}@${UID_DOMAIN}`;

export const calendarFileName = (now: number): string => `stfc-milestones-${new Date(now).toISOString().slice(0, 10)}.ics`;

/**
 * One VEVENT per milestone of every track given. Calendars that import the file again match events by
 * UID; with no SEQUENCE (0), the later DTSTAMP marks the newer version (RFC 5546 §2.1.5).
 */
export function milestoneCalendar(tracks: readonly CalendarTrack[], { alarmMinutes, now }: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(CALENDAR_NAME)}`,
  ];
  for (const { schedule, packTitle } of tracks) {
    for (const timed of schedule.milestones) lines.push(...milestoneEvent(schedule, packTitle, timed, alarmMinutes, now));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function milestoneEvent(schedule: TrackSchedule, packTitle: string, timed: TimedMilestone, alarmMinutes: number, now: number): string[] {
  const { milestone } = timed;
  const track = schedule.track;
  const trackName = track.role ? `${track.name} (${track.role})` : track.name;
  const objectives = milestone.objectives.length
    ? ['Objectives:', ...milestone.objectives.map((o) => `- ${o.text}`)]
    : ['Objectives not published.'];
  const description = [`${milestone.points} points · ${trackName} · ${packTitle}`, ...objectives].join('\n');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${milestoneUid(schedule.packId, track.id, milestone.id)}`,
    `DTSTAMP:${utcDateTime(now)}`,
    // iCalendar has whole seconds: the event covers the whole live interval [start, end), never less.
    `DTSTART:${utcDateTime(Math.floor(timed.start / SECOND) * SECOND)}`,
    `DTEND:${utcDateTime(Math.ceil(timed.end / SECOND) * SECOND)}`,
    `SUMMARY:${escapeText(`${milestone.name} · ${track.name}`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    // A day-long milestone should not mark the player busy.
    'TRANSP:TRANSPARENT',
  ];
  if (alarmMinutes > 0) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      // Relative to the end, so the reminder follows the end when a pack update moves it.
      `TRIGGER;RELATED=END:-PT${alarmMinutes}M`,
      `DESCRIPTION:${escapeText(`${milestone.name} ends in ${alarmMinutes} min`)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** `YYYYMMDDTHHMMSSZ`, the seconds of the instant (milliseconds dropped). */
export function utcDateTime(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters, which TEXT forbids, become spaces. */
export function escapeText(text: string): string {
  return text
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ');
}

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Folds a content line into lines of at most 75 octets of UTF-8, never inside a character; each continuation starts with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
