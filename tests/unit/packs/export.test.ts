import { describe, expect, it } from 'vitest';
import { builtinPack } from '../../../lib/packs/builtin';
import { packFileName, serialisePack } from '../../../lib/packs/export';
import { readPack } from '../../../lib/packs/reader';
import type { Pack } from '../../../lib/packs/types';
import { fiveDayTrack, pack } from '../../fixtures/packs';

describe('exporting a pack', () => {
  it('writes the built-in pack so that the reader gives back the same pack', () => {
    const text = serialisePack(builtinPack());
    expect(readPack(text)).toEqual({ ok: true, value: builtinPack() });
  });

  it('writes fields in the order of the format page, whatever order the pack object has', () => {
    const p = pack([fiveDayTrack()], { id: 'ordered', dailyReset: '11:00Z', notes: 'Notes.', sources: ['A source'] });
    const reversed: Pack = { tracks: p.tracks, notes: p.notes, sources: p.sources, dailyReset: p.dailyReset, title: p.title, id: p.id, version: 1, format: 'stfc-milestone-pack' };
    for (const variant of [p, reversed]) {
      expect(Object.keys(JSON.parse(serialisePack(variant)))).toEqual(['format', 'version', 'id', 'title', 'dailyReset', 'sources', 'notes', 'tracks']);
    }
    expect(serialisePack(reversed)).toBe(serialisePack(p));
    const milestoneKeys = Object.keys(JSON.parse(serialisePack(p)).tracks[0].milestones[0]);
    expect(milestoneKeys).toEqual(['id', 'name', 'points', 'start', 'end', 'objectives']);
    expect(Object.keys(JSON.parse(serialisePack(p)).tracks[0])).toEqual(['id', 'name', 'server', 'milestones']);
  });

  it('leaves out optional fields that are absent rather than writing null', () => {
    const text = serialisePack(pack([fiveDayTrack()]));
    expect(text).not.toContain('null');
    expect(text).not.toContain('rewards');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('names the file after the pack id', () => {
    expect(packFileName(builtinPack())).toBe('heroes-and-villains-2023-11.json');
  });
});
