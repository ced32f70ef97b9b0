// The event pack, version 1, as docs/pack-format.md describes it.
// Times stay the strings the pack gave; lib/schedule/pack-time.ts resolves them to epoch ms.

/** `YYYY-MM-DD` (the daily reset on that date) or an ISO 8601 instant with an offset. */
export type PackTime = string;

export interface Objective {
  id: string;
  text: string;
}

export interface Milestone {
  id: string;
  name: string;
  points: number;
  start: PackTime;
  end: PackTime;
  /** Empty means "objectives not published". */
  objectives: Objective[];
  /** Absent means "rewards not published". */
  rewards?: string[];
  notes?: string;
}

/** The server-wide event (IMS). */
export interface ServerEvent {
  name: string;
  start: PackTime;
  end: PackTime;
  goal: number;
  rewards?: string[];
}

/** The solo event (SMS). */
export interface SoloEvent {
  name: string;
  rewards?: string[];
}

export interface Track {
  id: string;
  name: string;
  role?: string;
  server?: ServerEvent;
  solo?: SoloEvent;
  milestones: Milestone[];
  notes?: string;
}

export interface Pack {
  format: 'stfc-milestone-pack';
  version: 1;
  id: string;
  title: string;
  /** `HH:MM` then `Z` or an offset such as `+02:00`. */
  dailyReset?: string;
  requirements?: string[];
  sources?: string[];
  notes?: string;
  tracks: Track[];
}
