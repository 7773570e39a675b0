import { describe, expect, it } from 'vitest';
import { splitAtDeductible } from '../../src/rules/splitAtDeductible.js';

describe('splitAtDeductible', () => {
  it('follows its @examples', () => {
    expect(splitAtDeductible(12000, 2500)).toEqual({ sellerUsd: 2500, insurerUsd: 9500 });
    expect(splitAtDeductible(1800, 2500)).toEqual({ sellerUsd: 1800, insurerUsd: 0 });
  });

  it('at exactly the deductible the seller pays it all', () => {
    expect(splitAtDeductible(2500, 2500)).toEqual({ sellerUsd: 2500, insurerUsd: 0 });
  });

  it('with no deductible the insurer pays it all', () => {
    expect(splitAtDeductible(12000, 0)).toEqual({ sellerUsd: 0, insurerUsd: 12000 });
  });

  it('a zero claim costs nobody anything', () => {
    expect(splitAtDeductible(0, 2500)).toEqual({ sellerUsd: 0, insurerUsd: 0 });
  });

  it('every dollar has exactly one payer', () => {
    for (const [amount, deductible] of [
      [0.01, 2500],
      [2500.01, 2500],
      [1e6, 10000],
      [333.33, 100],
    ] as const) {
      const { sellerUsd, insurerUsd } = splitAtDeductible(amount, deductible);
      expect(sellerUsd + insurerUsd).toBeCloseTo(amount, 9);
      expect(sellerUsd).toBeGreaterThanOrEqual(0);
      expect(insurerUsd).toBeGreaterThanOrEqual(0);
      expect(sellerUsd).toBeLessThanOrEqual(deductible);
    }
  });
});
