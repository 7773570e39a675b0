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
    this.probability = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / total;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.probability[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.probability[i] = 1;
    for (const i of small) this.probability[i] = 1; // only reached through rounding error
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
