/**
 * Calibrate: search the free parameters until the simulated metrics match the
 * targets (for example 80% of claims under $1,000). Every evaluation runs on
 * the same seed, so the objective is a deterministic function of the free
 * parameters. The objective is the sum of squared relative misses.
 */
import type { ParamMeta } from '../params/meta.js';
import { loadScenario } from '../params/load.js';
import { getIn } from '../params/overlay.js';
import { isWholeNumberParameter } from '../params/schema.js';
import { summarise } from '../stats/summary.js';
import { goldenSection, nelderMead } from './optimize.js';
import { metricValues, runFile, type AnalysisOptions } from './runs.js';

export interface Target {
  readonly metric: string;
  readonly value: number;
}

export interface FreeParameter {
  readonly path: string;
  readonly low: number;
  readonly high: number;
}

export interface Calibration {
  readonly targets: readonly Target[];
  readonly free: readonly FreeParameter[];
  /** The calibrated values of the free parameters. */
  readonly values: Readonly<Record<string, number>>;
  /** The metrics simulated at the calibrated values, next to their targets. */
  readonly achieved: readonly { metric: string; target: number; simulated: number; relativeMiss: number }[];
  readonly objective: number;
  readonly evaluations: number;
}

/**
 * @example parseTarget('claims.underThresholdShare=0.8') // { metric: 'claims.underThresholdShare', value: 0.8 }
 */
export function parseTarget(text: string): Target | string {
  const eq = text.indexOf('=');
  const value = Number(text.slice(eq + 1));
  if (eq <= 0 || !Number.isFinite(value)) return `--target must look like METRIC=VALUE, got "${text}"`;
  return { metric: text.slice(0, eq).trim(), value };
}

/** Bounds of a free parameter: its declared range, or half to one and a half times its value, within [0, 1] for probabilities. */
export function freeParameter(path: string, meta: ParamMeta | undefined, value: unknown): FreeParameter | string {
  if (!meta) return `unknown parameter "${path}"`;
  if (typeof value !== 'number') return `"${path}" is not a number and cannot be calibrated`;
  if (isWholeNumberParameter(path)) return `"${path}" takes whole numbers, which calibrate's continuous search cannot set; sweep it instead (claimsim sweep --param ${path}=A,B,C)`;
  if (meta.range) return { path, low: meta.range[0], high: meta.range[1] };
  const probability = /probability|share/.test(meta.unit);
  return { path, low: value * 0.5, high: probability ? Math.min(1, value * 1.5) : value * 1.5 };
}

export async function calibrate(
  file: string,
  targets: readonly Target[],
  freePaths: readonly string[],
  options: AnalysisOptions & { tolerance?: number; maxEvaluations?: number; onEvaluation?: (n: number, objective: number) => void },
): Promise<Calibration> {
  if (targets.length === 0) throw new RangeError('calibrate needs at least one --target');
  if (freePaths.length === 0) throw new RangeError('calibrate needs at least one --free parameter');
  const base = loadScenario(file, { set: [...(options.set ?? [])] });
  const free = freePaths.map((p) => {
    const f = freeParameter(p, base.meta[p], getIn(base.parameters, p));
    if (typeof f === 'string') throw new RangeError(f);
    return f;
  });
  const toValues = (unit: readonly number[]) => Object.fromEntries(free.map((f, i) => [f.path, f.low + unit[i]! * (f.high - f.low)]));
  let evaluations = 0;
  const simulate = async (values: Record<string, number>) => {
    const run = await runFile(file, options, { from: '--free', values });
    return targets.map((t) => summarise(metricValues(run.output, t.metric)).mean);
  };
  const objective = async (unit: readonly number[]) => {
    const simulated = await simulate(toValues(unit));
    const value = simulated.reduce((sum, s, i) => sum + ((s - targets[i]!.value) / (Math.abs(targets[i]!.value) || 1)) ** 2, 0);
    options.onEvaluation?.(++evaluations, value);
    return value;
  };
  const tolerance = options.tolerance ?? 1e-4;
  const maxEvaluations = options.maxEvaluations ?? (free.length === 1 ? 40 : 60 * free.length);
  const start = free.map((f) => {
    const v = getIn(base.parameters, f.path) as number;
    return f.high > f.low ? Math.min(1, Math.max(0, (v - f.low) / (f.high - f.low))) : 0.5;
  });
  const best =
    free.length === 1
      ? await goldenSection((x) => objective([x]), 0, 1, tolerance, maxEvaluations).then((r) => ({ x: [r.x], value: r.value }))
      : await nelderMead(objective, start, tolerance * tolerance, maxEvaluations);
  const values = toValues(best.x);
  const simulated = await simulate(values);
  return {
    targets,
    free,
    values,
    achieved: targets.map((t, i) => ({ metric: t.metric, target: t.value, simulated: simulated[i]!, relativeMiss: (simulated[i]! - t.value) / (Math.abs(t.value) || 1) })),
    objective: best.value,
    evaluations: evaluations + 1,
  };
}
