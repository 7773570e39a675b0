import { describe, expect, it } from 'vitest';
import { insurerDecision } from '../../src/rules/insurerDecision.js';

const insurers = { litigatedShare: 0.05, denialRate: 0.1, meanDecisionDays: 21, litigationDays: 365 };

describe('insurerDecision', () => {
  it('follows its @example: litigation, paid 365 days after the decision', () => {
    const d = insurerDecision(0.02, 0.5, 0.5, insurers);
    expect(d.decision).toBe('litigate');
    expect(d.afterDays).toBeCloseTo(21 * Math.LN2, 12);
    expect(d).toMatchObject({ paysAfterDays: expect.closeTo(21 * Math.LN2 + 365, 9) });
  });

  it('pays when not litigated and not denied', () => {
    const d = insurerDecision(0.5, 0.5, Math.exp(-1), insurers);
    expect(d).toEqual({ decision: 'pay', afterDays: expect.closeTo(21, 12) });
  });

  it('denies with the denial rate (strict)', () => {
    expect(insurerDecision(0.5, 0.05, 0.5, insurers).decision).toBe('deny');
    expect(insurerDecision(0.5, 0.1, 0.5, insurers).decision).toBe('pay');
    expect(insurerDecision(0.5, 0.0999, 0.5, insurers).decision).toBe('deny');
  });

  it('litigation comes first, whatever the decision draw, and the share is strict', () => {
    expect(insurerDecision(0.01, 0.01, 0.5, insurers).decision).toBe('litigate');
    expect(insurerDecision(0.05, 0.5, 0.5, insurers).decision).toBe('pay');
    expect(insurerDecision(0.05, 0.01, 0.5, insurers).decision).toBe('deny');
  });

  it('never litigates with a share of 0; always with a share of 1', () => {
    for (const u of [1e-12, 0.5, 1 - 1e-12]) {
      expect(insurerDecision(u, 0.5, 0.5, { ...insurers, litigatedShare: 0 }).decision).not.toBe('litigate');
      expect(insurerDecision(u, 0.5, 0.5, { ...insurers, litigatedShare: 1 }).decision).toBe('litigate');
    }
  });

  it('delays are exponential by inversion: -mean ln u', () => {
    expect(insurerDecision(0.5, 0.5, Math.exp(-2), insurers).afterDays).toBeCloseTo(42, 12);
    expect(insurerDecision(0.5, 0.5, 1 - 1e-12, insurers).afterDays).toBeGreaterThan(0);
    expect(insurerDecision(0.5, 0.5, 1 - 1e-12, insurers).afterDays).toBeLessThan(1e-9);
  });
});
