/**
 * The collector's money by month and payer, and what open claims still have at
 * stake, on a hand-worked handful of payments: every figure below is worked
 * out from the days and amounts given (months are 365/12 = 30.42 days).
 */
import { describe, expect, it } from 'vitest';
import { emptyAggregates, mergeAggregates } from '../../src/collect/aggregates.js';
import { atStakeUsd, Collector, type ClaimMoney } from '../../src/collect/collector.js';
import { facts } from '../support/claims.js';

const MONTHS = 4;
const collector = () => new Collector({ replication: 0, team: 0 }, 1000, 0, MONTHS, 122);
const money = (m: Partial<ClaimMoney>): ClaimMoney => ({ marketplaceUsd: 0, sellerUsd: 0, insurerUsd: 0, recoveredUsd: 0, paidAt: null, payableUsd: 0, ...m });

describe('money paid out, by month and payer', () => {
  // Claim A filed on day 15 (month 1): the marketplace pays $400 on day 20 (month 1) and $100 on day 40 (month 2),
  // and recovers $300 from the seller on day 70 (month 3). Claim B filed on day 50 (month 2): its seller pays $250
  // directly on day 55 (month 2) and its insurer $900 on day 95 (month 4, days 91.25 to 121.67).
  const a = facts({ id: 1, filedDay: 15, claimedUsd: 600 });
  const b = facts({ id: 2, filedDay: 50, claimedUsd: 1500 });
  const c = collector();
  c.paid(a, 'marketplace', 400, 20);
  c.paid(a, 'marketplace', 100, 40);
  c.recovered('paid', 300, 70, 30);
  c.paid(b, 'seller', 250, 55);
  c.paid(b, 'insurer', 900, 95);
  const t = c.totals;

  it('counts each payment in the month the money moved, under the payer that paid it', () => {
    expect(t.monthly.concessionsUsd).toEqual([400, 100, 0, 0]);
    expect(t.monthly.sellerPaidUsd).toEqual([0, 250, 0, 0]);
    expect(t.monthly.insurerPaidUsd).toEqual([0, 0, 0, 900]);
    // Recoveries move from the seller to the marketplace: their own series, not a payment to a customer.
    expect(t.monthly.recoveriesUsd).toEqual([0, 0, 300, 0]);
  });

  it('adds up, payer by payer, to the money totals', () => {
    const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
    expect(sum(t.monthly.concessionsUsd)).toBe(t.money.paidByMarketplaceUsd);
    expect(sum(t.monthly.sellerPaidUsd)).toBe(t.money.paidBySellersUsd);
    expect(sum(t.monthly.insurerPaidUsd)).toBe(t.money.paidByInsurersUsd);
    expect([t.money.paidByMarketplaceUsd, t.money.paidBySellersUsd, t.money.paidByInsurersUsd]).toEqual([500, 250, 900]);
  });

  it('keeps the development triangle to the marketplace’s payments, by month filed', () => {
    expect(t.development[0]).toEqual([400, 100, 0, 0]);
    expect(t.development[1]).toEqual([0, 0, 0, 0]);
  });

  it('adds two teams’ series month by month when merged', () => {
    const other = collector();
    other.paid(b, 'seller', 50, 100);
    const merged = mergeAggregates([t, other.totals]);
    expect(merged.monthly.sellerPaidUsd).toEqual([0, 250, 0, 50]);
    expect(merged.monthly.insurerPaidUsd).toEqual([0, 0, 0, 900]);
  });
});

describe('open claims at the horizon', () => {
  it('keep, per state, their claimed amounts less everything paid to their customers', () => {
    const c = collector();
    // $600 claimed, $500 paid by the marketplace ($300 of it recovered, which does not change what the customer got): $100 at stake.
    c.open(facts({ id: 1, claimedUsd: 600 }), 'awaitingReimbursement', money({ marketplaceUsd: 500, recoveredUsd: 300, payableUsd: 600 }));
    // $1,500 claimed, $250 paid by the seller and nothing yet by the insurer: $1,250 at stake.
    c.open(facts({ id: 2, claimedUsd: 1500 }), 'inLitigation', money({ sellerUsd: 250, payableUsd: 1500 }));
    // $800 claimed and nothing paid: all of it at stake, in the same state as the last.
    c.open(facts({ id: 3, claimedUsd: 800 }), 'inLitigation', money({ payableUsd: 800 }));
    expect(c.totals.openByState).toEqual({ awaitingReimbursement: 1, inLitigation: 2 });
    expect(c.totals.openAtStakeByState).toEqual({ awaitingReimbursement: 100, inLitigation: 2050 });
  });

  it('merge state by state, creating the states a team lacks', () => {
    const x = emptyAggregates(MONTHS, 122);
    x.openAtStakeByState = { inLitigation: 2050 };
    const y = emptyAggregates(MONTHS, 122);
    y.openAtStakeByState = { inLitigation: 50, awaitingProof: 300 };
    expect(mergeAggregates([x, y]).openAtStakeByState).toEqual({ inLitigation: 2100, awaitingProof: 300 });
  });

  it('count a claim paid in full as nothing at stake', () => {
    expect(atStakeUsd({ claimedUsd: 400 }, { marketplaceUsd: 150, sellerUsd: 50, insurerUsd: 200 })).toBe(0);
  });
});
