import { useState } from 'preact/hooks';
import { installedPacks, type OptionsState } from '@/lib/views/options-state';
import { prepareImport, type PreparedImport } from '@/lib/packs/import';
import { commitImport } from '@/lib/storage/writes';
import { packRefusal } from '@/lib/validation/problem-words';
import { OptionsConfirmDialog } from './ConfirmDialog';

type Accepted = Extract<PreparedImport, { ok: true }>;

/** `Not imported: the text box is empty; paste the JSON of a pack first. Nothing was changed.` (a pack's own problems: packRefusal). */
export const refusalMessage = (problem: string): string => `Not imported: ${problem}. Nothing was changed.`;

function importedMessage({ pack, followTrackId, replaces }: Accepted): string {
  const milestones = pack.tracks.reduce((sum, t) => sum + t.milestones.length, 0);
  const followed = pack.tracks.find((t) => t.id === followTrackId)?.name ?? followTrackId;
  const verb = replaces ? 'Replaced' : 'Imported';
  return `${verb} “${pack.title}”: ${pack.tracks.length} track${pack.tracks.length === 1 ? '' : 's'}, ${milestones} milestone${milestones === 1 ? '' : 's'}. The badge, popup and side panel follow ${followed}; change it in the list above.`;
}

/**
 * Import through one path, whether the pack comes from a file, pasted text or the form: check it, ask
 * before replacing an installed pack, store it, and say what happened.
 */
export function usePackInstaller(state: OptionsState, reload: () => Promise<void>, onInstalled?: (pack: Accepted['pack']) => void) {
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState<Accepted | undefined>();

  const commit = async (prepared: Accepted) => {
    try {
      await commitImport(prepared, Date.now());
      await reload();
      setStatus(importedMessage(prepared));
      onInstalled?.(prepared.pack);
    } catch (cause) {
      setProblem(refusalMessage(`the browser refused to store it (${cause instanceof Error ? cause.message : String(cause)})`));
    }
  };

  /** Returns whether the input was a valid pack (stored, or waiting for the Commander's confirmation). */
  const install = async (input: unknown): Promise<boolean> => {
    setStatus('');
    const prepared = prepareImport(input, installedPacks(state));
    if (!prepared.ok) {
      setProblem(packRefusal(prepared.problem));
      return false;
    }
    setProblem(undefined);
    if (prepared.replaces) setPending(prepared);
    else await commit(prepared);
    return true;
  };

  const dialog = pending?.replaces && (
    <OptionsConfirmDialog
      title={`Replace “${pending.replaces.title}”?`}
      confirmLabel="Replace pack"
      onCancel={() => {
        setPending(undefined);
        setStatus(`Not imported: “${pending.replaces!.title}” stays as it was.`);
      }}
      onConfirm={() => {
        setPending(undefined);
        void commit(pending);
      }}
    >
      <p>
        A pack with the id <code>{pending.pack.id}</code> is installed. Importing replaces it with “{pending.pack.title}”.
      </p>
      <p>
        Your progress is kept for every milestone and objective whose id did not change
        {pending.replaces.kept > 0 ? `: ${pending.replaces.kept} recorded item${pending.replaces.kept === 1 ? '' : 's'}` : ''}.
        {pending.replaces.unmatched > 0 &&
          ` ${pending.replaces.unmatched} recorded item${pending.replaces.unmatched === 1 ? ' refers' : 's refer'} to ids this version no longer has: ${pending.replaces.unmatched === 1 ? 'it stays' : 'they stay'} stored, but ${pending.replaces.unmatched === 1 ? 'is' : 'are'} not shown.`}
      </p>
      {pending.replaces.followedTrackGone && (
        <p>The track you follow is not in this version; you will follow {pending.pack.tracks.find((t) => t.id === pending.followTrackId)?.name}.</p>
      )}
    </OptionsConfirmDialog>
  );

  return { install, problem, setProblem, status, dialog };
}
