/**
 * The optimisers stop as soon as a value is good enough: calibrate stops when
 * every target is within its tolerance (an objective of zero).
 */
import { describe, expect, it } from 'vitest';
import { goldenSection, nelderMead } from '../../src/analysis/optimize.js';

describe('goldenSection', () => {
  it('finds the minimum of a parabola when nothing is good enough', async () => {
    const r = await goldenSection((x) => (x - 2) ** 2, 0, 5, 1e-6, 200);
    expect(r.x).toBeCloseTo(2, 5);
  });

  it('stops at the first value at or below goodEnough', async () => {
    const seen: number[] = [];
    // Zero within 1 of 2. The first point is c = 5 - 0.618034 * 5 = 1.909830, already within.
    const r = await goldenSection(
      (x) => {
        seen.push(x);
        return Math.max(0, Math.abs(x - 2) - 1);
      },
      0,
      5,
      1e-9,
      60,
      0,
    );
    expect(seen).toHaveLength(1);
    expect(r).toEqual({ x: seen[0], value: 0, evaluations: 1 });
    expect(seen[0]).toBeCloseTo(5 - ((Math.sqrt(5) - 1) / 2) * 5, 12);
  });

  it('stops at the second point if that is the first good one', async () => {
    // Zero only above 3: c = 1.91 is not, d = 0 + 0.618034 * 5 = 3.09 is.
    const r = await goldenSection((x) => Math.max(0, 3 - x), 0, 5, 1e-9, 60, 0);
    expect(r.evaluations).toBe(2);
    expect(r.value).toBe(0);
    expect(r.x).toBeCloseTo(((Math.sqrt(5) - 1) / 2) * 5, 12);
  });
});

describe('nelderMead', () => {
  it('stops at a start that is good enough', async () => {
    let calls = 0;
    const r = await nelderMead(
      () => {
        calls++;
        return 0;
      },
      [0.5, 0.5],
      1e-10,
      400,
      0,
    );
    expect(calls).toBe(1);
    expect(r).toEqual({ x: [0.5, 0.5], value: 0, evaluations: 1 });
  });

  it('stops within a step once a point is good enough, evaluating no more', async () => {
    const points: number[][] = [];
    // Zero where x > 0.6; the start (0.5, 0.5) is not, the first vertex (0.25, 0.5) is not, the second (0.5, 0.25) is not;
    // the reflection of the worst through the centroid of the other two reaches x > 0.6.
    const f = ([x]: number[]) => {
      points.push([x!]);
      return Math.max(0, 0.6 - x!);
    };
    const r = await nelderMead(f, [0.5, 0.5], 1e-12, 400, 0);
    expect(r.value).toBe(0);
    expect(r.x[0]!).toBeGreaterThan(0.6);
    expect(points.at(-1)![0]).toBe(r.x[0]);
    expect(r.evaluations).toBe(points.length);
  });

  it('still minimises when nothing is good enough', async () => {
    const r = await nelderMead(([x, y]) => (x! - 0.3) ** 2 + (y! - 0.7) ** 2, [0.5, 0.5], 1e-12, 400);
    expect(r.x[0]).toBeCloseTo(0.3, 3);
    expect(r.x[1]).toBeCloseTo(0.7, 3);
  });
});

describe('nelderMead never exceeds its cap', () => {
  it.each([2, 3, 5, 8, 13])('maxEvaluations %i', async (cap) => {
    let calls = 0;
    const r = await nelderMead(
      ([x, y]) => {
        calls++;
        return (x! - 0.3) ** 2 + (y! - 0.7) ** 2;
      },
      [0.5, 0.5],
      1e-15,
      cap,
    );
    expect(calls).toBeLessThanOrEqual(cap);
    expect(r.evaluations).toBe(calls);
  });
});
