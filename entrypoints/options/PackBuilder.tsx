import { useEffect, useRef, useState } from 'preact/hooks';
import { format, formatISO } from 'date-fns';
import type { OptionsState } from '@/lib/views/options-state';
import type { Pack } from '@/lib/packs/types';
import { packFileName, serialisePack } from '@/lib/packs/export';
import {
  buildPack,
  copyOfTrack,
  dailyMilestones,
  draftFromPack,
  draftHasTyping,
  emptyDraft,
  emptyTrack,
  followingMilestone,
  slugify,
  withDailyMilestones,
  type EventTiming,
  type MilestoneDraft,
  type MilestoneTiming,
  type PackDraft,
  type ServerDraft,
} from '@/lib/packs/builder';
import { saveFile as browserSaveFile, type SaveFile } from '@/components/save-file';
import { usePackInstaller } from './use-pack-installer';
import { usePackDraft } from './use-pack-draft';
import { OptionsConfirmDialog } from './ConfirmDialog';

/** A request to open an installed pack in the form; a new object for every click on *Edit*. */
export interface EditRequest {
  pack: Pack;
}

interface Props {
  state: OptionsState;
  reload: () => Promise<void>;
  saveFile?: SaveFile;
  editRequest?: EditRequest | undefined;
}

/** Minutes east of UTC at a local date and time, from this computer's time zone. */
const zoneOffset = (local: string) => -new Date(local).getTimezoneOffset();

/** `2024-05-01`, this computer's calendar date, as an `<input type="date">` holds it. */
const today = (): string => formatISO(new Date(), { representation: 'date' });

/** An instant as this computer's local `YYYY-MM-DDTHH:MM`, as an `<input type="datetime-local">` holds it. */
const localOf = (at: number): string => format(at, "yyyy-MM-dd'T'HH:mm");


/**
 * Create a pack without writing JSON: title, tracks, and per milestone its name, points, day or exact
 * times, objectives and rewards. The result goes through the same reader and the same import as a file.
 */
export function OptionsPackBuilder({ state, reload, saveFile = browserSaveFile, editRequest }: Props) {
  const { draft, restored, change: keepDraft, replace: replaceDraft } = usePackDraft(() => emptyDraft(today()));
  const [problem, setProblem] = useState<string | undefined>();
  const [exported, setExported] = useState('');
  const [editStatus, setEditStatus] = useState('');
  // An Edit while the form holds other typing waits for the Commander's answer.
  const [editWaiting, setEditWaiting] = useState<Pack | undefined>();
  const installer = usePackInstaller(state, reload, () => {
    // Created (or replaced): the form starts over and no draft is kept.
    replaceDraft(emptyDraft(today()));
    setEditStatus('');
  });
  // After any "add", the new item's name field gets the focus, so typing goes on without a click.
  const [focusId, setFocusId] = useState<string | undefined>();
  useEffect(() => {
    if (focusId === undefined) return;
    const field = document.getElementById(focusId);
    field?.focus();
    if (focusId === 'builder-title') field?.scrollIntoView?.({ block: 'center' });
    setFocusId(undefined);
  }, [focusId]);

  const openForEdit = (pack: Pack) => {
    replaceDraft(draftFromPack(pack, localOf));
    setProblem(undefined);
    setExported('');
    setEditStatus(`Editing “${pack.title}”. Saving replaces the installed pack; progress stays with every unchanged id.`);
    setFocusId('builder-title');
  };
  const lastRequest = useRef<EditRequest | undefined>();
  useEffect(() => {
    if (!editRequest || editRequest === lastRequest.current) return;
    lastRequest.current = editRequest;
    // The same pack already in the form keeps its unsaved changes; other typing is replaced only after asking.
    if (draft.id.trim() === editRequest.pack.id) setFocusId('builder-title');
    else if (draftHasTyping(draft)) setEditWaiting(editRequest.pack);
    else openForEdit(editRequest.pack);
  }, [editRequest]);

  const change = (edit: (copy: PackDraft) => void) => {
    const copy = structuredClone(draft);
    edit(copy);
    keepDraft(copy);
  };

  const built = () => {
    setExported('');
    const result = buildPack(draft, zoneOffset);
    setProblem(result.ok ? undefined : `The pack is not ready — ${result.message}.`);
    return result.ok ? result.pack : undefined;
  };

  const installedTitle = state.packs.find((p) => !p.builtin && p.pack.id === draft.id.trim())?.pack.title;

  const derivedId = slugify(draft.title, 'my-pack');

  return (
    <section id="create-pack" class="options-section" aria-labelledby="pack-builder-heading">
      <h2 id="pack-builder-heading">Create or edit a pack</h2>
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
        {restored && (
          <p class="status" role="status">
            Your unfinished pack is back as you left it. <em>Clear the form</em> to start a new one.
          </p>
        )}
        {editStatus && <p class="muted">{editStatus}</p>}
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

        <div class="field-grid">
          <div class="field">
            <label for="builder-requirements">Requirements, one per line (optional)</label>
            <textarea
              id="builder-requirements"
              rows={2}
              value={draft.requirements}
              placeholder="Commander level 10 or higher"
              onInput={(e) => change((d) => (d.requirements = e.currentTarget.value))}
            />
          </div>
          <div class="field">
            <label for="builder-sources">Sources, one per line (optional)</label>
            <textarea id="builder-sources" rows={2} value={draft.sources} onInput={(e) => change((d) => (d.sources = e.currentTarget.value))} />
          </div>
        </div>
        <div class="field">
          <label for="builder-notes">Notes on the pack (optional)</label>
          <textarea id="builder-notes" rows={2} value={draft.notes} onInput={(e) => change((d) => (d.notes = e.currentTarget.value))} />
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
            <ServerFields
              idPrefix={`track-${t}-server`}
              label={draft.tracks.length > 1 ? `Server goal (IMS) of track ${t + 1}` : 'Server goal (IMS)'}
              server={track.server}
              onChange={(edit) => change((d) => edit(d.tracks[t]!.server))}
            />
            <fieldset class="builder-event">
              <legend>{draft.tracks.length > 1 ? `Solo event (SMS) of track ${t + 1}` : 'Solo event (SMS)'}, optional</legend>
              <div class="field-grid">
                <div class="field">
                  <label for={`track-${t}-solo-name`}>Solo event name</label>
                  <input
                    id={`track-${t}-solo-name`}
                    value={track.solo.name}
                    maxLength={120}
                    onInput={(e) => change((d) => (d.tracks[t]!.solo.name = e.currentTarget.value))}
                  />
                </div>
                <div class="field">
                  <label for={`track-${t}-solo-rewards`}>Solo rewards, one per line (empty: not published)</label>
                  <textarea
                    id={`track-${t}-solo-rewards`}
                    rows={2}
                    value={track.solo.rewards}
                    onInput={(e) => change((d) => (d.tracks[t]!.solo.rewards = e.currentTarget.value))}
                  />
                </div>
              </div>
            </fieldset>
            <div class="field">
              <label for={`track-${t}-notes`}>Notes on the track (optional)</label>
              <textarea id={`track-${t}-notes`} rows={2} value={track.notes} onInput={(e) => change((d) => (d.tracks[t]!.notes = e.currentTarget.value))} />
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
          <button type="submit">{installedTitle ? `Save changes to “${installedTitle}”` : 'Add to my packs'}</button>
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
              replaceDraft(emptyDraft(today()));
              setProblem(undefined);
              setExported('');
              setEditStatus('');
            }}
          >
            Clear the form
          </button>
        </div>
      </form>
      {installer.dialog}
      {editWaiting && (
        <OptionsConfirmDialog
          title={`Edit “${editWaiting.title}” instead?`}
          confirmLabel="Edit it"
          onCancel={() => setEditWaiting(undefined)}
          onConfirm={() => {
            const pack = editWaiting;
            setEditWaiting(undefined);
            openForEdit(pack);
          }}
        >
          <p>The form holds a pack you have not added yet{draft.title.trim() ? ` (“${draft.title.trim()}”)` : ''}. Editing replaces it in the form.</p>
        </OptionsConfirmDialog>
      )}
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
      <TimesFields idPrefix={idPrefix} timings={MILESTONE_TIMINGS} times={milestone} onChange={(edit) => onChange((m) => edit(m))} />
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
      <div class="field">
        <label for={id('notes')}>Notes (optional)</label>
        <textarea id={id('notes')} rows={1} value={milestone.notes} onInput={(e) => onChange((m) => (m.notes = e.currentTarget.value))} />
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

const MILESTONE_TIMINGS: ReadonlyArray<[MilestoneTiming, string]> = [
  ['day', 'One day, from the daily reset'],
  ['days', 'Several days, from one daily reset to another'],
  ['exact', 'Exact start and end (your time)'],
];
const EVENT_TIMINGS: ReadonlyArray<[EventTiming, string]> = [
  ['days', 'From one daily reset to another'],
  ['exact', 'Exact start and end (your time)'],
];

type Times = Pick<MilestoneDraft, 'day' | 'endDay' | 'start' | 'end'> & { timing: MilestoneTiming };

interface TimesProps<T extends Times> {
  idPrefix: string;
  timings: ReadonlyArray<[T['timing'], string]>;
  times: T;
  onChange: (edit: (times: T) => void) => void;
}

/** When a milestone or event is live: the choice of day, days or exact times, and the fields of that choice. */
function TimesFields<T extends Times>({ idPrefix, timings, times, onChange }: TimesProps<T>) {
  const id = (field: string) => `${idPrefix}-${field}`;
  const input = (field: 'day' | 'endDay' | 'start' | 'end', label: string, type: 'date' | 'datetime-local') => (
    <div class={type === 'date' ? 'field narrow' : 'field'}>
      <label for={id(field)}>{label}</label>
      <input id={id(field)} type={type} value={times[field]} onInput={(e) => onChange((t) => (t[field] = e.currentTarget.value))} />
    </div>
  );
  return (
    <>
      <fieldset class="timing">
        <legend>When</legend>
        {timings.map(([timing, label]) => (
          <label key={timing}>
            <input type="radio" name={id('timing')} checked={times.timing === timing} onChange={() => onChange((t) => (t.timing = timing))} /> {label}
          </label>
        ))}
      </fieldset>
      {times.timing === 'day' && input('day', 'Day', 'date')}
      {times.timing === 'days' && (
        <div class="field-grid">
          {input('day', 'Starts (daily reset of)', 'date')}
          {input('endDay', 'Ends (daily reset of)', 'date')}
        </div>
      )}
      {times.timing === 'exact' && (
        <div class="field-grid">
          {input('start', 'Start', 'datetime-local')}
          {input('end', 'End', 'datetime-local')}
        </div>
      )}
    </>
  );
}

interface ServerProps {
  idPrefix: string;
  label: string;
  server: ServerDraft;
  onChange: (edit: (server: ServerDraft) => void) => void;
}

/** The server-wide event (IMS): its name, goal, when it runs and what it pays; left empty, the track has none. */
function ServerFields({ idPrefix, label, server, onChange }: ServerProps) {
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <fieldset class="builder-event">
      <legend>{label}, optional</legend>
      <div class="field-grid">
        <div class="field">
          <label for={id('name')}>Server event name</label>
          <input id={id('name')} value={server.name} maxLength={120} onInput={(e) => onChange((s) => (s.name = e.currentTarget.value))} />
        </div>
        <div class="field narrow">
          <label for={id('goal')}>Server goal (points)</label>
          <input
            id={id('goal')}
            type="number"
            min={1}
            max={1_000_000_000}
            step={1}
            inputMode="numeric"
            value={server.goal}
            onInput={(e) => onChange((s) => (s.goal = e.currentTarget.value))}
          />
        </div>
      </div>
      <TimesFields idPrefix={idPrefix} timings={EVENT_TIMINGS} times={server} onChange={onChange} />
      <div class="field">
        <label for={id('rewards')}>Server rewards, one per line (empty: not published)</label>
        <textarea id={id('rewards')} rows={2} value={server.rewards} onInput={(e) => onChange((s) => (s.rewards = e.currentTarget.value))} />
      </div>
    </fieldset>
  );
}
