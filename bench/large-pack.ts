// The largest pack the format allows in shape: 8 tracks × 400 milestones × 20 objectives.
import type { Pack } from '../lib/packs/types';
import { HOUR_MS as HOUR } from '../lib/schedule/units';


/** Milestones of 6 h back to back from one day before `now`, so one of each track is live at `now`. */
export function largePack(now: number, id = 'large-bench-pack'): Pack {
  const first = Math.floor(now / HOUR) * HOUR - 24 * HOUR;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    format: 'stfc-milestone-pack',
    version: 1,
    id,
    title: 'Benchmark: 8 tracks × 400 milestones × 20 objectives',
    tracks: Array.from({ length: 8 }, (_, t) => ({
      id: `track-${t}`,
      name: `Track ${t + 1}`,
      role: t % 2 ? 'Villain' : 'Hero',
      server: { name: `Server event ${t + 1}`, start: iso(first), end: iso(first + 400 * 6 * HOUR), goal: 1_000_000, rewards: ['Shards'] },
      solo: { name: `Solo event ${t + 1}`, rewards: ['Tritanium'] },
      milestones: Array.from({ length: 400 }, (_, m) => ({
        id: `milestone-${m}`,
        name: `Milestone ${m + 1} of track ${t + 1}`,
        points: 100,
        start: iso(first + m * 6 * HOUR),
        end: iso(first + (m + 1) * 6 * HOUR),
        objectives: Array.from({ length: 20 }, (_, o) => ({ id: `objective-${o}`, text: `Objective ${o + 1}: defeat hostiles in system ${m}-${o}` })),
        rewards: ['Parsteel', 'Refined Ore'],
      })),
    })),
  };
}
