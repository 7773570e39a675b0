/**
 * The report tables of the analyses, each answering its own question:
 * compare, which scenario moves which headline figure and by how much (and
 * which parameters make the scenarios differ); sweep, what each step along
 * the grid costs; calibrate, how the search got where it did. Pure functions
 * of the results: every cell is a number results.json holds, or one worked
 * from those numbers here (a difference of two means, a ratio of steps, a
 * target's miss).
 *
 * Phase: report.
 */
import { targetMiss, wantedText } from '../analysis/targets.js';
import { HEADLINE_COSTS, METRICS, REPORT_HEADLINE_METRICS, type MetricDefinition, type MetricName } from '../collect/metrics.js';
import type { Cell } from '../export/csv.js';
import { formatChange, formatParameter, formatUsd, formatValue } from '../format/values.js';
import { getIn } from '../params/overlay.js';
import type { CalibrationResults, CompareResults, SweepResults } from '../results/schema/analyses.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL, type ShownInterval, shownInterval } from '../stats/interval.js';
import { metricLabel } from './charts/labels.js';
import type { ReportTable } from './tables.js';

export const COMPARE_SECTION = 'Scenario by scenario';
export const PARAMETERS_DIFFER_SECTION = 'Parameters that differ';
export const SWEEP_SECTION = 'Step by step';
export const TRACE_SECTION = 'The search';

const definition = (m: MetricName) => METRICS[m] as MetricDefinition;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A parameter's value as a table shows it: a number or word as it is, a list or a distribution as JSON. */
export function parameterText(value: unknown): string {
  return value === undefined ? '(not set)' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A free parameter's value at one evaluation, or "-" where a (hand-edited) trace has none. */
export function tracedValue(values: Readonly<Record<string, number>>, path: string, unit: string | undefined): string {
  const v = values[path];
  return v === undefined ? '-' : formatParameter(v, unit);
}

/** A parameter's value as a CSV cell: numbers, words and booleans as they are, anything else as JSON. */
function parameterCell(value: unknown): Cell {
  if (value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

// ---------------------------------------------------------------- compare

/**
 * A paired difference and its 95% interval in one short cell: "+$45.2k ± $4,400".
 * A paired t interval is symmetric about the mean, so its half-width says it
 * all; an interval that is not (a hand-edited results.json) is written out.
 * @example differenceText(1200, { kind: 'interval', low: 200, high: 2200, clipped: false }, 'USD') // "+$1,200 ±\u00a0$1,000"
 * @example differenceText(1200, { kind: 'too-few', n: 3 }, 'USD') // "+$1,200"
 */
export function differenceText(mean: number, shown: ShownInterval, unit: string): string {
  const change = formatChange(mean, unit);
  // Too few replications: the difference alone; the table's caption says once why no interval is given.
  if (shown.kind === 'too-few') return change;
  const half = (shown.high - shown.low) / 2;
  const symmetric = Math.abs(shown.low + half - mean) <= 1e-9 * Math.max(1, Math.abs(mean), half);
  // No-break spaces inside each part, so a narrow cell breaks only between the difference and its "± half-width".
  const keep = (text: string) => text.replace(/ /g, '\u00a0');
  return symmetric ? `${keep(change)} ${keep(`± ${formatChange(half, unit).replace(/^\+/, '')}`)}` : `${change} (${formatChange(shown.low, unit)} to ${formatChange(shown.high, unit)})`;
}

/**
 * One row per headline metric: each scenario's mean, and for each scenario
 * after the base its paired difference against the base with the 95%
 * interval. A difference outside the noise is marked; with too few
 * replications the interval cell says so and nothing is marked.
 */
export function scenarioByScenarioTable(r: CompareResults): ReportTable {
  const [base, ...others] = r.scenarios;
  const baseName = base!.scenario.name;
  // A hand-edited results.json may lack a scenario's difference: its cells then say "-".
  const diffOf = (name: string) => r.differences.find((d) => d.scenario === name && d.base === baseName);
  const header = ['Metric', `${baseName} (base)`, ...others.flatMap((s) => [s.scenario.name, `minus ${baseName}, ± 95%`])];
  const rows: string[][] = [];
  const marked: boolean[][] = [];
  const csvRows: Cell[][] = [];
  for (const m of REPORT_HEADLINE_METRICS) {
    const unit = definition(m).unit;
    const row = [metricLabel(m), formatValue(base!.summary[m].mean, unit)];
    const mark = [false, false];
    const csv: Cell[] = [m, unit, base!.summary[m].mean];
    for (const s of others) {
      const d = diffOf(s.scenario.name)?.metrics[m];
      if (!d) {
        row.push(formatValue(s.summary[m].mean, unit), '-');
        mark.push(false, false);
        csv.push(s.summary[m].mean, null, null, null, null);
        continue;
      }
      const shown = shownInterval(d);
      const outside = shown.kind === 'interval' && d.significant;
      // The difference and its interval in one cell: with five scenarios, a column each would not fit the page.
      row.push(formatValue(s.summary[m].mean, unit), differenceText(d.mean, shown, unit));
      mark.push(false, outside);
      csv.push(s.summary[m].mean, d.mean, d.ciLow, d.ciHigh, enoughForInterval(d.n) ? d.significant : null);
    }
    rows.push(row);
    marked.push(mark);
    csvRows.push(csv);
  }
  const caption = enoughForInterval(r.replications)
    ? `Each scenario's mean over ${r.replications} replications, and its difference from ${baseName} taken replication by replication on the same claims, ± the half-width of its 95% interval. Highlighted: a difference whose interval excludes zero, a change outside the noise.`
    : `Each scenario's mean over ${plural(r.replications, 'replication')}, and its difference from ${baseName} taken replication by replication on the same claims. With fewer than ${MIN_REPLICATIONS_FOR_INTERVAL} replications no interval is given and no difference is called outside the noise; the CSV keeps the intervals computed.`;
  return {
    id: 'scenario-by-scenario',
    section: COMPARE_SECTION,
    caption,
    header,
    rows,
    // Means stay on one line; the difference cells wrap (a table of only unbreakable cells squeezes the metric column to a letter a line).
    numeric: header.map((_, i) => i === 1 || (i > 1 && i % 2 === 0)),
    marked,
    csv: {
      header: ['metric', 'unit', `${baseName} mean`, ...others.flatMap((s) => ['mean', 'difference', 'ciLow', 'ciHigh', 'outsideNoise'].map((f) => `${s.scenario.name} ${f}`))],
      rows: csvRows,
    },
  };
}

/** A parameter whose value is not the same in every scenario of a comparison, with each scenario's value (base first). */
export interface DifferingParameter {
  readonly path: string;
  readonly unit: string;
  readonly values: readonly unknown[];
}

/**
 * The parameter paths (those any scenario's metadata lists, base's first)
 * whose values are not all equal across the scenarios. Values are compared
 * as JSON, so a list or a distribution differs when any entry does.
 */
export function differingParameters(r: CompareResults): DifferingParameter[] {
  const paths = [...new Set(r.scenarios.flatMap((s) => Object.keys(s.parameterMeta)))];
  return paths.flatMap((path) => {
    const values = r.scenarios.map((s) => getIn(s.parameters, path));
    const differ = new Set(values.map((v) => JSON.stringify(v) ?? 'undefined')).size > 1;
    const unit = r.scenarios.map((s) => s.parameterMeta[path]?.unit).find((u) => u !== undefined) ?? '';
    return differ ? [{ path, unit, values }] : [];
  });
}

/** Only the parameters that make the scenarios differ, each scenario's value side by side. */
export function parametersThatDifferTable(r: CompareResults): ReportTable {
  const differing = differingParameters(r);
  const names = r.scenarios.map((s) => s.scenario.name);
  const total = new Set(r.scenarios.flatMap((s) => Object.keys(s.parameterMeta))).size;
  const caption =
    differing.length === 0
      ? `All ${total} parameters are the same in every scenario: the scenarios differ only in name.`
      : `${differing.length} of ${total} parameters differ; every other one is as in ${names[0]}, whose full table (with sources) is under Parameters below.`;
  return {
    id: 'parameters-that-differ',
    section: PARAMETERS_DIFFER_SECTION,
    caption,
    header: ['Parameter', 'Unit', ...names],
    rows: differing.map((d) => [d.path, d.unit, ...d.values.map(parameterText)]),
    // Figures right-aligned on one line; a list or a distribution (JSON) wraps instead, so it cannot widen the page.
    numeric: [false, false, ...names.map(() => differing.every((d) => d.values.every((v) => typeof v !== 'object')))],
    csv: { header: ['parameter', 'unit', ...names], rows: differing.map((d) => [d.path, d.unit, ...d.values.map(parameterCell)]) },
  };
}

// ---------------------------------------------------------------- sweep

/** One step along a sweep's first axis, within one value of the second (if any). */
export interface SweepStep {
  /** Index of the point the step ends at, in `points`. */
  readonly point: number;
  /** Index of the point it starts from. */
  readonly from: number;
  /** The step in the first axis's value, and in the mean net cost. */
  readonly dx: number;
  readonly dCost: number;
  /** dCost / dx: net cost per unit of the first axis. */
  readonly marginal: number;
}

/**
 * The steps along the first axis: points grouped by the other axes' values,
 * sorted by the first axis's value, each point against the one before it.
 * The first point of each group starts no step.
 */
export function sweepSteps(r: SweepResults): SweepStep[] {
  const [first, ...rest] = r.axes.map((a) => a.path);
  const key = (i: number) => JSON.stringify(rest.map((p) => r.points[i]!.values[p]));
  const groups = new Map<string, number[]>();
  r.points.forEach((_, i) => {
    groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  });
  const x = (i: number) => r.points[i]!.values[first!]!;
  const cost = (i: number) => r.points[i]!.summary['marketplace.netCost'].mean;
  return [...groups.values()].flatMap((group) => {
    const sorted = [...group].sort((a, b) => x(a) - x(b));
    return sorted.slice(1).map((point, k) => {
      const from = sorted[k]!;
      const dx = x(point) - x(from);
      const dCost = cost(point) - cost(from);
      return { point, from, dx, dCost, marginal: dCost / dx };
    });
  });
}

/** "$1 of policy.threshold" or "1 (share of claims) of fraud.share": one unit of the axis, in words. */
export function axisUnitPhrase(path: string, unit: string | undefined): string {
  return unit === 'USD' ? `$1 of ${path}` : `1${unit ? ` (${unit})` : ''} of ${path}`;
}

/**
 * Dollars per unit, with three significant figures however small (a marginal
 * cost of 40 cents per $1 must not read "$0").
 * @example formatRate(0.4037) // "$0.404"
 * @example formatRate(-12_345) // "-$12.3k"
 */
export function formatRate(usd: number): string {
  if (!Number.isFinite(usd)) return '-';
  if (Math.abs(usd) >= 1e4 || usd === 0) return formatUsd(usd);
  return `${usd < 0 ? '-' : ''}$${Number(Math.abs(usd).toPrecision(3)).toLocaleString('en-US', { maximumSignificantDigits: 3 })}`;
}

/**
 * A row per point: its axis values, each headline cost metric's mean and
 * difference against the first point, and the marginal net cost of the step
 * that reaches it along the first axis.
 */
export function sweepStepsTable(r: SweepResults): ReportTable {
  const paths = r.axes.map((a) => a.path);
  const firstPath = paths[0]!;
  const unitOf = (p: string) => r.parameterMeta[p]?.unit;
  const per = axisUnitPhrase(firstPath, unitOf(firstPath));
  const steps = new Map(sweepSteps(r).map((s) => [s.point, s]));
  const origin = r.points[0]!;
  const originText = paths.map((p) => `${p} = ${formatParameter(origin.values[p]!, unitOf(p))}`).join(', ');
  const costs = HEADLINE_COSTS;
  const header = [...paths, ...costs.flatMap((m) => [metricLabel(m), 'against the first point']), `Marginal net cost ($ per ${per})`];
  const rows = r.points.map((p, i) => {
    const step = steps.get(i);
    return [
      ...paths.map((path) => formatParameter(p.values[path]!, unitOf(path))),
      ...costs.flatMap((m) => [formatUsd(p.summary[m].mean), i === 0 ? '(first point)' : formatChange(p.summary[m].mean - origin.summary[m].mean, 'USD')]),
      step ? formatRate(step.marginal) : '-',
    ];
  });
  const within = paths.length > 1 ? `, along ${firstPath} within each value of ${paths.slice(1).join(' and ')}` : '';
  return {
    id: 'sweep-steps',
    section: SWEEP_SECTION,
    caption:
      `Differences are against the first point (${originText}), as differences of means: results.json keeps each point's summary, not its replications, so they carry no interval. ` +
      `The marginal net cost is the change in mean net cost from the previous point divided by the step in ${firstPath}${within}.`,
    header,
    rows,
    numeric: header.map((_, i) => i >= paths.length),
    csv: {
      header: [...paths, ...costs.flatMap((m) => [`${m} mean`, `${m} againstFirst`]), 'marginalNetCostPerUnit', 'stepFrom'],
      rows: r.points.map((p, i) => {
        const step = steps.get(i);
        return [
          ...paths.map((path) => p.values[path]!),
          ...costs.flatMap((m) => [p.summary[m].mean, p.summary[m].mean - origin.summary[m].mean]),
          step ? step.marginal : null,
          step ? r.points[step.from]!.values[firstPath]! : null,
        ];
      }),
    },
  };
}

// ---------------------------------------------------------------- calibrate

/** One evaluation of a calibration's search, with each target's miss worked from its simulated mean. */
export interface TraceRow {
  /** 1 for the search's first evaluation. */
  readonly evaluation: number;
  readonly values: Readonly<Record<string, number>>;
  /** Each target's simulated mean and miss, in target order; null where a (hand-edited) trace has no value. */
  readonly simulated: readonly (number | null)[];
  readonly misses: readonly (number | null)[];
  readonly objective: number;
  /** The evaluation the calibration kept (the first with the least objective). */
  readonly best: boolean;
}

/** The search trace of a calibration, in the order it ran; the miss of each target is `targetMiss` of its simulated mean, as the search measured it. */
export function traceRows(r: CalibrationResults): TraceRow[] {
  const c = r.calibration;
  const least = Math.min(...c.trace.map((t) => t.objective));
  const bestIndex = c.trace.findIndex((t) => t.objective === least);
  return c.trace.map((t, i) => ({
    evaluation: i + 1,
    values: t.values,
    simulated: c.targets.map((_, k) => t.simulated[k] ?? null),
    misses: c.targets.map((target, k) => {
      const simulated = t.simulated[k];
      return simulated === undefined ? null : targetMiss(target.wanted, simulated);
    }),
    objective: t.objective,
    best: i === bestIndex,
  }));
}

/** A simulated mean to five figures, or "-" for none. */
const simulatedText = (x: number | null) => (x === null ? '-' : String(Number(x.toPrecision(5))));
/** A miss as a signed percentage, "within" at zero, "-" for none. */
const missText = (x: number | null) => (x === null ? '-' : x === 0 ? 'within' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(2)}%`);

/** Each evaluation of the search: the free parameters' values, each target's simulated mean and miss, and the objective; the kept one marked. */
export function calibrationTraceTable(r: CalibrationResults): ReportTable {
  const c = r.calibration;
  const rows = traceRows(r);
  const unitOf = (p: string) => r.parameterMeta[p]?.unit;
  const header = ['Evaluation', ...c.free.map((f) => f.path), ...c.targets.flatMap((t) => [`${t.metric} (target ${wantedText(t.wanted)})`, 'miss']), 'Objective'];
  const width = header.length;
  return {
    id: 'calibration-trace',
    section: TRACE_SECTION,
    caption: `Every simulation the search ran, in order. A miss is how far the simulated mean lies outside what its target accepts, relative to the target (0 within); the objective is the sum of squared misses. Highlighted: evaluation ${rows.find((t) => t.best)?.evaluation ?? '-'}, the one kept.`,
    header,
    rows: rows.map((t) => [
      String(t.evaluation),
      ...c.free.map((f) => tracedValue(t.values, f.path, unitOf(f.path))),
      ...c.targets.flatMap((_, k) => [simulatedText(t.simulated[k]!), missText(t.misses[k]!)]),
      Number(t.objective.toPrecision(4)).toString(),
    ]),
    marked: rows.map((t) => new Array<boolean>(width).fill(t.best)),
    csv: {
      header: ['evaluation', ...c.free.map((f) => f.path), ...c.targets.flatMap((t) => [`${t.metric} simulated`, `${t.metric} miss`]), 'objective', 'kept'],
      rows: rows.map((t) => [t.evaluation, ...c.free.map((f) => t.values[f.path] ?? null), ...c.targets.flatMap((_, k) => [t.simulated[k]!, t.misses[k]!]), t.objective, t.best]),
    },
  };
}
