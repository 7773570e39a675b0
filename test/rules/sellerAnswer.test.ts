import { describe, expect, it } from 'vitest';
import { sellerAnswer } from '../../src/rules/sellerAnswer.js';

const sellers = { responses: { accept: 0.6, reject: 0.25, silent: 0.15 }, meanResponseDays: 1 };
// accept [0, 0.6), reject [0.6, 0.85), silent [0.85, 1)

describe('sellerAnswer', () => {
  it('follows its @example: accept after ln 2 days', () => {
    const a = sellerAnswer(0.5, 0.5, sellers);
    expect(a).toEqual({ answer: 'accept', afterDays: expect.closeTo(Math.LN2, 12) });
  });

  it('rejects in the middle band', () => {
    expect(sellerAnswer(0.7, Math.exp(-1), { ...sellers, meanResponseDays: 0.5 })).toEqual({ answer: 'reject', afterDays: expect.closeTo(0.5, 12) });
  });

  it('stays silent at the top, with no delay', () => {
    const a = sellerAnswer(0.9, 0.5, sellers);
    expect(a).toEqual({ answer: 'silent' });
    expect(a).not.toHaveProperty('afterDays');
  });

  it('puts each boundary in the upper category', () => {
    expect(sellerAnswer(0.5999, 0.5, sellers).answer).toBe('accept');
    expect(sellerAnswer(0.6, 0.5, sellers).answer).toBe('reject');
    expect(sellerAnswer(0.875, 0.5, { ...sellers, responses: { accept: 0.5, reject: 0.375, silent: 0.125 } }).answer).toBe('silent');
    expect(sellerAnswer(0.874, 0.5, { ...sellers, responses: { accept: 0.5, reject: 0.375, silent: 0.125 } }).answer).toBe('reject');
    expect(sellerAnswer(1 - 1e-12, 0.5, sellers).answer).toBe('silent');
  });

  it('with all the share on one answer always gives it', () => {
    for (const u of [1e-12, 0.3, 0.6, 0.85, 1 - 1e-12]) {
      expect(sellerAnswer(u, 0.5, { ...sellers, responses: { accept: 1, reject: 0, silent: 0 } }).answer).toBe('accept');
      expect(sellerAnswer(u, 0.5, { ...sellers, responses: { accept: 0, reject: 1, silent: 0 } }).answer).toBe('reject');
      expect(sellerAnswer(u, 0.5, { ...sellers, responses: { accept: 0, reject: 0, silent: 1 } }).answer).toBe('silent');
    }
  });
});
