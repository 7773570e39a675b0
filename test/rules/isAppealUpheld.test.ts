import { describe, expect, it } from 'vitest';
import { isAppealUpheld } from '../../src/rules/isAppealUpheld.js';

describe('isAppealUpheld', () => {
  it('follows its @example', () => {
    expect(isAppealUpheld(0.2, { appealUpheldRate: 0.3 })).toBe(true);
  });

  it('is strict at the rate', () => {
    expect(isAppealUpheld(0.3, { appealUpheldRate: 0.3 })).toBe(false);
    expect(isAppealUpheld(0.2999, { appealUpheldRate: 0.3 })).toBe(true);
    expect(isAppealUpheld(0.9, { appealUpheldRate: 0.3 })).toBe(false);
  });

  it('never succeeds at rate 0, always at rate 1', () => {
    for (const u of [1e-12, 0.5, 1 - 1e-12]) {
      expect(isAppealUpheld(u, { appealUpheldRate: 0 })).toBe(false);
      expect(isAppealUpheld(u, { appealUpheldRate: 1 })).toBe(true);
    }
  });
});
