import { describe, expect, it } from 'vitest';
import { describeProblem, MAX_PACK_BYTES, readPack } from '../../../lib/packs/reader';
import type { Pack } from '../../../lib/packs/types';

// Test fixtures are edited freely, including into shapes the Pack type forbids.
type Loose = any;

/** The smallest pack that follows pack-format.md: required fields only. */
function minimalPack(): Loose {
  return {
    format: 'stfc-milestone-pack',
    version: 1,
    id: 'heroes-and-villains-2023-11',
    title: 'Heroes and Villains, November 2023',
    tracks: [
      {
        id: 'defenders-of-peace',
        name: 'Defenders of Peace',
        milestones: [
          {
            id: 'unraveling-anomalies',
            name: 'Unraveling Anomalies',
            points: 100,
            start: '2023-11-13',
            end: '2023-11-14',
            objectives: [
              { id: 'dock', text: 'Dock Ore, Gas or Crystal with your Station' },
              { id: 'mine', text: 'Mine Parsteel, Titanium or Dilithium' },
            ],
          },
          {
            id: 'second-contact',
            name: 'Second Contact',
            points: 0,
            start: '2023-11-14T00:00Z',
            end: '2023-11-15T02:00:00+02:00',
            objectives: [],
          },
        ],
      },
      {
        id: 'villains',
        name: 'Villains',
        milestones: [
          {
            id: 'unraveling-anomalies',
            name: 'Unraveling Anomalies',
            points: 100,
            start: '2023-11-13',
            end: '2023-11-14',
            objectives: [{ id: 'dock', text: 'Dock with your Station' }],
          },
        ],
      },
    ],
  };
}

/** A pack that uses every optional field of pack-format.md. */
function fullPack(): Loose {
  const pack = minimalPack();
  pack.dailyReset = '05:00+02:00';
  pack.requirements = ['Complete the Heroes and Villains mission', 'Commander level 10 or higher'];
  pack.sources = ['gamerswiki.net, STFC: Defenders of Peace IMS'];
  pack.notes = 'Times are for the EU servers.';
  const track = pack.tracks[0];
  track.role = 'Hero';
  track.server = {
    name: 'Defenders of Peace – IMS',
    start: '2023-11-13',
    end: '2023-11-18',
    goal: 8925,
    rewards: ['4 Jadzia Dax shards', "3 Miles O'Brien shards"],
  };
  track.solo = { name: 'Defender of Peace – SMS', rewards: ['Tritanium', '2★ Uncommon Refined Crystal'] };
  track.notes = 'The hero side.';
  track.milestones[0].rewards = ['Parsteel'];
  track.milestones[0].notes = 'Starts at the daily reset.';
  return pack;
}

/** `path: message` of the first problem, or `accepted`. */
function verdict(input: unknown): string {
  const result = readPack(input);
  return result.ok ? 'accepted' : describeProblem(result.problem);
}

/** The verdict on the minimal pack after `change`. */
function verdictAfter(change: (pack: Loose) => void, base: () => Loose = minimalPack): string {
  const pack = base();
  change(pack);
  return verdict(pack);
}

const firstMilestone = (pack: Loose): Loose => pack.tracks[0].milestones[0];
const M0 = 'tracks[0].milestones[0]';

function many<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

describe('reading a pack', () => {
  it('accepts a minimal pack and returns its content', () => {
    const result = readPack(minimalPack());
    expect(result).toEqual({ ok: true, value: minimalPack() });
  });

  it('accepts a pack with every optional field', () => {
    const result = readPack(fullPack());
    expect(result).toEqual({ ok: true, value: fullPack() });
  });

  it('accepts the pack as JSON text', () => {
    const result = readPack(JSON.stringify(fullPack(), null, 2));
    expect(result).toEqual({ ok: true, value: fullPack() });
  });

  it('accepts JSON text that starts with a byte order mark', () => {
    expect(verdict(`\uFEFF${JSON.stringify(minimalPack())}`)).toBe('accepted');
  });

  it('returns a fresh pack that shares no object with the input', () => {
    const input = fullPack();
    const result = readPack(input);
    if (!result.ok) throw new Error(describeProblem(result.problem));
    const pack: Pack = result.value;
    expect(pack).not.toBe(input);
    expect(pack.tracks).not.toBe(input.tracks);
    expect(pack.tracks[0]).not.toBe(input.tracks[0]);
    expect(pack.tracks[0]!.server).not.toBe(input.tracks[0].server);
    expect(pack.tracks[0]!.solo!.rewards).not.toBe(input.tracks[0].solo.rewards);
    expect(pack.tracks[0]!.milestones[0]!.objectives[0]).not.toBe(input.tracks[0].milestones[0].objectives[0]);
    input.tracks[0].milestones[0].objectives[0].text = 'changed later';
    expect(pack.tracks[0]!.milestones[0]!.objectives[0]!.text).toBe('Dock Ore, Gas or Crystal with your Station');
  });

  it('leaves absent optional fields absent rather than undefined', () => {
    const result = readPack(minimalPack());
    if (!result.ok) throw new Error(describeProblem(result.problem));
    expect(Object.keys(result.value)).toEqual(['format', 'version', 'id', 'title', 'tracks']);
    expect(Object.keys(result.value.tracks[0]!)).toEqual(['id', 'name', 'milestones']);
  });

  it('treats an optional field given as null as the wrong type', () => {
    expect(verdictAfter((p) => (p.tracks[0].role = null))).toBe('tracks[0].role: not a string');
  });
});

describe('the document as a whole', () => {
  it('refuses text that is not valid JSON', () => {
    const result = readPack('{"format": "stfc-milestone-pack",');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.path).toBe('');
    expect(result.problem.message).toMatch(/^not valid JSON/);
  });

  it('refuses empty text as not valid JSON', () => {
    expect(verdict('')).toMatch(/^not valid JSON/);
  });

  it('refuses a document larger than 1 MiB', () => {
    const twoMiB = `"${'x'.repeat(2 * 1024 * 1024)}"`;
    expect(verdict(twoMiB)).toBe('larger than 1 MiB');
  });

  it('measures the size in UTF-8 bytes, not characters', () => {
    const euros = '€'.repeat(Math.ceil(MAX_PACK_BYTES / 3) + 10); // fewer characters than MAX_PACK_BYTES, more bytes
    expect(euros.length).toBeLessThan(MAX_PACK_BYTES);
    expect(verdict(JSON.stringify({ ...minimalPack(), notes: euros }))).toBe('larger than 1 MiB');
  });

  it('accepts a document of exactly 1 MiB and refuses one byte more', () => {
    const json = JSON.stringify(minimalPack());
    const exact = json + ' '.repeat(MAX_PACK_BYTES - json.length);
    expect(verdict(exact)).toBe('accepted');
    expect(verdict(`${exact} `)).toBe('larger than 1 MiB');
  });

  it('refuses 10,000 nested arrays without throwing', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(() => readPack(deep)).not.toThrow();
    expect(verdict(deep)).toBe('not an object');
  });

  it('refuses deep nesting inside a field without throwing', () => {
    const deep = `{"format":"stfc-milestone-pack","version":1,"id":"x","title":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(verdict(deep)).toBe('title: not a string');
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['a string of JSON that is not an object', '"{}"'],
    ['undefined', undefined],
  ])('refuses %s as not an object', (_name, input) => {
    expect(verdict(input)).toBe('not an object');
  });

  it('never throws on a value whose getters throw', () => {
    const hostile = minimalPack();
    Object.defineProperty(hostile, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => readPack(hostile)).not.toThrow();
    expect(verdict(hostile)).toBe('could not be read');
  });

  it('ignores fields inherited through the prototype', () => {
    const { title, ...rest } = minimalPack();
    const tricky = Object.assign(Object.create({ title }), rest);
    expect(verdict(tricky)).toBe('title: missing');
  });

  it('refuses a "__proto__" key as an unknown field and does not let it change the result', () => {
    const json = JSON.stringify(minimalPack()).replace('{', '{"__proto__":{"polluted":true},');
    expect(verdict(json)).toBe('__proto__: unknown field');
    expect(({} as Loose).polluted).toBeUndefined();
  });

  it('returns plain objects even when the input is built on another prototype', () => {
    const input = Object.assign(Object.create({ extra: 1 }), minimalPack());
    const result = readPack(input);
    if (!result.ok) throw new Error(describeProblem(result.problem));
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect('extra' in result.value).toBe(false);
  });
});

describe('order of checks', () => {
  it('reports known fields in the order of the format table before unknown fields', () => {
    expect(
      verdictAfter((p) => {
        p.colour = 'red';
        p.title = '';
        p.tracks[0].name = 5;
      }),
    ).toBe('title: must be 1–120 characters');
  });

  it('reports an unknown field only after the known fields of its object are valid', () => {
    expect(
      verdictAfter((p) => {
        p.tracks[0].colour = 'red';
        firstMilestone(p).points = -1;
      }),
    ).toBe(`${M0}.points: must be 0–100000`);
  });

  it('reports the first problem in an earlier track before one in a later track', () => {
    expect(
      verdictAfter((p) => {
        p.tracks[1].name = '';
        p.tracks[0].milestones[1].end = 'soon';
      }),
    ).toBe('tracks[0].milestones[1].end: not a date');
  });

  it('reports an unknown field in a track before a problem in the pack notes that follow tracks', () => {
    expect(
      verdictAfter((p) => {
        p.tracks[0].colour = 'red';
        p.notes = '';
      }),
    ).toBe('tracks[0].colour: unknown field');
  });
});

describe('format and version', () => {
  it('refuses a pack without a format', () => {
    expect(verdictAfter((p) => delete p.format)).toBe('format: missing');
  });
  it('refuses a format that is not a string', () => {
    expect(verdictAfter((p) => (p.format = 1))).toBe('format: not a string');
  });
  it('refuses a format other than stfc-milestone-pack', () => {
    expect(verdictAfter((p) => (p.format = 'stfc-pack'))).toBe('format: must be exactly stfc-milestone-pack');
  });
  it('refuses a pack without a version', () => {
    expect(verdictAfter((p) => delete p.version)).toBe('version: missing');
  });
  it('refuses a version that is not an integer', () => {
    expect(verdictAfter((p) => (p.version = '1'))).toBe('version: not an integer');
    expect(verdictAfter((p) => (p.version = 1.5))).toBe('version: not an integer');
  });
  it('refuses a higher version as made by a newer version', () => {
    expect(verdictAfter((p) => (p.version = 2))).toBe('version: made by a newer version');
  });
  it('refuses a version below 1', () => {
    expect(verdictAfter((p) => (p.version = 0))).toBe('version: unsupported version');
  });
});

describe('ids', () => {
  const badId = 'not a valid id (a–z, 0–9 and -, at most 64)';

  it('refuses a pack without an id', () => {
    expect(verdictAfter((p) => delete p.id)).toBe('id: missing');
  });
  it('refuses a pack id that is not a string', () => {
    expect(verdictAfter((p) => (p.id = 7))).toBe('id: not a string');
  });
  it.each([
    ['capital letters', 'Heroes'],
    ['a leading hyphen', '-heroes'],
    ['a space', 'heroes villains'],
    ['an underscore', 'heroes_villains'],
    ['nothing', ''],
    ['65 characters', 'a'.repeat(65)],
  ])('refuses a pack id with %s', (_name, id) => {
    expect(verdictAfter((p) => (p.id = id))).toBe(`id: ${badId}`);
  });
  it('accepts an id of 64 characters that starts with a digit', () => {
    expect(verdictAfter((p) => (p.id = `1${'a-'.repeat(31)}b`))).toBe('accepted');
  });
  it('refuses a track id that is not a slug', () => {
    expect(verdictAfter((p) => (p.tracks[1].id = 'Villains'))).toBe(`tracks[1].id: ${badId}`);
  });
  it('refuses a milestone id that is not a slug', () => {
    expect(verdictAfter((p) => (firstMilestone(p).id = 'a.b'))).toBe(`${M0}.id: ${badId}`);
  });
  it('refuses an objective id that is not a slug', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives[1].id = 'Mine'))).toBe(`${M0}.objectives[1].id: ${badId}`);
  });
  it('refuses a track id used twice in the pack, naming the second', () => {
    expect(verdictAfter((p) => (p.tracks[1].id = 'defenders-of-peace'))).toBe(
      'tracks[1].id: duplicate id "defenders-of-peace"',
    );
  });
  it('refuses a milestone id used twice in a track, naming the second', () => {
    expect(verdictAfter((p) => (p.tracks[0].milestones[1].id = 'unraveling-anomalies'))).toBe(
      'tracks[0].milestones[1].id: duplicate id "unraveling-anomalies"',
    );
  });
  it('accepts the same milestone id in different tracks', () => {
    const pack = minimalPack();
    expect(pack.tracks[1].milestones[0].id).toBe(pack.tracks[0].milestones[0].id);
    expect(verdict(pack)).toBe('accepted');
  });
  it('refuses an objective id used twice in a milestone, naming the second', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives[1].id = 'dock'))).toBe(
      `${M0}.objectives[1].id: duplicate id "dock"`,
    );
  });
  it('accepts the same objective id in different milestones', () => {
    const pack = minimalPack();
    pack.tracks[0].milestones[1].objectives = [{ id: 'dock', text: 'Dock again' }];
    expect(verdict(pack)).toBe('accepted');
  });
});

describe('text', () => {
  it('refuses a pack without a title', () => {
    expect(verdictAfter((p) => delete p.title)).toBe('title: missing');
  });
  it('refuses a title that is not a string', () => {
    expect(verdictAfter((p) => (p.title = ['Heroes']))).toBe('title: not a string');
  });
  it('refuses an empty title', () => {
    expect(verdictAfter((p) => (p.title = ''))).toBe('title: must be 1–120 characters');
  });
  it('refuses a title of 121 characters and accepts one of 120', () => {
    expect(verdictAfter((p) => (p.title = 'x'.repeat(121)))).toBe('title: must be 1–120 characters');
    expect(verdictAfter((p) => (p.title = 'x'.repeat(120)))).toBe('accepted');
  });
  it('counts characters as Unicode code points, not UTF-16 units', () => {
    expect(verdictAfter((p) => (p.title = '🖖'.repeat(120)))).toBe('accepted');
    expect(verdictAfter((p) => (p.title = '🖖'.repeat(121)))).toBe('title: must be 1–120 characters');
  });
  it('refuses a title that is only whitespace as blank', () => {
    expect(verdictAfter((p) => (p.title = ' \t\n\u00a0'))).toBe('title: must contain a visible character (not only spaces or invisible characters)');
  });
  it('refuses offsets no time zone uses (beyond −12:00..+14:00) in times and the daily reset, with their path', () => {
    expect(verdictAfter((p) => (p.tracks[0].milestones[1].end = '2023-11-15T02:00:00+14:30'))).toBe('tracks[0].milestones[1].end: not a date');
    expect(verdictAfter((p) => (p.tracks[0].milestones[1].start = '2023-11-14T00:00-13:00'))).toBe('tracks[0].milestones[1].start: not a date');
    expect(verdictAfter((p) => (p.dailyReset = '05:00-12:30'))).toBe('dailyReset: not a daily reset like 00:00Z or 05:00+02:00');
    expect(verdictAfter((p) => (p.dailyReset = '05:00+14:00'))).toBe('accepted');
    expect(verdictAfter((p) => (p.dailyReset = '05:00-12:00'))).toBe('accepted');
  });
  it('refuses titles, names and objectives a player cannot read, with their path', () => {
    expect(verdictAfter((p) => (p.title = '\u200b\u200b\u200b'))).toBe('title: must contain a visible character (not only spaces or invisible characters)');
    expect(verdictAfter((p) => (p.tracks[1].milestones[0].name = 'Day\u0000 1'))).toBe(
      'tracks[1].milestones[0].name: contains the control character U+0000',
    );
    expect(verdictAfter((p) => (p.tracks[0].milestones[0].objectives[1].text = 'Mine \ud83d'))).toBe(
      'tracks[0].milestones[0].objectives[1].text: contains a lone surrogate (half of a character), not text',
    );
    expect(verdictAfter((p) => (p.notes = 'Line one\nLine two'))).toBe('accepted');
  });
  it('refuses a key given twice in one object, with its path, where JSON.parse would keep the last', () => {
    const text = JSON.stringify(minimalPack()).replace('"points":100,', '"points":100,"points":200,');
    expect(readPack(text)).toEqual({ ok: false, problem: { path: 'tracks[0].milestones[0].points', message: 'the key "points" appears twice in this object' } });
    const escaped = JSON.stringify(minimalPack()).replace('"title":', '"ti\\u0074le":"Other","title":');
    expect(readPack(escaped)).toEqual({ ok: false, problem: { path: 'title', message: 'the key "title" appears twice in this object' } });
    // The same key in two objects, and a key's name as a value, are not duplicates.
    expect(readPack(JSON.stringify(minimalPack())).ok).toBe(true);
  });
  it('keeps text exactly as given, markup included', () => {
    const result = readPack({ ...minimalPack(), title: '  <b>Heroes</b> & *Villains*  ' });
    expect(result.ok && result.value.title).toBe('  <b>Heroes</b> & *Villains*  ');
  });
  it('refuses a track without a name', () => {
    expect(verdictAfter((p) => delete p.tracks[0].name)).toBe('tracks[0].name: missing');
  });
  it('refuses a track name of 121 characters', () => {
    expect(verdictAfter((p) => (p.tracks[0].name = 'n'.repeat(121)))).toBe('tracks[0].name: must be 1–120 characters');
  });
  it('refuses a track role of 41 characters and accepts one of 40', () => {
    expect(verdictAfter((p) => (p.tracks[0].role = 'r'.repeat(41)))).toBe('tracks[0].role: must be 1–40 characters');
    expect(verdictAfter((p) => (p.tracks[0].role = 'r'.repeat(40)))).toBe('accepted');
  });
  it('refuses an empty track role', () => {
    expect(verdictAfter((p) => (p.tracks[0].role = ''))).toBe('tracks[0].role: must be 1–40 characters');
  });
  it('refuses a milestone without a name', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).name)).toBe(`${M0}.name: missing`);
  });
  it('refuses a milestone name of 121 characters', () => {
    expect(verdictAfter((p) => (firstMilestone(p).name = 'n'.repeat(121)))).toBe(`${M0}.name: must be 1–120 characters`);
  });
  it('refuses an objective without text', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).objectives[0].text)).toBe(`${M0}.objectives[0].text: missing`);
  });
  it('refuses objective text of 301 characters and accepts 300', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives[0].text = 't'.repeat(301)))).toBe(
      `${M0}.objectives[0].text: must be 1–300 characters`,
    );
    expect(verdictAfter((p) => (firstMilestone(p).objectives[0].text = 't'.repeat(300)))).toBe('accepted');
  });
  it('refuses objective text that is not a string', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives[0].text = 3))).toBe(`${M0}.objectives[0].text: not a string`);
  });
  it('refuses pack notes of 1001 characters and accepts 1000', () => {
    expect(verdictAfter((p) => (p.notes = 'n'.repeat(1001)))).toBe('notes: must be 1–1000 characters');
    expect(verdictAfter((p) => (p.notes = 'n'.repeat(1000)))).toBe('accepted');
  });
  it('refuses empty track notes', () => {
    expect(verdictAfter((p) => (p.tracks[0].notes = ''))).toBe('tracks[0].notes: must be 1–1000 characters');
  });
  it('refuses milestone notes of 1001 characters', () => {
    expect(verdictAfter((p) => (firstMilestone(p).notes = 'n'.repeat(1001)))).toBe(`${M0}.notes: must be 1–1000 characters`);
  });
  it('refuses a huge text quickly without counting every character', () => {
    const started = performance.now();
    expect(verdictAfter((p) => (p.notes = 'n'.repeat(20_000_000)))).toBe('notes: must be 1–1000 characters');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('dailyReset', () => {
  const bad = 'dailyReset: not a daily reset like 00:00Z or 05:00+02:00';

  it('accepts a reset with Z or an offset', () => {
    expect(verdictAfter((p) => (p.dailyReset = '11:00Z'))).toBe('accepted');
    expect(verdictAfter((p) => (p.dailyReset = '01:30-05:30'))).toBe('accepted');
  });
  it.each(['11:00', '11:00:00Z', '24:00Z', '11:60Z', '11:00+15:00', '2023-11-13T11:00Z', ''])(
    'refuses a daily reset of "%s"',
    (reset) => {
      expect(verdictAfter((p) => (p.dailyReset = reset))).toBe(bad);
    },
  );
  it('refuses a daily reset that is not a string', () => {
    expect(verdictAfter((p) => (p.dailyReset = 11))).toBe('dailyReset: not a string');
  });
});

describe('requirements and sources', () => {
  it('refuses requirements that are not an array', () => {
    expect(verdictAfter((p) => (p.requirements = 'Level 10'))).toBe('requirements: not an array');
  });
  it('refuses 21 requirements and accepts 20 or none', () => {
    expect(verdictAfter((p) => (p.requirements = many(21, (i) => `r${i}`)))).toBe('requirements: at most 20 items');
    expect(verdictAfter((p) => (p.requirements = many(20, (i) => `r${i}`)))).toBe('accepted');
    expect(verdictAfter((p) => (p.requirements = []))).toBe('accepted');
  });
  it('refuses an empty requirement', () => {
    expect(verdictAfter((p) => (p.requirements = ['a', 'b', '']))).toBe('requirements[2]: must be 1–300 characters');
  });
  it('refuses a requirement that is not a string', () => {
    expect(verdictAfter((p) => (p.requirements = [{ text: 'a' }]))).toBe('requirements[0]: not a string');
  });
  it('refuses a source of 301 characters', () => {
    expect(verdictAfter((p) => (p.sources = ['s'.repeat(301)]))).toBe('sources[0]: must be 1–300 characters');
  });
  it('refuses 21 sources', () => {
    expect(verdictAfter((p) => (p.sources = many(21, (i) => `s${i}`)))).toBe('sources: at most 20 items');
  });
  it('refuses sources that are not an array', () => {
    expect(verdictAfter((p) => (p.sources = { 0: 'a' }))).toBe('sources: not an array');
  });
});

describe('tracks', () => {
  const track = (i: number): Loose => ({ ...minimalPack().tracks[1], id: `track-${i}` });

  it('refuses a pack without tracks', () => {
    expect(verdictAfter((p) => delete p.tracks)).toBe('tracks: missing');
  });
  it('refuses tracks that are not an array', () => {
    expect(verdictAfter((p) => (p.tracks = {}))).toBe('tracks: not an array');
  });
  it('refuses a pack with no tracks', () => {
    expect(verdictAfter((p) => (p.tracks = []))).toBe('tracks: must have 1–8 items');
  });
  it('refuses 9 tracks and accepts 8', () => {
    expect(verdictAfter((p) => (p.tracks = many(9, track)))).toBe('tracks: must have 1–8 items');
    expect(verdictAfter((p) => (p.tracks = many(8, track)))).toBe('accepted');
  });
  it('refuses a track that is not an object', () => {
    expect(verdictAfter((p) => (p.tracks[1] = 'villains'))).toBe('tracks[1]: not an object');
    expect(verdictAfter((p) => (p.tracks[1] = null))).toBe('tracks[1]: not an object');
  });
  it('refuses a track without an id', () => {
    expect(verdictAfter((p) => delete p.tracks[0].id)).toBe('tracks[0].id: missing');
  });
  it('refuses a track without milestones', () => {
    expect(verdictAfter((p) => delete p.tracks[0].milestones)).toBe('tracks[0].milestones: missing');
  });
  it('refuses milestones that are not an array', () => {
    expect(verdictAfter((p) => (p.tracks[0].milestones = 'none'))).toBe('tracks[0].milestones: not an array');
  });
  it('refuses a track with no milestones', () => {
    expect(verdictAfter((p) => (p.tracks[0].milestones = []))).toBe('tracks[0].milestones: must have 1–400 items');
  });
  it('refuses 401 milestones and accepts 400', () => {
    const milestones = (count: number) =>
      many(count, (i) => ({ ...firstMilestone(minimalPack()), id: `m-${i}`, objectives: [] }));
    expect(verdictAfter((p) => (p.tracks[0].milestones = milestones(401)))).toBe('tracks[0].milestones: must have 1–400 items');
    expect(verdictAfter((p) => (p.tracks[0].milestones = milestones(400)))).toBe('accepted');
  });
  it('refuses an unknown field in a track, naming the field', () => {
    expect(verdictAfter((p) => (p.tracks[0].colour = 'red'))).toBe('tracks[0].colour: unknown field');
  });
});

describe('server event', () => {
  const S = 'tracks[0].server';

  it('refuses a server event that is not an object', () => {
    expect(verdictAfter((p) => (p.tracks[0].server = []), fullPack)).toBe(`${S}: not an object`);
  });
  it('refuses a server event without a name', () => {
    expect(verdictAfter((p) => delete p.tracks[0].server.name, fullPack)).toBe(`${S}.name: missing`);
  });
  it('refuses a server event without a start', () => {
    expect(verdictAfter((p) => delete p.tracks[0].server.start, fullPack)).toBe(`${S}.start: missing`);
  });
  it('refuses a server event without an end', () => {
    expect(verdictAfter((p) => delete p.tracks[0].server.end, fullPack)).toBe(`${S}.end: missing`);
  });
  it('refuses a server event whose start is not a date', () => {
    expect(verdictAfter((p) => (p.tracks[0].server.start = '13.11.2023'), fullPack)).toBe(`${S}.start: not a date`);
  });
  it('refuses a server event whose end is an instant without an offset', () => {
    expect(verdictAfter((p) => (p.tracks[0].server.end = '2023-11-18T00:00'), fullPack)).toBe(
      `${S}.end: instant without an offset`,
    );
  });
  it('refuses a server event that ends before it starts', () => {
    expect(verdictAfter((p) => (p.tracks[0].server.end = '2023-11-12'), fullPack)).toContain(`${S}.end: must end after start (`);
  });
  it('refuses a server event without a goal', () => {
    expect(verdictAfter((p) => delete p.tracks[0].server.goal, fullPack)).toBe(`${S}.goal: missing`);
  });
  it('refuses a goal that is not an integer', () => {
    expect(verdictAfter((p) => (p.tracks[0].server.goal = 89.5), fullPack)).toBe(`${S}.goal: not an integer`);
    expect(verdictAfter((p) => (p.tracks[0].server.goal = '8925'), fullPack)).toBe(`${S}.goal: not an integer`);
  });
  it('refuses a goal of 0 or above 10⁹ and accepts 1 and 10⁹', () => {
    expect(verdictAfter((p) => (p.tracks[0].server.goal = 0), fullPack)).toBe(`${S}.goal: must be 1–1000000000`);
    expect(verdictAfter((p) => (p.tracks[0].server.goal = 1_000_000_001), fullPack)).toBe(`${S}.goal: must be 1–1000000000`);
    expect(verdictAfter((p) => (p.tracks[0].server.goal = 1), fullPack)).toBe('accepted');
    expect(verdictAfter((p) => (p.tracks[0].server.goal = 1_000_000_000), fullPack)).toBe('accepted');
  });
  it('refuses 31 server rewards', () => {
    expect(verdictAfter((p) => (p.tracks[0].server.rewards = many(31, (i) => `r${i}`)), fullPack)).toBe(
      `${S}.rewards: at most 30 items`,
    );
  });
  it('refuses an unknown field in a server event', () => {
    expect(verdictAfter((p) => (p.tracks[0].server.points = 5), fullPack)).toBe(`${S}.points: unknown field`);
  });
});

describe('solo event', () => {
  const S = 'tracks[0].solo';

  it('refuses a solo event that is not an object', () => {
    expect(verdictAfter((p) => (p.tracks[0].solo = 'SMS'), fullPack)).toBe(`${S}: not an object`);
  });
  it('refuses a solo event without a name', () => {
    expect(verdictAfter((p) => delete p.tracks[0].solo.name, fullPack)).toBe(`${S}.name: missing`);
  });
  it('accepts a solo event without rewards', () => {
    expect(verdictAfter((p) => delete p.tracks[0].solo.rewards, fullPack)).toBe('accepted');
  });
  it('refuses a solo reward of 301 characters', () => {
    expect(verdictAfter((p) => (p.tracks[0].solo.rewards[1] = 'r'.repeat(301)), fullPack)).toBe(
      `${S}.rewards[1]: must be 1–300 characters`,
    );
  });
  it('refuses an unknown field in a solo event', () => {
    expect(verdictAfter((p) => (p.tracks[0].solo.goal = 5), fullPack)).toBe(`${S}.goal: unknown field`);
  });
});

describe('milestones', () => {
  it('refuses a milestone that is not an object', () => {
    expect(verdictAfter((p) => (p.tracks[0].milestones[1] = 5))).toBe('tracks[0].milestones[1]: not an object');
  });
  it('refuses a milestone without an id', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).id)).toBe(`${M0}.id: missing`);
  });
  it('refuses a milestone without points', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).points)).toBe(`${M0}.points: missing`);
  });
  it('refuses points that are not an integer', () => {
    expect(verdictAfter((p) => (firstMilestone(p).points = '100'))).toBe(`${M0}.points: not an integer`);
    expect(verdictAfter((p) => (firstMilestone(p).points = Number.NaN))).toBe(`${M0}.points: not an integer`);
  });
  it('refuses negative points and more than 100000, and accepts 0 and 100000', () => {
    expect(verdictAfter((p) => (firstMilestone(p).points = -1))).toBe(`${M0}.points: must be 0–100000`);
    expect(verdictAfter((p) => (firstMilestone(p).points = 100_001))).toBe(`${M0}.points: must be 0–100000`);
    expect(verdictAfter((p) => (firstMilestone(p).points = 0))).toBe('accepted');
    expect(verdictAfter((p) => (firstMilestone(p).points = 100_000))).toBe('accepted');
  });
  it('refuses a milestone without objectives', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).objectives)).toBe(`${M0}.objectives: missing`);
  });
  it('accepts a milestone with an empty objective list (not published)', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives = []))).toBe('accepted');
  });
  it('refuses objectives that are not an array', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives = 'tbd'))).toBe(`${M0}.objectives: not an array`);
  });
  it('refuses 21 objectives and accepts 20', () => {
    const objectives = (count: number) => many(count, (i) => ({ id: `o-${i}`, text: `Objective ${i}` }));
    expect(verdictAfter((p) => (firstMilestone(p).objectives = objectives(21)))).toBe(`${M0}.objectives: at most 20 items`);
    expect(verdictAfter((p) => (firstMilestone(p).objectives = objectives(20)))).toBe('accepted');
  });
  it('refuses milestone rewards that are not an array', () => {
    expect(verdictAfter((p) => (firstMilestone(p).rewards = 'Parsteel'))).toBe(`${M0}.rewards: not an array`);
  });
  it('refuses 31 milestone rewards and accepts 30', () => {
    expect(verdictAfter((p) => (firstMilestone(p).rewards = many(31, (i) => `r${i}`)))).toBe(`${M0}.rewards: at most 30 items`);
    expect(verdictAfter((p) => (firstMilestone(p).rewards = many(30, (i) => `r${i}`)))).toBe('accepted');
  });
  it('refuses an empty milestone reward', () => {
    expect(verdictAfter((p) => (firstMilestone(p).rewards = ['']))).toBe(`${M0}.rewards[0]: must be 1–300 characters`);
  });
  it('refuses an unknown field in a milestone, naming the field', () => {
    expect(verdictAfter((p) => (firstMilestone(p).reward = ['Parsteel']))).toBe(`${M0}.reward: unknown field`);
  });
});

describe('objectives', () => {
  it('refuses an objective that is not an object', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives[0] = 'Dock'))).toBe(`${M0}.objectives[0]: not an object`);
  });
  it('refuses an objective without an id', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).objectives[1].id)).toBe(`${M0}.objectives[1].id: missing`);
  });
  it('refuses an unknown field in an objective', () => {
    expect(verdictAfter((p) => (firstMilestone(p).objectives[1].done = true))).toBe(`${M0}.objectives[1].done: unknown field`);
  });
});

describe('times', () => {
  it('refuses a milestone without a start', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).start)).toBe(`${M0}.start: missing`);
  });
  it('refuses a milestone without an end', () => {
    expect(verdictAfter((p) => delete firstMilestone(p).end)).toBe(`${M0}.end: missing`);
  });
  it('refuses a milestone whose start is not a string', () => {
    expect(verdictAfter((p) => (firstMilestone(p).start = Date.UTC(2023, 10, 13)))).toBe(`${M0}.start: not a string`);
  });
  it('refuses a milestone whose start is not a date', () => {
    expect(verdictAfter((p) => (firstMilestone(p).start = 'Monday'))).toBe(`${M0}.start: not a date`);
  });
  it('refuses a milestone whose end is not a date', () => {
    expect(verdictAfter((p) => (firstMilestone(p).end = '2023-02-30'))).toBe(`${M0}.end: not a date`);
    expect(verdictAfter((p) => (firstMilestone(p).end = '2023-11-14T24:00Z'))).toBe(`${M0}.end: not a date`);
    expect(verdictAfter((p) => (firstMilestone(p).end = '2023-11-14 11:00Z'))).toBe(`${M0}.end: not a date`);
  });
  it('refuses an instant without an offset', () => {
    expect(verdictAfter((p) => (firstMilestone(p).start = '2023-11-13T11:00:00'))).toBe(`${M0}.start: instant without an offset`);
    expect(verdictAfter((p) => (firstMilestone(p).end = '2023-11-14T11:00'))).toBe(`${M0}.end: instant without an offset`);
  });
  it('accepts instants with Z, an offset, seconds and milliseconds', () => {
    expect(
      verdictAfter((p) => {
        firstMilestone(p).start = '2023-11-13T11:00Z';
        firstMilestone(p).end = '2023-11-14T13:00:00.250+02:00';
      }),
    ).toBe('accepted');
  });
  it('refuses a milestone that ends before it starts', () => {
    expect(verdictAfter((p) => (firstMilestone(p).end = '2023-11-12'))).toContain(`${M0}.end: must end after start (`);
  });
  it('refuses a milestone whose start and end are equal', () => {
    expect(verdictAfter((p) => (firstMilestone(p).end = '2023-11-13'))).toContain(`${M0}.end: must end after start (`);
  });
  it('refuses equal start and end written differently', () => {
    expect(
      verdictAfter((p) => {
        firstMilestone(p).start = '2023-11-13T11:00Z';
        firstMilestone(p).end = '2023-11-13T13:00:00.000+02:00';
      }),
    ).toContain(`${M0}.end: must end after start (`);
  });
  it('accepts a start 1 ms before the end', () => {
    expect(
      verdictAfter((p) => {
        firstMilestone(p).start = '2023-11-13T10:59:59.999Z';
        firstMilestone(p).end = '2023-11-13T11:00:00.000Z';
      }),
    ).toBe('accepted');
  });
  it('compares a date with an instant after resolving the date at the pack daily reset', () => {
    const change = (reset: string | undefined) => (p: Loose) => {
      if (reset !== undefined) p.dailyReset = reset;
      firstMilestone(p).start = '2023-11-13';
      firstMilestone(p).end = '2023-11-13T10:00Z';
    };
    expect(verdictAfter(change('11:00Z'))).toContain(`${M0}.end: must end after start (`);
    expect(verdictAfter(change('05:00+02:00'))).toBe('accepted'); // 03:00 UTC
    expect(verdictAfter(change(undefined))).toBe('accepted'); // 00:00 UTC
  });
  it('resolves server event dates at the pack daily reset too', () => {
    expect(
      verdictAfter((p) => {
        p.dailyReset = '11:00Z';
        p.tracks[0].server.start = '2023-11-13';
        p.tracks[0].server.end = '2023-11-13T11:00Z';
      }, fullPack),
    ).toContain('tracks[0].server.end: must end after start (');
  });
});

describe('unknown fields', () => {
  it('refuses an unknown field in the pack, naming the field', () => {
    expect(verdictAfter((p) => (p.titel = 'Typo'))).toBe('titel: unknown field');
  });
  it('quotes an unknown field whose name is not a plain word', () => {
    expect(verdictAfter((p) => (p.tracks[0]['my field'] = 1))).toBe('tracks[0]["my field"]: unknown field');
  });
  it('shortens a very long unknown field name', () => {
    expect(verdictAfter((p) => (p['k'.repeat(5000)] = 1))).toBe(`["${'k'.repeat(40)}…"]: unknown field`);
  });
  it('does not count an own field set to undefined', () => {
    expect(verdictAfter((p) => (p.notes = undefined))).toBe('accepted');
  });
});

describe('a large pack', () => {
  it('reads 8 tracks × 400 milestones × 20 objectives', () => {
    const pack = minimalPack();
    pack.tracks = many(8, (t) => ({
      id: `track-${t}`,
      name: `Track ${t}`,
      milestones: many(400, (m) => ({
        id: `milestone-${m}`,
        name: `Milestone ${m}`,
        points: m,
        start: '2023-11-13T00:00Z',
        end: '2023-11-14T00:00Z',
        objectives: many(20, (o) => ({ id: `objective-${o}`, text: `Do thing ${o} of milestone ${m}` })),
      })),
    }));
    readPack(pack); // warm up
    const started = performance.now();
    const result = readPack(pack);
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.tracks[7]!.milestones[399]!.objectives[19]!.id).toBe('objective-19');
    expect(elapsed).toBeLessThan(250); // generous here; the benchmark holds the 50 ms budget
  });
});
