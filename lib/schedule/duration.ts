// Durations for people: "4 h 12 min", "2 d 3 h", "42 s". Pure.
import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MINUTE, SECOND_MS as SECOND } from './units';

/**
 * Two units at most, rounded down, except that the last minute counts seconds (rounded up,
 * so it never says "0 s" while time is left).
 */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return `${Math.max(0, Math.ceil(ms / SECOND))} s`;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** How long a view may wait before a countdown to `target` needs redrawing: each second in the last minute, else at the next whole minute. */
export function countdownTick(target: number, now: number): number {
  const remaining = target - now;
  if (remaining <= 0) return Number.POSITIVE_INFINITY;
  if (remaining <= MINUTE) return remaining % SECOND || SECOND;
  return remaining % MINUTE || MINUTE;
}
