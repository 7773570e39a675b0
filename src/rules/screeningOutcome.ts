import type { FraudKind } from '../domain/types.js';

export type ScreeningOutcome = 'cleared' | 'trimmed' | 'flagged';

/**
 * What independent fraud experts conclude about a claim (Seller Central help
 * GTY6NYZDFD5CENYH): a fabricated claim is flagged with the detection rate; a
 * built-up claim is trimmed to its genuine amount with the build-up detection
 * rate; a genuine claim is wrongly flagged with the false-positive rate. One
 * uniform decides, so raising a rate only ever turns more claims over.
 * @example screeningOutcome('fabricated', 0.5, { enabled: true, detectionRate: 0.6, buildUpDetectionRate: 0.6, falsePositiveRate: 0.03 }) // 'flagged'
 * @example screeningOutcome('none', 0.02, { enabled: true, detectionRate: 0.6, buildUpDetectionRate: 0.6, falsePositiveRate: 0.03 }) // 'flagged': a false positive
 */
export function screeningOutcome(fraud: FraudKind, draw: number, screening: { enabled: boolean; detectionRate: number; buildUpDetectionRate: number; falsePositiveRate: number }): ScreeningOutcome {
  if (!screening.enabled) return 'cleared';
  switch (fraud) {
    case 'fabricated':
      return draw < screening.detectionRate ? 'flagged' : 'cleared';
    case 'buildUp':
      return draw < screening.buildUpDetectionRate ? 'trimmed' : 'cleared';
    case 'none':
      return draw < screening.falsePositiveRate ? 'flagged' : 'cleared';
  }
}
