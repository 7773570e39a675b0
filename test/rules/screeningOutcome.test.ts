import { describe, expect, it } from 'vitest';
import type { FraudKind } from '../../src/domain/types.js';
import { screeningOutcome } from '../../src/rules/screeningOutcome.js';

const screening = { enabled: true, detectionRate: 0.6, buildUpDetectionRate: 0.6, falsePositiveRate: 0.03 };

describe('screeningOutcome', () => {
  it('follows its @examples', () => {
    expect(screeningOutcome('fabricated', 0.5, screening)).toBe('flagged');
    expect(screeningOutcome('none', 0.02, screening)).toBe('flagged'); // a false positive
  });

  it('clears a fabricated claim the experts miss (strict at the rate)', () => {
    expect(screeningOutcome('fabricated', 0.6, screening)).toBe('cleared');
    expect(screeningOutcome('fabricated', 0.5999, screening)).toBe('flagged');
  });

  it('trims a built-up claim it spots and clears the rest', () => {
    expect(screeningOutcome('buildUp', 0.3, screening)).toBe('trimmed');
    expect(screeningOutcome('buildUp', 0.6, screening)).toBe('cleared');
    expect(screeningOutcome('buildUp', 0.3, { ...screening, buildUpDetectionRate: 0.2 })).toBe('cleared');
  });

  it('never trims a genuine claim; clears it over the false-positive rate', () => {
    expect(screeningOutcome('none', 0.03, screening)).toBe('cleared');
    expect(screeningOutcome('none', 0.5, screening)).toBe('cleared');
  });

  it('clears everything when screening is off', () => {
    const kinds: FraudKind[] = ['none', 'buildUp', 'fabricated'];
    for (const k of kinds) for (const u of [1e-12, 0.01, 0.5]) expect(screeningOutcome(k, u, { ...screening, enabled: false })).toBe('cleared');
  });

  it('raising a rate only ever turns more claims over (monotone in the rate)', () => {
    const kinds: FraudKind[] = ['none', 'buildUp', 'fabricated'];
    const grid = Array.from({ length: 101 }, (_, i) => (i + 0.5) / 101);
    for (const k of kinds) {
      let before = -1;
      for (const rate of [0, 0.1, 0.3, 0.6, 0.9, 1]) {
        const s = { enabled: true, detectionRate: rate, buildUpDetectionRate: rate, falsePositiveRate: rate };
        const caught = grid.filter((u) => screeningOutcome(k, u, s) !== 'cleared').length;
        expect(caught).toBeGreaterThanOrEqual(before);
        before = caught;
      }
      expect(before).toBe(101); // at rate 1 every claim is turned over
    }
  });
});
