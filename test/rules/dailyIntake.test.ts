import { describe, expect, it } from 'vitest';
import { dailyIntake } from '../../src/rules/dailyIntake.js';

/** The first day (1-based) after which the running total is not floor(days * capacity), or undefined. */
function firstDayOffClosedForm(capacity: number, days: number): { day: number; total: number; expected: number } | undefined {
  const totals = runningTotals(capacity, days);
  for (let i = 0; i < totals.length; i++) {
    const expected = Math.floor((i + 1) * capacity);
    if (totals[i] !== expected) return { day: i + 1, total: totals[i]!, expected };
  }
  return undefined;
}

/** Runs the rule for `days` days against a queue that never empties; returns the running totals. */
function runningTotals(capacity: number, days: number): number[] {
  let carry = 0;
  let total = 0;
  const totals: number[] = [];
  for (let d = 0; d < days; d++) {
    const r = dailyIntake(carry, capacity, Number.MAX_SAFE_INTEGER);
    carry = r.carry;
    total += r.taken;
    totals.push(total);
  }
  return totals;
}

describe('dailyIntake', () => {
  it('follows its @examples', () => {
    expect(dailyIntake(0, 2.5, 10)).toEqual({ taken: 2, carry: 0.5 });
    expect(dailyIntake(0.5, 2.5, 10)).toEqual({ taken: 3, carry: 0 });
    expect(dailyIntake(0, 2.5, 1)).toEqual({ taken: 1, carry: 0.5 }); // idle capacity is not banked
  });

  it('takes nothing from an empty queue but keeps the fraction', () => {
    expect(dailyIntake(0.25, 2.5, 0)).toEqual({ taken: 0, carry: 0.75 });
  });

  it('takes exactly the whole capacity when the queue holds exactly that many', () => {
    expect(dailyIntake(0, 3, 3)).toEqual({ taken: 3, carry: 0 });
    expect(dailyIntake(0.5, 2.5, 3)).toEqual({ taken: 3, carry: 0 });
  });

  it('with capacity under one claim a day takes a claim only every few days', () => {
    expect(dailyIntake(0, 0.25, 10)).toEqual({ taken: 0, carry: 0.25 });
    expect(dailyIntake(0.75, 0.25, 10)).toEqual({ taken: 1, carry: 0 });
    expect(runningTotals(0.25, 8)).toEqual([0, 0, 0, 1, 1, 1, 1, 2]);
  });

  it('with zero capacity takes nothing', () => {
    expect(dailyIntake(0, 0, 100)).toEqual({ taken: 0, carry: 0 });
  });

  it('keeps the carry in [0, 1)', () => {
    let carry = 0;
    for (let d = 0; d < 1000; d++) {
      const r = dailyIntake(carry, 2.75, d % 3 === 0 ? 0 : 1000);
      expect(r.carry).toBeGreaterThanOrEqual(0);
      expect(r.carry).toBeLessThan(1);
      carry = r.carry;
    }
  });

  it.each([2.5, 0.25, 0.75, 1.375, 8.5, 3])('over a busy stretch takes floor(days * %s) in total (capacity exact in binary)', (capacity) => {
    expect(firstDayOffClosedForm(capacity, 5000)).toBeUndefined();
    expect(runningTotals(capacity, 5000)[4999]).toBe(Math.floor(5000 * capacity));
  });

  it.each([
    // Desk and review capacities per team: 20000 claims / 365 days / 8 teams, times 1.45 (the baseline's review) and 1.25.
    // (The desk's 1.4 gives exactly 3,500 in 365 days, which a floor of the float product rounds down to 3,499.)
    (20000 / 365 / 8) * 1.45,
    (20000 / 365 / 8) * 1.25,
    1.3,
    1 / 3,
  ])('over a busy stretch takes floor(days * %s) in total (realistic capacities)', (capacity) => {
    expect(firstDayOffClosedForm(capacity, 3000)).toBeUndefined();
  });

  it.each([
    [1, 10],
    [3, 10],
    [7, 10],
  ])('over a busy stretch takes floor(days * %i/%i) in total (decimal fractions below one)', (p, q) => {
    // e.g. capacity 0.1: by day 10 the team has had 10 * 0.1 = 1 claim's worth of capacity, so it has taken 1 claim.
    // The expectation is computed in integers: Math.floor(90 * 0.7) is 62 in floating point, the exact answer 63.
    const totals = runningTotals(p / q, 1000);
    const off = totals.findIndex((total, i) => total !== Math.floor(((i + 1) * p) / q));
    expect(off).toBe(-1);
  });
});
