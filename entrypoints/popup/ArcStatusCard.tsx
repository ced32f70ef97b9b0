import type { PopupTrackSection } from '@/lib/views/popup-view';
import { Countdown } from '@/components/Countdown';
import { LocalTime } from '@/components/LocalTime';
import { StatusChip } from '@/components/StatusChip';

interface Props {
  section: PopupTrackSection;
  trackLabel: string;
  now: number;
  /** Names the zone on the start time: the first time the popup shows. */
  withZone?: boolean;
}

/** Nothing live for the track: between two milestones or before the arc (an ended arc is one line, PopupView's EndedLine). */
export function ArcStatusCard({ section, trackLabel, now, withZone = false }: Props) {
  const headingId = `arc-${section.packId}`;
  const { next, phase } = section;
  return (
    <article class="card arc-card" aria-labelledby={headingId}>
      <div class="card-top">
        <StatusChip status={phase === 'upcoming' ? 'upcoming' : 'next'} />
        <span class="track-name">{trackLabel}</span>
      </div>
      {phase === 'running' && next ? (
        <>
          <h2 id={headingId}>{next.name}</h2>
          <p class="muted">No milestone is live right now.</p>
          <p class="countdown-line">
            <Countdown target={next.start} now={now} verb="starts" />
            <span class="muted">
              {' · '}
              <LocalTime at={next.start} withZone={withZone} />
            </span>
          </p>
        </>
      ) : phase === 'upcoming' && next ? (
        <>
          <h2 id={headingId}>{section.packTitle}</h2>
          <p class="countdown-line">
            The arc <Countdown target={next.start} now={now} verb="starts" />
            <span class="muted">
              {' · '}
              <LocalTime at={next.start} withZone={withZone} />
            </span>
          </p>
          <p class="muted">First milestone: {next.name}</p>
        </>
      ) : null}
    </article>
  );
}
