import { describe, expect, it } from 'vitest';
import { recoversByWithholding } from '../../src/rules/recoversByWithholding.js';

describe('recoversByWithholding', () => {
  it('follows its @examples', () => {
    expect(recoversByWithholding(0.5, { withholdFromPayouts: true }, { withholdingRecoveryRate: 0.8 })).toBe(true);
    expect(recoversByWithholding(0.5, { withholdFromPayouts: false }, { withholdingRecoveryRate: 0.8 })).toBe(false);
  });

  it('is strict at the recovery rate', () => {
    expect(recoversByWithholding(0.8, { withholdFromPayouts: true }, { withholdingRecoveryRate: 0.8 })).toBe(false);
    expect(recoversByWithholding(0.7999, { withholdFromPayouts: true }, { withholdingRecoveryRate: 0.8 })).toBe(true);
  });

  it('never recovers without withholding, even at rate 1', () => {
    expect(recoversByWithholding(1e-12, { withholdFromPayouts: false }, { withholdingRecoveryRate: 1 })).toBe(false);
  });

  it('never recovers at rate 0; always at rate 1', () => {
    for (const u of [1e-12, 0.5, 1 - 1e-12]) {
      expect(recoversByWithholding(u, { withholdFromPayouts: true }, { withholdingRecoveryRate: 0 })).toBe(false);
      expect(recoversByWithholding(u, { withholdFromPayouts: true }, { withholdingRecoveryRate: 1 })).toBe(true);
    }
  });
});
