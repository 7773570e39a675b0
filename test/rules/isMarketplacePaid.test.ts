import { describe, expect, it } from 'vitest';
import { isMarketplacePaid } from '../../src/rules/isMarketplacePaid.js';

const policy = { threshold: 1000, directPaymentUnderThreshold: true };

describe('isMarketplacePaid', () => {
  it('follows its @examples', () => {
    expect(isMarketplacePaid(999.99, policy)).toBe(true);
    expect(isMarketplacePaid(1000, policy)).toBe(false); // "under" is strict
  });

  it('pays small claims and not large ones', () => {
    expect(isMarketplacePaid(0, policy)).toBe(true);
    expect(isMarketplacePaid(1, policy)).toBe(true);
    expect(isMarketplacePaid(1000.01, policy)).toBe(false);
    expect(isMarketplacePaid(1e6, policy)).toBe(false);
  });

  it('pays nothing directly when the policy does not', () => {
    expect(isMarketplacePaid(1, { ...policy, directPaymentUnderThreshold: false })).toBe(false);
    expect(isMarketplacePaid(999.99, { ...policy, directPaymentUnderThreshold: false })).toBe(false);
  });

  it('with a threshold of 0 pays nothing directly', () => {
    expect(isMarketplacePaid(0, { ...policy, threshold: 0 })).toBe(false);
  });
});
