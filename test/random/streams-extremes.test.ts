/**
 * The two extreme Philox outputs, forced by replacing Philox with a stub:
 * the smallest and largest 52-bit patterns must still give uniforms strictly
 * inside (0, 1), as Stream.uniform promises ("so that Math.log(u) and inverse
 * CDFs are always finite").
 */
import { describe, expect, it, vi } from 'vitest';
import { Stream, StreamKind } from '../../src/random/streams.js';

const word = vi.hoisted(() => ({ value: 0 }));

vi.mock('../../src/random/philox.js', () => ({
  philox4x32: (_c0: number, _c1: number, _c2: number, _c3: number, _k0: number, _k1: number, out: Uint32Array) => {
    out.fill(word.value);
  },
}));

describe('Stream.uniform at the extremes of Philox output', () => {
  it('maps all-zero words to 2^-53, just above 0', () => {
    word.value = 0;
    const u = new Stream(1, StreamKind.claim, 0, 0, 0).uniform(0);
    expect(u).toBeGreaterThan(0);
    expect(u).toBe(2 ** -53);
  });

  it('maps all-one words to a value strictly below 1', () => {
    word.value = 0xffffffff;
    const s = new Stream(1, StreamKind.claim, 0, 0, 0);
    const u0 = s.uniform(0);
    const u1 = s.uniform(1);
    // The construction gives (2^52 - 1/2) / 2^52 = 1 - 2^-53, which is exactly the largest double below 1.
    expect(u0).toBe(1 - 2 ** -53);
    expect(u0).toBeLessThan(1);
    expect(u1).toBeLessThan(1);
    expect(Number.isFinite(Math.log(u0)) && Math.log(u0) < 0).toBe(true);
  });
});
