/**
 * Whether a genuine claim's amount is inflated (build-up, 20% of paid
 * bodily-injury claims, dig-in.com). Fabricated claims are not drawn here:
 * they come from fraudsters, on top of the genuine ones.
 * @example isBuiltUp(0.1, { buildUpShare: 0.2 }) // true
 * @example isBuiltUp(0.2, { buildUpShare: 0.2 }) // false: the share is a strict bound
 */
export function isBuiltUp(draw: number, fraud: { buildUpShare: number }): boolean {
  return draw < fraud.buildUpShare;
}
