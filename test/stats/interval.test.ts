/**
 * Which intervals tables show: none from fewer than five replications, and a
 * metric's lower bound never below zero (raised to zero and marked).
 */
import { describe, expect, it } from 'vitest';
import { intervalText } from '../../src/format/values.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL, shownInterval, TOO_FEW_FOR_INTERVAL } from '../../src/stats/interval.js';

describe('shownInterval', () => {
  it('is five replications, the convention issue 10 names', () => {
    expect(MIN_REPLICATIONS_FOR_INTERVAL).toBe(5);
    expect([1, 2, 3, 4, 5, 6, 100].map(enoughForInterval)).toEqual([false, false, false, false, true, true, true]);
    expect(TOO_FEW_FOR_INTERVAL).toBe('n/a (fewer than 5 replications)');
  });

  it.each([
    // [ciLow, ciHigh, n, nonNegative, expected]
    [1, 3, 2, true, { kind: 'too-few', n: 2 }],
    [-40, 90, 4, true, { kind: 'too-few', n: 4 }],
    [null, null, 1, true, { kind: 'too-few', n: 1 }],
    [1, 3, 5, true, { kind: 'interval', low: 1, high: 3, clipped: false }],
    [-2, 3, 5, true, { kind: 'interval', low: 0, high: 3, clipped: true }],
    // A difference between scenarios is signed: never clipped.
    [-2, 3, 5, false, { kind: 'interval', low: -2, high: 3, clipped: false }],
    // Zero itself is no clipping.
    [0, 3, 8, true, { kind: 'interval', low: 0, high: 3, clipped: false }],
  ] as const)('ciLow %s, ciHigh %s, n %s, non-negative %s', (ciLow, ciHigh, n, nonNegative, expected) => {
    expect(shownInterval({ ciLow, ciHigh, n }, { nonNegative })).toEqual(expected);
  });
});

describe('intervalText', () => {
  it.each([
    [{ kind: 'too-few', n: 3 } as const, 'USD', 'n/a (fewer than 5 replications)'],
    [{ kind: 'interval', low: 0, high: 12_300, clipped: true } as const, 'USD', '$0 (clipped) .. $12.3k'],
    [{ kind: 'interval', low: 1_500_000, high: 1_620_000, clipped: false } as const, 'USD', '$1.50M .. $1.62M'],
    [{ kind: 'interval', low: 0.801, high: 0.812, clipped: false } as const, 'share', '80.1% .. 81.2%'],
  ])('%j in %s is "%s"', (shown, unit, text) => {
    expect(intervalText(shown, unit)).toBe(text);
  });
});
