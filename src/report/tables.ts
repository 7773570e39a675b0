/**
 * A report's tables, as data: what the page shows (formatted text, escaped by
 * the page) and, beside it, the same table with raw values, which the page
 * offers as a CSV download. Keeping both in one record is what lets a
 * downloaded table parse back to the report's numbers. `tablesFor` picks a
 * report's tables by the kind of its results, in the order the page shows them.
 *
 * Phase: report.
 */
import { METRICS, REPORT_DIFFERENCE_COUNT, REPORT_HEADLINE_METRICS, type MetricDefinition, type MetricName } from '../collect/metrics.js';
import { wantedText } from '../analysis/targets.js';
import type { Cell } from '../export/csv.js';
import type { SavedResults } from '../results/read.js';
import { financeTables } from './financeTables.js';
import { headlineHeader, headlineRows } from './summary.js';
import { calibrationTraceTable, parametersThatDifferTable, scenarioByScenarioTable, sweepStepsTable } from './analysisTables.js';

export interface ReportTable {
  /** Anchor and download name (`<id>.csv`); unique within a report. */
  readonly id: string;
  /** The heading of the section the table sits in; tables (and charts) of one section are shown together. */
  readonly section: string;
  /** What the table shows that its heading does not, in a sentence; optional. */
  readonly caption?: string;
  readonly header: readonly string[];
  /** Formatted cells, one array per row, as long as `header`. */
  readonly rows: readonly (readonly string[])[];
  /** Which columns hold figures (right-aligned); by default every column but the first. */
  readonly numeric?: readonly boolean[];
  /** Cells to mark (e.g. a difference outside the noise), by row and column. */
  readonly marked?: readonly (readonly boolean[])[];
  /** The same table with raw values, for the CSV download. */
  readonly csv: { readonly header: readonly string[]; readonly rows: readonly (readonly Cell[])[] };
}

export const HEADLINE_SECTION = 'Headline figures';

const unitOf = (m: string) => (METRICS[m as MetricName] as MetricDefinition | undefined)?.unit ?? '';

/** Every table of a report, headline first. */
export function tablesFor(results: SavedResults): ReportTable[] {
  switch (results.kind) {
    case 'run':
      return [headlineTable(results), ...financeTables(results)];
    case 'compare':
      return [headlineTable(results), scenarioByScenarioTable(results), parametersThatDifferTable(results)];
    case 'sweep':
      return [headlineTable(results), sweepStepsTable(results)];
    case 'sensitivity':
    case 'fit':
      return [headlineTable(results)];
    case 'calibrate':
      return [headlineTable(results), calibrationTraceTable(results)];
  }
}

/** The headline table: the figures the summary speaks of, with raw values for the download. */
export function headlineTable(r: SavedResults): ReportTable {
  // A fit's parameters are words, its Chosen column a word too: only lnL, AIC and KS D are right-aligned figures.
  const numeric = r.kind === 'fit' ? { numeric: [false, false, true, true, true, false] } : {};
  return { id: 'headline', section: HEADLINE_SECTION, header: headlineHeader(r), rows: headlineRows(r), csv: headlineCsv(r), ...numeric };
}

function headlineCsv(r: SavedResults): ReportTable['csv'] {
  switch (r.kind) {
    case 'run':
      return {
        header: ['metric', 'unit', 'mean', 'ciLow', 'ciHigh', 'p95', 'n'],
        rows: REPORT_HEADLINE_METRICS.map((m) => {
          const s = r.summary[m];
          return [m, unitOf(m), s.mean, s.ciLow, s.ciHigh, s.p95, s.n];
        }),
      };
    case 'compare':
      return {
        header: ['base', 'scenario', 'metric', 'unit', 'difference', 'ciLow', 'ciHigh', 'outsideNoise', 'n'],
        rows: r.differences.flatMap((d) =>
          REPORT_HEADLINE_METRICS.slice(0, REPORT_DIFFERENCE_COUNT).map((m) => {
            const diff = d.metrics[m];
            return [d.base, d.scenario, m, unitOf(m), diff.mean, diff.ciLow, diff.ciHigh, diff.significant, diff.n];
          }),
        ),
      };
    case 'sweep': {
      const paths = r.axes.map((a) => a.path);
      return {
        header: [...paths, 'netCostMean', 'netCostCiLow', 'netCostCiHigh', 'validPaidShareMean'],
        rows: r.points.map((p) => {
          const cost = p.summary['marketplace.netCost'];
          return [...paths.map((path) => p.values[path] ?? null), cost.mean, cost.ciLow, cost.ciHigh, p.summary['customers.validPaidShare'].mean];
        }),
      };
    }
    case 'sensitivity':
      return {
        header: ['rank', 'parameter', 'low', 'high', 'metric', 'atLow', 'atHigh', 'swing', 'swingCiLow', 'swingCiHigh'],
        rows: r.rows.map((row, i) => [i + 1, row.path, row.low, row.high, r.metric, row.atLow, row.atHigh, row.swing.mean, row.swing.ciLow, row.swing.ciHigh]),
      };
    case 'calibrate':
      return {
        header: ['name', 'kind', 'value', 'low', 'high', 'target', 'withinTolerance', 'miss'],
        rows: [
          ...r.calibration.free.map((f) => [f.path, 'free parameter', r.calibration.values[f.path]!, f.low, f.high, null, null, null]),
          ...r.calibration.achieved.map((a) => [a.metric, 'target', a.simulated, null, null, wantedText(a.wanted), a.within, a.miss]),
        ],
      };
    case 'fit':
      return fitHeadlineCsv(r.comparison);
  }
}

/** One row per fit, each component's weight, median and sigma in its own columns (blank past a fit's own components). */
function fitHeadlineCsv(c: Extract<SavedResults, { kind: 'fit' }>['comparison']): ReportTable['csv'] {
  const fits = [c.lognormal, c.mixture];
  const most = Math.max(...fits.map((f) => f.components.length));
  const componentColumns = Array.from({ length: most }, (_, i) => [`weight${i + 1}`, `medianUsd${i + 1}`, `sigma${i + 1}`]).flat();
  return {
    header: ['fit', ...componentColumns, 'k', 'logLikelihoodUsd', 'aic', 'ksD', 'converged', 'collapsed', 'chosen'],
    rows: fits.map((f) => [
      f.kind,
      ...Array.from({ length: most }, (_, i) => {
        const comp = f.components[i];
        return comp ? [comp.weight, Math.exp(comp.mu), comp.sigma] : [null, null, null];
      }).flat(),
      f.k,
      f.logLikelihood,
      f.aic,
      f.ks,
      f.converged,
      f.collapsed,
      f.kind === c.chosen,
    ]),
  };
}
