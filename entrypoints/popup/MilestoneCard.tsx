import type { PopupLiveMilestone } from '@/lib/views/popup-view';
import { CompletedSwitch } from '@/components/CompletedSwitch';
import { Countdown } from '@/components/Countdown';
import { LocalTime } from '@/components/LocalTime';
import { ObjectiveList } from '@/components/ObjectiveList';
import { PointsMeter } from '@/components/PointsMeter';
import { StatusChip } from '@/components/StatusChip';
import type { PointsSummary } from '@/lib/schedule/schedule';

interface Props {
  milestone: PopupLiveMilestone;
  /** `Defenders of Peace · Hero` */
  trackLabel: string;
  now: number;
  /** A one-row card with its objectives behind a disclosure: every card but the first. */
  compact: boolean;
  /** The track's points, on its first card only. */
  points: PointsSummary | undefined;
  pointsLabel: string;
  onObjective: (objectiveId: string, checked: boolean) => void;
  onCompleted: (completed: boolean) => void;
  /** Names the zone on the end time: the first time the popup shows. */
  withZone?: boolean;
}

/** A live milestone in the popup: its name, track, countdown, end time, objectives, completed switch and the track's points. */
export function MilestoneCard({ milestone, trackLabel, now, compact, points, pointsLabel, onObjective, onCompleted, withZone = false }: Props) {
  const headingId = `live-${milestone.id}`;
  return (
    <article class={`card milestone-card${milestone.completed ? ' is-done' : ''}${compact ? ' is-compact' : ''}`} aria-labelledby={headingId}>
      <div class="card-top">
        <StatusChip status={milestone.completed ? 'done' : 'live'} />
        <span class="track-name">{trackLabel}</span>
      </div>
      <h2 id={headingId} title={milestone.name}>
        {milestone.name}
      </h2>
      <p class="countdown-line">
        <Countdown target={milestone.end} now={now} verb="ends" />
        <span class="muted">
          {' · '}
          <LocalTime at={milestone.end} withZone={withZone} />
        </span>
      </p>
      {compact && milestone.objectives.length > 0 ? (
        <details class="folded-objectives">
          <summary>{`Objectives ${milestone.objectives.filter((o) => o.checked).length}/${milestone.objectives.length}`}</summary>
          <ObjectiveList objectives={milestone.objectives} onToggle={onObjective} quietLegend />
        </details>
      ) : (
        // The group keeps its name "Objectives"; the checkboxes say enough on a glance.
        <ObjectiveList objectives={milestone.objectives} onToggle={onObjective} quietLegend />
      )}
      <CompletedSwitch id={milestone.id} checked={milestone.completed} onChange={onCompleted}>
        Milestone completed <span class="muted">· {milestone.points} points</span>
      </CompletedSwitch>
      {points && !compact && <PointsMeter points={points} label={pointsLabel} />}
    </article>
  );
}
