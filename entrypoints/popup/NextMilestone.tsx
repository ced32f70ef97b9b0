import type { PopupNextMilestone } from '@/lib/views/popup-view';
import { Countdown } from '@/components/Countdown';
import { LocalTime } from '@/components/LocalTime';

/** One line: what comes next and when. */
export function NextMilestone({ next, now }: { next: PopupNextMilestone; now: number }) {
  return (
    <p class="next-line">
      <span class="next-label">Next</span>
      <span class="next-name">{next.name}</span>
      <span class="next-when muted">
        <Countdown target={next.start} now={now} verb="starts" />
        {' · '}
        <LocalTime at={next.start} />
      </span>
    </p>
  );
}
