import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_PACK_ID, builtinPack } from '../../../lib/packs/builtin';
import { describeProblem, readPack } from '../../../lib/packs/reader';
import { DAY_MS, resolvePackTime } from '../../../lib/schedule/pack-time';
import type { Milestone, Pack, Track } from '../../../lib/packs/types';

const PACK_PATH = fileURLToPath(new URL('../../../lib/packs/builtin/heroes-and-villains-2023-11.json', import.meta.url));
// The seeds live outside the repository: shared/ sits beside the clone (../shared/seeds from the repo root).
const SEEDS_DIR = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));

function readBuiltin(): Pack {
  const result = readPack(readFileSync(PACK_PATH, 'utf8'));
  if (!result.ok) throw new Error(`built-in pack refused: ${describeProblem(result.problem)}`);
  return result.value;
}

function track(pack: Pack, id: string): Track {
  const found = pack.tracks.find((t) => t.id === id);
  if (!found) throw new Error(`no track ${id}`);
  return found;
}

function milestone(t: Track, id: string): Milestone {
  const found = t.milestones.find((m) => m.id === id);
  if (!found) throw new Error(`no milestone ${id} in ${t.id}`);
  return found;
}

// Facts from the seed articles, written out by hand.
const DAYS = [
  { start: '2023-11-13', end: '2023-11-14' },
  { start: '2023-11-14', end: '2023-11-15' },
  { start: '2023-11-15', end: '2023-11-16' },
  { start: '2023-11-16', end: '2023-11-17' },
  { start: '2023-11-17', end: '2023-11-18' },
];

const EXPECTED: Record<string, { name: string; role: string; milestones: { id: string; name: string; objectives: string[] }[] }> = {
  'defenders-of-peace': {
    name: 'Defenders of Peace',
    role: 'Hero',
    milestones: [
      {
        id: 'unraveling-anomalies',
        name: 'Unraveling Anomalies',
        objectives: ['Dock Ore, Gas or Crystal with your Station', 'Mine Parsteel, Titanium or Dilithium'],
      },
      { id: 'enlisting-old-allies', name: 'Enlisting Old Allies', objectives: ['Use Hailing Frequencies', 'Help your Alliance'] },
      { id: 'hidden-motivations', name: 'Hidden Motivations', objectives: ['Complete Away Team Assignments', 'Spend Trait XP'] },
      {
        id: 'assembling-the-resistance',
        name: 'Assembling the Resistance',
        objectives: ['Gain Power through Research, Defense Platforms, Buildings and Drydocks'],
      },
      { id: 'shaping-a-unified-destiny', name: 'Shaping a Unified Destiny', objectives: ['Defeat Hostiles and Swarm Hostiles'] },
    ],
  },
  'architects-of-chaos': {
    name: 'Architects of Chaos',
    role: 'Villain',
    milestones: [
      {
        id: 'disarray-unleashed',
        name: 'Disarray Unleashed',
        objectives: ['Gain Power through Defense Platforms, Buildings, Drydocks and Research'],
      },
      { id: 'the-onslaught', name: 'The Onslaught', objectives: ['Vanquish Hostiles and Swarm Hostiles'] },
      { id: 'confronting-resilience', name: 'Confronting Resilience', objectives: ['Complete Away Team Assignments', 'Spend Trait XP'] },
      { id: 'testing-destinies', name: 'Testing Destinies', objectives: [] },
      {
        id: 'a-reckoning-across-time',
        name: 'A Reckoning Across Time',
        objectives: ['Use your Realta to defeat Hostiles anywhere in the galaxy'],
      },
    ],
  },
};

const EXPECTED_SERVER: Record<string, { name: string; rewards: string[] }> = {
  'defenders-of-peace': {
    name: 'Defenders of Peace – IMS',
    rewards: ['4 Jadzia Dax shards', '3 Miles O’Brien shards', 'Missing Translation'],
  },
  'architects-of-chaos': {
    name: 'Architects of Chaos – IMS',
    rewards: ['4 Gul Dukat shards', '3 Ikat’ika shards', 'Missing Translation'],
  },
};

describe('built-in pack', () => {
  it('is accepted by the reader when given as JSON text', () => {
    const result = readPack(readFileSync(PACK_PATH, 'utf8'));
    expect(result.ok ? '' : describeProblem(result.problem)).toBe('');
    expect(result.ok).toBe(true);
  });

  it('builtinPack() returns the same pack, once', () => {
    const pack = builtinPack();
    expect(pack.id).toBe(BUILTIN_PACK_ID);
    expect(pack).toEqual(readBuiltin());
    expect(builtinPack()).toBe(pack);
  });

  it('names the arc, leaves the reset time open and cites the three articles', () => {
    const pack = readBuiltin();
    expect(pack.format).toBe('stfc-milestone-pack');
    expect(pack.version).toBe(1);
    expect(pack.id).toBe('heroes-and-villains-2023-11');
    expect(pack.title).toBe('Heroes and Villains, November 2023');
    expect(pack.dailyReset).toBeUndefined();
    expect(pack.sources).toEqual([
      'STFC: Defenders of Peace IMS',
      'Article on the Architects of Chaos and Defenders of Peace IMS events',
      'STFC: Defender of Peace SMS',
    ]);
    expect(pack.notes).toMatch(/18 November/);
  });

  it('requires the Heroes and Villains mission and Commander level 10', () => {
    const requirements = readBuiltin().requirements ?? [];
    expect(requirements).toHaveLength(2);
    expect(requirements.some((r) => r.includes('Heroes and Villains'))).toBe(true);
    expect(requirements.some((r) => /\blevel 10\b/.test(r))).toBe(true);
  });

  it('has the two tracks, Hero and Villain', () => {
    const pack = readBuiltin();
    expect(pack.tracks.map((t) => [t.id, t.name, t.role])).toEqual(
      Object.entries(EXPECTED).map(([id, t]) => [id, t.name, t.role]),
    );
  });

  describe.each(Object.keys(EXPECTED))('track %s', (trackId) => {
    const expected = EXPECTED[trackId]!;

    it('has five one-day milestones of 100 points, in day order', () => {
      const t = track(readBuiltin(), trackId);
      expect(t.milestones.map((m) => m.name)).toEqual(expected.milestones.map((m) => m.name));
      expect(t.milestones.map((m) => m.id)).toEqual(expected.milestones.map((m) => m.id));
      expect(t.milestones.map((m) => ({ start: m.start, end: m.end }))).toEqual(DAYS);
      expect(t.milestones.map((m) => m.points)).toEqual([100, 100, 100, 100, 100]);
    });

    it('milestones follow each other without gap or overlap, one day each, whatever the reset', () => {
      const t = track(readBuiltin(), trackId);
      for (const reset of [undefined, '11:00Z', '05:00+02:00']) {
        const intervals = t.milestones.map((m) => [resolvePackTime(m.start, reset), resolvePackTime(m.end, reset)] as const);
        for (const [start, end] of intervals) expect(end - start).toBe(DAY_MS);
        for (let i = 1; i < intervals.length; i++) expect(intervals[i]![0]).toBe(intervals[i - 1]![1]);
      }
    });

    it('has the objectives the seeds give, per milestone', () => {
      const t = track(readBuiltin(), trackId);
      for (const m of expected.milestones) {
        expect(milestone(t, m.id).objectives.map((o) => o.text), m.name).toEqual(m.objectives);
      }
    });

    it('has the server goal 8925 from Monday 13 to Saturday 18 November 2023, and its rewards', () => {
      const t = track(readBuiltin(), trackId);
      expect(t.server).toEqual({
        name: EXPECTED_SERVER[trackId]!.name,
        start: '2023-11-13',
        end: '2023-11-18',
        goal: 8925,
        rewards: EXPECTED_SERVER[trackId]!.rewards,
      });
      expect(resolvePackTime(t.server!.start)).toBe(Date.UTC(2023, 10, 13));
      expect(resolvePackTime(t.server!.end)).toBe(Date.UTC(2023, 10, 18));
      expect(resolvePackTime(t.milestones.at(-1)!.end)).toBeLessThanOrEqual(resolvePackTime(t.server!.end));
    });

    it('publishes no per-milestone rewards (the seeds give none per milestone)', () => {
      for (const m of track(readBuiltin(), trackId).milestones) expect(m.rewards, m.name).toBeUndefined();
    });
  });

  it('Defender of Peace – SMS rewards are those the seeds list', () => {
    expect(track(readBuiltin(), 'defenders-of-peace').solo).toEqual({
      name: 'Defender of Peace – SMS',
      rewards: ['Tritanium', '2★ Uncommon Refined Crystal', '2★ Common Refined Crystal', 'Missing Translation', 'Tritanium Tokens'],
    });
  });

  it('Architect of Chaos – SMS rewards are not published', () => {
    const solo = track(readBuiltin(), 'architects-of-chaos').solo;
    expect(solo).toEqual({ name: 'Architect of Chaos – SMS' });
    expect(solo?.rewards).toBeUndefined();
  });

  it('Testing Destinies has no published objectives and says so in its notes', () => {
    const m = milestone(track(readBuiltin(), 'architects-of-chaos'), 'testing-destinies');
    expect(m.objectives).toEqual([]);
    expect(m.notes).toMatch(/no objectives/);
  });
});

describe('built-in pack against the seed articles', () => {
  function seeds(): { file: string; text: string }[] {
    if (!existsSync(SEEDS_DIR)) {
      throw new Error(
        `Seed articles not found at ${SEEDS_DIR}. These tests need the shared/ folder beside the repository clone (../shared/seeds from the repo root).`,
      );
    }
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
    if (files.length === 0) throw new Error(`No seed articles (*.txt) in ${SEEDS_DIR}.`);
    return files.map((file) => ({ file, text: readFileSync(`${SEEDS_DIR}${file}`, 'utf8') }));
  }
  // Typographic and plain apostrophes count as the same; everything else must match exactly.
  const norm = (s: string) => s.replace(/[’‘]/g, "'");
  const allSeedText = () => norm(seeds().map((s) => s.text).join('\n'));

  it('finds the three seed articles', () => {
    expect(seeds()).toHaveLength(3);
  });

  it('every milestone name appears verbatim in a seed article', () => {
    const text = allSeedText();
    for (const t of readBuiltin().tracks) {
      for (const m of t.milestones) expect(text.includes(norm(m.name)), `${t.id}: ${m.name}`).toBe(true);
    }
  });

  it("every milestone's start date is the date a seed table gives for it", () => {
    const weekday = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
    const text = allSeedText();
    for (const t of readBuiltin().tracks) {
      for (const m of t.milestones) {
        const escaped = norm(m.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const lines = [...text.matchAll(new RegExp(`^${escaped} ${weekday}, (\\d{1,2}) November 2023$`, 'gm'))];
        expect(lines.length, `date line for ${m.name}`).toBeGreaterThan(0);
        for (const line of lines) expect(m.start, m.name).toBe(`2023-11-${line[1]!.padStart(2, '0')}`);
      }
    }
  });

  it('every server reward and its key noun appear in the seeds', () => {
    const text = allSeedText();
    for (const t of readBuiltin().tracks) {
      for (const reward of t.server?.rewards ?? []) {
        const noun = reward.replace(/^\d+\s+/, '').replace(/\s+shards$/, '');
        expect(text.includes(norm(noun)), `${t.id}: key noun ${noun}`).toBe(true);
        expect(text.includes(norm(reward)), `${t.id}: ${reward}`).toBe(true);
      }
    }
  });

  it('every solo reward appears in the seeds (2★ written as 2-star there)', () => {
    const text = allSeedText();
    for (const t of readBuiltin().tracks) {
      for (const reward of t.solo?.rewards ?? []) {
        expect(text.includes(norm(reward.replace(/(\d)★/, '$1-star'))), `${t.id}: ${reward}`).toBe(true);
      }
    }
  });

  it('every word of every objective occurs in the seeds', () => {
    const text = allSeedText().toLowerCase();
    for (const t of readBuiltin().tracks) {
      for (const m of t.milestones) {
        for (const o of m.objectives) {
          for (const word of o.text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
            expect(text.includes(word), `${m.name}: "${word}" in "${o.text}"`).toBe(true);
          }
        }
      }
    }
  });

  it('the server goal 8925 appears in the seeds', () => {
    const text = allSeedText();
    for (const t of readBuiltin().tracks) {
      const goal = String(t.server?.goal);
      expect(text.includes(goal) || text.includes(goal.replace(/(\d)(?=(\d{3})+$)/g, '$1 ')), t.id).toBe(true);
    }
  });

  it('the titled articles are cited by their title lines', () => {
    const sources = readBuiltin().sources ?? [];
    for (const { file, text } of seeds()) {
      const firstLine = text.split('\n')[0]!.trim();
      if (firstLine.startsWith('STFC:')) expect(sources, file).toContain(firstLine);
    }
  });
});
