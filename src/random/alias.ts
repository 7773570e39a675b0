/**
 * Walker's alias method, in Vose's numerically stable construction
 * (M. D. Vose, "A linear algorithm for generating random numbers with a given
 * distribution", IEEE TSE 17(9), 1991): after O(n) set-up, choosing among n
 * weighted items costs one uniform and O(1) work. Used to pick which seller a
 * claim is against, in proportion to its sales and claim-proneness.
 */
export class AliasTable {
  private readonly probability: Float64Array;
  private readonly alias: Uint32Array;

  /**
   * `weights` is read once; when it is a Float64Array the table may keep it
   * (scaled in place into the probabilities), so the caller must not use it
   * afterwards. A world's seller picker holds millions of weights, and this
   * keeps the construction at one double and two integers per item.
   */
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new RangeError('an alias table needs at least one weight');
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${i} is ${w}; weights must be finite and non-negative`);
      total += w;
    }
    if (total <= 0) throw new RangeError('weights must not all be zero');
    if (!Number.isFinite(total)) throw new RangeError('weights add up to more than the largest number; scale them down');
    // Scaled weights become the probabilities in place: an item's scaled weight is final once it leaves "small".
    const scaled = weights instanceof Float64Array ? weights : Float64Array.from(weights);
    this.probability = scaled;
    this.alias = new Uint32Array(n);
    // The two work lists share one array: an item is on at most one of them, so they never meet.
    // "small" grows up from the start, "large" down from the end; both are stacks.
    const work = new Uint32Array(n);
    let smalls = 0;
    let larges = 0;
    const push = (i: number) => {
      if (scaled[i]! < 1) work[smalls++] = i;
      else work[n - 1 - larges++] = i;
    };
    for (let i = 0; i < n; i++) {
      scaled[i] = (scaled[i]! * n) / total;
      push(i);
    }
    while (smalls > 0 && larges > 0) {
      const s = work[--smalls]!;
      const l = work[n - larges--]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      push(l);
    }
    for (let k = 0; k < larges; k++) scaled[work[n - 1 - k]!] = 1;
    for (let k = 0; k < smalls; k++) scaled[work[k]!] = 1; // only reached through rounding error
  }

  get size(): number {
    return this.probability.length;
  }

  /** The item chosen by one uniform `u` in [0, 1). */
  pick(u: number): number {
    const scaled = u * this.probability.length;
    const column = Math.floor(scaled);
    return scaled - column < this.probability[column]! ? column : this.alias[column]!;
  }
}
