/**
 * Parameter grids for sweeps: `PATH=FROM..TO:STEP` (inclusive, by STEP) or
 * `PATH=A,B,C`; two grids make a 2-D sweep of every combination.
 */
import { InputError } from '../inputError.js';

export interface Axis {
  readonly path: string;
  readonly values: readonly number[];
}

/** Longest grid accepted, a guard against a mistyped step. */
const MAX_POINTS = 1000;

/**
 * @example parseAxis('policy.threshold=500..2500:500') // { path: 'policy.threshold', values: [500, 1000, 1500, 2000, 2500] }
 * @example parseAxis('fraud.share=0.05,0.1,0.2') // { path: 'fraud.share', values: [0.05, 0.1, 0.2] }
 */
export function parseAxis(text: string): Axis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InputError(`--param must look like PATH=FROM..TO:STEP or PATH=A,B,C, got "${text}"`);
  const path = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  const range = /^(-?[\d.eE+-]+)\.\.(-?[\d.eE+-]+):([\d.eE+-]+)$/.exec(spec);
  if (range) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (![from, to, step].every(Number.isFinite) || step <= 0) throw new InputError(`--param ${path}: FROM, TO and STEP must be numbers with STEP > 0, got "${spec}"`);
    if (to < from) throw new InputError(`--param ${path}: TO (${to}) is below FROM (${from})`);
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_POINTS) throw new InputError(`--param ${path}: ${count} points; at most ${MAX_POINTS}`);
    // Multiply rather than accumulate, so 0.1 steps do not drift; round away binary noise.
    return { path, values: Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12))) };
  }
  if (spec === '') throw new InputError(`--param ${path}: no values given; write PATH=FROM..TO:STEP or PATH=A,B,C`);
  const items = spec.split(',').map((v) => v.trim());
  // Number('') is 0: an empty item ("1,,2", "0.1,") would silently become a point at zero.
  if (items.includes('')) throw new InputError(`--param ${path}: "${spec}" has an empty item; list numbers separated by commas`);
  const values = items.map(Number);
  if (values.some((v) => !Number.isFinite(v))) throw new InputError(`--param ${path}: "${spec}" is neither FROM..TO:STEP nor a list of numbers`);
  if (values.length > MAX_POINTS) throw new InputError(`--param ${path}: ${values.length} points; at most ${MAX_POINTS}`);
  return { path, values };
}

/** Every combination of the axes' values, the first axis varying slowest. */
export function gridPoints(axes: readonly Axis[]): Record<string, number>[] {
  return axes.reduce<Record<string, number>[]>((points, axis) => points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.path]: v }))), [{}]);
}
