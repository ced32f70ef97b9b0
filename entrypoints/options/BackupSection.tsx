import { useState } from 'preact/hooks';
import { backupFileName, backupSummary, MAX_BACKUP_BYTES, type Backup } from '@/lib/backup/backup';
import { exportBackup, restoreBackup } from '@/lib/storage/writes';
import { readBackup } from '@/lib/backup/reader';
import { describeProblem } from '@/lib/packs/reader';
import { OptionsConfirmDialog } from './ConfirmDialog';
import { readChosenFile } from './read-chosen-file';
import { saveFile } from '@/components/save-file';
import { localDateTime } from '@/lib/format/local-time';

interface Props {
  reload: () => Promise<void>;
}

const refusal = (problem: string) => `Not restored — ${problem}. Nothing was changed.`;

/** Download everything as one file; restore a file only after checking all of it, then in one transaction. */
export function OptionsBackup({ reload }: Props) {
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<{ text: string; backup: Backup } | undefined>();

  const download = async () => {
    setProblem(undefined);
    const now = Date.now();
    saveFile(backupFileName(now), await exportBackup(now));
    setStatus(`Downloaded ${backupFileName(now)}.`);
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStatus('');
    const read = await readChosenFile(file, MAX_BACKUP_BYTES, 'larger than 16 MiB');
    input.value = '';
    if (!read.ok) return setProblem(refusal(`${file.name}: ${read.message}`));
    const checked = readBackup(read.text);
    if (!checked.ok) return setProblem(refusal(describeProblem(checked.problem)));
    setProblem(undefined);
    setPending({ text: read.text, backup: checked.value });
  };

  const restore = async (text: string) => {
    try {
      const result = await restoreBackup(text);
      if (!result.ok) return setProblem(refusal(describeProblem(result.problem)));
      await reload();
      setStatus(`Restored the backup from ${localDateTime(Date.parse(result.value.exportedAt))}.`);
    } catch (cause) {
      setProblem(refusal(`the browser refused to store it (${cause instanceof Error ? cause.message : String(cause)})`));
    }
  };

  const summary = pending && backupSummary(pending.backup);
  return (
    <section class="options-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="muted">
        One JSON file with all your progress, settings and imported packs. Keep one before you remove a pack or change computers.
      </p>
      <div class="button-row">
        <button type="button" onClick={() => void download()}>
          Download backup
        </button>
      </div>
      <div class="field">
        <label for="restore-file">Restore from backup</label>
        <input id="restore-file" type="file" accept=".json,application/json" onChange={(event) => void choose(event.currentTarget)} />
      </div>
      {problem && (
        <p role="alert" class="alert">
          {problem}
        </p>
      )}
      <p role="status" class="status">
        {status}
      </p>
      {pending && summary && (
        <OptionsConfirmDialog
          title="Restore this backup?"
          confirmLabel="Restore"
          danger
          onCancel={() => {
            setPending(undefined);
            setStatus('Not restored: nothing was changed.');
          }}
          onConfirm={() => {
            const { text } = pending;
            setPending(undefined);
            void restore(text);
          }}
        >
          <p>
            The backup from {localDateTime(Date.parse(summary.exportedAt))} holds {summary.packs} imported pack
            {summary.packs === 1 ? '' : 's'} and {summary.completed} completed milestone{summary.completed === 1 ? '' : 's'}.
          </p>
          <p>It replaces all progress, settings and imported packs in this browser. Download a backup first to keep what is here now.</p>
        </OptionsConfirmDialog>
      )}
    </section>
  );
}
