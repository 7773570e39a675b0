/**
 * Calibration targets as written on the command line, and how far a simulated
 * mean misses them: every case worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { acceptedRange, CalibrationInputError, checkTolerance, parseTarget, targetMiss, targetScale, wantedText, type Wanted } from '../../src/analysis/targets.js';
import { InputError } from '../../src/inputError.js';

describe('parseTarget', () => {
  it.each([
    // A bare value: ±2% of itself by default.
    ['claims.underThresholdShare=0.8', 0.02, { value: 0.8, tolerance: 0.016 }],
    ['marketplace.netCost=2000000', 0.05, { value: 2_000_000, tolerance: 100_000 }],
    ['claims.fraudulentShare=0', 0.02, { value: 0, tolerance: 0 }],
    ['claims.fraudulentShare = 0.1 ', 0, { value: 0.1, tolerance: 0 }],
    // An absolute tolerance, either way of writing ±.
    ['claims.fraudulentShare=0.1±0.005', 0.02, { value: 0.1, tolerance: 0.005 }],
    ['claims.fraudulentShare=0.1+-0.005', 0.02, { value: 0.1, tolerance: 0.005 }],
    ['claims.fraudulentShare=1e-1 +- 5e-3', 0.02, { value: 0.1, tolerance: 0.005 }],
    // An interval.
    ['claims.fraudulentShare=0.05..0.10', 0.02, { low: 0.05, high: 0.1 }],
    ['marketplace.netCostPerClaim=150..150', 0.02, { low: 150, high: 150 }],
    ['marketplace.netCostPerClaim=.5..2', 0.02, { low: 0.5, high: 2 }],
  ] as const)('%s (tolerance %s)', (text, tolerance, wanted) => {
    expect(parseTarget(text, tolerance)).toEqual({ metric: text.slice(0, text.indexOf('=')).trim(), wanted });
  });

  const FORMS = 'METRIC=VALUE, METRIC=VALUE±TOL (or +-TOL) or METRIC=LOW..HIGH';
  it.each([
    ['claims.fraudulentShare', `--target must look like ${FORMS}, got "claims.fraudulentShare"`],
    ['=0.1', `--target must look like ${FORMS}, got "=0.1"`],
    ['claims.fraudulentShare=', `--target must look like ${FORMS}, got "claims.fraudulentShare="`],
    ['nope.metric=1', '--target: unknown metric "nope.metric"'],
    ['toString=1', '--target: unknown metric "toString"'],
    ['claims.fraudulentShare=abc', '--target claims.fraudulentShare: "abc" is not a number, VALUE±TOL or LOW..HIGH'],
    ['claims.fraudulentShare=0x10', '--target claims.fraudulentShare: "0x10" is not a number, VALUE±TOL or LOW..HIGH'],
    ['claims.fraudulentShare=Infinity', '--target claims.fraudulentShare: "Infinity" is not a number, VALUE±TOL or LOW..HIGH'],
    ['claims.fraudulentShare=1e999', '--target claims.fraudulentShare: "1e999" is not a number, VALUE±TOL or LOW..HIGH'],
    ['claims.fraudulentShare=0.1±', '--target claims.fraudulentShare: "0.1±" is not a number, VALUE±TOL or LOW..HIGH'],
    ['claims.fraudulentShare=0.1,0.2', '--target claims.fraudulentShare: "0.1,0.2" is not a number, VALUE±TOL or LOW..HIGH'],
    ['claims.fraudulentShare=0.1..', '--target claims.fraudulentShare: "0.1.." is not a number, VALUE±TOL or LOW..HIGH'],
    ['claims.fraudulentShare=0.1±-0.01', '--target claims.fraudulentShare: the tolerance must not be negative, got -0.01'],
    ['claims.fraudulentShare=0.2..0.1', '--target claims.fraudulentShare: LOW (0.2) is above HIGH (0.1)'],
  ])('refuses %s', (text, message) => {
    let error: unknown;
    try {
      parseTarget(text);
    } catch (e) {
      error = e;
    }
    // An input error, so the command line exits 2 with the message.
    expect(error).toBeInstanceOf(CalibrationInputError);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });
});

describe('checkTolerance', () => {
  it('takes a share from 0 up to 1', () => {
    expect(checkTolerance(0)).toBe(0);
    expect(checkTolerance(0.05)).toBe(0.05);
    for (const bad of [-0.01, 1, 2, Number.NaN, Infinity])
      expect(() => checkTolerance(bad)).toThrow(/^--tolerance must be a share from 0 up to 1 \(0\.02 accepts ±2% of each METRIC=VALUE target\), got /);
    expect(() => parseTarget('claims.fraudulentShare=0.1', -1)).toThrow(CalibrationInputError);
  });
});

describe('misses', () => {
  const point: Wanted = { value: 0.8, tolerance: 0.016 };
  const interval: Wanted = { low: 0.05, high: 0.1 };
  it.each([
    // (simulated - nearest accepted) / scale; the scale is the value, or an interval's larger end.
    [point, 0.7, (0.7 - 0.784) / 0.8],
    [point, 0.79, 0],
    [point, 0.784, 0],
    [point, 0.816, 0],
    [point, 0.9, (0.9 - 0.816) / 0.8],
    [interval, 0.07, 0],
    [interval, 0.12, 0.2],
    [interval, 0.03, -0.2],
    [{ low: -10, high: -5 }, 0, 0.5],
    // A target of zero is measured against its tolerance, or in absolute terms with none.
    [{ value: 0, tolerance: 0.5 }, 2, 3],
    [{ value: 0, tolerance: 0 }, 2, 2],
  ] as const)('%j at %s misses by %s', (wanted, simulated, miss) => {
    expect(targetMiss(wanted, simulated)).toBeCloseTo(miss, 12);
  });

  it('accepted ranges, scales and text', () => {
    expect(acceptedRange(point)).toEqual([0.784, 0.816]);
    expect(acceptedRange({ value: 0.999, tolerance: 0.0005 })).toEqual([0.9985, 0.9995]);
    expect(acceptedRange(interval)).toEqual([0.05, 0.1]);
    expect([targetScale(point), targetScale(interval), targetScale({ low: 0, high: 0 })]).toEqual([0.8, 0.1, 1]);
    expect(wantedText(point)).toBe('0.8 ± 0.016');
    expect(wantedText(interval)).toBe('0.05 .. 0.1');
    expect(wantedText({ value: 1 / 3, tolerance: 0.01 })).toBe('0.333333 ± 0.01');
  });
});
