import { useEffect, useState } from 'preact/hooks';
import { countdownTick } from '@/lib/duration';

/**
 * The current time, re-rendered exactly when a countdown to any of `targets` changes its text
 * (each minute, each second in the last minute), not on a fixed fast tick.
 */
export function useNow(targets: number[], clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const wait = Math.min(60_000, ...targets.map((t) => countdownTick(t, now)));
    const timer = setTimeout(() => setNow(clock()), Math.max(wait, 16));
    return () => clearTimeout(timer);
  }, [now, targets.join(',')]);
  return now;
}
