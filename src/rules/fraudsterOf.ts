/**
 * The fraudster behind the `k`-th fabricated claim of a team: claims are dealt
 * out `claimsPerFraudster` at a time, so a fraudster files that many if never
 * blocked, and more fraud adds fraudsters without reshuffling the claims of
 * those already there.
 * @example fraudsterOf(7, { claimsPerFraudster: 3 }) // 2: claims 6, 7 and 8 are the third fraudster's
 * @example fraudsterOf(3, { claimsPerFraudster: 1.5 }) // 2
 */
export function fraudsterOf(k: number, fraud: { claimsPerFraudster: number }): number {
  return Math.floor(k / fraud.claimsPerFraudster);
}
