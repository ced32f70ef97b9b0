// Writes a pack back as pack-format JSON, fields in the order of docs/pack-format.md, so that an exported
// file reads like the documentation and two exports of the same pack are byte-identical.
import type { Milestone, Objective, Pack, ServerEvent, SoloEvent, Track } from './types';

/** Copies the defined fields of `source` in the order given; absent optional fields are left out. */
function ordered<T extends object>(source: T, order: ReadonlyArray<keyof T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) {
    const value = source[key];
    if (value !== undefined) out[key as string] = value;
  }
  return out;
}

const objective = (o: Objective) => ordered(o, ['id', 'text']);

const milestone = (m: Milestone) => ({
  ...ordered(m, ['id', 'name', 'points', 'start', 'end']),
  objectives: m.objectives.map(objective),
  ...ordered(m, ['rewards', 'notes']),
});

const server = (s: ServerEvent) => ordered(s, ['name', 'start', 'end', 'goal', 'rewards']);
const solo = (s: SoloEvent) => ordered(s, ['name', 'rewards']);

const track = (t: Track) => ({
  ...ordered(t, ['id', 'name', 'role']),
  ...(t.server ? { server: server(t.server) } : {}),
  ...(t.solo ? { solo: solo(t.solo) } : {}),
  ...ordered(t, ['notes']),
  milestones: t.milestones.map(milestone),
});

/** The pack as a pack-format value: known fields only, in documentation order. */
export function packDocument(pack: Pack): Record<string, unknown> {
  return {
    ...ordered(pack, ['format', 'version', 'id', 'title', 'dailyReset', 'requirements', 'sources', 'notes']),
    tracks: pack.tracks.map(track),
  };
}

/** The JSON text of a pack file: two-space indent, trailing newline. */
export function serialisePack(pack: Pack): string {
  return `${JSON.stringify(packDocument(pack), null, 2)}\n`;
}

/** `heroes-and-villains-2023-11.json`: the pack id is a slug, so it is a safe file name everywhere. */
export const packFileName = (pack: Pack): string => `${pack.id}.json`;
