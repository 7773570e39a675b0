import { exponential } from '../random/distributions.js';

/**
 * How long a seller that accepted a claim it pays itself takes to pay the
 * customer: an exponential delay. The marketplace's own payments avoid this
 * wait, which is what the announcement means by direct payment saving time.
 * @example settlementDays(Math.exp(-1), { meanSettlementDays: 10 }) // 10
 */
export function settlementDays(draw: number, sellers: { meanSettlementDays: number }): number {
  return exponential(draw, sellers.meanSettlementDays);
}
