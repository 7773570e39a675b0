/**
 * Claim amounts, from the library: fit a lognormal and a two-component
 * lognormal mixture to historical amounts, choose by AIC, and state the
 * overlay scenario that uses the better fit (or, `empirical`, the data
 * itself), checked against the scenario it extends before anything is
 * written; the results carry the data's histogram and quantiles, which the
 * report draws against both fits. `claimsim fit` reads the CSV, calls `fit`,
 * and writes the overlay, the results and the report (`fitFiles`).
 *
 * Phase: analyse (fit), then export.
 */
import { basename, dirname, extname } from 'node:path';
import { compareFits, type FitComparison } from '../analysis/fit/compareFits.js';
import { empiricalAmounts } from '../analysis/fit/empiricalAmounts.js';
import { log10Histogram } from '../analysis/fit/log10Histogram.js';
import { plottingPositions, QQ_POINTS, quantilesAt } from '../analysis/fit/plottingQuantiles.js';
import { fitOverlay, type Overlay } from '../analysis/fit/overlayFile.js';
import type { ClaimAmounts } from '../analysis/fit/readAmounts.js';
import { toCsv } from '../export/csv.js';
import { InputError } from '../inputError.js';
import { findBase, loadScenario } from '../params/load.js';
import { ScenarioError } from '../params/problems.js';
import { reportFiles } from '../report/write.js';
import type { FitResults } from '../results/schema/fit.js';
import { ENGINE } from '../version.js';

export type { FitResults } from '../results/schema/fit.js';

export interface FitOptions {
  /** The scenario the overlay extends (default `baseline`), found beside `overlayFile` or among the bundled ones. */
  readonly base?: string;
  /** Set `claimAmount.empirical` to the data (resampled) instead of the fitted mixture. */
  readonly empirical?: boolean;
  /** The overlay scenario's name (default `<file name>-fit`). */
  readonly name?: string;
  /** Where the overlay will be written: where its base is looked for, and what the results record (default `<name>.yaml`). */
  readonly overlayFile?: string;
  /** Recorded in the results' invocation (default `['fit']`). */
  readonly command?: readonly string[];
}

/** What `extends` accepts: a scenario's name, never a path. */
const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Both fits of `data`, the overlay that uses the chosen one, and the results that record them. */
export function fit(data: ClaimAmounts, options: FitOptions = {}): { results: FitResults; overlay: Overlay; fitsCsv: string } {
  const startedAt = new Date().toISOString();
  const base = options.base ?? 'baseline';
  if (!SCENARIO_NAME.test(base)) throw new InputError(`base must name a scenario (letters, digits, - _ .), not a path: got "${base}"`);
  const name = options.name ?? `${basename(data.file, extname(data.file))}-fit`;
  const overlayFile = options.overlayFile ?? `${name}.yaml`;
  const comparison = compareFits(data.values);
  const empirical = options.empirical ? empiricalAmounts(data.values) : undefined;
  const overlay = fitOverlay({ name, base, data, comparison, ...(empirical ? { empirical } : {}) });
  checkAgainstBase(overlay, base, overlayFile);
  const probabilities = plottingPositions(QQ_POINTS);
  const results: FitResults = {
    kind: 'fit',
    engine: ENGINE,
    input: { file: data.file, sha256: data.sha256, column: data.column, amounts: data.values.length, skippedRows: data.skipped.length },
    comparison,
    empirical: empirical ? { stored: empirical.values.length, quantiles: empirical.quantiles } : null,
    overlayFile,
    base,
    histogram: log10Histogram(data.values),
    quantiles: { probabilities, usd: quantilesAt(data.values, probabilities) },
    invocation: { command: [...(options.command ?? ['fit'])], startedAt },
  };
  return { results, overlay, fitsCsv: fitsCsv(comparison) };
}

/** The files of a fit's report folder, by name: results.json, fits.csv and the report (report.html), to be written at once. */
export async function fitFiles(fitted: { results: FitResults; fitsCsv: string }): Promise<Record<string, string | Buffer>> {
  return { 'results.json': `${JSON.stringify(fitted.results, null, 2)}\n`, 'fits.csv': fitted.fitsCsv, ...(await reportFiles(fitted.results)) };
}

/** Refuses an overlay whose base cannot be found or whose values the base would refuse. */
function checkAgainstBase(overlay: Overlay, base: string, out: string): void {
  const basePath = findBase(base, dirname(out));
  if (!basePath) throw new InputError(`base: scenario "${base}" not found (looked for it beside ${out} and among the bundled scenarios)`);
  try {
    loadScenario(basePath, { set: [`${overlay.parameter}=${JSON.stringify(overlay.value)}`] });
  } catch (e) {
    // The fitted values arrive as an override; blame the overlay that would hold them, and write nothing.
    if (e instanceof ScenarioError) throw new ScenarioError(e.problems.map((p) => (p.file === '--set' ? { ...p, file: `${out} (not written)` } : p)));
    throw e;
  }
}

/** One row per fit and component: what a spreadsheet needs to compare the two fits. */
export function fitsCsv(c: FitComparison): string {
  const rows = (['lognormal', 'mixture'] as const).flatMap((kind) => {
    const f = c[kind];
    return f.components.map((comp, i) => [kind, i + 1, comp.weight, Math.exp(comp.mu), comp.sigma, f.k, f.logLikelihood, f.aic, f.ks, f.converged, f.collapsed, c.chosen === kind]);
  });
  return toCsv(['fit', 'component', 'weight', 'medianUsd', 'sigma', 'k', 'logLikelihoodUsd', 'aic', 'ksD', 'converged', 'collapsed', 'chosen'], rows);
}
