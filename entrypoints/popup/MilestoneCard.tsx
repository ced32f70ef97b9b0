import type { PopupLiveMilestone } from '@/lib/views/popup-view';
import { CompletedSwitch } from '@/components/CompletedSwitch';
import { Countdown } from '@/components/Countdown';
import { LocalTime } from '@/components/LocalTime';
import { ObjectiveList } from '@/components/ObjectiveList';
import { StatusChip } from '@/components/StatusChip';

interface Props {
  milestone: PopupLiveMilestone;
  /** `Defenders of Peace · Hero` */
  trackLabel: string;
  now: number;
  onObjective: (objectiveId: string, checked: boolean) => void;
  onCompleted: (completed: boolean) => void;
}

/** The live milestone in the popup: its name, track, countdown, end time, objectives and completed switch. */
export function MilestoneCard({ milestone, trackLabel, now, onObjective, onCompleted }: Props) {
  const headingId = `live-${milestone.id}`;
  return (
    <article class={`card milestone-card${milestone.completed ? ' is-done' : ''}`} aria-labelledby={headingId}>
      <div class="card-top">
        <StatusChip status={milestone.completed ? 'done' : 'live'} />
        <span class="track-name">{trackLabel}</span>
      </div>
      <h2 id={headingId}>{milestone.name}</h2>
      <p class="countdown-line">
        <Countdown target={milestone.end} now={now} verb="ends" />
        <span class="muted">
          {' · '}
          <LocalTime at={milestone.end} />
        </span>
      </p>
      <ObjectiveList objectives={milestone.objectives} onToggle={onObjective} />
      <CompletedSwitch id={milestone.id} checked={milestone.completed} onChange={onCompleted}>
        Milestone completed <span class="muted">· {milestone.points} points</span>
      </CompletedSwitch>
    </article>
  );
}
