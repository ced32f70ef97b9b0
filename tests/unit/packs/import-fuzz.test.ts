// Feeds thousands of broken documents, made from a valid pack and a valid backup by seeded random
// mutations, to the import and to the restore. Each must be refused with a message and a path (or, when
// a mutation happens to keep it valid, accepted), nothing may throw, and the store must not change.
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../lib/storage/writes';
import { readBackup } from '../../../lib/backup/reader';
import { MAX_BACKUP_BYTES } from '../../../lib/storage/limits';
import { DIGEST_FIELD } from '../../../lib/backup/backup-file';
import { installedPacks } from '../../../lib/views/options-state';
import { loadOptionsState } from '../../../lib/storage/load';
import { prepareImport } from '../../../lib/packs/import';
import { commitImport } from '../../../lib/storage/writes';
import { serialisePack } from '../../../lib/packs/export';
import type { ReadProblem } from '../../../lib/packs/reader';
import type { Pack } from '../../../lib/packs/types';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import { withPackSettings } from '../../../lib/commander/settings';
import { ensureSchema, readEverything } from '../../../lib/storage/store-adapter';
import { claimNotifications, updatePackProgress, updateSettings } from '../../../lib/storage/store-writes-adapter';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Loose = any;

const DOCUMENTS = 5000;
const SEED = 20231113;
const MON = Date.UTC(2023, 10, 13);

/** mulberry32: small, fast and seedable, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof prng>;

function validPack(): Pack {
  const day = (d: number) => `2024-03-${String(d).padStart(2, '0')}`;
  return {
    format: 'stfc-milestone-pack',
    version: 1,
    id: 'fuzz-arc',
    title: 'Fuzz arc',
    dailyReset: '11:00Z',
    requirements: ['Commander level 10 or higher'],
    sources: ['Typed from the in-game screen'],
    notes: 'For the fuzz test.',
    tracks: ['heroes', 'villains'].map((id, t) => ({
      id,
      name: `Track ${id}`,
      role: t === 0 ? 'Hero' : 'Villain',
      server: { name: 'Server event', start: day(4), end: day(9), goal: 8925, rewards: ['Shards'] },
      solo: { name: 'Solo event', rewards: ['Tritanium'] },
      notes: 'Track notes.',
      milestones: [4, 5, 6, 7, 8].map((d, i) => ({
        id: `day-${i + 1}`,
        name: `Milestone ${i + 1}`,
        points: 100,
        start: i === 2 ? `${day(d)}T11:00:00+00:00` : day(d),
        end: i === 2 ? `${day(d + 1)}T11:00Z` : day(d + 1),
        objectives: [
          { id: 'dock', text: 'Dock ore' },
          { id: 'mine', text: 'Mine gas' },
        ],
        rewards: ['Parsteel'],
        notes: 'Milestone notes.',
      })),
    })),
  };
}

/** Every [parent, key] in a JSON value, so a mutation can land anywhere. */
function slots(value: Json, out: Array<[Json[] | { [key: string]: Json }, string | number]> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), slots(v, out)));
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) out.push([value, k]), slots(value[k]!, out);
  return out;
}

const DEEP = '\u0000deep\u0000';
const hugeString = (r: Random) => 'x'.repeat(r.next() < 0.02 ? 1_100_000 : r.pick([121, 301, 1001, 100_000]));
const randomText = (r: Random) =>
  Array.from({ length: r.int(12) }, () => r.pick(['a', ' ', '\u00a0', '☃', '\ud83d\ude00', '\ud800', '"', '\\', '<b>', '\n', '-', '0', 'Z', 'T', ':'])).join('');

function randomValue(r: Random, depth = 0): Json {
  switch (r.int(depth > 3 ? 5 : 7)) {
    case 0: return null;
    case 1: return r.next() < 0.5;
    case 2: return r.pick([0, -1, 1.5, 1e21, -0, 100_001, 2 ** 53, Number.MAX_SAFE_INTEGER, 8.64e15 + 1]);
    case 3: return randomText(r);
    case 4: return r.pick(['2024-03-04', '2024-03-04T11:00', '2024-02-30', '2024-03-04T25:00Z', '11:00Z', 'stfc-milestone-pack', 'day-1', '__proto__', 'constructor']);
    case 5: return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(['id', 'name', 'x', '__proto__', 'Tracks', 'tracks', 'constructor']), randomValue(r, depth + 1)]));
  }
}

/** One structural mutation of a parsed document, in place. */
function mutate(doc: Json, r: Random): unknown {
  const all = slots(doc);
  const [parent, key] = r.pick(all);
  const get = () => (parent as Loose)[key] as Json;
  const put = (v: Json): void => {
    (parent as Loose)[key] = v;
  };
  switch (r.int(11)) {
    case 0: // delete a field or an item
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return;
    case 1: // wrong type
      return put(randomValue(r));
    case 2: // huge string
      return put(hugeString(r));
    case 3: { // duplicate ids: copy an id from a sibling in the same list
      const lists = all.filter(([p, k]) => Array.isArray(p) && typeof (p as Loose)[k]?.id === 'string' && p.length > 1);
      if (lists.length === 0) return put(null);
      const [list, index] = r.pick(lists) as [Loose[], number];
      list[index].id = list[(index + 1) % list.length].id;
      return;
    }
    case 4: { // start after end
      const periods = all.filter(([p, k]) => typeof (p as Loose)[k] === 'object' && (p as Loose)[k] && 'start' in (p as Loose)[k] && 'end' in (p as Loose)[k]);
      if (periods.length === 0) return put('2024-03-04');
      const [p, k] = r.pick(periods);
      const o = (p as Loose)[k];
      [o.start, o.end] = [o.end, o.start];
      return;
    }
    case 5: { // instants without an offset
      const times = all.filter(([p, k]) => typeof (p as Loose)[k] === 'string' && /^\d{4}-\d{2}-\d{2}/.test((p as Loose)[k]));
      if (times.length === 0) return put('2024-03-04T11:00');
      const [p, k] = r.pick(times);
      (p as Loose)[k] = `${String((p as Loose)[k]).slice(0, 10)}T11:00${r.pick(['', ':00', ':00.000'])}`;
      return;
    }
    case 6: // an unknown field
      if (!Array.isArray(parent)) return void (parent[r.pick(['extra', 'Title', 'trakcs', 'note'])] = randomValue(r));
      return put({ unexpected: true });
    case 7: // deep nesting, spliced into the text later
      return put(DEEP);
    case 8: { // too many items
      const value = get();
      const first = Array.isArray(value) && value.length > 0 && JSON.stringify(value[0]).length < 10_000 ? value[0]! : 'x';
      if (Array.isArray(value)) put(Array.from({ length: r.pick([21, 31, 401, 1001]) }, () => first));
      else put(Array.from({ length: 401 }, () => 'x'));
      return;
    }
    case 9: // odd text
      return put(randomText(r));
    default: // a number out of range
      return put(r.pick([-1, 0, 100_001, 1e9 + 1, 1.5, Number.MAX_VALUE]));
  }
}

/** One document as text: a few structural mutations, then maybe a text-level one. */
function mutatedText(base: Json, r: Random): string {
  const doc = structuredClone(base);
  for (let n = 1 + r.int(3); n > 0; n--) mutate(doc, r);
  let text = JSON.stringify(doc);
  if (text.includes('\\u0000deep\\u0000')) {
    const depth = r.pick([1000, 10_000, 50_000]);
    const [open, close] = r.next() < 0.5 ? ['[', ']'] : ['{"a":', '}'];
    text = text.replace(`"\\u0000deep\\u0000"`, `${open.repeat(depth)}1${close.repeat(depth)}`);
  }
  switch (r.int(8)) {
    case 0: // truncated JSON
      return text.slice(0, r.int(text.length));
    case 1: { // a flipped character
      const at = r.int(text.length);
      return text.slice(0, at) + r.pick(['"', '{', ']', ',', '\\', 'x', '\u0000', '']) + text.slice(at + 1);
    }
    default:
      return text;
  }
}

/** Wholly random documents: not a pack at all. */
function randomDocument(r: Random): string {
  switch (r.int(5)) {
    case 0: return JSON.stringify(randomValue(r));
    case 1: return randomText(r);
    case 2: return Array.from({ length: r.int(200) }, () => String.fromCharCode(r.int(0x2000))).join('');
    case 3: return '';
    default: return `\ufeff${JSON.stringify(randomValue(r))}`;
  }
}

/** Big files: 2 MiB (over a pack's 1 MiB limit, under a backup's limit) and one a MiB over the backup's limit (over both). */
function bigDocument(base: Json, r: Random, mebibytes: number): string {
  const text = JSON.stringify(base, null, r.int(3));
  const size = mebibytes * 1024 * 1024;
  return r.next() < 0.5 ? `${text}${' '.repeat(size)}` : text.replace('{', `{"padding": "${'x'.repeat(size)}",`);
}

/** A document-level problem has no path; everything else must say where it is. */
function expectUseful(problem: ReadProblem, document: string) {
  expect(typeof problem.message, document.slice(0, 200)).toBe('string');
  expect(problem.message.length, document.slice(0, 200)).toBeGreaterThan(0);
  if (problem.path === '') expect(problem.message, document.slice(0, 200)).toMatch(/^(not valid JSON|larger than|not an object)/);
}

/** The kinds of refusal the mutations are meant to provoke; each must turn up, or a generator has stopped working. */
const EXPECTED_REFUSALS = [
  /^not valid JSON/,
  /^larger than/,
  /^not an object$/,
  /^missing$/,
  /^unknown field$/,
  /^not a string$/,
  /^not an integer$/,
  /^must be 1–\d+ characters$/,
  /^duplicate id/,
  /^must end after start \(the (milestone|server event) “.+” of “.+” ends before it starts at the daily reset .+\)$/,
  /^instant without an offset$/,
  /^not a date$/,
  /items$/,
];

function expectEveryKind(messages: string[]) {
  for (const kind of EXPECTED_REFUSALS) expect(messages.some((m) => kind.test(m)), String(kind)).toBe(true);
}

function documents(base: Json, seed: number): string[] {
  const r = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const kind = r.next();
    if (i < 4) out.push(bigDocument(base, r, i === 0 ? MAX_BACKUP_BYTES / (1024 * 1024) + 1 : 2));
    else if (kind < 0.1) out.push(randomDocument(r));
    else out.push(mutatedText(base, r));
  }
  return out;
}

async function usedStore() {
  const store = createStore(`fuzz-${Math.random()}`, 'kv');
  await ensureSchema(store);
  const prepared = prepareImport(serialisePack(validPack()), installedPacks(await loadOptionsState(store)));
  if (!prepared.ok) throw new Error('the base pack is refused');
  await commitImport(prepared, MON, store);
  await updatePackProgress('c1', 'fuzz-arc', (p) => applyProgressChange(p, { kind: 'completed', trackId: 'heroes', milestoneId: 'day-1', value: true, at: MON }), store);
  await updatePackProgress('c1', 'fuzz-arc', (p) => applyProgressChange(p, { kind: 'server-points', trackId: 'heroes', points: 10, at: MON }), store);
  await updateSettings((s) => withPackSettings(s, 'fuzz-arc', { dailyReset: '10:00Z' }), store);
  await claimNotifications(['fuzz-arc/heroes/day-1/ending'], MON, store);
  return store;
}

describe(`fuzzing import and restore with ${DOCUMENTS} documents each (seed ${SEED})`, () => {
  it('refuses every bad pack with a message and a path, never throws, and leaves the store as it was', async () => {
    const store = await usedStore();
    const before = JSON.stringify(await readEverything(store));
    const installed = installedPacks(await loadOptionsState(store));
    const started = performance.now();
    let refused = 0;
    let accepted = 0;
    const messages: string[] = [];
    const docs = documents(validPack() as unknown as Json, SEED);
    const generated = performance.now();
    for (const [i, doc] of docs.entries()) {
      const result = prepareImport(doc, installed);
      if (result.ok) {
        accepted++;
        continue;
      }
      refused++;
      messages.push(result.problem.message);
      expectUseful(result.problem, doc);
      if (i % 250 === 0) expect(JSON.stringify(await readEverything(store))).toBe(before);
    }
    expect(JSON.stringify(await readEverything(store))).toBe(before);
    console.info(`import fuzz: ${docs.length} documents, ${refused} refused, ${accepted} accepted; made in ${Math.round(generated - started)} ms, checked in ${Math.round(performance.now() - generated)} ms`);
    expect(refused + accepted).toBe(DOCUMENTS);
    expect(refused).toBeGreaterThan(DOCUMENTS * 0.8);
    expectEveryKind(messages);
  }, 30_000);

  it('refuses every bad backup with a message and a path, never throws, and leaves the store as it was', async () => {
    const store = await usedStore();
    const before = JSON.stringify(await readEverything(store));
    // Without its digest (as older backups are): the fuzz is of the reader, which the digest would stop first.
    const { [DIGEST_FIELD]: _digest, ...base } = JSON.parse(await exportBackup(MON, store)) as Record<string, Json>;
    expect(readBackup(base).ok).toBe(true);
    const started = performance.now();
    let refused = 0;
    let accepted = 0;
    const messages: string[] = [];
    const docs = documents(base, SEED + 1);
    const generated = performance.now();
    for (const [i, doc] of docs.entries()) {
      const read = readBackup(doc);
      if (read.ok) {
        accepted++;
        continue;
      }
      refused++;
      messages.push(read.problem.message);
      expectUseful(read.problem, doc);
      // The whole restore path, every so often: same refusal, and no write.
      if (i % 50 === 0) {
        expect(await restoreBackup(doc, store)).toEqual(read);
        expect(JSON.stringify(await readEverything(store))).toBe(before);
      }
    }
    expect(JSON.stringify(await readEverything(store))).toBe(before);
    console.info(`restore fuzz: ${docs.length} documents, ${refused} refused, ${accepted} accepted; made in ${Math.round(generated - started)} ms, checked in ${Math.round(performance.now() - generated)} ms`);
    expect(refused + accepted).toBe(DOCUMENTS);
    expect(refused).toBeGreaterThan(DOCUMENTS * 0.8);
    expectEveryKind(messages);
  }, 30_000);
});
