import { describe, expect, it } from 'vitest';
import { isCoveredByInsurer } from '../../src/rules/isCoveredByInsurer.js';
import { isFullyReimbursed } from '../../src/rules/isFullyReimbursed.js';
import { proofWindowLeft } from '../../src/rules/proofWindowLeft.js';

const insurance = { insurer: 1, channel: 'broker' as const, deductibleUsd: 2500 };

describe('isCoveredByInsurer', () => {
  it('sends a claim to the insurer only when it exceeds the deductible', () => {
    expect(isCoveredByInsurer(12000, insurance)).toBe(true);
    expect(isCoveredByInsurer(2500.01, insurance)).toBe(true);
    expect(isCoveredByInsurer(2500, insurance)).toBe(false);
    expect(isCoveredByInsurer(1800, insurance)).toBe(false);
  });

  it('never for an uninsured seller; always above $0 for a zero deductible', () => {
    expect(isCoveredByInsurer(1e6, null)).toBe(false);
    expect(isCoveredByInsurer(0.01, { ...insurance, deductibleUsd: 0 })).toBe(true);
    expect(isCoveredByInsurer(0, { ...insurance, deductibleUsd: 0 })).toBe(false);
  });
});

describe('isFullyReimbursed', () => {
  it('is a payment of at least what was advanced', () => {
    expect(isFullyReimbursed(400, 400)).toBe(true);
    expect(isFullyReimbursed(400.5, 400)).toBe(true);
    expect(isFullyReimbursed(399.99, 400)).toBe(false);
    expect(isFullyReimbursed(0, 0)).toBe(true);
  });
});

describe('proofWindowLeft', () => {
  it('is what is left of the window counted from notification, never negative', () => {
    expect(proofWindowLeft(7, 0)).toBe(7);
    expect(proofWindowLeft(7, 1.5)).toBe(5.5);
    expect(proofWindowLeft(7, 7)).toBe(0);
    expect(proofWindowLeft(7, 9)).toBe(0);
  });
});
