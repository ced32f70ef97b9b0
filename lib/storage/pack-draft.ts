// The options page's unfinished pack form in the store. Its own module: reading a draft needs the pack
// form's code (lib/packs/builder.ts and the reader behind it), which the popup and the side panel must
// not load with lib/storage/load.ts.
import { storedPackDraft, type PackDraft } from '../packs/builder';
import { extensionStore, readPackDraft } from './store-adapter';

/** The unfinished *Create or edit a pack* form kept in the store, if any (an unreadable value is no draft). */
export async function loadPackDraft(store = extensionStore()): Promise<PackDraft | undefined> {
  return storedPackDraft(await readPackDraft(store));
}
