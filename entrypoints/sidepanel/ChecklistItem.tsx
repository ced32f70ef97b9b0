import type { ChecklistMilestone } from '@/lib/views/checklist-view';
import { CompletedSwitch } from '@/components/CompletedSwitch';
import { Countdown } from '@/components/Countdown';
import { Fold } from './Fold';
import { LocalTime } from '@/components/LocalTime';
import { ObjectiveList } from '@/components/ObjectiveList';
import { StatusChip } from '@/components/StatusChip';

interface Props {
  milestone: ChecklistMilestone;
  now: number;
  /** Whether this is the next milestone to start, which gets a countdown. */
  isNext: boolean;
  onObjective: (objectiveId: string, checked: boolean) => void;
  onCompleted: (completed: boolean) => void;
  /** Names the zone on this item's time: the first time of the panel in its zone. */
  withZone?: boolean;
  /** Shows the times in this zone (the server's) instead of the computer's. */
  timeZone?: string | undefined;
}

/** One milestone of the arc: day and local time range, status word, objectives, completed switch. */
export function ChecklistItem({ milestone, now, isNext, onObjective, onCompleted, withZone = false, timeZone }: Props) {
  const headingId = `milestone-${milestone.id}`;
  const live = milestone.start <= now && now < milestone.end;
  return (
    <li class={`card checklist-item status-${milestone.status}`}>
      <article aria-labelledby={headingId}>
        <div class="item-head">
          <h3 id={headingId}>{milestone.name}</h3>
          <StatusChip status={milestone.status} />
        </div>
        <p class="item-when muted">
          <LocalTime at={milestone.start} until={milestone.end} withZone={withZone} timeZone={timeZone} />
        </p>
        {live && (
          <p class="item-countdown">
            <Countdown target={milestone.end} now={now} verb="ends" />
          </p>
        )}
        {isNext && (
          <p class="item-countdown">
            <Countdown target={milestone.start} now={now} verb="starts" />
          </p>
        )}
        {!milestone.objectivesOpen && milestone.objectives.length > 0 ? (
          <Fold
            class="folded-objectives"
            summary={`Objectives · ${milestone.objectives.filter((o) => o.checked).length} of ${milestone.objectives.length} checked`}
          >
            <ObjectiveList objectives={milestone.objectives} onToggle={onObjective} quietLegend />
          </Fold>
        ) : (
          <ObjectiveList objectives={milestone.objectives} onToggle={onObjective} />
        )}
        <CompletedSwitch
          id={milestone.id}
          checked={milestone.status === 'done'}
          onChange={onCompleted}
          opensAt={now < milestone.start ? milestone.start : undefined}
          timeZone={timeZone}
        >
          <span class="visually-hidden">{milestone.name} </span>Completed <span class="muted">· {milestone.points} points</span>
        </CompletedSwitch>
        {milestone.rewards ? (
          <p class="item-rewards muted">Rewards: {milestone.rewards.join(', ')}</p>
        ) : (
          <p class="item-rewards muted">Rewards not published</p>
        )}
        {milestone.notes && (
          <details class="notes">
            <summary>Notes</summary>
            <p>{milestone.notes}</p>
          </details>
        )}
      </article>
    </li>
  );
}
