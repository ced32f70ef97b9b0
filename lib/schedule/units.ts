// Lengths of time in milliseconds, the unit of every instant and duration here. Fixed lengths only:
// a calendar day across a DST change is not DAY_MS, so calendar arithmetic goes through date-fns.

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
