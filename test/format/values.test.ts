/**
 * Numbers are written one way wherever they are shown: the terminal, the
 * report's tables and the charts' titles all go through format/values.ts,
 * and every terminal table through format/textTable.ts.
 */
import { describe, expect, it } from 'vitest';
import { textTable } from '../../src/format/textTable.js';
import { formatChange, noiseVerdict, formatParameter, formatShare, formatUsd, formatValue } from '../../src/format/values.js';

describe('formatValue', () => {
  it.each([
    [2_464_100, 'USD', '$2.46M'],
    [-1500, 'USD', '-$1,500'],
    [0.926, 'share', '92.6%'],
    [5.04, 'days', '5.0 days'],
    [0.987, 'ratio', '0.99'],
    [3416.4, 'claims', '3,416'],
    [null, 'USD', '-'],
    [Number.NaN, 'days', '-'],
  ] as const)('%s %s is %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('writes money and shares as formatUsd and formatShare do', () => {
    expect(formatValue(864_321, 'USD')).toBe(formatUsd(864_321));
    expect(formatValue(0.00004, 'share')).toBe(formatShare(0.00004));
  });

  it('signs a change, in percentage points for a share', () => {
    expect(formatChange(90_100, 'USD')).toBe('+$90.1k');
    expect(formatChange(-0.012, 'share')).toBe('-1.2 pts');
    expect(formatChange(1.1, 'days')).toBe('+1.1 days');
  });

  it('calls a paired difference outside or within the noise only from enough replications', () => {
    expect(noiseVerdict({ n: 5, significant: true })).toBe('outside the noise');
    expect(noiseVerdict({ n: 5, significant: false })).toBe('within the noise');
    expect(noiseVerdict({ n: 4, significant: true })).toBe('too few replications');
  });

  it('gives no sign to a change that rounds to nothing', () => {
    expect(formatChange(-0.0002, 'share')).toBe('0.0 pts');
    expect(formatChange(0.04, 'days')).toBe('0.0 days');
    expect(formatChange(-0.4, 'USD')).toBe('$0');
    expect(formatChange(-0.6, 'USD')).toBe('-$1');
  });

  it('writes a parameter as a scenario file does', () => {
    expect(formatParameter(2500, 'USD')).toBe('$2,500');
    expect(formatParameter(0.1494369255, 'share of filed claims')).toBe('0.1494');
  });
});

describe('textTable', () => {
  it('pads names on the right and figures on the left, under a rule as wide as each column', () => {
    expect(
      textTable(
        ['metric', 'mean'],
        [
          ['claims.filed', '3,416'],
          ['x', '12'],
        ],
      ),
    ).toBe(['metric         mean', '------------  -----', 'claims.filed  3,416', 'x                12'].join('\n'));
  });

  it('left-aligns as many columns as asked, and leaves no trailing spaces after an empty last cell', () => {
    const lines = textTable(
      ['fit', 'parameters', 'chosen'],
      [
        ['lognormal', 'median $200', '*'],
        ['mixture', 'two', ''],
      ],
      2,
    ).split('\n');
    expect(lines[2]).toBe('lognormal  median $200       *');
    expect(lines[3]).toBe('mixture    two');
  });
});
