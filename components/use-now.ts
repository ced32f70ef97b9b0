import { useEffect, useState } from 'preact/hooks';
import { countdownTick } from '@/lib/schedule/duration';
import { MINUTE_MS } from '@/lib/schedule/units';

/**
 * The current time, re-rendered exactly when a countdown to any of `targets` changes its text
 * (each minute, each second in the last minute), not on a fixed fast tick. `targets` may be a
 * function of the time, for views whose countdowns depend on what is live.
 */
export function useNow(
  targets: readonly number[] | ((now: number) => readonly number[]),
  clock: () => number = Date.now,
): number {
  const [now, setNow] = useState(clock);
  const aims = typeof targets === 'function' ? targets(now) : targets;
  useEffect(() => {
    // Measured when the timer is set, so a late effect still wakes on the boundary.
    const at = clock();
    const wait = Math.min(MINUTE_MS, ...aims.map((t) => countdownTick(t, at)));
    const timer = setTimeout(() => setNow(clock()), Math.max(wait, 16));
    return () => clearTimeout(timer);
  }, [now, aims.join(',')]);
  return now;
}
