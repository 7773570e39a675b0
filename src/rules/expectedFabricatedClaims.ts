/**
 * Expected fabricated claims beside an expected number of genuine ones, for
 * fabricated claims to be `share` of all claims filed: g x share / (1 - share).
 * They come on top: raising the share adds fabricated claims and leaves every
 * genuine claim as it was.
 * @example expectedFabricatedClaims(900, { share: 0.1 }) // 100: 100 of 1,000 claims
 * @example expectedFabricatedClaims(900, { share: 0 }) // 0
 */
export function expectedFabricatedClaims(expectedGenuine: number, fraud: { share: number }): number {
  return (expectedGenuine * fraud.share) / (1 - fraud.share);
}
