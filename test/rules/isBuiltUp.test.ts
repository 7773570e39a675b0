/**
 * isBuiltUp: a genuine claim's amount is inflated with probability
 * `buildUpShare` (20% of paid bodily-injury claims, dig-in.com), a strict
 * bound on a uniform draw.
 */
import { describe, expect, it } from 'vitest';
import { isBuiltUp } from '../../src/rules/isBuiltUp.js';

describe('isBuiltUp', () => {
  it('is a strict bound on the draw: under the share built up, at or over it not', () => {
    expect(isBuiltUp(0.1, { buildUpShare: 0.2 })).toBe(true);
    expect(isBuiltUp(0.199999, { buildUpShare: 0.2 })).toBe(true); // just under
    expect(isBuiltUp(0.2, { buildUpShare: 0.2 })).toBe(false); // at
    expect(isBuiltUp(0.200001, { buildUpShare: 0.2 })).toBe(false); // just over
  });

  it('is never with a share of 0, and always with a share of 1', () => {
    expect(isBuiltUp(0, { buildUpShare: 0 })).toBe(false);
    expect(isBuiltUp(0.000001, { buildUpShare: 0 })).toBe(false);
    expect(isBuiltUp(0, { buildUpShare: 1 })).toBe(true);
    expect(isBuiltUp(0.999999, { buildUpShare: 1 })).toBe(true);
  });

  it('builds up the share of claims it is given: 200 of 1,000 evenly spread draws at 20%', () => {
    const draws = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    expect(draws.filter((u) => isBuiltUp(u, { buildUpShare: 0.2 }))).toHaveLength(200);
    expect(draws.filter((u) => isBuiltUp(u, { buildUpShare: 0.05 }))).toHaveLength(50);
  });
});
