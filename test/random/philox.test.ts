import { describe, expect, it } from 'vitest';
import { philox4x32 } from '../../src/random/philox.js';

/** Random123's known-answer vectors for Philox4x32-10 (kat_vectors): counter, key, expected output. */
const KAT: { ctr: [number, number, number, number]; key: [number, number]; out: [number, number, number, number] }[] = [
  { ctr: [0, 0, 0, 0], key: [0, 0], out: [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8] },
  { ctr: [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], key: [0xffffffff, 0xffffffff], out: [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd] },
  { ctr: [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], key: [0xa4093822, 0x299f31d0], out: [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1] },
];

const hex = (a: ArrayLike<number>) => Array.from(a, (x) => (x >>> 0).toString(16).padStart(8, '0')).join(' ');

describe('philox4x32 (Philox4x32-10)', () => {
  it.each(KAT)('matches the Random123 known answer for counter $ctr key $key', ({ ctr, key, out }) => {
    const result = new Uint32Array(4);
    philox4x32(ctr[0], ctr[1], ctr[2], ctr[3], key[0], key[1], result);
    expect(hex(result)).toBe(hex(out));
  });

  it('treats negative int32 inputs as their unsigned 32-bit values', () => {
    const a = new Uint32Array(4);
    const b = new Uint32Array(4);
    philox4x32(-1, -1, -1, -1, -1, -1, a);
    philox4x32(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, b);
    expect(hex(a)).toBe(hex(b));
    expect(hex(a)).toBe('408f276d 41c83b0e a20bc7c6 6d5451fd');
  });

  it('is a pure function of counter and key (no state between calls)', () => {
    const first = new Uint32Array(4);
    const again = new Uint32Array(4);
    philox4x32(1, 2, 3, 4, 5, 6, first);
    philox4x32(0, 0, 0, 0, 0, 0, new Uint32Array(4));
    philox4x32(1, 2, 3, 4, 5, 6, again);
    expect(hex(again)).toBe(hex(first));
  });

  it('changes every output word when one counter or key bit flips (avalanche)', () => {
    const base = new Uint32Array(4);
    philox4x32(0, 0, 0, 0, 0, 0, base);
    const flipped = new Uint32Array(4);
    const args = [0, 0, 0, 0, 0, 0];
    let totalBits = 0;
    for (let word = 0; word < 6; word++) {
      const a = args.slice();
      a[word] = 1;
      philox4x32(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, flipped);
      for (let i = 0; i < 4; i++) {
        expect(flipped[i], `word ${word}, output ${i}`).not.toBe(base[i]);
        let x = (flipped[i]! ^ base[i]!) >>> 0;
        while (x) {
          totalBits += x & 1;
          x >>>= 1;
        }
      }
    }
    // 6 flips x 128 output bits; about half should change. Binomial(768, 0.5) has sd ~ 13.9.
    expect(Math.abs(totalBits - 384)).toBeLessThan(6 * 13.9);
  });
});
