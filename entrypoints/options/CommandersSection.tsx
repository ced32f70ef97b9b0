import { useState } from 'preact/hooks';
import { commanderLabel } from '@/lib/format/labels';
import { MAX_COMMANDER_NAME, MAX_SERVER_LABEL, type Commander } from '@/lib/commander/commanders';
import { commanderLosses, type OptionsState } from '@/lib/views/options-state';
import { addCommander, recordCommanders, removeCommanderAndProgress, renameCommander } from '@/lib/storage/writes';
import { withCommanderReset } from '@/lib/commander/commander-changes';
import { ResetQuestion } from '@/components/ResetQuestion';
import { resetLabel } from '@/lib/format/local-time';
import { OptionsConfirmDialog } from './ConfirmDialog';
import { SectionMessages } from './SectionMessages';

interface Props {
  state: OptionsState;
  reload: () => Promise<void>;
}

interface LabelFieldsProps {
  idPrefix: string;
  name: string;
  server: string;
  onName: (name: string) => void;
  onServer: (server: string) => void;
}

/** A Commander's name and optional server label, as the add and rename forms ask for them. */
function LabelFields({ idPrefix, name, server, onName, onServer }: LabelFieldsProps) {
  return (
    <div class="field-grid">
      <div class="field">
        <label for={`${idPrefix}-name`}>Name</label>
        <input id={`${idPrefix}-name`} type="text" required maxLength={MAX_COMMANDER_NAME} value={name} onInput={(event) => onName(event.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${idPrefix}-server`}>Server (optional)</label>
        <input id={`${idPrefix}-server`} type="text" maxLength={MAX_SERVER_LABEL} value={server} onInput={(event) => onServer(event.currentTarget.value)} />
      </div>
    </div>
  );
}

function RenameForm({ commander, onDone }: { commander: Commander; onDone: (problem?: string) => Promise<void> }) {
  const [name, setName] = useState(commander.name);
  const [server, setServer] = useState(commander.server ?? '');
  return (
    <form
      class="commander-form"
      aria-label={`Rename ${commander.name}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const renamed = await renameCommander(commander.id, { name, server });
        await onDone(renamed.ok ? undefined : renamed.problem);
      }}
    >
      <LabelFields idPrefix={`rename-${commander.id}`} name={name} server={server} onName={setName} onServer={setServer} />
      <div class="button-row">
        <button type="submit">Save</button>
        <button type="button" class="secondary" onClick={() => void onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * A Commander's daily reset: each valid change is saved as it is made, so leaving the page never drops an
 * edit. Open by itself for a Commander who has none (a new one is asked at once).
 */
function CommanderReset({ commander, reload }: { commander: Commander; reload: () => Promise<void> }) {
  const now = Date.now();
  return (
    <details class="commander-reset" open={!commander.reset}>
      <summary>
        Daily reset: {commander.reset ? resetLabel(commander.reset, now) : 'not set: the pack’s reset, else 00:00 UTC'}
        <span class="visually-hidden"> ({commander.name})</span>
      </summary>
      <ResetQuestion
        now={now}
        initial={commander.reset}
        saveOnChange
        onSave={async (reset) => {
          await recordCommanders((commanders) => withCommanderReset(commanders, commander.id, reset));
          await reload();
        }}
      />
    </details>
  );
}

/** The Commanders: one per game account, each with its own progress and tracks; add, rename, remove (never the last). */
export function OptionsCommanders({ state, reload }: Props) {
  const { commanders } = state.snapshot;
  const [name, setName] = useState('');
  const [server, setServer] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState('');
  const [renaming, setRenaming] = useState<string>();
  const [removing, setRemoving] = useState<Commander>();
  const single = commanders.list.length === 1;

  const add = async () => {
    const added = await addCommander({ name, server });
    if (!added.ok) {
      setProblem(added.problem);
      setStatus('');
      return;
    }
    setProblem(undefined);
    setStatus(`Added ${name.trim()}. Switch to them in the popup or the side panel.`);
    setName('');
    setServer('');
    await reload();
  };

  const losses = removing ? commanderLosses(state, removing.id) : [];

  return (
    <section id="commanders" class="options-section" aria-labelledby="commanders-heading">
      <h2 id="commanders-heading">Commanders</h2>
      <p class="muted">
        One Commander per game account. Each has its own progress and followed tracks; the event packs are shared. The popup and the
        side panel show one Commander at a time and switch between them; the badge watches them all.
      </p>
      <ul class="commander-list">
        {commanders.list.map((commander) => (
          <li key={commander.id} class="card">
            {renaming === commander.id ? (
              <RenameForm
                commander={commander}
                onDone={async (refusal) => {
                  setProblem(refusal);
                  setStatus(refusal ? '' : 'Saved.');
                  if (!refusal) setRenaming(undefined);
                  await reload();
                }}
              />
            ) : (
              <div class="commander-row">
                <span class="commander-name">{commanderLabel(commander)}</span>
                {commander.id === commanders.activeId && !single && <span class="tag">Shown now</span>}
                <div class="button-row">
                  <button type="button" class="secondary" onClick={() => setRenaming(commander.id)}>
                    Rename<span class="visually-hidden"> {commander.name}</span>
                  </button>
                  {!single && (
                    <button type="button" class="danger" onClick={() => setRemoving(commander)}>
                      Remove<span class="visually-hidden"> {commander.name}</span>
                    </button>
                  )}
                </div>
              </div>
            )}
            <CommanderReset commander={commander} reload={reload} />
          </li>
        ))}
      </ul>
      {single && <p class="muted small">The last Commander cannot be removed.</p>}
      <form
        class="commander-form"
        aria-label="Add a Commander"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <h3>Add a Commander</h3>
        <LabelFields idPrefix="new-commander" name={name} server={server} onName={setName} onServer={setServer} />
        <div class="button-row">
          <button type="submit">Add Commander</button>
        </div>
      </form>
      <SectionMessages problem={problem} status={status} />
      {removing && (
        <OptionsConfirmDialog
          title={`Remove ${removing.name}?`}
          confirmLabel="Remove Commander"
          danger
          onCancel={() => setRemoving(undefined)}
          onConfirm={async () => {
            const gone = removing;
            setRemoving(undefined);
            await removeCommanderAndProgress(gone.id);
            setProblem(undefined);
            setStatus(`Removed ${gone.name} and their progress.`);
            await reload();
          }}
        >
          {losses.length === 0 ? (
            <p>{removing.name} has recorded nothing yet. This cannot be undone.</p>
          ) : (
            <>
              <p>Their progress goes with them:</p>
              <ul>
                {losses.map((loss) => (
                  <li key={loss.packId}>
                    {loss.title}: {loss.completed} milestone{loss.completed === 1 ? '' : 's'} completed
                  </li>
                ))}
              </ul>
              <p>This cannot be undone; download a backup first to keep a copy.</p>
            </>
          )}
        </OptionsConfirmDialog>
      )}
    </section>
  );
}
