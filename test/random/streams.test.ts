import { describe, expect, it } from 'vitest';
import { philox4x32 } from '../../src/random/philox.js';
import { SequentialStream, seedKey, Stream, StreamKind } from '../../src/random/streams.js';

const N = 100_000;

function draws(s: Stream, n: number, from = 0): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.uniform(from + i);
  return out;
}

/** The uniform that the documented construction makes of two Philox words: (26 high bits, 26 high bits, + 1/2) / 2^52, exactly. */
function exactUniform(hi: number, lo: number): number {
  const k = ((BigInt(hi >>> 0) >> 6n) << 26n) | (BigInt(lo >>> 0) >> 6n);
  return (Number(k) + 0.5) / 2 ** 52;
}

describe('Stream.uniform', () => {
  const s = new Stream(12345, StreamKind.claim, 0, 0, 0);
  const u = draws(s, N);

  it('maps its address onto Philox: counter (draw pair, entity, team, replication), key (seed, kind)', () => {
    // Random123's third known-answer vector, reached through a stream address.
    const kat = new Stream(0xa4093822, 0x299f31d0 as StreamKind, 0x03707344, 0x13198a2e, 0x85a308d3);
    const pair = 0x243f6a88;
    // out = d16cfe09 94fdcceb 5001e420 24126ea1: draw 2*pair uses words 0 and 1, draw 2*pair+1 words 2 and 3.
    expect(Math.abs(kat.uniform(2 * pair) - exactUniform(0xd16cfe09, 0x94fdcceb))).toBeLessThanOrEqual(2 ** -54);
    expect(Math.abs(kat.uniform(2 * pair + 1) - exactUniform(0x5001e420, 0x24126ea1))).toBeLessThanOrEqual(2 ** -54);
    // The zero vector: counter 0, key 0 -> 6627e8d5 e169c58d bc57ac4c 9b00dbd8.
    const zero = new Stream(0, 0 as StreamKind, 0, 0, 0);
    expect(Math.abs(zero.uniform(0) - exactUniform(0x6627e8d5, 0xe169c58d))).toBeLessThanOrEqual(2 ** -54);
    expect(Math.abs(zero.uniform(1) - exactUniform(0xbc57ac4c, 0x9b00dbd8))).toBeLessThanOrEqual(2 ** -54);
  });

  it('agrees with Philox directly for an ordinary address', () => {
    const st = new Stream(7, StreamKind.seller, 3, 5, 11);
    const block = new Uint32Array(4);
    philox4x32(21, 11, 5, 3, 7, StreamKind.seller, block);
    expect(Math.abs(st.uniform(42) - exactUniform(block[0]!, block[1]!))).toBeLessThanOrEqual(2 ** -54);
    expect(Math.abs(st.uniform(43) - exactUniform(block[2]!, block[3]!))).toBeLessThanOrEqual(2 ** -54);
  });

  it('gives uniforms strictly inside (0, 1)', () => {
    let min = 1;
    let max = 0;
    for (const x of u) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
  });

  it('gives the same value for the same address, in any order and from a fresh stream', () => {
    const again = new Stream(12345, StreamKind.claim, 0, 0, 0);
    for (const i of [99_999, 0, 17, 16, 1, 50_000, 17]) expect(again.uniform(i)).toBe(u[i]);
    expect(s.uniform(3)).toBe(u[3]);
    expect(s.uniform(2)).toBe(u[2]);
  });

  it('gives different sequences for a different seed, kind, replication, team or entity', () => {
    const head = Array.from(u.subarray(0, 16));
    const variants = [
      new Stream(12346, StreamKind.claim, 0, 0, 0),
      new Stream(12345, StreamKind.seller, 0, 0, 0),
      new Stream(12345, StreamKind.claim, 1, 0, 0),
      new Stream(12345, StreamKind.claim, 0, 1, 0),
      new Stream(12345, StreamKind.claim, 0, 0, 1),
    ];
    const heads = variants.map((v) => Array.from(draws(v, 16)));
    for (const h of heads) {
      // Not one of the 16 values coincides (each is one of 2^53).
      expect(h.filter((x, i) => x === head[i])).toEqual([]);
    }
    for (let a = 0; a < heads.length; a++) for (let b = a + 1; b < heads.length; b++) expect(heads[a]).not.toEqual(heads[b]);
  });

  it('does not confuse entity and team (the words are not summed or swapped)', () => {
    const a = draws(new Stream(1, StreamKind.claim, 0, 2, 3), 8);
    const b = draws(new Stream(1, StreamKind.claim, 0, 3, 2), 8);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('passes a chi-square test of uniformity: 100,000 draws, 20 bins, under the 0.999 critical value (43.82, 19 df)', () => {
    const bins = new Array<number>(20).fill(0);
    for (const x of u) bins[Math.floor(x * 20)]!++;
    const expected = N / 20;
    const chi2 = bins.reduce((acc, o) => acc + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(43.82);
  });

  it('has a mean within 4 standard errors of 1/2', () => {
    const mean = u.reduce((a, b) => a + b, 0) / N;
    const se = Math.sqrt(1 / 12 / N);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * se);
  });

  it('has a variance near 1/12', () => {
    const mean = u.reduce((a, b) => a + b, 0) / N;
    const variance = u.reduce((a, b) => a + (b - mean) ** 2, 0) / (N - 1);
    // sd of the sample variance of U(0,1) is sqrt((1/80 - 1/144) / N) ~ 2.4e-4
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / N));
  });

  it('has lag-1 correlation within 4/sqrt(n) of 0', () => {
    const mean = u.reduce((a, b) => a + b, 0) / N;
    let num = 0;
    let den = 0;
    for (let i = 0; i < N; i++) {
      den += (u[i]! - mean) ** 2;
      if (i + 1 < N) num += (u[i]! - mean) * (u[i + 1]! - mean);
    }
    expect(Math.abs(num / den)).toBeLessThan(4 / Math.sqrt(N));
  });

  it('has no correlation between neighbouring entities at the same draw', () => {
    const n = 20_000;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let e = 0; e < n; e++) {
      xs[e] = new Stream(9, StreamKind.claim, 0, 0, e).uniform(0);
      ys[e] = new Stream(9, StreamKind.claim, 0, 0, e + 1).uniform(0);
    }
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (xs[i]! - mx) * (ys[i]! - my);
      sxx += (xs[i]! - mx) ** 2;
      syy += (ys[i]! - my) ** 2;
    }
    expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('SequentialStream', () => {
  it('hands out draws 0, 1, 2, ... of its stream in order', () => {
    const s = new Stream(5, StreamKind.arrivals, 2, 1, 0);
    const seq = new SequentialStream(new Stream(5, StreamKind.arrivals, 2, 1, 0));
    for (let i = 0; i < 10; i++) expect(seq.uniform()).toBe(s.uniform(i));
  });
});

describe('seedKey', () => {
  it('accepts integer seeds in [0, 2^32 - 1] unchanged', () => {
    expect(seedKey(0)).toBe(0);
    expect(seedKey(1)).toBe(1);
    expect(seedKey(0xffffffff)).toBe(4294967295);
  });

  it('refuses seeds outside the range or not whole', () => {
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => seedKey(bad)).toThrow(RangeError);
  });
});
