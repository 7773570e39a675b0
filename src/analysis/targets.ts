/**
 * Calibration targets: what a `--target` says (a value with a tolerance, or an
 * interval), and how far a simulated mean misses it. Pure, and light to load:
 * the report reads these without loading the engine.
 */
import { METRICS } from '../collect/metrics.js';
import { InputError } from '../inputError.js';

/** A target, tolerance, free parameter or search setting the user can fix; the message names the option. */
export class CalibrationInputError extends InputError {
  override name = 'CalibrationInputError';
}

/**
 * Tolerance of a target written as METRIC=VALUE, relative to the value: ±2%.
 * A convention for how closely a simulated mean should match a figure quoted
 * by a source, not a policy number; `--tolerance` changes it.
 */
export const DEFAULT_TARGET_TOLERANCE = 0.02;

/** What a target accepts: a value give or take an absolute tolerance, or an interval. */
export type Wanted = { readonly value: number; readonly tolerance: number } | { readonly low: number; readonly high: number };

export interface Target {
  readonly metric: string;
  readonly wanted: Wanted;
}

const TARGET_FORMS = 'METRIC=VALUE, METRIC=VALUE±TOL (or +-TOL) or METRIC=LOW..HIGH';
/** A plain decimal number: no hex, no "Infinity", no empty text (which Number() reads as 0). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function numberIn(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Checks a relative tolerance (`--tolerance`): a share from 0 to 1.
 * @example checkTolerance(0.05) // 0.05
 */
export function checkTolerance(tolerance: number): number {
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) {
    throw new CalibrationInputError(`--tolerance must be a share from 0 up to 1 (0.02 accepts ±2% of each METRIC=VALUE target), got ${tolerance}`);
  }
  return tolerance;
}

/**
 * Reads a `--target`. A bare VALUE accepts ±`relativeTolerance` of itself;
 * VALUE±TOL an absolute tolerance; LOW..HIGH any mean in the interval.
 * Throws a `CalibrationInputError` naming the target.
 * @example parseTarget('claims.underThresholdShare=0.8') // { metric: 'claims.underThresholdShare', wanted: { value: 0.8, tolerance: 0.016 } }
 * @example parseTarget('claims.fraudulentShare=0.1±0.005') // { metric: 'claims.fraudulentShare', wanted: { value: 0.1, tolerance: 0.005 } }
 * @example parseTarget('claims.fraudulentShare=0.05..0.10') // { metric: 'claims.fraudulentShare', wanted: { low: 0.05, high: 0.1 } }
 */
export function parseTarget(text: string, relativeTolerance = DEFAULT_TARGET_TOLERANCE): Target {
  const eq = text.indexOf('=');
  const metric = eq > 0 ? text.slice(0, eq).trim() : '';
  const spec = eq > 0 ? text.slice(eq + 1).trim() : '';
  if (metric === '' || spec === '') throw new CalibrationInputError(`--target must look like ${TARGET_FORMS}, got "${text}"`);
  if (!Object.hasOwn(METRICS, metric)) throw new CalibrationInputError(`--target: unknown metric "${metric}"`);
  const bad = () => new CalibrationInputError(`--target ${metric}: "${spec}" is not a number, VALUE±TOL or LOW..HIGH`);
  const dots = spec.indexOf('..');
  if (dots >= 0) {
    const [low, high] = [numberIn(spec.slice(0, dots)), numberIn(spec.slice(dots + 2))];
    if (low === undefined || high === undefined) throw bad();
    if (low > high) throw new CalibrationInputError(`--target ${metric}: LOW (${low}) is above HIGH (${high})`);
    return { metric, wanted: { low, high } };
  }
  const pm = /±|\+-/.exec(spec);
  if (pm) {
    const [value, tolerance] = [numberIn(spec.slice(0, pm.index)), numberIn(spec.slice(pm.index + pm[0].length))];
    if (value === undefined || tolerance === undefined) throw bad();
    if (tolerance < 0) throw new CalibrationInputError(`--target ${metric}: the tolerance must not be negative, got ${tolerance}`);
    return { metric, wanted: { value, tolerance } };
  }
  const value = numberIn(spec);
  if (value === undefined) throw bad();
  // Rounded so that 0.8 * 0.02 reads 0.016, not 0.016000000000000004.
  return { metric, wanted: { value, tolerance: Number((Math.abs(value) * checkTolerance(relativeTolerance)).toPrecision(12)) } };
}

/**
 * The interval of means a target accepts.
 * @example acceptedRange({ value: 0.8, tolerance: 0.016 }) // [0.784, 0.816]
 */
export function acceptedRange(w: Wanted): [number, number] {
  // Rounded to 12 digits, so that 0.8 + 0.016 reads 0.816, not 0.8160000000000001.
  const clean = (x: number) => Number(x.toPrecision(12));
  return 'value' in w ? [clean(w.value - w.tolerance), clean(w.value + w.tolerance)] : [w.low, w.high];
}

/**
 * What a miss is measured against: the value of a point target, the larger
 * magnitude of an interval's ends; where that is zero, the tolerance or 1.
 * @example targetScale({ value: 0.8, tolerance: 0.016 }) // 0.8
 * @example targetScale({ low: 0.05, high: 0.1 }) // 0.1
 */
export function targetScale(w: Wanted): number {
  if ('value' in w) return Math.abs(w.value) || w.tolerance || 1;
  return Math.max(Math.abs(w.low), Math.abs(w.high)) || 1;
}

/**
 * How far `simulated` lies outside what the target accepts, relative to its
 * scale: positive above, negative below, zero within.
 * @example targetMiss({ value: 0.8, tolerance: 0.016 }, 0.7) // -0.105: (0.7 - 0.784) / 0.8
 * @example targetMiss({ low: 0.05, high: 0.1 }, 0.07) // 0
 * @example targetMiss({ low: 0.05, high: 0.1 }, 0.12) // 0.2: (0.12 - 0.1) / 0.1
 */
export function targetMiss(w: Wanted, simulated: number): number {
  const [low, high] = acceptedRange(w);
  const outside = simulated > high ? simulated - high : simulated < low ? simulated - low : 0;
  return outside / targetScale(w);
}

/**
 * A target as the user would write it.
 * @example wantedText({ value: 0.8, tolerance: 0.016 }) // "0.8 ± 0.016"
 * @example wantedText({ low: 0.05, high: 0.1 }) // "0.05 .. 0.1"
 */
export function wantedText(w: Wanted): string {
  const n = (x: number) => String(Number(x.toPrecision(6)));
  return 'value' in w ? `${n(w.value)} ± ${n(w.tolerance)}` : `${n(w.low)} .. ${n(w.high)}`;
}
