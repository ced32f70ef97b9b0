import { formatDuration } from '@/lib/schedule/duration';

interface Props {
  /** The instant counted to. */
  target: number;
  now: number;
  verb: 'ends' | 'starts';
}

/** "ends in 4 h 12 min". Silent for screen readers (it changes every second near the end); the end time is beside it as text. */
export function Countdown({ target, now, verb }: Props) {
  return (
    <span class="countdown" role="timer" aria-live="off">
      {`${verb} in ${formatDuration(Math.max(0, target - now))}`}
    </span>
  );
}
