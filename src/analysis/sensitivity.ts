/**
 * One-at-a-time sensitivity: each estimated parameter (tag E, with a declared
 * low-high range) is set to its low and then its high value with everything
 * else at the base, on common random numbers; parameters are ranked by how far
 * that moves a chosen metric. The data behind a tornado chart.
 */
import type { ParamMeta } from '../params/meta.js';
import { getIn } from '../params/overlay.js';
import { ScenarioError } from '../params/problems.js';
import { pairedDifference, type PairedDifference } from '../stats/paired.js';
import { summarise } from '../stats/summary.js';
import { loadFile, metricValues, runFile, runLoaded, type AnalysisOptions, type ScenarioRun } from './runs.js';

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

export interface Sensitivity {
  readonly metric: string;
  readonly base: ScenarioRun;
  readonly baseMean: number;
  /** Ranked by the size of the swing, largest first. */
  readonly rows: readonly SensitivityRow[];
  /** Parameters that could not be varied (named without a range, or a range end the scenario refuses). */
  readonly skipped: readonly { path: string; reason: string }[];
}

/** The parameters a sensitivity run varies: those named, or every estimate with a range. */
export function sensitivityCandidates(meta: Readonly<Record<string, ParamMeta>>, named: readonly string[]): { path: string; range: [number, number] }[] | string {
  if (named.length > 0) {
    const missing = named.filter((p) => !meta[p]);
    if (missing.length) return `unknown parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`;
    const unranged = named.filter((p) => !meta[p]!.range);
    if (unranged.length) return `no low-high range declared in the scenario for: ${unranged.join(', ')} (add range: [low, high] to the parameter)`;
    return named.map((p) => ({ path: p, range: meta[p]!.range! }));
  }
  return Object.entries(meta)
    .filter(([, m]) => m.tag === 'E' && m.range)
    .map(([path, m]) => ({ path, range: m.range! }));
}

export async function sensitivityOf(
  file: string,
  options: AnalysisOptions & { metric: string; params?: readonly string[]; onRunDone?: (done: number, total: number) => void },
): Promise<Sensitivity> {
  const scenario = loadFile(file, options);
  const candidates = sensitivityCandidates(scenario.meta, options.params ?? []);
  if (typeof candidates === 'string') throw new RangeError(candidates);
  const base = await runLoaded(scenario, options);
  const baseValues = metricValues(base.output, options.metric);
  const rows: SensitivityRow[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let done = 0;
  for (const { path, range } of candidates) {
    try {
      const [low, high] = range;
      const atLow = metricValues((await runFile(file, options, { from: 'the low-high range', values: { [path]: low } })).output, options.metric);
      const atHigh = metricValues((await runFile(file, options, { from: 'the low-high range', values: { [path]: high } })).output, options.metric);
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
    options.onRunDone?.(++done, candidates.length);
  }
  rows.sort((a, b) => Math.abs(b.swing.mean) - Math.abs(a.swing.mean) || a.path.localeCompare(b.path));
  return { metric: options.metric, base, baseMean: summarise(baseValues).mean, rows, skipped };
}
