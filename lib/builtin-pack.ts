// The built-in pack: the November 2023 Heroes and Villains arc, from the seed articles.
import raw from './builtin/heroes-and-villains-2023-11.json';
import { describeProblem, readPack } from './pack-reader';
import type { Pack } from './pack-types';

export const BUILTIN_PACK_ID = 'heroes-and-villains-2023-11';

let cached: Pack | undefined;

/**
 * The built-in pack, validated by the same reader as imported packs.
 * Throws when the reader refuses it: that is a bug in the shipped JSON, caught by tests.
 */
export function builtinPack(): Pack {
  if (cached) return cached;
  const result = readPack(raw);
  if (!result.ok) throw new Error(`built-in pack refused: ${describeProblem(result.problem)}`);
  cached = result.value;
  return cached;
}
