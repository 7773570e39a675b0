/**
 * isFullyReimbursed: "whether a seller's payment settles what the marketplace
 * advanced on a claim". A payment of the whole advance, or more, settles it;
 * anything less, even by a cent, leaves part of it to recover.
 */
import { describe, expect, it } from 'vitest';
import { isFullyReimbursed } from '../../src/rules/isFullyReimbursed.js';

describe('isFullyReimbursed', () => {
  it('is settled by a payment of exactly the advance', () => {
    expect(isFullyReimbursed(400, 400)).toBe(true);
    expect(isFullyReimbursed(12000, 12000)).toBe(true);
  });

  it('is not settled by a payment a cent short, or by half', () => {
    expect(isFullyReimbursed(399.99, 400)).toBe(false);
    expect(isFullyReimbursed(200, 400)).toBe(false); // a partial payment of 50%
    expect(isFullyReimbursed(0, 400)).toBe(false); // nothing paid
  });

  it('is settled by a payment a cent over', () => {
    expect(isFullyReimbursed(400.01, 400)).toBe(true);
  });

  it('is settled when nothing was advanced', () => {
    expect(isFullyReimbursed(0, 0)).toBe(true);
  });

  it('compares the payment with this advance, not with a fixed amount', () => {
    expect(isFullyReimbursed(1000, 999.99)).toBe(true);
    expect(isFullyReimbursed(1000, 1000.01)).toBe(false);
  });
});
