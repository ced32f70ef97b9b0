// What *Add to calendar* saves: the followed tracks of the state, with the reminder from the notification setting.
import { followedTracks, type TrackerState } from '../views/tracker-state';
import { CALENDAR_TYPE, calendarFileName, milestoneCalendar, type CalendarTrack } from './ics';

export interface CalendarFile {
  name: string;
  text: string;
  type: string;
}

/** The followed track of every visible pack, with its pack's title. */
export function calendarTracks(state: TrackerState): CalendarTrack[] {
  const titles = new Map(state.packs.map((entry) => [entry.pack.id, entry.pack.title]));
  return followedTracks(state).map(({ schedule }) => ({ schedule, packTitle: titles.get(schedule.packId) ?? schedule.packId }));
}

export function calendarFile(state: TrackerState, now: number): CalendarFile {
  const alarmMinutes = state.snapshot.settings.notifications.minutesBeforeEnd;
  return { name: calendarFileName(now), text: milestoneCalendar(calendarTracks(state), { alarmMinutes, now }), type: CALENDAR_TYPE };
}
