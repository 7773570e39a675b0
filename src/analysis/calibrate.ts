/**
 * Calibrate: search the free parameters until every simulated metric meets its
 * target (for example more than 80% of claims under $1,000). A target is a
 * value with a tolerance or an interval; its miss is how far the simulated
 * mean lies outside what it accepts, relative to the target's size, and zero
 * inside. The objective is the sum of squared misses, so it is zero exactly
 * when every target is met, and the search stops there. Every evaluation runs
 * on the same seed, so the objective is a deterministic function of the free
 * parameters; each evaluation is kept in a trace.
 *
 * A calibration that ends with a target outside its tolerance says so
 * (`reached` is false): it is not a fit to be written as a scenario.
 */
import { METRICS } from '../collect/metrics.js';
import type { ParamMeta } from '../params/meta.js';
import type { Scenario } from '../params/scenario.js';
import { getIn } from '../params/overlay.js';
import { isWholeNumberParameter } from '../params/schema.js';
import { summarise } from '../stats/summary.js';
import { goldenSection, nelderMead } from './optimize.js';
import { CalibrationInputError, targetMiss, type Target, type Wanted } from './targets.js';
import { metricValues, runAt, scenarioAt, type AnalysisOptions } from './runs.js';

export interface FreeParameter {
  readonly path: string;
  readonly low: number;
  readonly high: number;
}

/** How one target fared at the calibrated values. */
export interface TargetOutcome {
  readonly metric: string;
  readonly wanted: Wanted;
  /** Mean of the metric across replications. */
  readonly simulated: number;
  /** Distance outside what the target accepts, relative to its size (`targetScale`): positive above, negative below, 0 within. */
  readonly miss: number;
  readonly within: boolean;
}

/** One evaluation of the search: the free parameters' values, each target's simulated mean (in target order), the objective. */
export interface Evaluation {
  readonly values: Readonly<Record<string, number>>;
  readonly simulated: readonly number[];
  readonly objective: number;
}

export interface Calibration {
  readonly targets: readonly Target[];
  readonly free: readonly FreeParameter[];
  /** The values of the free parameters at the best evaluation. */
  readonly values: Readonly<Record<string, number>>;
  /** Each target at those values. */
  readonly achieved: readonly TargetOutcome[];
  /** Whether every target is within its tolerance. */
  readonly reached: boolean;
  /** Sum of squared misses at the best evaluation; 0 when reached. */
  readonly objective: number;
  readonly evaluations: number;
  /** Every evaluation, in the order the search made them. */
  readonly trace: readonly Evaluation[];
}

/** Bounds of a free parameter: its declared range, or half to one and a half times its value, within [0, 1] for probabilities. */
export function freeParameter(path: string, meta: ParamMeta | undefined, value: unknown): FreeParameter {
  if (!meta) throw new CalibrationInputError(`--free: unknown parameter "${path}"`);
  if (typeof value !== 'number') throw new CalibrationInputError(`--free: "${path}" is not a number and cannot be calibrated`);
  if (isWholeNumberParameter(path))
    throw new CalibrationInputError(`--free: "${path}" takes whole numbers, which calibrate's continuous search cannot set; sweep it instead (claimsim sweep --param ${path}=A,B,C)`);
  if (meta.range) return { path, low: meta.range[0], high: meta.range[1] };
  const probability = /probability|share/.test(meta.unit);
  return { path, low: value * 0.5, high: probability ? Math.min(1, value * 1.5) : value * 1.5 };
}

/** Values are searched, written and reported to this many significant digits, so the overlay holds exactly what was simulated. */
const DIGITS = 6;

/** Cap on evaluations when none is given: a golden-section search of one parameter needs far fewer than a simplex of several. */
export function defaultMaxEvaluations(freeParameters: number): number {
  return freeParameters === 1 ? 40 : 60 * freeParameters;
}

export async function calibrate(
  scenario: Scenario,
  targets: readonly Target[],
  freePaths: readonly string[],
  options: AnalysisOptions & { searchTolerance?: number; maxEvaluations?: number; onEvaluation?: (n: number, objective: number) => void },
): Promise<Calibration> {
  if (targets.length === 0) throw new CalibrationInputError('calibrate needs at least one --target');
  if (freePaths.length === 0) throw new CalibrationInputError('calibrate needs at least one --free parameter');
  for (const [i, t] of targets.entries()) {
    if (!Object.hasOwn(METRICS, t.metric)) throw new CalibrationInputError(`--target: unknown metric "${t.metric}"`);
    if (targets.findIndex((u) => u.metric === t.metric) !== i) throw new CalibrationInputError(`--target ${t.metric}: given more than once; give one value or interval per metric`);
  }
  const twice = freePaths.find((p, i) => freePaths.indexOf(p) !== i);
  if (twice) throw new CalibrationInputError(`--free ${twice}: given more than once`);
  const base = scenarioAt(scenario, options);
  const free = freePaths.map((p) => freeParameter(p, base.meta[p], getIn(base.parameters, p)));
  const toValues = (unit: readonly number[]) => Object.fromEntries(free.map((f, i) => [f.path, Number((f.low + unit[i]! * (f.high - f.low)).toPrecision(DIGITS))]));
  const trace: Evaluation[] = [];
  const objective = async (unit: readonly number[]) => {
    const values = toValues(unit);
    const run = await runAt(base, options, { from: '--free', values });
    const simulated = targets.map((t) => summarise(metricValues(run.output, t.metric)).mean);
    const value = simulated.reduce((sum, s, i) => sum + targetMiss(targets[i]!.wanted, s) ** 2, 0);
    trace.push({ values, simulated, objective: value });
    options.onEvaluation?.(trace.length, value);
    return value;
  };
  const searchTolerance = options.searchTolerance ?? 1e-4;
  const maxEvaluations = options.maxEvaluations ?? defaultMaxEvaluations(free.length);
  const start = free.map((f) => {
    const v = getIn(base.parameters, f.path) as number;
    return f.high > f.low ? Math.min(1, Math.max(0, (v - f.low) / (f.high - f.low))) : 0.5;
  });
  // Zero is as good as it gets: every target is within its tolerance.
  if (free.length === 1) await goldenSection((x) => objective([x]), 0, 1, searchTolerance, maxEvaluations, 0);
  else await nelderMead(objective, start, searchTolerance * searchTolerance, maxEvaluations, 0);
  const best = trace.reduce((a, b) => (b.objective < a.objective ? b : a));
  const achieved = targets.map((t, i): TargetOutcome => {
    const miss = targetMiss(t.wanted, best.simulated[i]!);
    return { metric: t.metric, wanted: t.wanted, simulated: best.simulated[i]!, miss, within: miss === 0 };
  });
  return { targets, free, values: best.values, achieved, reached: achieved.every((a) => a.within), objective: best.objective, evaluations: trace.length, trace };
}
