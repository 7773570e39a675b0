/**
 * settlementDays: a seller paying a claim itself takes an exponential delay
 * with mean `meanSettlementDays`, drawn by inversion, -mean ln u.
 */
import { describe, expect, it } from 'vitest';
import { settlementDays } from '../../src/rules/settlementDays.js';

const sellers = { meanSettlementDays: 10 };

describe('settlementDays', () => {
  it('is exponential: the mean at u = 1/e, the median (mean ln 2) at u = 1/2', () => {
    expect(settlementDays(Math.exp(-1), sellers)).toBeCloseTo(10, 12);
    expect(settlementDays(0.5, sellers)).toBeCloseTo(10 * Math.LN2, 12); // 6.93 days
    expect(settlementDays(Math.exp(-2), sellers)).toBeCloseTo(20, 12);
  });

  it('is no wait at u = 1, and longer the smaller the draw', () => {
    expect(settlementDays(1, sellers)).toBeCloseTo(0, 12); // -10 ln 1
    expect(settlementDays(0.9, sellers)).toBeLessThan(settlementDays(0.5, sellers));
    expect(settlementDays(0.5, sellers)).toBeLessThan(settlementDays(0.1, sellers));
  });

  it('averages the mean over evenly spread draws', () => {
    const n = 100000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += settlementDays((i + 0.5) / n, sellers);
    expect(sum / n).toBeCloseTo(10, 3);
  });

  it('scales with the mean', () => {
    expect(settlementDays(0.5, { meanSettlementDays: 30 })).toBeCloseTo(3 * settlementDays(0.5, sellers), 12);
    expect(settlementDays(0.5, { meanSettlementDays: 0 })).toBeCloseTo(0, 12);
  });
});
