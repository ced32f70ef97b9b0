import { useId, useMemo, useState } from 'preact/hooks';
import { dailyResetProblem, isKnownTimeZone, nextReset, type DailyReset } from '@/lib/schedule/daily-reset';
import { localDayTime, localTime, zoneLabel } from '@/lib/format/local-time';

interface Props {
  /** The instant the preview counts from. */
  now: number;
  onSave: (reset: DailyReset) => void;
  /** The reset to start from; else 00:00 in the browser's zone. */
  initial?: DailyReset | undefined;
  /** The browser's zone, preselected; injected by tests. */
  browserZone?: string;
  /** Every zone to offer; injected by tests. UTC is always offered first. */
  zones?: readonly string[];
  /** Saves each valid change as it is made, with no Save button: a setting that cannot be left unsaved (options). */
  saveOnChange?: boolean;
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The browser's own zone list, so no table ships in the bundle.
const supportedZones = () => Intl.supportedValuesOf('timeZone');

/**
 * When the server's day resets, as a local time in a time zone (the browser's preselected), with a live
 * preview of the next reset; Save hands the reset to the caller, which stores it.
 */
export function ResetQuestion({ now, onSave, initial, browserZone = browserTimeZone(), zones, saveOnChange = false }: Props) {
  const [time, setTime] = useState(initial?.time ?? '00:00');
  // A zone this browser does not know (a backup from elsewhere) cannot be shown selected: start from the browser's.
  const [zone, setZone] = useState(initial && isKnownTimeZone(initial.zone) ? initial.zone : browserZone);
  const id = useId();
  const offered = useMemo(() => {
    const all = zones ?? supportedZones();
    return ['UTC', ...[zone, ...all].filter((z, i, list) => z !== 'UTC' && list.indexOf(z) === i)];
  }, [zones, zone]);
  const reset = { time, zone };
  const problem = dailyResetProblem(reset);
  const change = (next: DailyReset) => {
    setTime(next.time);
    setZone(next.zone);
    if (saveOnChange && dailyResetProblem(next) === undefined) onSave(next);
  };
  const next = problem === undefined ? nextReset(reset, now) : undefined;

  return (
    <form
      class="reset-question"
      aria-label="Daily reset"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem === undefined) onSave(reset);
      }}
    >
      <div class="field inline">
        <label for={`${id}-time`}>Reset time</label>
        <input id={`${id}-time`} type="time" required value={time} onInput={(event) => change({ time: event.currentTarget.value, zone })} />
        <label for={`${id}-zone`}>Time zone</label>
        <select id={`${id}-zone`} value={zone} onChange={(event) => change({ time, zone: event.currentTarget.value })}>
          {offered.map((z) => (
            <option key={z} value={z}>
              {zoneLabel(z, now)}
            </option>
          ))}
        </select>
      </div>
      <p class="muted" aria-live="polite">
        {next === undefined
          ? `Not a reset yet: ${problem}.`
          : `next reset: ${localDayTime(next)} your time · ${localTime(next, { timeZone: 'UTC' })} UTC`}
      </p>
      {!saveOnChange && (
        <button type="submit" disabled={problem !== undefined}>
          Save
        </button>
      )}
    </form>
  );
}
