/**
 * When incidents happen: exactly `count` incidents over the filing period,
 * spread with a constant rate except during an optional surge, generated one
 * at a time in time order so the calendar never holds more than the next one.
 *
 * Order statistics of `count` uniforms are drawn sequentially
 * (U(i) = 1 - (1 - U(i-1)) * V^(1/(count-i+1)), the "sequential method" of
 * Lurie & Hartley, 1972), then mapped through the inverse cumulative rate.
 */

export interface Surge {
  readonly startDay: number;
  readonly days: number;
  readonly multiplier: number;
}

export class IncidentTimes {
  private produced = 0;
  private previous = 0;
  private readonly totalWeight: number;

  constructor(
    private readonly count: number,
    private readonly filingDays: number,
    private readonly surge: Surge,
    private readonly uniform: () => number,
  ) {
    this.totalWeight = filingDays + (surge.multiplier - 1) * surge.days;
  }

  /** The next incident day, or `null` after the last. */
  next(): number | null {
    if (this.produced >= this.count) return null;
    const remaining = this.count - this.produced;
    this.previous = 1 - (1 - this.previous) * Math.pow(this.uniform(), 1 / remaining);
    this.produced++;
    return this.dayAt(this.previous);
  }

  /** Inverse of the cumulative arrival weight: the day by which `fraction` of incidents have happened. */
  dayAt(fraction: number): number {
    const { startDay, days, multiplier } = this.surge;
    const w = fraction * this.totalWeight;
    let day: number;
    if (w < startDay) day = w;
    else if (w < startDay + multiplier * days) day = startDay + (w - startDay) / multiplier;
    else day = w - (multiplier - 1) * days;
    return Math.min(day, this.filingDays);
  }
}
