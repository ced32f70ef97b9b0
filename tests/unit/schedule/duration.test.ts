import { describe, expect, it } from 'vitest';
import { countdownTick, formatDuration } from '../../../lib/schedule/duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('formatDuration', () => {
  it.each([
    [4 * H + 12 * M + 59 * S, '4 h 12 min'],
    [2 * 24 * H + 3 * H + 5 * M, '2 d 3 h'],
    [24 * H, '1 d'],
    [H, '1 h'],
    [59 * M + 59 * S, '59 min'],
    [M, '1 min'],
    [M - 1, '60 s'],
    [41_200, '42 s'],
    [1, '1 s'],
    [0, '0 s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('countdownTick', () => {
  it('waits to the next whole minute of remaining time', () => {
    expect(countdownTick(10 * M + 20 * S, 0)).toBe(20 * S);
    expect(countdownTick(10 * M, 0)).toBe(M);
  });
  it('ticks each second in the last minute', () => {
    expect(countdownTick(30 * S + 250, 0)).toBe(250);
    expect(countdownTick(30 * S, 0)).toBe(S);
  });
  it('stops once the target has passed', () => {
    expect(countdownTick(0, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
