import { useState } from 'preact/hooks';
import { resetInForce, type InstalledPack } from '@/lib/views/options-state';
import { parseDailyReset, whichResetApplies } from '@/lib/schedule/pack-time';
import { recordPackSettings } from '@/lib/storage/writes';
import { inversionReason, invertedPeriod } from '@/lib/schedule/periods';
import { localResetTime } from '@/lib/format/local-time';

interface Props {
  installed: InstalledPack;
  reload: () => Promise<void>;
  /** Names the zone on the local time: the first time on the page. */
  withZone?: boolean;
}

/**
 * The daily reset of one pack: which one is in force and why (the seeds give dates only, so a reset time
 * is an assumption), and a way to set the Commander's own, in UTC as the game counts it.
 */
export function OptionsResetTime({ installed, reload, withZone = false }: Props) {
  const { pack, settings, usesDates } = installed;
  const inForce = resetInForce(pack, settings);
  const applies = whichResetApplies(settings.dailyReset, pack.dailyReset).words;
  const packsOwn = resetInForce(pack, {});
  const [value, setValue] = useState(inForce.utc);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const resetMs = parseDailyReset(inForce.reset) ?? 0;
  const local = localResetTime(resetMs, Date.now());
  // The in-force line comes first, so it carries the zone when this is the page's first time.
  const localFirst = localResetTime(resetMs, Date.now(), { withZone });
  const inputId = `reset-${pack.id}`;

  if (!usesDates) {
    return <p class="muted">Every time in this pack is exact, so the daily reset does not move any of them.</p>;
  }

  const explanation = {
    commander: `Each date in this pack starts at your daily reset, ${inForce.utc} UTC (${local} your time).`,
    settings: `Each date in this pack starts at your daily reset, ${inForce.utc} UTC (${local} your time).`,
    pack: `Each date in this pack starts at the pack’s daily reset, ${inForce.reset} (${inForce.utc} UTC, ${local} your time).`,
    default: `This pack gives dates without a time of day, so each date is assumed to start at 00:00 UTC (${local} your time). If your server’s daily reset is at another time, set it here.`,
  }[inForce.source];

  const save = async (reset: string | undefined) => {
    // A reset that would turn a milestone inside out is refused, nothing stored.
    const inverted = reset === undefined ? undefined : invertedPeriod(pack, reset);
    if (inverted) {
      setRefusal(`This reset was not set: ${inversionReason(inverted, reset!)}.`);
      return;
    }
    setRefusal(undefined);
    await recordPackSettings(pack.id, { dailyReset: reset });
    await reload();
  };

  return (
    <form
      class="reset-time"
      aria-label={`Daily reset for ${pack.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (/^\d{2}:\d{2}$/.test(value)) void save(`${value}Z`);
      }}
    >
      <p class="reset-in-force">
        In force: <strong>{applies}</strong>
        {inForce.source === 'default' ? '' : `, ${inForce.utc} UTC`} ({localFirst} your time)
      </p>
      <p class="muted">{explanation}</p>
      <div class="field inline">
        <label for={inputId}>Daily reset (UTC)</label>
        <input id={inputId} type="time" required value={value} onInput={(event) => setValue(event.currentTarget.value)} />
        <button type="submit" class="secondary">
          Set reset time
        </button>
        {settings.dailyReset !== undefined && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setValue(packsOwn.utc);
              void save(undefined);
            }}
          >
            {packsOwn.source === 'pack' ? `Use the pack’s reset (${packsOwn.utc} UTC)` : `Use the default reset (${packsOwn.utc} UTC)`}
          </button>
        )}
      </div>
      {refusal && (
        <p role="alert" class="problem">
          {refusal}
        </p>
      )}
    </form>
  );
}
