import { describe, expect, it } from 'vitest';
import { fraudKind } from '../../src/rules/fraudKind.js';

const fraud = { share: 0.1, buildUpShare: 0.2 };

describe('fraudKind', () => {
  it('follows its @examples', () => {
    expect(fraudKind(0.05, 0.5, fraud)).toBe('fabricated');
    expect(fraudKind(0.5, 0.1, fraud)).toBe('buildUp');
  });

  it('is genuine when neither draw is under its share', () => {
    expect(fraudKind(0.5, 0.5, fraud)).toBe('none');
  });

  it('is fabricated whatever the build-up draw', () => {
    expect(fraudKind(0.05, 0.01, fraud)).toBe('fabricated');
    expect(fraudKind(0.05, 0.99, fraud)).toBe('fabricated');
  });

  it('uses strict inequalities at both shares', () => {
    expect(fraudKind(0.1, 0.5, fraud)).toBe('none');
    expect(fraudKind(0.099999, 0.5, fraud)).toBe('fabricated');
    expect(fraudKind(0.5, 0.2, fraud)).toBe('none');
    expect(fraudKind(0.5, 0.199999, fraud)).toBe('buildUp');
  });

  it('with shares of 0 is always genuine, with a fraud share of 1 always fabricated', () => {
    for (const u of [1e-12, 0.5, 1 - 1e-12]) {
      expect(fraudKind(u, u, { share: 0, buildUpShare: 0 })).toBe('none');
      expect(fraudKind(u, u, { share: 1, buildUpShare: 0 })).toBe('fabricated');
      expect(fraudKind(u, u, { share: 0, buildUpShare: 1 })).toBe('buildUp');
    }
  });
});
