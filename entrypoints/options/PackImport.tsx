import { useState } from 'preact/hooks';
import type { OptionsState } from '@/lib/views/options-state';
import { inMiB, MAX_PACK_BYTES } from '@/lib/storage/limits';
import { fileProblem, readChosenFile } from './read-chosen-file';
import { refusalMessage, usePackInstaller } from './use-pack-installer';
import { SectionMessages } from './SectionMessages';

interface Props {
  state: OptionsState;
  reload: () => Promise<void>;
}

/** Import a pack from a file or from pasted text. A refused pack gets one alert naming the first problem and its path. */
export function OptionsPackImport({ state, reload }: Props) {
  const installer = usePackInstaller(state, reload);
  const [pasted, setPasted] = useState('');

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const read = await readChosenFile(file, MAX_PACK_BYTES, `larger than ${inMiB(MAX_PACK_BYTES)}`);
    // Cleared so that choosing the same file again (after fixing it) imports it again.
    input.value = '';
    if (!read.ok) installer.setProblem(refusalMessage(fileProblem(file.name, read.message)));
    else await installer.install(read.text);
  };

  const importPasted = async () => {
    if (pasted.trim() === '') {
      installer.setProblem(refusalMessage('the text box is empty; paste the JSON of a pack first'));
      return;
    }
    if (await installer.install(pasted)) setPasted('');
  };

  return (
    <section class="options-block" aria-labelledby="pack-import-heading">
      <h3 id="pack-import-heading">Import a pack</h3>
      <p class="muted">
        A pack is one JSON file in the event pack format. It is checked completely before anything is stored; importing a pack
        whose id is installed replaces it after you confirm, and keeps your progress for every id that did not change.
      </p>
      <div class="field">
        <label for="pack-file">Import event pack</label>
        <input id="pack-file" type="file" accept=".json,application/json" onChange={(event) => void importFile(event.currentTarget)} />
      </div>
      <div class="field">
        <label for="pack-text">Paste event pack</label>
        <textarea
          id="pack-text"
          rows={6}
          spellcheck={false}
          autocomplete="off"
          value={pasted}
          onInput={(event) => setPasted(event.currentTarget.value)}
        />
      </div>
      <div class="button-row">
        <button type="button" onClick={() => void importPasted()}>
          Import
        </button>
      </div>
      <SectionMessages problem={installer.problem} status={installer.status} />
      {installer.dialog}
    </section>
  );
}
