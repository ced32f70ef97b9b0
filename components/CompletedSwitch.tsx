import type { ComponentChildren } from 'preact';
import { LocalTime } from './LocalTime';
import { Switch } from './Switch';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The label; its text must say "completed". */
  children: ComponentChildren;
  /** Set while the milestone has not begun: the switch cannot be turned on before then, and says when it opens. */
  opensAt?: number | undefined;
  /** Unique per page, for the reason's id. */
  id: string;
  /** Shows the opening time in this zone (the server's) instead of the computer's. */
  timeZone?: string | undefined;
}

/**
 * Completion is its own switch: checking objectives never completes a milestone by itself.
 * An upcoming milestone cannot be completed yet (it would count as earned); while live and after
 * its end (a day the Commander forgot to record) it can. One already on stays switchable off.
 */
export function CompletedSwitch({ checked, onChange, children, opensAt, id, timeZone }: Props) {
  const locked = opensAt !== undefined && !checked;
  const reasonId = `opens-${id}`;
  return (
    <>
      <Switch checked={checked} disabled={locked} describedBy={locked ? reasonId : undefined} onChange={onChange}>
        {children}
      </Switch>
      {locked && (
        <p class="switch-reason muted" id={reasonId}>
          opens <LocalTime at={opensAt} timeZone={timeZone} />
        </p>
      )}
    </>
  );
}
