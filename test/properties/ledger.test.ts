/**
 * The ledger's promises, on random valid scenarios (issue "Trust"): money is
 * conserved, recoveries never exceed advances, and no claim is lost.
 *
 * Cases per property (numRuns, fixed seed SEED): money conserved 40,
 * recoveries within advances 40, every claim accounted for 40.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_OUTCOMES } from '../../src/machines/claim.js';
import { byClaim, caseArb, closedCount, paramsOf, runCase, SEED } from './scenarioArbitrary.js';

/** Dollar sums may differ by rounding: a cent per 1,000 claims, and never less than a cent. */
const tolerance = (claims: number) => 0.01 * Math.max(1, claims / 1000);

describe('money', () => {
  it('is conserved: what customers are paid is counted alike by payer and by claim (40 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const claims = paramsOf(c).volume.claims;
        const out = await runCase(c);
        for (const { aggregates: a, metrics: m } of out.replications) {
          const eps = tolerance(claims);
          // By payer, as the money moved; by claim, when the claim closed or the run ended with it open.
          expect(Math.abs(byClaim(a, 'marketplaceUsd') - a.money.paidByMarketplaceUsd)).toBeLessThanOrEqual(eps);
          expect(Math.abs(byClaim(a, 'sellerUsd') - a.money.paidBySellersUsd)).toBeLessThanOrEqual(eps);
          expect(Math.abs(byClaim(a, 'insurerUsd') - a.money.paidByInsurersUsd)).toBeLessThanOrEqual(eps);
          expect(Math.abs(byClaim(a, 'recoveredUsd') - a.money.recoveredUsd)).toBeLessThanOrEqual(eps);
          // Paid to customers = marketplace + sellers + insurers, the right side counted per claim.
          const paidPerClaim = byClaim(a, 'marketplaceUsd') + byClaim(a, 'sellerUsd') + byClaim(a, 'insurerUsd');
          expect(Math.abs(m['customers.paidTotal'] - paidPerClaim)).toBeLessThanOrEqual(eps);
          // The monthly series are a third count of the marketplace's payments and recoveries.
          const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
          expect(Math.abs(sum(a.monthly.concessionsUsd) - a.money.paidByMarketplaceUsd)).toBeLessThanOrEqual(eps);
          expect(Math.abs(sum(a.monthly.recoveriesUsd) - a.money.recoveredUsd)).toBeLessThanOrEqual(eps);
          // Net cost = concessions + review cost - recovered, with recovered counted per claim.
          const netPerClaim = byClaim(a, 'marketplaceUsd') + a.money.reviewCostUsd - byClaim(a, 'recoveredUsd');
          expect(Math.abs(m['marketplace.netCost'] - netPerClaim)).toBeLessThanOrEqual(eps);
          expect(m['marketplace.netCost']).toBe(m['marketplace.concessionsPaid'] + m['marketplace.reviewCost'] - m['marketplace.recovered']);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('recovered never exceeds what the marketplace advanced, on any path or open claim (40 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        // The world throws a LedgerError when one claim's recoveries exceed its advance, so a run
        // that completes is already evidence; the aggregates must agree path by path.
        const out = await runCase(c);
        for (const { aggregates: a } of out.replications) {
          for (const path of [...CLAIM_OUTCOMES.map((o) => a.outcomes[o]), a.openMoney]) {
            expect(path.recoveredUsd).toBeGreaterThanOrEqual(0);
            expect(path.recoveredUsd).toBeLessThanOrEqual(path.marketplaceUsd + 0.01);
          }
          expect(a.money.recoveredUsd).toBeLessThanOrEqual(a.money.paidByMarketplaceUsd + 0.01);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});

describe('claims', () => {
  it('every incident\u2019s claim is closed, open at the end, or not yet filed (40 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const out = await runCase(c);
        for (const { aggregates: a } of out.replications) {
          const closed = closedCount(a);
          expect(closed + a.claims.open + a.claims.unfiledAtEnd).toBe(a.claims.incidents);
          expect(a.claims.filed).toBe(closed + a.claims.open);
          expect(Object.values(a.openByState).reduce((s, n) => s + n, 0)).toBe(a.claims.open);
          expect(a.openMoney.count).toBe(a.claims.open);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
