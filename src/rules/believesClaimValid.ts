import type { FraudKind } from '../domain/types.js';

/**
 * Whether the marketplace, looking at a claim a seller rejected (or an insurer
 * denied), believes it valid. Genuine and built-up claims have a real incident
 * behind them; fabricated ones that slipped through screening are believed less often.
 * @example believesClaimValid('none', 0.5, { genuine: 0.8, fraudulent: 0.3 }) // true: 0.5 < 0.8
 * @example believesClaimValid('fabricated', 0.5, { genuine: 0.8, fraudulent: 0.3 }) // false: 0.5 >= 0.3
 */
export function believesClaimValid(fraud: FraudKind, draw: number, rates: { genuine: number; fraudulent: number }): boolean {
  return draw < (fraud === 'fabricated' ? rates.fraudulent : rates.genuine);
}
