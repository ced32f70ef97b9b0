import type { TrackerState } from '@/lib/views/tracker-state';
import { saveFile, type SaveFile } from './save-file';

/**
 * Saves the .ics file of the followed tracks in `state`. The writer is loaded on the first click, so
 * it adds nothing to the start-up of the side panel.
 */
export async function addToCalendar(state: TrackerState, now: number, save: SaveFile = saveFile): Promise<void> {
  const { calendarFile } = await import('@/lib/calendar/calendar-file');
  const file = calendarFile(state, now);
  save(file.name, file.text, file.type);
}

export const calendarErrorMessage = (cause: unknown): string =>
  `The calendar file could not be made (${cause instanceof Error ? cause.message : String(cause)}).`;
