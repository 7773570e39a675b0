/**
 * When incidents happen: `count` genuine incidents over the filing period,
 * spread with a constant rate except during an optional surge, generated one
 * at a time in time order so the calendar never holds more than the next one;
 * and fabricated claims' incidents, each placed by a uniform of its own, in
 * time order.
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

/**
 * The filing period's arrival weight in normal-rate days: a surge of `days`
 * at `multiplier` times the normal rate adds (multiplier - 1) x days.
 * @example surgeWeight(365, { startDay: 150, days: 60, multiplier: 2.5 }) // 455
 */
export function surgeWeight(filingDays: number, surge: Surge): number {
  return filingDays + (surge.multiplier - 1) * surge.days;
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
    this.totalWeight = surgeWeight(filingDays, surge);
  }

  /** The next incident day, or `null` after the last. */
  next(): number | null {
    if (this.produced >= this.count) return null;
    const remaining = this.count - this.produced;
    // u^(1/remaining) as exp(ln u / remaining): V8 changed Math.pow's last bits between releases (Node 20's and
    // today's Chromium differ), while exp and log have stayed the same, so every JavaScript engine gets the same days.
    this.previous = 1 - (1 - this.previous) * Math.exp(Math.log(this.uniform()) / remaining);
    this.produced++;
    return this.dayAt(this.previous);
  }

  /** Inverse of the cumulative arrival weight: the day by which `fraction` of incidents have happened. */
  dayAt(fraction: number): number {
    return dayAtWeight(fraction, this.filingDays, this.surge, this.totalWeight);
  }
}

function dayAtWeight(fraction: number, filingDays: number, surge: Surge, totalWeight: number): number {
  const { startDay, days, multiplier } = surge;
  const w = fraction * totalWeight;
  let day: number;
  if (w < startDay) day = w;
  else if (w < startDay + multiplier * days) day = startDay + (w - startDay) / multiplier;
  else day = w - (multiplier - 1) * days;
  return Math.min(day, filingDays);
}

/**
 * Fabricated claims' incident days, in time order: claim k happens at the
 * arrival-weight fraction `fractionOf(k)`, drawn from its own stream, so a
 * claim keeps its day when more fraud adds others. Held as typed arrays: a
 * team's fabricated claims are a fraction of its genuine ones.
 */
export class FabricatedIncidents {
  private readonly order: Uint32Array;
  private readonly days: Float64Array;
  private next = 0;

  constructor(count: number, filingDays: number, surge: Surge, fractionOf: (k: number) => number) {
    const totalWeight = surgeWeight(filingDays, surge);
    this.days = new Float64Array(count);
    for (let k = 0; k < count; k++) this.days[k] = dayAtWeight(fractionOf(k), filingDays, surge, totalWeight);
    // Ties (never in practice) keep index order, so the order is a function of the days alone.
    this.order = Uint32Array.from({ length: count }, (_, k) => k).sort((a, b) => this.days[a]! - this.days[b]! || a - b);
  }

  /** The next fabricated claim in time order (its index and day), or `null` after the last. */
  shift(): { index: number; day: number } | null {
    if (this.next >= this.order.length) return null;
    const index = this.order[this.next++]!;
    return { index, day: this.days[index]! };
  }
}
