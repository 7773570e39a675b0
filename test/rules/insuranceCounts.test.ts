import { describe, expect, it } from 'vitest';
import type { InsuranceFacts } from '../../src/domain/types.js';
import { insuranceCounts } from '../../src/rules/insuranceCounts.js';

const broker: InsuranceFacts = { insurer: 0, channel: 'broker', deductibleUsd: 2500 };
const accelerator: InsuranceFacts = { insurer: 1, channel: 'accelerator', deductibleUsd: 2500 };

describe('insuranceCounts', () => {
  it('follows its @example: broker insurance does not count when only the Accelerator does', () => {
    expect(insuranceCounts(broker, { maxDeductible: 10000, onlyAcceleratorCounts: true })).toBe(false);
  });

  it('counts any channel when the Accelerator is not required', () => {
    expect(insuranceCounts(broker, { maxDeductible: 10000, onlyAcceleratorCounts: false })).toBe(true);
    expect(insuranceCounts(accelerator, { maxDeductible: 10000, onlyAcceleratorCounts: false })).toBe(true);
    expect(insuranceCounts(accelerator, { maxDeductible: 10000, onlyAcceleratorCounts: true })).toBe(true);
  });

  it('an uninsured seller has nothing that counts', () => {
    expect(insuranceCounts(null, { maxDeductible: 10000, onlyAcceleratorCounts: false })).toBe(false);
  });

  it('allows a deductible of exactly the cap ("at most") but not a cent more', () => {
    const rules = { maxDeductible: 10000, onlyAcceleratorCounts: false };
    expect(insuranceCounts({ ...broker, deductibleUsd: 10000 }, rules)).toBe(true);
    expect(insuranceCounts({ ...broker, deductibleUsd: 10000.01 }, rules)).toBe(false);
    expect(insuranceCounts({ ...accelerator, deductibleUsd: 10000.01 }, { ...rules, onlyAcceleratorCounts: true })).toBe(false);
  });

  it('with a cap of 0 only a zero deductible counts', () => {
    const rules = { maxDeductible: 0, onlyAcceleratorCounts: false };
    expect(insuranceCounts({ ...broker, deductibleUsd: 0 }, rules)).toBe(true);
    expect(insuranceCounts({ ...broker, deductibleUsd: 1 }, rules)).toBe(false);
  });
});
