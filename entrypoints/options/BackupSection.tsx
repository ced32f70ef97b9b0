import { useEffect, useState } from 'preact/hooks';
import { inMiB } from '@/lib/storage/limits';
import { backupFileName, backupSummary, MAX_BACKUP_BYTES, type Backup } from '@/lib/backup/backup';
import { CHANGED_OR_DAMAGED, readBackupFile, type BackupFileResult } from '@/lib/backup/backup-file';
import { exportBackup, restoreBackup } from '@/lib/storage/writes';
import { storagePersisted } from '@/lib/storage/store-adapter';
import { backupRefusal } from '@/lib/validation/problem-words';
import { describeProblem } from '@/lib/validation/problem';
import { OptionsConfirmDialog } from './ConfirmDialog';
import { fileProblem, readChosenFile } from './read-chosen-file';
import { saveFile } from '@/components/save-file';
import { localDateTime } from '@/lib/format/local-time';
import { SectionMessages } from './SectionMessages';

interface Props {
  reload: () => Promise<void>;
}

const refusal = (problem: string) => `Not restored: ${problem}. Nothing was changed.`;
const refusalOf = (result: Exclude<BackupFileResult, { ok: true }>) => ('changed' in result ? CHANGED_OR_DAMAGED : backupRefusal(result.problem));

/** Download everything as one file; restore a file only after checking all of it, then in one transaction. */
export function OptionsBackup({ reload }: Props) {
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<{ text: string; backup: Backup } | undefined>();
  const [persisted, setPersisted] = useState<boolean | undefined>();
  useEffect(() => void storagePersisted().then(setPersisted), []);

  // The file is read back by the restore's own reader before it is offered: a backup that would not restore is never saved.
  const download = async () => {
    setProblem(undefined);
    setStatus('');
    const now = Date.now();
    try {
      const text = await exportBackup(now);
      const check = await readBackupFile(text);
      if (!check.ok) return setProblem(`No backup made — it would not restore: ${'changed' in check ? 'its digest does not match' : describeProblem(check.problem)}.`);
      saveFile(backupFileName(now), text);
      setStatus(`Downloaded ${backupFileName(now)}.`);
    } catch (cause) {
      setProblem(`No backup made — ${cause instanceof Error ? cause.message : String(cause)}.`);
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStatus('');
    const read = await readChosenFile(file, MAX_BACKUP_BYTES, `larger than ${inMiB(MAX_BACKUP_BYTES)}`);
    input.value = '';
    if (!read.ok) return setProblem(refusal(fileProblem(file.name, read.message)));
    const checked = await readBackupFile(read.text);
    if (!checked.ok) return setProblem(refusalOf(checked));
    setProblem(undefined);
    setPending({ text: read.text, backup: checked.value });
  };

  const restore = async (text: string) => {
    try {
      const result = await restoreBackup(text);
      if (!result.ok) return setProblem(refusalOf(result));
      await reload();
      setStatus(`Restored the backup from ${localDateTime(Date.parse(result.value.exportedAt), { withZone: true })}.`);
    } catch (cause) {
      setProblem(refusal(`the browser refused to store it (${cause instanceof Error ? cause.message : String(cause)})`));
    }
  };

  const summary = pending && backupSummary(pending.backup);
  return (
    <section id="backup" class="options-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="muted">
        One JSON file with all your progress, settings and imported packs. Keep one before you remove a pack or change computers.
      </p>
      {persisted === false && (
        <p class="alert">
          This browser reports the extension’s storage as best effort, not persistent: when the disk runs low it may clear it, and your
          progress with it. Download a backup now and after each arc.
        </p>
      )}
      <div class="button-row">
        <button type="button" onClick={() => void download()}>
          Download backup
        </button>
      </div>
      <div class="field">
        <label for="restore-file">Restore from backup</label>
        <input id="restore-file" type="file" accept=".json,application/json" onChange={(event) => void choose(event.currentTarget)} />
      </div>
      <SectionMessages problem={problem} status={status} />
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
            The backup from {localDateTime(Date.parse(summary.exportedAt), { withZone: true })} holds {summary.packs} imported pack
            {summary.packs === 1 ? '' : 's'} and {summary.completed} completed milestone{summary.completed === 1 ? '' : 's'}.
          </p>
          <p>It replaces all progress, settings and imported packs in this browser. Download a backup first to keep what is here now.</p>
        </OptionsConfirmDialog>
      )}
    </section>
  );
}
