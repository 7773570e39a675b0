/**
 * One-at-a-time sensitivity: each estimated parameter (tag E, with a declared
 * low-high range) is set to its low and then its high value with everything
 * else at the base, on common random numbers; parameters are ranked by how far
 * that moves a chosen metric. The data behind a tornado chart.
 *
 * Rankings are by a per-claim metric unless another is asked for, and scale
 * parameters (`scale: true`, such as the number of claims) are left out unless
 * named: a total grows with the size of the simulated world, so ranking
 * totals would put the world's size first and say nothing about the policy.
 */
import type { ParamMeta } from '../params/meta.js';
import { getIn } from '../params/overlay.js';
import { ScenarioError } from '../params/problems.js';
import { pairedDifference, type PairedDifference } from '../stats/paired.js';
import { summarise } from '../stats/summary.js';
import { metricValues, runAt, runLoaded, scenarioAt, type AnalysisOptions, type ScenarioRun } from './runs.js';
import { InputError } from '../inputError.js';
import type { Scenario } from '../params/scenario.js';

export interface SensitivityRow {
  readonly path: string;
  readonly description: string;
  readonly unit: string;
  readonly base: unknown;
  readonly low: number;
  readonly high: number;
  /** Mean of the metric with the parameter at its low and at its high value. */
  readonly atLow: number;
  readonly atHigh: number;
  /** High minus low, paired across replications. */
  readonly swing: PairedDifference;
}

/**
 * The metric sensitivity ranks by unless told otherwise: per genuine claim, so it does not grow with the size of the
 * simulated world, and so more fraud moves it up. (Per claim filed it moved down: the fabricated claims screening
 * catches cost a review and nothing else, and they swell the count.)
 */
export const DEFAULT_SENSITIVITY_METRIC = 'marketplace.netCostPerGenuineClaim';

/** A parameter left out or a caution about one, with the reason in words. */
export interface ParameterNote {
  readonly path: string;
  readonly reason: string;
}

export interface Sensitivity {
  readonly metric: string;
  readonly base: ScenarioRun;
  readonly baseMean: number;
  /** Ranked by the size of the swing, largest first. */
  readonly rows: readonly SensitivityRow[];
  /** Parameters that were not varied: scale parameters not named, and range ends the scenario refuses. */
  readonly skipped: readonly ParameterNote[];
  /** Parameters varied with a caution, such as a base value outside the declared range. */
  readonly warnings: readonly ParameterNote[];
}

export interface Candidates {
  readonly vary: readonly { path: string; range: [number, number] }[];
  /** Estimates with a range that are left out, and why. */
  readonly skipped: readonly ParameterNote[];
}

/** Why a scale parameter is left out of a sensitivity run that does not name it. */
export const SCALE_SKIP_REASON = 'a scale parameter: it sets the size of the simulated world, not a policy or behaviour, and per-claim figures do not depend on it (name it with --param to vary it)';

/**
 * The parameters a sensitivity run varies: those named, or every estimate with
 * a range that is not a scale parameter. Returns a message for a named
 * parameter that is unknown or has no range.
 * @example sensitivityCandidates({ 'volume.claims': { unit: 'claims', description: '', tag: 'E', source: '', range: [10000, 40000], scale: true } }, []) // { vary: [], skipped: [{ path: 'volume.claims', reason: SCALE_SKIP_REASON }] }
 */
export function sensitivityCandidates(meta: Readonly<Record<string, ParamMeta>>, named: readonly string[]): Candidates {
  if (named.length > 0) {
    const missing = named.filter((p) => !meta[p]);
    if (missing.length) throw new InputError(`unknown parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
    const unranged = named.filter((p) => !meta[p]!.range);
    if (unranged.length) throw new InputError(`no low-high range declared in the scenario for: ${unranged.join(', ')} (add range: [low, high] to the parameter)`);
    return { vary: named.map((p) => ({ path: p, range: meta[p]!.range! })), skipped: [] };
  }
  const ranged = Object.entries(meta).filter(([, m]) => m.tag === 'E' && m.range);
  return {
    vary: ranged.filter(([, m]) => m.scale !== true).map(([path, m]) => ({ path, range: m.range! })),
    skipped: ranged.filter(([, m]) => m.scale === true).map(([path]) => ({ path, reason: SCALE_SKIP_REASON })),
  };
}

/**
 * A caution when the base value lies outside the range a parameter is varied
 * over: the swing is then measured between two ends on the same side of the
 * base, or around a value the scenario's author did not consider plausible.
 * @example rangeWarning('fraud.share', 0.3, [0.05, 0.2]) // 'base value 0.3 lies outside its declared range [0.05, 0.2]: ...'
 */
export function rangeWarning(path: string, base: unknown, range: readonly [number, number]): ParameterNote | undefined {
  if (typeof base !== 'number' || (base >= range[0] && base <= range[1])) return undefined;
  return {
    path,
    reason: `base value ${base} lies outside its declared range [${range[0]}, ${range[1]}]: the swing is measured between two ends on one side of the base, so it says little about moving the parameter from where the scenario has it`,
  };
}

export async function sensitivityOf(
  given: Scenario,
  options: AnalysisOptions & { metric?: string; params?: readonly string[]; onRunDone?: (done: number, total: number) => void },
): Promise<Sensitivity> {
  const metric = options.metric ?? DEFAULT_SENSITIVITY_METRIC;
  const scenario = scenarioAt(given, options);
  const candidates = sensitivityCandidates(scenario.meta, options.params ?? []);
  const warnings = candidates.vary.flatMap(({ path, range }) => rangeWarning(path, getIn(scenario.parameters, path), range) ?? []);
  const base = await runLoaded(scenario, options);
  const baseValues = metricValues(base.output, metric);
  const rows: SensitivityRow[] = [];
  const skipped: ParameterNote[] = [...candidates.skipped];
  let done = 0;
  for (const { path, range } of candidates.vary) {
    try {
      const [low, high] = range;
      const atLow = metricValues((await runAt(scenario, options, { from: 'the low-high range', values: { [path]: low } })).output, metric);
      const atHigh = metricValues((await runAt(scenario, options, { from: 'the low-high range', values: { [path]: high } })).output, metric);
      const m = base.scenario.meta[path]!;
      rows.push({
        path,
        description: m.description,
        unit: m.unit,
        base: getIn(base.scenario.parameters, path),
        low,
        high,
        atLow: summarise(atLow).mean,
        atHigh: summarise(atHigh).mean,
        swing: pairedDifference(atLow, atHigh),
      });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      skipped.push({ path, reason: e.problems.map((p) => p.message).join('; ') });
    }
    options.onRunDone?.(++done, candidates.vary.length);
  }
  rows.sort((a, b) => Math.abs(b.swing.mean) - Math.abs(a.swing.mean) || a.path.localeCompare(b.path));
  return { metric, base, baseMean: summarise(baseValues).mean, rows, skipped, warnings };
}
