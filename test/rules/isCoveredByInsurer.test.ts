/**
 * isCoveredByInsurer: "the seller is insured and the claim exceeds its
 * deductible, so the insurer owes something". Exceeds is strict: a claim of
 * exactly the deductible is the seller's alone.
 */
import { describe, expect, it } from 'vitest';
import type { InsuranceFacts } from '../../src/domain/types.js';
import { isCoveredByInsurer } from '../../src/rules/isCoveredByInsurer.js';

const insurance: InsuranceFacts = { insurer: 1, channel: 'broker', deductibleUsd: 2500 };

describe('isCoveredByInsurer', () => {
  it('sends a claim over the deductible to the insurer, and none at or under it', () => {
    expect(isCoveredByInsurer(12000, insurance)).toBe(true); // the insurer owes $9,500
    expect(isCoveredByInsurer(2500.01, insurance)).toBe(true); // just over: the insurer owes a cent
    expect(isCoveredByInsurer(2500, insurance)).toBe(false); // at: the seller pays it all
    expect(isCoveredByInsurer(2499.99, insurance)).toBe(false); // just under
    expect(isCoveredByInsurer(1800, insurance)).toBe(false);
    expect(isCoveredByInsurer(0, insurance)).toBe(false);
  });

  it('never covers an uninsured seller, however large the claim', () => {
    for (const amount of [0, 0.01, 2500, 1e6]) expect(isCoveredByInsurer(amount, null)).toBe(false);
  });

  it('covers any positive claim under a zero deductible, and not a claim of $0', () => {
    const noDeductible = { ...insurance, deductibleUsd: 0 };
    expect(isCoveredByInsurer(0.01, noDeductible)).toBe(true);
    expect(isCoveredByInsurer(0, noDeductible)).toBe(false);
  });

  it('moves with the deductible: $5,000 is covered under a $2,500 deductible, not under $5,000 or $10,000', () => {
    expect(isCoveredByInsurer(5000, { ...insurance, deductibleUsd: 2500 })).toBe(true);
    expect(isCoveredByInsurer(5000, { ...insurance, deductibleUsd: 5000 })).toBe(false);
    expect(isCoveredByInsurer(5000, { ...insurance, deductibleUsd: 10000 })).toBe(false);
    expect(isCoveredByInsurer(10000.5, { ...insurance, deductibleUsd: 10000 })).toBe(true);
  });

  it('does not depend on where the insurance was bought or from whom', () => {
    for (const channel of ['broker', 'accelerator'] as const) {
      for (const insurer of [0, 1, 7]) {
        expect(isCoveredByInsurer(3000, { insurer, channel, deductibleUsd: 2500 })).toBe(true);
        expect(isCoveredByInsurer(2000, { insurer, channel, deductibleUsd: 2500 })).toBe(false);
      }
    }
  });

  it('is exactly "amount > deductible" over a grid of amounts and deductibles', () => {
    for (let deductible = 0; deductible <= 10000; deductible += 1250) {
      for (let amount = 0; amount <= 12000; amount += 250) {
        expect(isCoveredByInsurer(amount, { ...insurance, deductibleUsd: deductible })).toBe(amount > deductible);
      }
    }
  });
});
