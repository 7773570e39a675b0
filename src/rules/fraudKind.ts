import type { FraudKind } from '../machines/types.js';

/**
 * Whether a filed claim is fabricated (share of filed claims), built up (share
 * of the rest) or genuine. Separate draws keep the two choices independent.
 * @example fraudKind(0.05, 0.5, { share: 0.1, buildUpShare: 0.2 }) // 'fabricated'
 * @example fraudKind(0.5, 0.1, { share: 0.1, buildUpShare: 0.2 }) // 'buildUp'
 */
export function fraudKind(drawFraud: number, drawBuildUp: number, fraud: { share: number; buildUpShare: number }): FraudKind {
  if (drawFraud < fraud.share) return 'fabricated';
  return drawBuildUp < fraud.buildUpShare ? 'buildUp' : 'none';
}
