import { describe, expect, it } from 'vitest';
import { claimedAmount } from '../../src/rules/claimedAmount.js';

const policy = { threshold: 1000, maxClaim: 1e6 };
const fraud = { buildUpInflation: 0.3, bunchingShare: 0.5, bunchingBand: 0.2 };

describe('claimedAmount', () => {
  it('follows its @examples', () => {
    expect(claimedAmount('buildUp', 500, 0.5, 0.5, policy, fraud)).toBeCloseTo(650, 9); // 500 * 1.3
    expect(claimedAmount('fabricated', 5000, 0.1, 0.5, policy, fraud)).toBeCloseTo(900, 9); // 1000 * (1 - 0.2 * 0.5)
  });

  it('leaves a genuine claim at its cost, whatever the draws', () => {
    expect(claimedAmount('none', 5000, 0.01, 0.5, policy, fraud)).toBe(5000);
    expect(claimedAmount('none', 123.45, 0.99, 0.01, policy, fraud)).toBe(123.45);
  });

  it('caps a built-up claim at maxClaim', () => {
    expect(claimedAmount('buildUp', 900_000, 0.5, 0.5, policy, fraud)).toBe(1e6); // 1.17M capped
    expect(claimedAmount('buildUp', 1e6 / 1.3, 0.5, 0.5, policy, fraud)).toBeCloseTo(1e6, 6);
  });

  it('bunches only when the draw is under the bunching share (strict)', () => {
    expect(claimedAmount('fabricated', 5000, 0.5, 0.5, policy, fraud)).toBe(5000); // 0.5 is not < 0.5
    expect(claimedAmount('fabricated', 5000, 0.49, 0.5, policy, fraud)).toBeCloseTo(900, 9);
  });

  it('bunches a fabricated claim at exactly the threshold (it would not be paid directly)', () => {
    expect(claimedAmount('fabricated', 1000, 0.1, 0.25, policy, fraud)).toBeCloseTo(950, 9); // 1000 * (1 - 0.2 * 0.25)
  });

  it('leaves a fabricated claim already under the threshold alone', () => {
    expect(claimedAmount('fabricated', 999.99, 0.1, 0.5, policy, fraud)).toBe(999.99);
    expect(claimedAmount('fabricated', 50, 0.0001, 0.5, policy, fraud)).toBe(50);
  });

  it('puts bunched claims within the band just under the threshold', () => {
    // position u in (0, 1) maps linearly onto (800, 1000)
    expect(claimedAmount('fabricated', 5000, 0.1, 1e-9, policy, fraud)).toBeLessThan(1000);
    expect(claimedAmount('fabricated', 5000, 0.1, 1e-9, policy, fraud)).toBeGreaterThan(999.99);
    expect(claimedAmount('fabricated', 5000, 0.1, 1 - 1e-9, policy, fraud)).toBeCloseTo(800, 5);
    expect(claimedAmount('fabricated', 5000, 0.1, 0.75, { threshold: 2000, maxClaim: 1e6 }, { ...fraud, bunchingBand: 0.4 })).toBeCloseTo(1400, 9);
  });

  it('never bunches with a bunching share of 0', () => {
    expect(claimedAmount('fabricated', 5000, 1e-12, 0.5, policy, { ...fraud, bunchingShare: 0 })).toBe(5000);
  });

  it('adds nothing with zero inflation', () => {
    expect(claimedAmount('buildUp', 777, 0.5, 0.5, policy, { ...fraud, buildUpInflation: 0 })).toBe(777);
  });
});
