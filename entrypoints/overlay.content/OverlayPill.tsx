import type { RefObject } from 'preact';
import { formatDuration } from '@/lib/schedule/duration';
import { countdownTarget, type OverlayCardModel } from '@/lib/overlay/overlay-card';

interface Props {
  card: OverlayCardModel;
  now: number;
  buttonRef: RefObject<HTMLButtonElement>;
  /** `byKeyboard`: Enter or Space, so the focus moves on to the card's collapse button. */
  onExpand: (byKeyboard: boolean) => void;
}

/** The collapsed card: one button, naming the tracker and, when something is live or next, the time to it. */
export function OverlayPill({ card, now, buttonRef, onExpand }: Props) {
  const target = countdownTarget(card);
  const left = target === undefined ? '' : ` · ${card.kind === 'live' ? 'ends' : 'starts'} in ${formatDuration(Math.max(0, target - now))}`;
  return (
    <button
      ref={buttonRef}
      type="button"
      class="overlay-pill"
      aria-expanded="false"
      title="Show the STFC Milestone Tracker card"
      onClick={(event) => event.isTrusted && onExpand(event.detail === 0)}
    >
      {`STFC Milestone Tracker${left}`}
    </button>
  );
}
