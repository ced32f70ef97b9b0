// Reads an event pack (../shared/pack-format.md, version 1) from JSON text or a parsed value.
// Every rule is checked by hand so that the first problem comes with its exact path; the result is a
// fresh Pack built from known fields only, so callers never keep a reference to the input.
import type { Milestone, Objective, Pack, ServerEvent, SoloEvent, Track } from './types';
import { DEFAULT_DAILY_RESET, isInstantWithoutOffset, parseDailyReset, parsePackTime, resolvePackTime } from '../schedule/pack-time';
import { joinPath, ownValue as own, Refusal, refuse, refused, type ReadResult } from '../validation/problem';

export const MAX_PACK_BYTES = 1024 * 1024;

export { describeProblem, type ReadProblem, type ReadResult } from '../validation/problem';

/** Validates a pack given as JSON text or as an already-parsed value. Never throws. */
export function readPack(input: unknown): ReadResult<Pack> {
  try {
    let value = input;
    if (typeof input === 'string') {
      if (largerThanLimit(input)) return refused('', 'larger than 1 MiB');
      try {
        // A leading byte order mark is common in saved files and harmless.
        value = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
      } catch (error) {
        return refused('', jsonProblem(error));
      }
    }
    return { ok: true, value: readPackObject(value) };
  } catch (error) {
    if (error instanceof Refusal) return refused(error.path, error.message);
    // Only hostile parsed values get here (throwing getters, proxies); JSON text never does.
    return refused('', 'could not be read');
  }
}

// ---------------------------------------------------------------------------------------------
// The pack, level by level. Within an object the known fields are checked in the order of the
// table in pack-format.md (notes last), and unknown fields only after them.

const PACK_FIELDS = fields('format version id title dailyReset requirements sources tracks notes');
const TRACK_FIELDS = fields('id name role server solo milestones notes');
const SERVER_FIELDS = fields('name start end goal rewards');
const SOLO_FIELDS = fields('name rewards');
const MILESTONE_FIELDS = fields('id name points start end objectives rewards notes');
const OBJECTIVE_FIELDS = fields('id text');

// The limits of pack-format.md as checkers (function declarations below are hoisted).
const NAME = text(120);
const ROLE = text(40);
const NOTES = text(1000);
const OBJECTIVE_TEXT = text(300);
const TEXT_ITEMS = textList(20, 300);
const REWARDS = textList(30, 300);
const GOAL = integerIn(1, 1_000_000_000);
const POINTS = integerIn(0, 100_000);
const OBJECTIVES = list(0, 20, readObjective);

const FORMAT = 'stfc-milestone-pack';
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

function readPackObject(value: unknown): Pack {
  const o = object(value, undefined, undefined);
  const here = undefined;
  const format = need(o, here, 'format', string);
  if (format !== FORMAT) refuse(pathOf(here, 'format'), `must be exactly ${FORMAT}`);
  const version = need(o, here, 'version', integer);
  if (version > 1) refuse(pathOf(here, 'version'), 'made by a newer version');
  if (version < 1) refuse(pathOf(here, 'version'), 'unsupported version');
  const id = need(o, here, 'id', slug);
  const title = need(o, here, 'title', NAME);
  const dailyReset = maybe(o, here, 'dailyReset', dailyResetText);
  const requirements = maybe(o, here, 'requirements', TEXT_ITEMS);
  const sources = maybe(o, here, 'sources', TEXT_ITEMS);
  const reset = dailyReset ?? DEFAULT_DAILY_RESET;
  const tracks = need(o, here, 'tracks', list(1, 8, (v, p, i, seen) => readTrack(v, p, i, seen, reset)));
  const notes = maybe(o, here, 'notes', NOTES);
  onlyKnown(o, here, PACK_FIELDS);

  const pack: Pack = { format: FORMAT, version: 1, id, title, tracks };
  if (dailyReset !== undefined) pack.dailyReset = dailyReset;
  if (requirements !== undefined) pack.requirements = requirements;
  if (sources !== undefined) pack.sources = sources;
  if (notes !== undefined) pack.notes = notes;
  return pack;
}

function readTrack(value: unknown, parent: Parent, index: number, seen: Set<string>, reset: string): Track {
  const o = object(value, parent, index);
  const here: Place = { up: parent, key: index };
  const id = need(o, here, 'id', slug);
  unique(seen, id, here);
  const name = need(o, here, 'name', NAME);
  const role = maybe(o, here, 'role', ROLE);
  const server = maybe(o, here, 'server', (v, p, k) => readServer(v, p, k, reset));
  const solo = maybe(o, here, 'solo', readSolo);
  const milestones = need(o, here, 'milestones', list(1, 400, (v, p, i, ids) => readMilestone(v, p, i, ids, reset)));
  const notes = maybe(o, here, 'notes', NOTES);
  onlyKnown(o, here, TRACK_FIELDS);

  const track: Track = { id, name, milestones };
  if (role !== undefined) track.role = role;
  if (server !== undefined) track.server = server;
  if (solo !== undefined) track.solo = solo;
  if (notes !== undefined) track.notes = notes;
  return track;
}

function readServer(value: unknown, parent: Parent, key: Key, reset: string): ServerEvent {
  const o = object(value, parent, key);
  const here: Place = { up: parent, key };
  const name = need(o, here, 'name', NAME);
  const [start, end] = period(o, here, reset);
  const goal = need(o, here, 'goal', GOAL);
  const rewards = maybe(o, here, 'rewards', REWARDS);
  onlyKnown(o, here, SERVER_FIELDS);

  const server: ServerEvent = { name, start, end, goal };
  if (rewards !== undefined) server.rewards = rewards;
  return server;
}

function readSolo(value: unknown, parent: Parent, key: Key): SoloEvent {
  const o = object(value, parent, key);
  const here: Place = { up: parent, key };
  const name = need(o, here, 'name', NAME);
  const rewards = maybe(o, here, 'rewards', REWARDS);
  onlyKnown(o, here, SOLO_FIELDS);

  const solo: SoloEvent = { name };
  if (rewards !== undefined) solo.rewards = rewards;
  return solo;
}

function readMilestone(value: unknown, parent: Parent, index: number, seen: Set<string>, reset: string): Milestone {
  const o = object(value, parent, index);
  const here: Place = { up: parent, key: index };
  const id = need(o, here, 'id', slug);
  unique(seen, id, here);
  const name = need(o, here, 'name', NAME);
  const points = need(o, here, 'points', POINTS);
  const [start, end] = period(o, here, reset);
  const objectives = need(o, here, 'objectives', OBJECTIVES);
  const rewards = maybe(o, here, 'rewards', REWARDS);
  const notes = maybe(o, here, 'notes', NOTES);
  onlyKnown(o, here, MILESTONE_FIELDS);

  const milestone: Milestone = { id, name, points, start, end, objectives };
  if (rewards !== undefined) milestone.rewards = rewards;
  if (notes !== undefined) milestone.notes = notes;
  return milestone;
}

function readObjective(value: unknown, parent: Parent, index: number, seen: Set<string>): Objective {
  const o = object(value, parent, index);
  const here: Place = { up: parent, key: index };
  const id = need(o, here, 'id', slug);
  unique(seen, id, here);
  const text = need(o, here, 'text', OBJECTIVE_TEXT);
  onlyKnown(o, here, OBJECTIVE_FIELDS);
  return { id, text };
}

/** `start` and `end`, both times, with start < end once dates are resolved at the daily reset. */
function period(o: Fields, here: Parent, reset: string): [string, string] {
  const start = need(o, here, 'start', time);
  const end = need(o, here, 'end', time);
  if (resolvePackTime(start, reset) >= resolvePackTime(end, reset)) refuse(pathOf(here, 'end'), 'must end after start');
  return [start, end];
}

// ---------------------------------------------------------------------------------------------
// Checkers. Each takes the value and where it sits (parent place and key) and returns the checked
// value or throws a Refusal. Path strings are only built when something is wrong, which keeps large packs fast.

type Key = string | number;
type Check<T> = (value: unknown, parent: Parent, key: Key) => T;
/** Where a value sits: the place of the object or array that holds it (undefined for the document) and its key. */
interface Place {
  readonly up: Parent;
  readonly key: Key;
}
type Parent = Place | undefined;
type Fields = Record<string, unknown>;


function fields(names: string): ReadonlySet<string> {
  return new Set(names.split(' '));
}

/** `parent.key` or `parent[index]`; odd or very long keys are quoted and shortened. Built only for a problem. */
function pathOf(parent: Parent, key: Key): string {
  return joinPath(parent === undefined ? '' : pathOf(parent.up, parent.key), key);
}


function need<T>(o: Fields, parent: Parent, key: string, check: Check<T>): T {
  const value = own(o, key);
  if (value === undefined) refuse(pathOf(parent, key), 'missing');
  return check(value, parent, key);
}

function maybe<T>(o: Fields, parent: Parent, key: string, check: Check<T>): T | undefined {
  const value = own(o, key);
  return value === undefined ? undefined : check(value, parent, key);
}

function onlyKnown(o: Fields, here: Parent, known: ReadonlySet<string>): void {
  // for…in allocates no key list; inherited keys are skipped as everywhere else.
  for (const key in o) {
    if (!known.has(key) && Object.prototype.hasOwnProperty.call(o, key)) refuse(pathOf(here, key), 'unknown field');
  }
}

function unique(seen: Set<string>, id: string, here: Parent): void {
  if (seen.has(id)) refuse(pathOf(here, 'id'), `duplicate id ${JSON.stringify(id)}`);
  seen.add(id);
}

function object(value: unknown, parent: Parent, key: Key | undefined): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse(key === undefined ? '' : pathOf(parent, key), 'not an object');
  }
  return value as Fields;
}

function string(value: unknown, parent: Parent, key: Key): string {
  if (typeof value !== 'string') refuse(pathOf(parent, key), 'not a string');
  return value;
}

function integer(value: unknown, parent: Parent, key: Key): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) refuse(pathOf(parent, key), 'not an integer');
  return value;
}

function integerIn(min: number, max: number): Check<number> {
  return (value, parent, key) => {
    const n = integer(value, parent, key);
    if (n < min || n > max) refuse(pathOf(parent, key), `must be ${min}–${max}`);
    return n === 0 ? 0 : n; // -0 becomes 0
  };
}

function slug(value: unknown, parent: Parent, key: Key): string {
  const s = string(value, parent, key);
  if (!SLUG.test(s)) refuse(pathOf(parent, key), 'not a valid id (a–z, 0–9 and -, at most 64)');
  return s;
}

/** Plain text of 1–max Unicode code points that is not only whitespace. */
function text(max: number): Check<string> {
  return (value, parent, key) => {
    const s = string(value, parent, key);
    // Code points lie between length / 2 and length, so most strings need no counting.
    const tooLong = s.length > max && (s.length > 2 * max || codePoints(s) > max);
    if (s.length === 0 || tooLong) refuse(pathOf(parent, key), `must be 1–${max} characters`);
    if (mayStartWithSpace(s) && s.trim() === '') refuse(pathOf(parent, key), 'must not be blank');
    return s;
  };
}

/** False when the first character is certainly not whitespace, which spares a trim() for almost all text. */
function mayStartWithSpace(s: string): boolean {
  const c = s.charCodeAt(0);
  return c <= 0x20 || c >= 0xa0;
}

function codePoints(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function time(value: unknown, parent: Parent, key: Key): string {
  const s = string(value, parent, key);
  if (parsePackTime(s) === undefined) {
    refuse(pathOf(parent, key), isInstantWithoutOffset(s) ? 'instant without an offset' : 'not a date');
  }
  return s;
}

function dailyResetText(value: unknown, parent: Parent, key: Key): string {
  const s = string(value, parent, key);
  if (parseDailyReset(s) === undefined) refuse(pathOf(parent, key), 'not a daily reset like 00:00Z or 05:00+02:00');
  return s;
}

/**
 * An array of min–max items, each read by `item`. `seen` collects ids for the item reader to keep
 * them unique within this one list.
 */
function list<T>(min: number, max: number, item: (value: unknown, parent: Parent, index: number, seen: Set<string>) => T): Check<T[]> {
  return (value, parent, key) => {
    if (!Array.isArray(value)) refuse(pathOf(parent, key), 'not an array');
    if (value.length < min || value.length > max) {
      refuse(pathOf(parent, key), min === 0 ? `at most ${max} items` : `must have ${min}–${max} items`);
    }
    const here: Place = { up: parent, key };
    const seen = new Set<string>();
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) out.push(item(value[i], here, i, seen));
    return out;
  };
}

function textList(maxItems: number, maxChars: number): Check<string[]> {
  return list(0, maxItems, text(maxChars));
}

/** True when the UTF-8 encoding of the text is longer than MAX_PACK_BYTES. */
function largerThanLimit(s: string): boolean {
  // Each UTF-16 unit takes 1–3 bytes (a surrogate pair 4 for 2), so most texts need no counting.
  if (s.length > MAX_PACK_BYTES) return true;
  if (s.length * 3 <= MAX_PACK_BYTES) return false;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > MAX_PACK_BYTES;
}

function jsonProblem(error: unknown): string {
  const reason = error instanceof Error ? error.message : '';
  if (!reason) return 'not valid JSON';
  const short = reason.length > 120 ? `${reason.slice(0, 119)}…` : reason;
  return `not valid JSON (${short})`;
}
