import { useState } from 'preact/hooks';
import { describeProgress } from '@/lib/packs/import';
import { MAX_PROGRESS_PACKS } from '@/lib/storage/limits';
import { deleteKeptProgress } from '@/lib/storage/writes';
import { keptProgress, type KeptProgress, type OptionsState } from '@/lib/views/options-state';
import { storageErrorMessage } from '@/lib/storage/storage-error';
import { OptionsConfirmDialog } from './ConfirmDialog';
import { SectionMessages } from './SectionMessages';

interface Props {
  state: OptionsState;
  reload: () => Promise<void>;
}

const completions = (n: number) => `${n} completed milestone${n === 1 ? '' : 's'}`;

/**
 * Progress kept for packs that are not installed (a restore brings it, or a pack removed elsewhere): each
 * pack id with its completions and a Delete behind a confirmation. Shown only when there is some.
 */
export function OptionsKeptProgress({ state, reload }: Props) {
  const kept = keptProgress(state);
  const [confirming, setConfirming] = useState<KeptProgress | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  if (kept.length === 0 && !status) return null;

  const remove = async (entry: KeptProgress) => {
    setConfirming(undefined);
    setProblem(undefined);
    try {
      await deleteKeptProgress(entry.packId);
      setStatus(`Deleted the progress kept for ${entry.packId}.`);
    } catch (cause) {
      setProblem(`The progress of ${entry.packId} was not deleted: ${storageErrorMessage(cause)}`);
    }
    await reload();
  };

  return (
    <section class="options-section" aria-labelledby="kept-progress-heading" id="kept-progress">
      <h2 id="kept-progress-heading">Progress of removed packs</h2>
      <p class="muted">
        Progress recorded for packs that are not installed now. Importing such a pack again brings its progress back; until then
        nothing shows it. Progress is kept for at most {MAX_PROGRESS_PACKS} packs.
      </p>
      {kept.length > 0 && (
        <ul class="kept-progress-list">
          {kept.map((entry) => (
            <li key={entry.packId} class="card">
              <span>
                <code>{entry.packId}</code>: {completions(entry.completed)}
              </span>{' '}
              <button type="button" class="danger" onClick={() => setConfirming(entry)}>
                Delete<span class="visually-hidden"> the progress of {entry.packId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <SectionMessages problem={problem} status={status} />
      {confirming && (
        <OptionsConfirmDialog
          title={`Delete the progress of ${confirming.packId}?`}
          confirmLabel="Delete progress"
          danger
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void remove(confirming)}
        >
          <p>
            This deletes what you recorded for the pack {confirming.packId}: {confirming.progress.map(describeProgress).join('; ')}. Importing that
            pack again will no longer bring it back. This cannot be undone; download a backup first to keep a copy.
          </p>
        </OptionsConfirmDialog>
      )}
    </section>
  );
}
