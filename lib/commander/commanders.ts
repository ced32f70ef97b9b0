// The Commanders: one game account each (a name, an optional server label, later its daily reset), with
// the track it follows in each pack. Packs are shared; progress is stored per Commander and pack
// (lib/storage/stored-data.ts). Plain data and pure reducers.
import { own } from './progress';

/** A wall-clock time in a zone: `HH:mm` and an IANA zone name or `UTC`. Carried here; used by the schedule. */
export interface CommanderReset {
  time: string;
  zone: string;
}

export interface Commander {
  /** `c1`, `c2`, …: never reused while the Commander exists, part of its progress keys. */
  id: string;
  name: string;
  server?: string;
  reset?: CommanderReset;
  /** Pack id → the id of the track this Commander follows there. */
  tracks: Record<string, string>;
}

export interface Commanders {
  activeId: string;
  /** In the order they were added; never empty. */
  list: Commander[];
}

export const FIRST_COMMANDER_ID = 'c1';
export const MAX_COMMANDERS = 20;
export const MAX_COMMANDER_NAME = 40;
export const MAX_SERVER_LABEL = 40;

/** The Commander of a store written before Commanders existed, or a first install. */
export const defaultCommanders = (): Commanders => ({
  activeId: FIRST_COMMANDER_ID,
  list: [{ id: FIRST_COMMANDER_ID, name: 'Commander 1', tracks: {} }],
});

/** The active Commander; the first one if the active id is gone. */
export function activeCommander(commanders: Commanders): Commander {
  return commanders.list.find((c) => c.id === commanders.activeId) ?? commanders.list[0]!;
}

export const commanderById = (commanders: Commanders, id: string): Commander | undefined => commanders.list.find((c) => c.id === id);

export const followedTrackOf = (commander: Commander | undefined, packId: string): string | undefined => own(commander?.tracks, packId);
