/**
 * fraudsterOf: claims are dealt out `claimsPerFraudster` at a time, so
 * fraudster j files claims j c .. (j + 1) c - 1 (for a whole c), that many if
 * never blocked; more fraud adds fraudsters without reshuffling the claims of
 * those already there.
 */
import { describe, expect, it } from 'vitest';
import { fraudsterOf } from '../../src/rules/fraudsterOf.js';

describe('fraudsterOf', () => {
  it('deals claims out a fraudster at a time', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => fraudsterOf(k, { claimsPerFraudster: 3 }))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect([0, 1, 2, 3].map((k) => fraudsterOf(k, { claimsPerFraudster: 1 }))).toEqual([0, 1, 2, 3]);
  });

  it("starts the next fraudster exactly at claim c: claim c - 1 is still the first one's", () => {
    expect(fraudsterOf(2, { claimsPerFraudster: 3 })).toBe(0); // just under
    expect(fraudsterOf(3, { claimsPerFraudster: 3 })).toBe(1); // at
    expect(fraudsterOf(4, { claimsPerFraudster: 3 })).toBe(1); // just over
  });

  it('with a fractional rate, gives fraudsters 1.5 claims on average: 300 claims, 200 fraudsters', () => {
    expect([0, 1, 2, 3].map((k) => fraudsterOf(k, { claimsPerFraudster: 1.5 }))).toEqual([0, 0, 1, 2]); // 0, 0.67, 1.33, 2
    const fraudsters = new Set(Array.from({ length: 300 }, (_, k) => fraudsterOf(k, { claimsPerFraudster: 1.5 })));
    expect(fraudsters.size).toBe(200);
    expect(Math.max(...fraudsters)).toBe(199);
  });

  it('gives every fraudster exactly c claims for a whole c', () => {
    const counts = new Map<number, number>();
    for (let k = 0; k < 100; k++) {
      const j = fraudsterOf(k, { claimsPerFraudster: 4 });
      counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    expect(counts.size).toBe(25);
    expect([...counts.values()].every((n) => n === 4)).toBe(true);
  });

  it('keeps the fraudsters of earlier claims when more claims come', () => {
    const of = (n: number): number[] => Array.from({ length: n }, (_, k) => fraudsterOf(k, { claimsPerFraudster: 3 }));
    expect(of(30).slice(0, 10)).toEqual(of(10));
  });
});
