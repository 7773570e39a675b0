/**
 * Reading claim amounts from CSV: the chosen column, bad rows by their line
 * in the file (header = line 1, a quoted field may span lines), --skip-bad,
 * and the files a fit refuses.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FitInputError } from '../../../src/analysis/fit/errors.js';
import { parseClaimAmounts, readClaimAmounts } from '../../../src/analysis/fit/readAmounts.js';

const FIXTURES = join('test', 'fixtures', 'fit');
const fixture = (name: string) => join(FIXTURES, name);

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FitInputError);
    return (e as Error).message;
  }
  throw new Error('expected a FitInputError');
}

describe('readClaimAmounts', () => {
  it('reads the named column in file order, with the file SHA-256', () => {
    const data = readClaimAmounts(fixture('claims.csv'), { column: 'paid_usd' });
    expect(data.values).toEqual([412, 95.1, 2210, 180, 64.99, 730, 15500, 260, 1190, 88, 340, 5120]);
    expect(data.column).toBe('paid_usd');
    expect(data.skipped).toEqual([]);
    expect(data.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(fixture('claims.csv')))
        .digest('hex'),
    );
  });

  it('reports every bad row by its 1-based line (header is line 1) and refuses the file', () => {
    // bad-rows.csv: row 2's note spans lines 3-4, so "abc" is on line 5; line 13 is blank; line 10 has an unquoted 1,234.
    const message = refusal(() => readClaimAmounts(fixture('bad-rows.csv')));
    expect(message).toMatch(/^test\/fixtures\/fit\/bad-rows\.csv: 7 bad rows in column "amount": /);
    expect(message).toContain('line 5 has "abc", not a number');
    expect(message).toContain('line 6 has an empty amount');
    expect(message).toContain('line 7 has -5, not a positive amount');
    expect(message).toContain('line 8 has 0, not a positive amount');
    expect(message).toContain('line 9 has "NaN", not a number');
    expect(message).toContain('line 10 has 4 fields, the header has 3');
    expect(message).toContain('line 13 is blank');
    expect(message).toContain('--skip-bad');
    expect(message).not.toContain('\n');
  });

  it('with skipBad, skips and returns the bad rows and keeps the good ones', () => {
    const data = readClaimAmounts(fixture('bad-rows.csv'), { skipBad: true });
    expect(data.skipped.map((b) => b.line)).toEqual([5, 6, 7, 8, 9, 10, 13]);
    expect(data.values).toEqual([120.5, 80, 300, 45, 1000, 250, 75.25, 610, 99, 4200]);
  });

  it('lists at most ten bad rows and counts the rest', () => {
    const text = ['amount', ...Array.from({ length: 15 }, (_, i) => `x${i}`), ...Array.from({ length: 10 }, () => '5')].join('\n');
    const message = refusal(() => parseClaimAmounts(text, 'many.csv'));
    expect(message).toContain('15 bad rows');
    expect(message).toContain('line 11 has "x9"');
    expect(message).not.toContain('line 12 ');
    expect(message).toContain('and 5 more');
  });

  it('refuses values that are not plain positive decimals', () => {
    const good = Array.from({ length: 10 }, () => '1');
    for (const [text, reason] of [
      ['0x10', 'not a number'],
      ['Infinity', 'not a number'],
      ['$12', 'not a number'],
      ['1e999', 'too large'],
      ['-0', 'not a positive amount'],
    ]) {
      expect(refusal(() => parseClaimAmounts(['amount', text, ...good].join('\n'), 'f.csv'))).toContain(`line 2 has`);
      expect(refusal(() => parseClaimAmounts(['amount', text, ...good].join('\n'), 'f.csv'))).toContain(reason);
    }
    expect(parseClaimAmounts(['amount', '+1.5', '.5', '2.', '3E2', ...good].join('\r\n'), 'f.csv').values.slice(0, 4)).toEqual([1.5, 0.5, 2, 300]);
  });

  it.each([
    ['missing column', () => readClaimAmounts(fixture('claims.csv')), /claims\.csv: no column "amount" in the header \(it has "claim_id", "paid_usd", "status"\); choose one with --column/],
    ['empty file', () => readClaimAmounts(fixture('empty.csv')), /empty\.csv: is empty/],
    ['header only', () => readClaimAmounts(fixture('header-only.csv')), /header-only\.csv: has a header but no rows/],
    ['too few values', () => readClaimAmounts(fixture('too-few.csv')), /too-few\.csv: only 3 usable amounts in column "amount"; a fit needs at least 10/],
    ['too few after skipping', () => readClaimAmounts(fixture('bad-rows.csv'), { skipBad: true, column: 'note' }), /only 0 usable amounts in column "note" \(17 bad rows skipped\)/],
    ['malformed CSV', () => readClaimAmounts(fixture('malformed.csv')), /malformed\.csv:2: malformed CSV in the row starting on this line: Quote Not Closed/],
    ['no such file', () => readClaimAmounts(fixture('nowhere.csv')), /nowhere\.csv: no such file/],
    ['a directory', () => readClaimAmounts(FIXTURES), /fit: is not a file/],
  ])('refuses a %s with a message naming the file', (_, fn, pattern) => {
    expect(refusal(fn)).toMatch(pattern);
  });

  it('refuses bytes that are not UTF-8, naming the line, without echoing them', () => {
    // Line 3 holds 0xE9, "é" in Windows-1252, which is not UTF-8 on its own.
    const dir = mkdtempSync(join(tmpdir(), 'claimsim-fit-'));
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('id,amount\n1,100\n2,'), Buffer.from([0xe9]), Buffer.from('\n')]));
    try {
      expect(refusal(() => readClaimAmounts(file))).toBe(`${file}:3: is not UTF-8 text (export the claims as a UTF-8 CSV file)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the offending field out of a CSV syntax error (it may be kilobytes)', () => {
    const field = `a"${'x'.repeat(5000)}`;
    const message = refusal(() => parseClaimAmounts(`id,amount\n1,${field}\n`, 'long.csv'));
    expect(message).toMatch(/^long\.csv:2: malformed CSV in the row starting on this line: Invalid Opening Quote: a quote is found on field 1 at line 2$/);
  });

  it('ignores a byte-order mark and trims header names', () => {
    const text = `\uFEFFid, amount \n${Array.from({ length: 10 }, (_, i) => `${i},${i + 1}`).join('\n')}\n`;
    expect(parseClaimAmounts(text, 'bom.csv').values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
