// A milestone (or a server event) must start before it ends under every daily reset the extension applies
// to its pack: the pack's own, or the one the Commander set. A date-only start or end takes the reset, so
// `start: "2026-12-02"`, `end: "2026-12-02T20:00Z"` is fine at 00:00Z but ends before it starts at 21:00Z.
// Pure.
import type { Pack } from '../packs/types';
import { resolvePackTime } from './pack-time';

export interface InvertedPeriod {
  /** Path to the period's `end` within the pack, e.g. `['tracks', 0, 'milestones', 3, 'end']`. */
  keys: (string | number)[];
  /** The period in words: `the milestone “Day 1” of “Heroes”`, or `the server event “Mining Rush” of “Heroes”`. */
  what: string;
}

/** The first milestone or server event of `pack` that would not end after it starts at the daily reset `reset`. */
export function invertedPeriod(pack: Pick<Pack, 'tracks'>, reset: string): InvertedPeriod | undefined {
  const endsAfterStart = (p: { start: string; end: string }) => resolvePackTime(p.start, reset) < resolvePackTime(p.end, reset);
  for (let t = 0; t < pack.tracks.length; t++) {
    const { server, milestones, name } = pack.tracks[t]!;
    if (server && !endsAfterStart(server)) return { keys: ['tracks', t, 'server', 'end'], what: `the server event “${server.name}” of “${name}”` };
    for (let m = 0; m < milestones.length; m++) {
      const milestone = milestones[m]!;
      if (!endsAfterStart(milestone)) return { keys: ['tracks', t, 'milestones', m, 'end'], what: `the milestone “${milestone.name}” of “${name}”` };
    }
  }
  return undefined;
}

/** Why a reset is refused: `At a daily reset of 21:00Z, the milestone “Day 1” of “Heroes” would end before it starts.` */
export function inversionReason(inverted: InvertedPeriod, reset: string): string {
  return `at a daily reset of ${reset}, ${inverted.what} would end before it starts`;
}
