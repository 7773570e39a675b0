import { describe, expect, it } from 'vitest';
import { AliasTable } from '../../src/random/alias.js';

const N = 100_000;

/** Counts of picks over the even grid u = (i + 0.5) / N. */
function gridCounts(table: AliasTable, n = N): number[] {
  const counts = new Array<number>(table.size).fill(0);
  for (let i = 0; i < n; i++) counts[table.pick((i + 0.5) / n)]!++;
  return counts;
}

/** A fixed-seed LCG (Numerical Recipes constants) for test weights. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function expectFrequenciesMatch(weights: number[]): void {
  const table = new AliasTable(weights);
  expect(table.size).toBe(weights.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = gridCounts(table);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(N);
  weights.forEach((w, i) => {
    // Each column's share of an even grid is exact to within one point, so an item's count is within `size` points.
    expect(Math.abs(counts[i]! / N - w / total), `item ${i} (weight ${w})`).toBeLessThanOrEqual(weights.length / N);
    if (w === 0) expect(counts[i], `zero-weight item ${i}`).toBe(0);
  });
}

describe('AliasTable', () => {
  it('picks in proportion to hand-picked weights', () => {
    expectFrequenciesMatch([1, 2, 3, 4]);
    expectFrequenciesMatch([10, 0.5, 0, 7, 0, 1, 1, 1]);
    expectFrequenciesMatch([1, 1e-6, 1e6]);
  });

  it('picks in proportion to 200 random weights with zeros among them', () => {
    const rand = lcg(42);
    const weights = Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0 : rand() ** 3 * 1000));
    expectFrequenciesMatch(weights);
  });

  it('picks in proportion to lognormal-like seller weights (sales x proneness)', () => {
    const rand = lcg(7);
    const weights = Array.from({ length: 1000 }, () => Math.exp(3 * (rand() - 0.5)) * Math.exp(2 * (rand() - 0.5)));
    expectFrequenciesMatch(weights);
  });

  it('with equal weights picks the column u falls in', () => {
    const t = new AliasTable([1, 1, 1, 1]);
    expect(t.pick(0)).toBe(0);
    expect(t.pick(0.2499)).toBe(0);
    expect(t.pick(0.25)).toBe(1);
    expect(t.pick(0.5)).toBe(2);
    expect(t.pick(0.99)).toBe(3);
  });

  it('with one weight always picks it', () => {
    const t = new AliasTable([3.5]);
    for (const u of [0, 0.3, 1 - 2 ** -53]) expect(t.pick(u)).toBe(0);
  });

  it('never picks zero weights', () => {
    const t = new AliasTable([0, 0, 5, 0]);
    expect(gridCounts(t, 10_000)).toEqual([0, 0, 10_000, 0]);
    const t2 = new AliasTable([0, 1, 0, 1, 0]);
    const c = gridCounts(t2, 10_000);
    expect(c[0]! + c[2]! + c[4]!).toBe(0);
  });

  it('accepts a typed array', () => {
    const t = new AliasTable(new Float64Array([1, 3]));
    expect(gridCounts(t, 1000)).toEqual([250, 750]);
  });

  it('refuses empty, negative, NaN, infinite and all-zero weights', () => {
    expect(() => new AliasTable([])).toThrow(RangeError);
    expect(() => new AliasTable([1, -1])).toThrow(RangeError);
    expect(() => new AliasTable([1, Number.NaN])).toThrow(RangeError);
    expect(() => new AliasTable([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => new AliasTable([0, 0, 0])).toThrow(RangeError);
  });

  it('handles finite weights whose total overflows a double: refuses them or picks in proportion', () => {
    // Each weight is finite; their total (2.1e308) is not. Item 2 should get 1e307 / 2.1e308 = 1/21 of the picks.
    const weights = [1e308, 1e308, 1e307];
    let table: AliasTable;
    try {
      table = new AliasTable(weights);
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      return;
    }
    const counts = gridCounts(table);
    expect(Math.abs(counts[2]! / N - 1 / 21)).toBeLessThanOrEqual(3 / N);
    expect(Math.abs(counts[0]! / N - 10 / 21)).toBeLessThanOrEqual(3 / N);
  });
});
