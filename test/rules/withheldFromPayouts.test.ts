import { describe, expect, it } from 'vitest';
import { withheldFromPayouts } from '../../src/rules/withheldFromPayouts.js';

// $3,650 a month with half paid out is $60 a day: 3650 x 12 x 0.5 / 365.
const sellers = { payoutsContinueShare: 0.8, payoutShare: 0.5 };
const period = { withholdingDays: 90 };

describe('withheldFromPayouts', () => {
  it('recovers a demand the payouts can cover, as fast as they come in', () => {
    const r = withheldFromPayouts(1200, 3650, 0, 0.5, sellers, period);
    expect(r.amountUsd).toBe(1200);
    expect(r.afterDays).toBeCloseTo(20, 12);
  });

  it('recovers no more than 90 days of payouts, however large the demand', () => {
    const r = withheldFromPayouts(1e6, 3650, 0, 0.5, sellers, period);
    expect(r.amountUsd).toBeCloseTo(5400, 9);
    expect(r.afterDays).toBeCloseTo(90, 9);
  });

  it('counts what was already withheld for other claims', () => {
    expect(withheldFromPayouts(1200, 3650, 5000, 0.5, sellers, period).amountUsd).toBeCloseTo(400, 9);
    expect(withheldFromPayouts(1200, 3650, 6000, 0.5, sellers, period).amountUsd).toBe(0);
  });

  it('yields nothing from a seller with no payouts coming (0.8 is a strict bound) or no sales', () => {
    expect(withheldFromPayouts(1200, 3650, 0, 0.8, sellers, period)).toEqual({ amountUsd: 0, afterDays: 0 });
    expect(withheldFromPayouts(1200, 3650, 0, 0.79, sellers, period).amountUsd).toBe(1200);
    expect(withheldFromPayouts(1200, 0, 0, 0.5, sellers, period)).toEqual({ amountUsd: 0, afterDays: 0 });
  });
});
