import { describe, expect, it } from 'vitest';
import { demandAnswer } from '../../src/rules/demandAnswer.js';

const sellers = { reimbursement: { pays: 0.65, partial: 0.1, appeals: 0.1, defaults: 0.15 }, partialFraction: 0.5, meanPaymentDays: 14 };
// Cumulative shares: pays [0, 0.65), partial [0.65, 0.75), appeals [0.75, 0.85), defaults [0.85, 1).

describe('demandAnswer', () => {
  it('follows its @example: 0.7 falls in partial, half of $1000 after 14 ln 2 days', () => {
    const a = demandAnswer(0.7, 0.5, 1000, 30, sellers);
    expect(a).toEqual({ answer: 'partial', amountUsd: 500, afterDays: expect.closeTo(14 * Math.LN2, 12) });
  });

  it('pays the full demand for draws under 0.65', () => {
    const a = demandAnswer(0.1, Math.exp(-1), 1234, 30, sellers);
    expect(a.answer).toBe('pays');
    expect(a).toMatchObject({ amountUsd: 1234 });
    expect(a.afterDays).toBeCloseTo(14, 12); // -14 ln(e^-1)
  });

  it('appeals within the appeal window, in proportion to the delay draw', () => {
    const a = demandAnswer(0.8, 0.25, 1000, 30, sellers);
    expect(a).toEqual({ answer: 'appeals', afterDays: 7.5 });
    expect(a).not.toHaveProperty('amountUsd');
    for (const u of [1e-9, 0.5, 1 - 1e-9]) {
      const d = demandAnswer(0.8, u, 1000, 30, sellers).afterDays;
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThan(30);
    }
  });

  it('defaults for draws at or over 0.85, after an exponential delay', () => {
    const a = demandAnswer(0.9, 0.5, 1000, 30, sellers);
    expect(a.answer).toBe('defaults');
    expect(a).not.toHaveProperty('amountUsd');
    expect(a.afterDays).toBeCloseTo(14 * Math.LN2, 12);
  });

  it('puts each boundary in the upper category', () => {
    expect(demandAnswer(0.64999, 0.5, 1000, 30, sellers).answer).toBe('pays');
    expect(demandAnswer(0.65, 0.5, 1000, 30, sellers).answer).toBe('partial');
    expect(demandAnswer(0.75, 0.5, 1000, 30, sellers).answer).toBe('appeals');
    expect(demandAnswer(0.85, 0.5, 1000, 30, sellers).answer).toBe('defaults');
    expect(demandAnswer(1 - 1e-12, 0.5, 1000, 30, sellers).answer).toBe('defaults');
  });

  it('with all the share on one answer always gives that answer', () => {
    const only = (k: 'pays' | 'partial' | 'appeals' | 'defaults') => ({ ...sellers, reimbursement: { pays: 0, partial: 0, appeals: 0, defaults: 0, [k]: 1 } });
    for (const u of [1e-12, 0.3, 0.65, 0.999999]) {
      expect(demandAnswer(u, 0.5, 100, 30, only('pays')).answer).toBe('pays');
      expect(demandAnswer(u, 0.5, 100, 30, only('partial')).answer).toBe('partial');
      expect(demandAnswer(u, 0.5, 100, 30, only('appeals')).answer).toBe('appeals');
      expect(demandAnswer(u, 0.5, 100, 30, only('defaults')).answer).toBe('defaults');
    }
  });

  it('pays partFraction of the demand when paying partly', () => {
    expect(demandAnswer(0.7, 0.5, 800, 30, { ...sellers, partialFraction: 0.25 })).toMatchObject({ answer: 'partial', amountUsd: 200 });
  });
});
