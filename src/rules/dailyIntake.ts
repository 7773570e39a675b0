/**
 * How many waiting claims a team with a fractional daily capacity takes in
 * today. Whole claims only; the fraction of capacity left over carries to the
 * next day (an unused whole claim does not), so over a busy stretch the team
 * takes in exactly `capacityPerDay` a day on average.
 * @example dailyIntake(0, 2.5, 10) // { taken: 2, carry: 0.5 }
 * @example dailyIntake(0.5, 2.5, 10) // { taken: 3, carry: 0 }
 * @example dailyIntake(0, 2.5, 1) // { taken: 1, carry: 0.5 }: idle capacity is not banked
 */
export function dailyIntake(carry: number, capacityPerDay: number, waiting: number): { taken: number; carry: number } {
  const available = carry + capacityPerDay;
  // Carried fractions are sums of sums; a billionth of a claim absorbs their rounding error
  // (ten days at 0.1 make one claim, not 0.9999999999999999 of one).
  const whole = Math.floor(available + CAPACITY_ROUNDING);
  return { taken: Math.min(waiting, whole), carry: Math.max(0, available - whole) };
}

const CAPACITY_ROUNDING = 1e-9;
