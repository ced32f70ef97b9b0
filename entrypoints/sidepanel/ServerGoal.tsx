import { useState } from 'preact/hooks';
import { parseServerPoints, type ChecklistServerGoal } from '@/lib/views/checklist-view';
import { localNumber } from '@/lib/format/local-time';
import { LocalTime } from '@/components/LocalTime';
import { TextList } from './TextList';

interface Props {
  server: ChecklistServerGoal;
  /** For unique element ids. */
  trackId: string;
  onSave: (points: number) => void;
  /** Shows the times in this zone (the server's) instead of the computer's. */
  timeZone?: string | undefined;
}

/** The server-wide event: its goal and rewards, the server's points as the Commander last saw them, and the gap. */
export function ServerGoal({ server, trackId, onSave, timeZone }: Props) {
  const [problem, setProblem] = useState<string>();
  const inputId = `server-points-${trackId}`;
  const problemId = `${inputId}-problem`;
  const seen = server.seen;
  const shown = seen?.points ?? 0;

  const submit = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('points') as HTMLInputElement;
    const points = parseServerPoints(input.value);
    if (points === undefined) {
      setProblem('Type the points as a whole number, e.g. 4200.');
      return;
    }
    setProblem(undefined);
    onSave(points);
  };

  return (
    <section class="panel-section card panel-card server-goal" aria-labelledby={`server-${trackId}`}>
      <h2 id={`server-${trackId}`}>{server.name}</h2>
      <p class="muted">
        Server goal {localNumber(server.goal)} points · <LocalTime at={server.start} until={server.end} timeZone={timeZone} />
      </p>
      <div
        class="meter"
        role="meter"
        aria-label="Server points towards the goal"
        aria-valuemin={0}
        aria-valuemax={server.goal}
        aria-valuenow={Math.min(shown, server.goal)}
        aria-valuetext={`${localNumber(shown)} of ${localNumber(server.goal)}`}
      >
        <span class="meter-earned" style={{ width: `${Math.min(100, (shown / server.goal) * 100)}%` }} />
      </div>
      <p class="server-gap" aria-live="polite">
        {!seen
          ? `Enter the server's points to see how far it is from the goal.`
          : server.needed === 0
            ? 'Goal reached.'
            : `${localNumber(server.needed)} points still needed: about ${localNumber(server.fullCompletions)} more full run${server.fullCompletions === 1 ? '' : 's'} of ${localNumber(server.perCompletion)} points (every milestone done by one Commander)`}
      </p>
      <form class="server-form" onSubmit={submit}>
        <label for={inputId}>Server points seen in game</label>
        <div class="server-form-row">
          <input
            id={inputId}
            name="points"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            key={seen?.seenAt ?? 0}
            defaultValue={seen ? String(seen.points) : ''}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? problemId : undefined}
          />
          <button type="submit">Save</button>
        </div>
        {problem && (
          <p id={problemId} class="field-problem">
            {problem}
          </p>
        )}
        {seen && (
          <p class="muted">
            Saved {localNumber(seen.points)} points at <LocalTime at={seen.seenAt} timeZone={timeZone} />
          </p>
        )}
      </form>
      <h3>Server rewards</h3>
      <TextList items={server.rewards} missing="Rewards" />
    </section>
  );
}
