import { useEffect, useState } from 'preact/hooks';
import { formatISO } from 'date-fns';
import type { OptionsState } from '@/lib/views/options-state';
import { packFileName, serialisePack } from '@/lib/packs/export';
import {
  buildPack,
  copyOfTrack,
  dailyMilestones,
  emptyDraft,
  emptyTrack,
  followingMilestone,
  slugify,
  withDailyMilestones,
  type MilestoneDraft,
  type PackDraft,
} from '@/lib/packs/builder';
import { saveFile as browserSaveFile, type SaveFile } from '@/components/save-file';
import { usePackInstaller } from './use-pack-installer';

interface Props {
  state: OptionsState;
  reload: () => Promise<void>;
  saveFile?: SaveFile;
}

/** Minutes east of UTC at a local date and time, from this computer's time zone. */
const zoneOffset = (local: string) => -new Date(local).getTimezoneOffset();

/** `2024-05-01`, this computer's calendar date, as an `<input type="date">` holds it. */
const today = (): string => formatISO(new Date(), { representation: 'date' });


/**
 * Create a pack without writing JSON: title, tracks, and per milestone its name, points, day or exact
 * times, objectives and rewards. The result goes through the same reader and the same import as a file.
 */
export function OptionsPackBuilder({ state, reload, saveFile = browserSaveFile }: Props) {
  const [draft, setDraft] = useState<PackDraft>(() => emptyDraft(today()));
  const [problem, setProblem] = useState<string | undefined>();
  const [exported, setExported] = useState('');
  const installer = usePackInstaller(state, reload);
  // After any "add", the new item's name field gets the focus, so typing goes on without a click.
  const [focusId, setFocusId] = useState<string | undefined>();
  useEffect(() => {
    if (focusId === undefined) return;
    document.getElementById(focusId)?.focus();
    setFocusId(undefined);
  }, [focusId]);

  const change = (edit: (copy: PackDraft) => void) => {
    const copy = structuredClone(draft);
    edit(copy);
    setDraft(copy);
  };

  const built = () => {
    setExported('');
    const result = buildPack(draft, zoneOffset);
    setProblem(result.ok ? undefined : `The pack is not ready — ${result.message}.`);
    return result.ok ? result.pack : undefined;
  };

  const derivedId = slugify(draft.title, 'my-pack');

  return (
    <section class="options-block" aria-labelledby="pack-builder-heading">
      <h3 id="pack-builder-heading">Create a pack</h3>
      <p class="muted">
        Copy this week’s arc from the in-game screen: a title, the track you play, and each milestone’s name, points, day and
        objectives. Add it to your packs, or export it for your alliance.
      </p>
      <form
        class="pack-builder"
        aria-label="Create a pack"
        onSubmit={(event) => {
          event.preventDefault();
          const pack = built();
          if (pack) void installer.install(pack);
        }}
      >
        <div class="field">
          <label for="builder-title">Title</label>
          <input id="builder-title" value={draft.title} maxLength={120} onInput={(e) => change((d) => (d.title = e.currentTarget.value))} />
        </div>
        <div class="field-grid">
          <div class="field">
            <label for="builder-id">Id (optional)</label>
            <input
              id="builder-id"
              value={draft.id}
              placeholder={derivedId}
              aria-describedby="builder-id-hint"
              onInput={(e) => change((d) => (d.id = e.currentTarget.value))}
            />
            <span id="builder-id-hint" class="muted small">
              Left empty: <code>{derivedId}</code>. Keep the same id to correct a pack later without losing progress.
            </span>
          </div>
          <div class="field">
            <label for="builder-reset">Daily reset (UTC, optional)</label>
            <input
              id="builder-reset"
              type="time"
              value={draft.dailyReset}
              aria-describedby="builder-reset-hint"
              onInput={(e) => change((d) => (d.dailyReset = e.currentTarget.value))}
            />
            <span id="builder-reset-hint" class="muted small">
              When a milestone given as a day starts. Left empty: 00:00 UTC.
            </span>
          </div>
        </div>

        {draft.tracks.map((track, t) => (
          <fieldset class="builder-track" key={t}>
            <legend>Track {t + 1}</legend>
            <div class="field-grid">
              <div class="field">
                <label for={`track-${t}-name`}>Track name</label>
                <input id={`track-${t}-name`} value={track.name} maxLength={120} onInput={(e) => change((d) => (d.tracks[t]!.name = e.currentTarget.value))} />
              </div>
              <div class="field">
                <label for={`track-${t}-role`}>Role (optional)</label>
                <input
                  id={`track-${t}-role`}
                  value={track.role}
                  maxLength={40}
                  placeholder="Hero, Villain…"
                  onInput={(e) => change((d) => (d.tracks[t]!.role = e.currentTarget.value))}
                />
              </div>
            </div>
            <DailyMilestonesFields
              idPrefix={`track-${t}`}
              trackLabel={draft.tracks.length > 1 ? ` to track ${t + 1}` : ''}
              firstDay={track.milestones[0]?.day ?? today()}
              onAdd={(firstDay, count) => {
                const days = dailyMilestones(firstDay, count, track.milestones[0]?.points ?? '100');
                if (days.length === 0) return;
                const next = withDailyMilestones(track, days);
                change((d) => (d.tracks[t] = next));
                setFocusId(`track-${t}-milestone-${next.milestones.length - days.length}-name`);
              }}
            />
            {track.milestones.map((milestone, m) => (
              <MilestoneFields
                key={m}
                label={draft.tracks.length > 1 ? `Track ${t + 1}, milestone ${m + 1}` : `Milestone ${m + 1}`}
                idPrefix={`track-${t}-milestone-${m}`}
                milestone={milestone}
                onChange={(edit) => change((d) => edit(d.tracks[t]!.milestones[m]!))}
                onRemove={track.milestones.length > 1 ? () => change((d) => d.tracks[t]!.milestones.splice(m, 1)) : undefined}
              />
            ))}
            <div class="button-row">
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  change((d) => d.tracks[t]!.milestones.push(followingMilestone(d.tracks[t]!.milestones.at(-1))));
                  setFocusId(`track-${t}-milestone-${track.milestones.length}-name`);
                }}
              >
                Add milestone{draft.tracks.length > 1 ? ` to track ${t + 1}` : ''}
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  change((d) => d.tracks.push(copyOfTrack(d.tracks[t]!)));
                  setFocusId(`track-${draft.tracks.length}-name`);
                }}
              >
                Copy track {t + 1} into a new track
              </button>
              {draft.tracks.length > 1 && (
                <button type="button" class="secondary" onClick={() => change((d) => d.tracks.splice(t, 1))}>
                  Remove track {t + 1}
                </button>
              )}
            </div>
          </fieldset>
        ))}
        <div class="button-row">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              change((d) => d.tracks.push(emptyTrack(d.tracks[0]?.milestones[0]?.day ?? today())));
              setFocusId(`track-${draft.tracks.length}-name`);
            }}
          >
            Add track
          </button>
        </div>

        {problem && (
          <p role="alert" class="alert">
            {problem}
          </p>
        )}
        {!problem && installer.problem && (
          <p role="alert" class="alert">
            {installer.problem}
          </p>
        )}
        <p role="status" class="status">
          {exported || installer.status}
        </p>
        <div class="button-row">
          <button type="submit">Add to my packs</button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              const pack = built();
              if (!pack) return;
              saveFile(packFileName(pack), serialisePack(pack));
              setExported(`Exported “${pack.title}” as ${packFileName(pack)}.`);
            }}
          >
            Export pack file
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setDraft(emptyDraft(today()));
              setProblem(undefined);
              setExported('');
            }}
          >
            Clear the form
          </button>
        </div>
      </form>
      {installer.dialog}
    </section>
  );
}

interface MilestoneProps {
  label: string;
  idPrefix: string;
  milestone: MilestoneDraft;
  onChange: (edit: (milestone: MilestoneDraft) => void) => void;
  onRemove: (() => void) | undefined;
}

function MilestoneFields({ label, idPrefix, milestone, onChange, onRemove }: MilestoneProps) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <fieldset class="builder-milestone">
      <legend>{label}</legend>
      <div class="field-grid">
        <div class="field">
          <label for={id('name')}>Name</label>
          <input id={id('name')} value={milestone.name} maxLength={120} onInput={(e) => onChange((m) => (m.name = e.currentTarget.value))} />
        </div>
        <div class="field narrow">
          <label for={id('points')}>Points</label>
          <input
            id={id('points')}
            type="number"
            min={0}
            max={100000}
            step={1}
            inputMode="numeric"
            value={milestone.points}
            onInput={(e) => onChange((m) => (m.points = e.currentTarget.value))}
          />
        </div>
      </div>
      <fieldset class="timing">
        <legend>When</legend>
        <label>
          <input type="radio" name={id('timing')} checked={milestone.timing === 'day'} onChange={() => onChange((m) => (m.timing = 'day'))} /> One day,
          from the daily reset
        </label>
        <label>
          <input type="radio" name={id('timing')} checked={milestone.timing === 'exact'} onChange={() => onChange((m) => (m.timing = 'exact'))} /> Exact
          start and end (your time)
        </label>
      </fieldset>
      {milestone.timing === 'day' ? (
        <div class="field narrow">
          <label for={id('day')}>Day</label>
          <input id={id('day')} type="date" value={milestone.day} onInput={(e) => onChange((m) => (m.day = e.currentTarget.value))} />
        </div>
      ) : (
        <div class="field-grid">
          <div class="field">
            <label for={id('start')}>Start</label>
            <input id={id('start')} type="datetime-local" value={milestone.start} onInput={(e) => onChange((m) => (m.start = e.currentTarget.value))} />
          </div>
          <div class="field">
            <label for={id('end')}>End</label>
            <input id={id('end')} type="datetime-local" value={milestone.end} onInput={(e) => onChange((m) => (m.end = e.currentTarget.value))} />
          </div>
        </div>
      )}
      <div class="field-grid">
        <div class="field">
          <label for={id('objectives')}>Objectives, one per line</label>
          <textarea id={id('objectives')} rows={3} value={milestone.objectives} onInput={(e) => onChange((m) => (m.objectives = e.currentTarget.value))} />
        </div>
        <div class="field">
          <label for={id('rewards')}>Rewards, one per line (empty: not published)</label>
          <textarea id={id('rewards')} rows={3} value={milestone.rewards} onInput={(e) => onChange((m) => (m.rewards = e.currentTarget.value))} />
        </div>
      </div>
      {onRemove && (
        <div class="button-row">
          <button type="button" class="secondary" onClick={onRemove}>
            Remove {label.toLowerCase()}
          </button>
        </div>
      )}
    </fieldset>
  );
}

interface DailyMilestonesProps {
  idPrefix: string;
  trackLabel: string;
  firstDay: string;
  onAdd: (firstDay: string, count: number) => void;
}

/** "N daily milestones from a date": the usual arc of one milestone a day, made in one go. */
function DailyMilestonesFields({ idPrefix, trackLabel, firstDay, onAdd }: DailyMilestonesProps) {
  const [day, setDay] = useState(firstDay);
  const [count, setCount] = useState('5');
  const days = Number(count);
  const valid = Number.isInteger(days) && days >= 1 && days <= 400;
  return (
    <div class="field-grid daily-milestones">
      <div class="field narrow">
        <label for={`${idPrefix}-first-day`}>First day</label>
        <input id={`${idPrefix}-first-day`} type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <div class="field narrow">
        <label for={`${idPrefix}-day-count`}>Number of days</label>
        <input
          id={`${idPrefix}-day-count`}
          type="number"
          min={1}
          max={400}
          step={1}
          inputMode="numeric"
          value={count}
          onInput={(e) => setCount(e.currentTarget.value)}
        />
      </div>
      <div class="button-row">
        <button type="button" class="secondary" disabled={!valid} onClick={() => onAdd(day, days)}>
          Add {valid ? days : 'the'} daily milestone{days === 1 ? '' : 's'}{trackLabel}
        </button>
      </div>
    </div>
  );
}
