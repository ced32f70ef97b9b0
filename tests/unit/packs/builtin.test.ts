import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_PACK_ID, builtinPack } from '../../../lib/packs/builtin';
import { describeProblem, readPack } from '../../../lib/packs/reader';
import { resolvePackTime } from '../../../lib/schedule/pack-time';
import { DAY_MS } from '../../../lib/schedule/units';
import type { Milestone, Pack, Track } from '../../../lib/packs/types';
import {
  ARTICLES,
  DAILY_RESET,
  MILESTONE_DAYS,
  REQUIREMENTS,
  TRACKS,
  type Fact,
  type Quote,
  type TrackFacts,
} from '../../fixtures/builtin-facts';

const PACK_PATH = fileURLToPath(new URL('../../../lib/packs/builtin/heroes-and-villains-2023-11.json', import.meta.url));

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

const values = <T>(facts: Array<Fact<T>>): T[] => facts.map((f) => f.value);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + MILESTONE_DAYS.value * DAY_MS).toISOString().slice(0, 10);
// Typographic and plain apostrophes count as the same; everything else must match exactly.
const norm = (s: string) => s.replace(/[’‘]/g, "'");
const quoted = (fact: { said?: Quote[] }, text: string, fold = (s: string) => norm(s)) =>
  (fact.said ?? []).some((q) => fold(q.quote).includes(fold(text)));

describe('the facts of the built-in pack (tests/fixtures/builtin-facts.ts)', () => {
  it('quote at least one article for every published fact', () => {
    const facts: Array<{ said?: Quote[] }> = [MILESTONE_DAYS, ...REQUIREMENTS];
    for (const t of TRACKS) {
      facts.push(t.name, t.role, t.server.name, t.server.start, t.server.end, t.server.goal, t.solo.name, ...t.server.rewards);
      if (Array.isArray(t.solo.rewards)) facts.push(...t.solo.rewards);
      for (const m of t.milestones) facts.push(m.name, m.points, m.day, ...m.objectives);
    }
    for (const fact of facts) expect(fact.said?.length ?? 0, JSON.stringify(fact)).toBeGreaterThan(0);
  });

  it('say where the articles are silent instead of giving a value', () => {
    expect(DAILY_RESET).toMatchObject({ value: undefined, silent: expect.stringMatching(/never a time of day/) });
    for (const t of TRACKS) {
      for (const m of t.milestones) {
        expect(m.rewards.value, m.id).toBeUndefined();
        if (m.objectives.length === 0) expect(m.objectivesSilent, m.id).toMatch(/no objective/);
      }
    }
  });
});

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

  it('names the arc, leaves the reset time open (no article gives one) and cites the three articles in order', () => {
    const pack = readBuiltin();
    expect(pack.format).toBe('stfc-milestone-pack');
    expect(pack.version).toBe(1);
    expect(pack.id).toBe('heroes-and-villains-2023-11');
    expect(pack.title).toBe('Heroes and Villains, November 2023');
    expect(pack.dailyReset).toBe(DAILY_RESET.value);
    expect(pack.dailyReset).toBeUndefined();
    expect(pack.sources).toEqual(ARTICLES.map((a) => a.title));
    expect(pack.notes).toMatch(/18 November/);
  });

  it('cites each titled article by its title line', () => {
    const sources = readBuiltin().sources ?? [];
    const titled = ARTICLES.filter((a) => a.titled).map((a) => a.title);
    expect(titled).toEqual(['STFC: Defenders of Peace IMS', 'STFC: Defender of Peace SMS']);
    for (const title of titled) expect(sources).toContain(title);
  });

  it('requires the Heroes and Villains mission and Commander level 10, one requirement each', () => {
    const requirements = readBuiltin().requirements ?? [];
    expect(requirements).toHaveLength(REQUIREMENTS.length);
    for (const r of REQUIREMENTS) {
      expect(requirements.filter((text) => text.includes(r.mentions)), r.mentions).toHaveLength(1);
      expect(quoted(r, r.mentions), r.mentions).toBe(true);
    }
    expect(REQUIREMENTS.map((r) => r.mentions)).toEqual(['Heroes and Villains mission', 'level 10']);
  });

  it('has the two tracks, Hero and Villain', () => {
    const pack = readBuiltin();
    expect(pack.tracks.map((t) => [t.id, t.name, t.role])).toEqual(TRACKS.map((t) => [t.id, t.name.value, t.role.value]));
    expect(TRACKS.map((t) => t.role.value)).toEqual(['Hero', 'Villain']);
    for (const t of TRACKS) {
      expect(quoted(t.name, t.name.value), t.id).toBe(true);
      expect(quoted(t.role, t.role.value), t.id).toBe(true);
    }
  });

  describe.each(TRACKS.map((t) => [t.id, t] as [string, TrackFacts]))('track %s', (trackId, facts) => {
    it('has five one-day milestones of 100 points, in day order', () => {
      const t = track(readBuiltin(), trackId);
      expect(facts.milestones).toHaveLength(5);
      expect(t.milestones.map((m) => m.name)).toEqual(facts.milestones.map((m) => m.name.value));
      expect(t.milestones.map((m) => m.id)).toEqual(facts.milestones.map((m) => m.id));
      expect(t.milestones.map((m) => ({ start: m.start, end: m.end }))).toEqual(
        facts.milestones.map((m) => ({ start: m.day.value, end: nextDay(m.day.value) })),
      );
      expect(facts.milestones.map((m) => m.day.value)).toEqual(['2023-11-13', '2023-11-14', '2023-11-15', '2023-11-16', '2023-11-17']);
      expect(t.milestones.map((m) => m.points)).toEqual(facts.milestones.map((m) => m.points.value));
      expect(t.milestones.map((m) => m.points)).toEqual([100, 100, 100, 100, 100]);
    });

    it('milestones follow each other without gap or overlap, one day each, whatever the reset', () => {
      const t = track(readBuiltin(), trackId);
      for (const reset of [undefined, '11:00Z', '05:00+02:00']) {
        const intervals = t.milestones.map((m) => [resolvePackTime(m.start, reset), resolvePackTime(m.end, reset)] as const);
        for (const [start, end] of intervals) expect(end - start).toBe(MILESTONE_DAYS.value * DAY_MS);
        for (let i = 1; i < intervals.length; i++) expect(intervals[i]![0]).toBe(intervals[i - 1]![1]);
      }
    });

    it('has the objectives the articles give, per milestone', () => {
      const t = track(readBuiltin(), trackId);
      for (const m of facts.milestones) {
        expect(milestone(t, m.id).objectives.map((o) => o.text), m.name.value).toEqual(values(m.objectives));
      }
    });

    it('has the server goal 8925 from Monday 13 to Saturday 18 November 2023, and its rewards', () => {
      const t = track(readBuiltin(), trackId);
      const server = facts.server;
      expect(t.server).toEqual({
        name: server.name.value,
        start: server.start.value,
        end: server.end.value,
        goal: server.goal.value,
        rewards: values(server.rewards),
      });
      expect(server.goal.value).toBe(8925);
      expect(resolvePackTime(t.server!.start)).toBe(Date.UTC(2023, 10, 13));
      expect(resolvePackTime(t.server!.end)).toBe(Date.UTC(2023, 10, 18));
      expect(resolvePackTime(t.milestones.at(-1)!.end)).toBeLessThanOrEqual(resolvePackTime(t.server!.end));
    });

    it('publishes no per-milestone rewards (the articles give none per milestone)', () => {
      for (const m of track(readBuiltin(), trackId).milestones) expect(m.rewards, m.name).toBeUndefined();
      for (const m of facts.milestones) expect(m.rewards.value).toBeUndefined();
    });

    it('has the solo event the articles name, with their rewards or none where they publish none', () => {
      const { solo } = track(readBuiltin(), trackId);
      const rewards = facts.solo.rewards;
      expect(solo?.name).toBe(facts.solo.name.value);
      expect(solo?.rewards).toEqual(Array.isArray(rewards) ? values(rewards).map((r) => r.replace(/^(\d)-star /, '$1★ ')) : undefined);
    });
  });

  it('Defender of Peace – SMS rewards are those the articles list', () => {
    expect(track(readBuiltin(), 'defenders-of-peace').solo).toEqual({
      name: 'Defender of Peace – SMS',
      rewards: ['Tritanium', '2★ Uncommon Refined Crystal', '2★ Common Refined Crystal', 'Missing Translation', 'Tritanium Tokens'],
    });
  });

  it('Architect of Chaos – SMS rewards are not published', () => {
    const solo = track(readBuiltin(), 'architects-of-chaos').solo;
    expect(solo).toEqual({ name: 'Architect of Chaos – SMS' });
    expect(solo?.rewards).toBeUndefined();
    expect(TRACKS[1]!.solo.rewards).toMatchObject({ value: undefined, silent: expect.stringMatching(/no Architect of Chaos – SMS rewards/) });
  });

  it('Testing Destinies has no published objectives and says so in its notes', () => {
    const m = milestone(track(readBuiltin(), 'architects-of-chaos'), 'testing-destinies');
    expect(m.objectives).toEqual([]);
    expect(m.notes).toMatch(/no objectives/);
  });
});

describe('built-in pack against the quotes of the articles', () => {
  const trackFacts = (id: string) => TRACKS.find((t) => t.id === id)!;
  const milestoneFacts = (trackId: string, id: string) => trackFacts(trackId).milestones.find((m) => m.id === id)!;

  it('every milestone name appears verbatim in a quote', () => {
    for (const t of readBuiltin().tracks) {
      for (const m of t.milestones) expect(quoted(milestoneFacts(t.id, m.id).name, m.name), `${t.id}: ${m.name}`).toBe(true);
    }
  });

  it("every milestone's start date is the date each quoted date table gives for it", () => {
    const weekday = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
    for (const t of readBuiltin().tracks) {
      for (const m of t.milestones) {
        const escaped = norm(m.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const lines = milestoneFacts(t.id, m.id).day.said;
        expect(lines.length, `date line for ${m.name}`).toBeGreaterThan(0);
        for (const { quote, article } of lines) {
          const line = new RegExp(`^${escaped} ${weekday}, (\\d{1,2}) November 2023$`).exec(norm(quote));
          expect(line, `${article}: ${quote}`).not.toBeNull();
          expect(m.start, `${m.name} in ${article}`).toBe(`2023-11-${line![1]!.padStart(2, '0')}`);
        }
      }
    }
  });

  it('every server reward and its key noun appear in its quotes (the case of a word may differ)', () => {
    const fold = (s: string) => norm(s).toLowerCase();
    for (const t of readBuiltin().tracks) {
      const rewards = trackFacts(t.id).server.rewards;
      expect(t.server?.rewards).toHaveLength(rewards.length);
      t.server?.rewards?.forEach((reward, i) => {
        const noun = reward.replace(/^\d+\s+/, '').replace(/\s+shards$/, '');
        expect(quoted(rewards[i]!, noun, fold), `${t.id}: key noun ${noun}`).toBe(true);
        expect(quoted(rewards[i]!, reward, fold), `${t.id}: ${reward}`).toBe(true);
      });
    }
  });

  it('every solo reward appears in its quote (2★ written as 2-star there)', () => {
    for (const t of readBuiltin().tracks) {
      const rewards = trackFacts(t.id).solo.rewards;
      for (const reward of t.solo?.rewards ?? []) {
        expect(Array.isArray(rewards), `${t.id}: the articles publish solo rewards`).toBe(true);
        const written = reward.replace(/(\d)★/, '$1-star');
        expect(
          (rewards as Array<Fact<string>>).some((fact) => fact.value === written && quoted(fact, written)),
          `${t.id}: ${reward}`,
        ).toBe(true);
      }
    }
  });

  it('every word of every objective occurs in its quote', () => {
    for (const t of readBuiltin().tracks) {
      for (const m of t.milestones) {
        const objectives = milestoneFacts(t.id, m.id).objectives;
        m.objectives.forEach((o, i) => {
          const quotes = objectives[i]!.said.map((q) => q.quote.toLowerCase());
          for (const word of o.text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
            expect(quotes.some((q) => q.includes(word)), `${m.name}: "${word}" in "${o.text}"`).toBe(true);
          }
        });
      }
    }
  });

  it('the server goal 8925 appears in its quotes', () => {
    for (const t of readBuiltin().tracks) {
      const goal = String(t.server?.goal);
      const fact = trackFacts(t.id).server.goal;
      expect(quoted(fact, goal) || quoted(fact, goal.replace(/(\d)(?=(\d{3})+$)/g, '$1 ')), t.id).toBe(true);
    }
  });

  it('the server and solo event names appear in their quotes (the articles may leave out the dash)', () => {
    const fold = (s: string) => norm(s).replace(' – ', ' ');
    for (const t of readBuiltin().tracks) {
      const facts = trackFacts(t.id);
      expect(quoted(facts.server.name, t.server!.name, fold), t.server!.name).toBe(true);
      expect(quoted(facts.solo.name, t.solo!.name, fold), t.solo!.name).toBe(true);
    }
  });
});
