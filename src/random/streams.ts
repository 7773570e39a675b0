/**
 * Named random streams. Every random quantity in a run has an address
 * (seed, replication, team, stream kind, entity index, draw number) and its
 * value is Philox of that address: nothing depends on the order in which
 * entities are simulated, on other entities' draws, or on which worker runs
 * them. Two scenarios run with the same seed draw the same numbers for the
 * same claim, which is what makes paired comparisons sharp.
 */
import { philox4x32 } from './philox.js';

/** Kinds of entity that own a stream; part of the key, so their streams never overlap. */
export const StreamKind = {
  claim: 1,
  seller: 2,
  arrivals: 3,
  names: 5,
  fabricatedClaim: 6,
  year: 7,
} as const;
export type StreamKind = (typeof StreamKind)[keyof typeof StreamKind];

/** 2^-52: turns 52 random bits (and a half) into a double strictly inside (0, 1). */
const TWO_POW_MINUS_52 = 1 / 4503599627370496;

/** Philox's output words land here and are copied out, so a stream allocates nothing of its own. */
const BLOCK = new Uint32Array(4);

/** A stream is its key (seed, kind) and the fixed part of its counter (replication, team, entity). */
export class Stream {
  // The last block computed: two draws come from each.
  private cachedPair = -1;
  private w0 = 0;
  private w1 = 0;
  private w2 = 0;
  private w3 = 0;

  constructor(
    readonly seed: number,
    readonly kind: StreamKind,
    readonly replication: number,
    readonly team: number,
    readonly entity: number,
  ) {}

  /**
   * The `draw`-th uniform of this stream, strictly inside (0, 1), so that
   * `Math.log(u)` and inverse CDFs are always finite.
   */
  uniform(draw: number): number {
    const pair = draw >>> 1;
    if (pair !== this.cachedPair) {
      // Counter words: draw pair, entity, team, replication. Key: seed, kind.
      philox4x32(pair, this.entity, this.team, this.replication, this.seed, this.kind, BLOCK);
      this.cachedPair = pair;
      this.w0 = BLOCK[0]!;
      this.w1 = BLOCK[1]!;
      this.w2 = BLOCK[2]!;
      this.w3 = BLOCK[3]!;
    }
    const hi = draw & 1 ? this.w2 : this.w0;
    const lo = draw & 1 ? this.w3 : this.w1;
    // 26 + 26 bits make an integer k < 2^52; k + 0.5 is exact in a double, so the
    // result lies in [2^-53, 1 - 2^-53] and is never 0 or 1.
    return ((hi >>> 6) * 67108864 + (lo >>> 6) + 0.5) * TWO_POW_MINUS_52;
  }
}

/** A stream that hands out its draws in order, for sequential processes (arrivals, populations). */
export class SequentialStream {
  private next = 0;
  constructor(private readonly stream: Stream) {}
  uniform(): number {
    return this.stream.uniform(this.next++);
  }
}

/** A user seed as an unsigned 32-bit key word; seeds outside that range are refused by the CLI. */
export function seedKey(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer in [0, ${0xffffffff}], got ${seed}`);
  return seed >>> 0;
}
