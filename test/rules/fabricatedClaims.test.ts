import { describe, expect, it } from 'vitest';
import { expectedFabricatedClaims } from '../../src/rules/expectedFabricatedClaims.js';
import { fraudsterOf } from '../../src/rules/fraudsterOf.js';
import { isBuiltUp } from '../../src/rules/isBuiltUp.js';
import { settlementDays } from '../../src/rules/settlementDays.js';

describe('expectedFabricatedClaims', () => {
  it('makes fabricated claims the given share of all claims: f / (g + f) = share', () => {
    for (const share of [0, 0.05, 0.1, 0.2, 0.5]) {
      const f = expectedFabricatedClaims(20000, { share });
      expect(f / (20000 + f)).toBeCloseTo(share, 12);
    }
    expect(expectedFabricatedClaims(900, { share: 0.1 })).toBeCloseTo(100, 12);
  });

  it('grows with the share: more fraud is only ever more fabricated claims', () => {
    let previous = -1;
    for (let share = 0; share < 0.95; share += 0.05) {
      const f = expectedFabricatedClaims(1000, { share });
      expect(f).toBeGreaterThan(previous);
      previous = f;
    }
  });
});

describe('fraudsterOf', () => {
  it('deals claims out a fraudster at a time', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((k) => fraudsterOf(k, { claimsPerFraudster: 3 }))).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect([0, 1, 2, 3].map((k) => fraudsterOf(k, { claimsPerFraudster: 1 }))).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((k) => fraudsterOf(k, { claimsPerFraudster: 1.5 }))).toEqual([0, 0, 1, 2]);
  });
});

describe('isBuiltUp', () => {
  it('is a strict bound on the draw', () => {
    expect(isBuiltUp(0.199999, { buildUpShare: 0.2 })).toBe(true);
    expect(isBuiltUp(0.2, { buildUpShare: 0.2 })).toBe(false);
    expect(isBuiltUp(0.000001, { buildUpShare: 0 })).toBe(false);
  });
});

describe('settlementDays', () => {
  it('is exponential: the mean at u = 1/e, the median at u = 1/2', () => {
    expect(settlementDays(Math.exp(-1), { meanSettlementDays: 10 })).toBeCloseTo(10, 12);
    expect(settlementDays(0.5, { meanSettlementDays: 10 })).toBeCloseTo(10 * Math.LN2, 12);
  });
});
