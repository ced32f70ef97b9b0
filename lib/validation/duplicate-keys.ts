// JSON.parse keeps the last of two equal keys in an object and says nothing: a pack with two `end`s, or a
// backup with two records of one pack, would lose one without a word. This scanner finds the first
// repeated key in JSON text that JSON.parse has already accepted, with the path to it. One pass, no
// values built; keys are compared as JSON.parse decodes them (`"a"` and `"\u0061"` are the same key).
import type { PathKey } from './problem';

export interface DuplicateKey {
  /** The path of the second occurrence, ending with the key itself. */
  keys: PathKey[];
  key: string;
}

type Frame = { kind: 'object'; seen: Set<string>; key: string | undefined } | { kind: 'array'; index: number };

/** The first key that appears twice in one object of `text` (valid JSON), or undefined. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  const pathOf = (): PathKey[] => stack.map((f) => (f.kind === 'object' ? f.key! : f.index));
  // Whether the next string in an object is a key (true after `{` and `,`).
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        const raw = text.slice(i + 1, j);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.seen.has(key)) {
          top.key = key;
          return { keys: pathOf(), key };
        }
        top.seen.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) {
      stack.push({ kind: 'object', seen: new Set(), key: undefined });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: 'array', index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') expectKey = true;
      else if (top?.kind === 'array') top.index++;
    }
  }
  return undefined;
}
