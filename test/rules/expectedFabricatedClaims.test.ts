/**
 * expectedFabricatedClaims: fabricated claims beside g expected genuine ones,
 * for fabricated claims to be `share` of all claims filed: f = g share / (1 - share),
 * since f / (g + f) = share. They come on top of the genuine claims.
 */
import { describe, expect, it } from 'vitest';
import { expectedFabricatedClaims } from '../../src/rules/expectedFabricatedClaims.js';

describe('expectedFabricatedClaims', () => {
  it('gives the hand-worked counts: 10% of 1,000, 20% of 1,000, half of 1,000', () => {
    expect(expectedFabricatedClaims(900, { share: 0.1 })).toBeCloseTo(100, 9); // 900 x 0.1 / 0.9
    expect(expectedFabricatedClaims(800, { share: 0.2 })).toBeCloseTo(200, 9); // 800 x 0.2 / 0.8
    expect(expectedFabricatedClaims(500, { share: 0.5 })).toBeCloseTo(500, 9); // as many as genuine ones
    expect(expectedFabricatedClaims(100, { share: 0.75 })).toBeCloseTo(300, 9); // 100 x 0.75 / 0.25
  });

  it('is none without fraud, and none beside no genuine claims', () => {
    expect(expectedFabricatedClaims(900, { share: 0 })).toBe(0);
    expect(expectedFabricatedClaims(0, { share: 0.2 })).toBe(0);
  });

  it('makes fabricated claims the given share of all claims: f / (g + f) = share', () => {
    for (const share of [0, 0.05, 0.1, 0.2, 0.5]) {
      const f = expectedFabricatedClaims(20000, { share });
      expect(f / (20000 + f)).toBeCloseTo(share, 12);
    }
  });

  it('grows with the share: more fraud is only ever more fabricated claims', () => {
    let previous = -1;
    for (let share = 0; share < 0.95; share += 0.05) {
      const f = expectedFabricatedClaims(1000, { share });
      expect(f).toBeGreaterThan(previous);
      previous = f;
    }
  });

  it('scales with the genuine claims: twice the genuine claims, twice the fabricated ones', () => {
    expect(expectedFabricatedClaims(1800, { share: 0.1 })).toBeCloseTo(2 * expectedFabricatedClaims(900, { share: 0.1 }), 9);
  });
});
