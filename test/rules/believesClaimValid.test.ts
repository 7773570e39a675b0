import { describe, expect, it } from 'vitest';
import { believesClaimValid } from '../../src/rules/believesClaimValid.js';

const rates = { genuine: 0.8, fraudulent: 0.3 };

describe('believesClaimValid', () => {
  it('follows its @examples', () => {
    expect(believesClaimValid('none', 0.5, rates)).toBe(true); // 0.5 < 0.8
    expect(believesClaimValid('fabricated', 0.5, rates)).toBe(false); // 0.5 >= 0.3
  });

  it('uses the genuine rate for built-up claims (a real incident is behind them)', () => {
    expect(believesClaimValid('buildUp', 0.5, rates)).toBe(true);
    expect(believesClaimValid('buildUp', 0.79, rates)).toBe(true);
    expect(believesClaimValid('buildUp', 0.81, rates)).toBe(false);
  });

  it('is a strict inequality: a draw equal to the rate is not believed', () => {
    expect(believesClaimValid('none', 0.8, rates)).toBe(false);
    expect(believesClaimValid('fabricated', 0.3, rates)).toBe(false);
    expect(believesClaimValid('fabricated', 0.29999, rates)).toBe(true);
  });

  it('never believes at rate 0 and always believes at rate 1 for draws in (0, 1)', () => {
    for (const draw of [1e-12, 0.5, 1 - 1e-12]) {
      expect(believesClaimValid('none', draw, { genuine: 0, fraudulent: 1 })).toBe(false);
      expect(believesClaimValid('fabricated', draw, { genuine: 0, fraudulent: 1 })).toBe(true);
      expect(believesClaimValid('none', draw, { genuine: 1, fraudulent: 0 })).toBe(true);
      expect(believesClaimValid('fabricated', draw, { genuine: 1, fraudulent: 0 })).toBe(false);
    }
  });
});
