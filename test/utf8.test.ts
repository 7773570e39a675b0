/** Strict UTF-8 decoding of users' files, with the line of the first bad byte. */
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8Line } from '../src/utf8.js';

describe('decodeUtf8', () => {
  it('gives the text of UTF-8 bytes', () => {
    expect(decodeUtf8(Buffer.from('amount\n12,50 €\n'))).toEqual({ text: 'amount\n12,50 €\n' });
  });

  it('names the line of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('amount\n100\n'), Buffer.from([0xff, 0x0a])]);
    expect(decodeUtf8(bytes)).toEqual({ invalidLine: 3 });
    expect(firstInvalidUtf8Line(bytes)).toBe(3);
  });
});
