/**
 * Whether a seller's appeal against a reimbursement demand succeeds; then
 * nothing is recovered. The seller keeps the right to defend its product.
 * @example isAppealUpheld(0.2, { appealUpheldRate: 0.3 }) // true
 */
export function isAppealUpheld(draw: number, sellers: { appealUpheldRate: number }): boolean {
  return draw < sellers.appealUpheldRate;
}
