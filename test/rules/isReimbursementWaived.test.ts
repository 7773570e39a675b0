import { describe, expect, it } from 'vitest';
import type { InsuranceFacts } from '../../src/domain/types.js';
import { isReimbursementWaived } from '../../src/rules/isReimbursementWaived.js';

const insurance: InsuranceFacts = { insurer: 1, channel: 'broker', deductibleUsd: 0 };
const rules = { maxDeductible: 10000, onlyAcceleratorCounts: false };

describe('isReimbursementWaived', () => {
  it('follows its @example', () => {
    expect(isReimbursementWaived({ insurance, compliant: true }, { waiverForInsured: true }, rules)).toBe(true);
  });

  it('is not waived for a seller who does not follow the policies', () => {
    expect(isReimbursementWaived({ insurance, compliant: false }, { waiverForInsured: true }, rules)).toBe(false);
  });

  it('is not waived when the policy has no waiver', () => {
    expect(isReimbursementWaived({ insurance, compliant: true }, { waiverForInsured: false }, rules)).toBe(false);
  });

  it('is not waived when the insurance does not count', () => {
    expect(isReimbursementWaived({ insurance: { ...insurance, deductibleUsd: 10001 }, compliant: true }, { waiverForInsured: true }, rules)).toBe(false);
    expect(isReimbursementWaived({ insurance, compliant: true }, { waiverForInsured: true }, { ...rules, onlyAcceleratorCounts: true })).toBe(false);
    expect(isReimbursementWaived({ insurance: { ...insurance, channel: 'accelerator' }, compliant: true }, { waiverForInsured: true }, { ...rules, onlyAcceleratorCounts: true })).toBe(true);
  });

  it('is waived with a deductible at exactly the cap', () => {
    expect(isReimbursementWaived({ insurance: { ...insurance, deductibleUsd: 10000 }, compliant: true }, { waiverForInsured: true }, rules)).toBe(true);
  });
});
