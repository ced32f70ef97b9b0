// The built-in pack: the November 2023 Heroes and Villains arc, from the seed articles.
import raw from './builtin/heroes-and-villains-2023-11.json';
import type { Pack } from './pack-types';

export const BUILTIN_PACK_ID = 'heroes-and-villains-2023-11';

/**
 * The built-in pack as shipped. It is validated by the same reader as imported packs in
 * tests/unit/builtin-pack.test.ts (which also checks this returns exactly the reader's result), not at
 * run time: that keeps the reader out of the popup, side panel and background bundles.
 */
export function builtinPack(): Pack {
  return raw as Pack;
}
