// The built-in pack: the November 2023 Heroes and Villains arc, from the seed articles.
import raw from './builtin/heroes-and-villains-2023-11.json';
import type { Pack } from './types';

export const BUILTIN_PACK_ID = 'heroes-and-villains-2023-11';

/**
 * Where the build puts the pack's JSON file in the extension (wxt.config.ts copies
 * lib/packs/builtin/heroes-and-villains-2023-11.json there), for loadBuiltinPack().
 */
export const BUILTIN_PACK_FILE = '/builtin/heroes-and-villains-2023-11.json';

/**
 * The built-in pack as shipped, bundled into the script that calls this (the options page, tests).
 * It is validated by the same reader as imported packs in tests/unit/packs/builtin.test.ts (which
 * also checks this returns exactly the reader's result), not at run time: that keeps the reader out
 * of the popup, side panel and background bundles.
 */
export function builtinPack(): Pack {
  return raw as Pack;
}

let loading: Promise<Pack> | undefined;

/**
 * The built-in pack for the popup, the side panel and the background: fetched once per page or worker
 * from its JSON file in the extension, and only when the store shows the pack (lib/views/tracker-state.ts),
 * so that its 2 KB gzip of data is not part of their scripts and a Commander who hid it never loads it.
 * A view's first frame does not wait for it: that frame is its snapshot (lib/storage/view-snapshot-adapter.ts).
 */
export function loadBuiltinPack(): Promise<Pack> {
  loading ??= fetch(BUILTIN_PACK_FILE).then(async (response) => {
    if (!response.ok) throw new Error(`built-in pack: ${BUILTIN_PACK_FILE} answered ${response.status}`);
    return (await response.json()) as Pack;
  });
  // A failed load is tried again next time rather than remembered.
  loading.catch(() => (loading = undefined));
  return loading;
}
