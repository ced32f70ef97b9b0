// The shared pieces behave the same wherever they are used: one way to count, one place for -0.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { exceedsUtf8Bytes, fields, idRecord, integer, slug, text } from '../../../lib/validation/pieces';

const INVISIBLE = 'must contain a visible character (not only spaces or invisible characters)';
const FIRST = { abortEarly: true } as const;
const verdict = (schema: v.GenericSchema, value: unknown) => {
  const read = v.safeParse(schema, value, FIRST);
  return read.success ? 'accepted' : `${(read.issues[0].path ?? []).map((p) => p.key).join('.')}: ${read.issues[0].message}`;
};

describe('pieces', () => {
  it('turns -0 into 0 and keeps other integers', () => {
    expect(Object.is(v.parse(integer, -0), 0)).toBe(true);
    expect(v.parse(integer, -5)).toBe(-5);
    expect(verdict(integer, 1.5)).toBe(': not an integer');
  });

  it('counts text in code points, refuses blank text, and refuses the same whether or not the shortcut applies', () => {
    const five = text(5);
    expect(verdict(five, '🖖🖖🖖🖖🖖')).toBe('accepted');
    expect(verdict(five, '🖖🖖🖖🖖🖖🖖')).toBe(': must be 1–5 characters');
    expect(verdict(five, 'abcdef')).toBe(': must be 1–5 characters');
    expect(verdict(five, '')).toBe(': must be 1–5 characters');
    expect(verdict(five, ' \u00a0')).toBe(`: ${INVISIBLE}`);
    expect(verdict(five, ' a')).toBe('accepted');
    expect(verdict(five, 5)).toBe(': not a string');
  });

  it('refuses text a player cannot see: zero-width, format and ignorable characters, combining marks alone', () => {
    const five = text(5);
    for (const invisible of ['\u200b\u200b', '\u200d', '\ufeff', '\u2060', '\u200e\u202e', '\u3164', '\u0301', '\u00ad', ' \u200b ']) {
      expect(verdict(five, invisible), JSON.stringify(invisible)).toBe(`: ${INVISIBLE}`);
    }
    expect(verdict(five, '\u200ba')).toBe('accepted');
    expect(verdict(five, 'e\u0301')).toBe('accepted');
    expect(verdict(five, '日本')).toBe('accepted');
  });

  it('refuses control characters (line feeds and tabs only in text with lines) and lone surrogates, shortcut or not', () => {
    const five = text(5);
    const notes = text(5, { lines: true });
    expect(verdict(five, 'a\u0007')).toBe(': contains the control character U+0007');
    expect(verdict(five, 'a\u0085')).toBe(': contains the control character U+0085');
    expect(verdict(five, 'a\u007f')).toBe(': contains the control character U+007F');
    expect(verdict(five, 'a\nb')).toBe(': contains the control character U+000A');
    expect(verdict(five, 'a\tb')).toBe(': contains the control character U+0009');
    expect(verdict(notes, 'a\nb\tc')).toBe('accepted');
    expect(verdict(notes, 'a\u0000')).toBe(': contains the control character U+0000');
    expect(verdict(notes, 'a\rb')).toBe(': contains the control character U+000D');
    expect(verdict(five, 'a\ud800')).toBe(': contains a lone surrogate (half of a character), not text');
    expect(verdict(five, '\udc00a')).toBe(': contains a lone surrogate (half of a character), not text');
    expect(verdict(five, 'a🖖')).toBe('accepted');
  });

  it('refuses ids that are not slugs', () => {
    expect(verdict(slug, 'day-1')).toBe('accepted');
    expect(verdict(slug, 'Day 1')).toBe(': not a valid id (a–z, 0–9 and -, at most 64)');
  });

  it('counts only own fields with a value, and refuses arrays and a __proto__ key', () => {
    const point = fields({ x: integer, label: v.optional(text(10)) });
    expect(v.parse(point, { x: 1, label: undefined })).toEqual({ x: 1 });
    expect(Object.keys(v.parse(point, { x: 1, label: undefined }))).toEqual(['x']);
    expect(verdict(point, Object.create({ x: 1 }))).toBe('x: missing');
    expect(verdict(point, Object.assign(Object.create({ extra: 1 }), { x: 1 }))).toBe('accepted');
    expect(verdict(point, [1])).toBe(': not an object');
    expect(verdict(point, JSON.parse('{"x": 1, "__proto__": {"x": 2}}'))).toBe('__proto__: unknown field');
  });

  it('keeps records under ids that valibot’s record() would skip', () => {
    const byId = idRecord(integer, { max: 3 });
    expect(v.parse(byId, { constructor: 1, prototype: 2 })).toEqual({ constructor: 1, prototype: 2 });
    expect(verdict(byId, JSON.parse('{"__proto__": 1}'))).toBe('__proto__: not a valid id (a–z, 0–9 and -, at most 64)');
    expect(verdict(byId, { a: 1, b: 2, c: 3, d: 4 })).toBe(': at most 3 entries');
    expect(verdict(byId, { a: 1, b: 'two' })).toBe('b: not an integer');
  });

  it('measures UTF-8 bytes', () => {
    expect(exceedsUtf8Bytes('€'.repeat(4), 12)).toBe(false);
    expect(exceedsUtf8Bytes('€'.repeat(5), 12)).toBe(true);
    expect(exceedsUtf8Bytes('🖖🖖🖖', 12)).toBe(false);
    expect(exceedsUtf8Bytes('🖖🖖🖖a', 12)).toBe(true);
  });
});
