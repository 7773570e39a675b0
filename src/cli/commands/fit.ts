/**
 * `claimsim fit CLAIMS.csv`: fit a lognormal and a two-component lognormal
 * mixture to historical claim amounts, print both fits, and write an overlay
 * scenario that sets `claimAmount.mixture` to the better one (lower AIC), or
 * with `--empirical` sets `claimAmount.empirical` so the simulator resamples
 * the data.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compareFits, type FitComparison, type FitReport } from '../../analysis/fit/compareFits.js';
import { empiricalAmounts, type EmpiricalAmounts } from '../../analysis/fit/empiricalAmounts.js';
import { FitInputError } from '../../analysis/fit/errors.js';
import { fitOverlay, type Overlay } from '../../analysis/fit/overlayFile.js';
import { readClaimAmounts, type ClaimAmounts } from '../../analysis/fit/readAmounts.js';
import { findBase, loadScenario } from '../../params/load.js';
import { ScenarioError } from '../../params/problems.js';
import { toCsv } from '../../export/csv.js';
import { writeFileAtomic } from '../../io/writeFiles.js';
import { writeOutputs } from '../../results/write.js';
import { ENGINE } from '../../version.js';
import { safeName } from '../common.js';
import { UsageError } from '../errors.js';
import { textTable } from '../../format/textTable.js';
import { formatUsd } from '../../format/values.js';

interface FitArgs {
  csv: string;
  column: string;
  skipBad: boolean;
  out?: string;
  base: string;
  empirical: boolean;
  reportDir?: string;
}

/** What `extends` accepts (see params/load.ts). */
const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const fitCommand: CommandModule<object, FitArgs> = {
  command: 'fit <csv>',
  describe: 'Fit claim amounts from a CSV and write an overlay scenario that uses them',
  builder: (yargs: Argv) =>
    yargs
      .positional('csv', { type: 'string', demandOption: true, describe: 'CSV file of historical claims, with a header row' })
      .option('column', { alias: 'c', type: 'string', default: 'amount', describe: 'Header name of the claim-amount column (USD)' })
      .option('skip-bad', { type: 'boolean', default: false, describe: 'Skip and count bad rows (empty, not a number, zero or negative) instead of refusing the file' })
      .option('out', { alias: 'o', type: 'string', describe: 'Overlay scenario to write [default: ./<csv name>-fit.yaml]' })
      .option('base', { type: 'string', default: 'baseline', describe: 'Scenario the overlay extends (beside --out or bundled)' })
      .option('report-dir', { type: 'string', describe: 'Where results.json and fits.csv go [default: reports/fit-<csv name>]' })
      .option('empirical', { type: 'boolean', default: false, describe: 'Set claimAmount.empirical to the data (1,001 quantiles above 5,000 amounts) instead of the fitted mixture' })
      .example('$0 fit claims.csv', 'fit column "amount", write claims-fit.yaml extending baseline')
      .example('$0 fit export.csv --column paid_usd --skip-bad --out scenarios/fitted.yaml', 'another column, skipping bad rows')
      .example('$0 fit claims.csv --empirical', 'resample the observed amounts instead of a fitted distribution') as unknown as Argv<FitArgs>,
  handler: (args: ArgumentsCamelCase<FitArgs>) => {
    if (!SCENARIO_NAME.test(args.base)) throw new UsageError(`--base must name a scenario (letters, digits, - _ .), not a path: got "${args.base}"`);
    const out = args.out ?? defaultOverlayPath(args.csv);
    let data: ClaimAmounts;
    let comparison: FitComparison;
    try {
      data = readClaimAmounts(args.csv, { column: args.column, skipBad: args.skipBad });
      comparison = compareFits(data.values);
    } catch (e) {
      if (e instanceof FitInputError) throw new UsageError(e.message.startsWith(args.csv) ? e.message : `${args.csv}: ${e.message}`);
      throw e;
    }
    const empirical = args.empirical ? empiricalAmounts(data.values) : undefined;
    const overlay = fitOverlay({ name: `${basename(args.csv, extname(args.csv))}-fit`, base: args.base, data, comparison, ...(empirical ? { empirical } : {}) });
    checkAgainstBase(overlay, args.base, out);
    writeFileAtomic(out, overlay.text);
    const reportDir = args.reportDir ?? join('reports', `fit-${safeName(basename(args.csv, extname(args.csv)))}`);
    const results = {
      kind: 'fit',
      engine: ENGINE,
      input: { file: args.csv, sha256: data.sha256, column: data.column, amounts: data.values.length, skippedRows: data.skipped.length },
      comparison,
      empirical: empirical ? { stored: empirical.values.length, quantiles: empirical.quantiles } : null,
      overlayFile: out,
      base: args.base,
      invocation: { command: ['claimsim', ...process.argv.slice(2)], startedAt: new Date().toISOString() },
    };
    writeOutputs(reportDir, { 'results.json': `${JSON.stringify(results, null, 2)}\n`, 'fits.csv': fitsCsv(comparison) });
    process.stdout.write(fitSummary(data, comparison, empirical, out, args.base));
    process.stdout.write(`Results: ${join(reportDir, 'results.json')}\n`);
  },
};

/** `./<csv name without extension>-fit.yaml`. */
export function defaultOverlayPath(csv: string): string {
  return `${basename(csv, extname(csv))}-fit.yaml`;
}

/** Refuses, before writing, an overlay whose base cannot be found or whose values the base would refuse. */
function checkAgainstBase(overlay: Overlay, base: string, out: string): void {
  const basePath = findBase(base, dirname(out));
  if (!basePath) throw new UsageError(`--base: scenario "${base}" not found (looked for it beside ${out} and among the bundled scenarios)`);
  try {
    loadScenario(basePath, { set: [`${overlay.parameter}=${JSON.stringify(overlay.value)}`] });
  } catch (e) {
    // The fitted values arrive as an override; blame the overlay that would hold them, and write nothing.
    if (e instanceof ScenarioError) throw new ScenarioError(e.problems.map((p) => (p.file === '--set' ? { ...p, file: `${out} (not written)` } : p)));
    throw e;
  }
}

/** The table of both fits, the choice and where the overlay went. */
export function fitSummary(data: ClaimAmounts, comparison: FitComparison, empirical: EmpiricalAmounts | undefined, out: string, base: string): string {
  const skipped = data.skipped.length > 0 ? `; ${data.skipped.length} bad row${data.skipped.length === 1 ? '' : 's'} skipped (first at line ${data.skipped[0]!.line})` : '';
  const rows = [comparison.lognormal, comparison.mixture].map((f) => [
    f.kind === 'mixture' ? '2-lognormal mixture' : 'lognormal',
    parametersOf(f),
    f.logLikelihood.toFixed(1),
    f.aic.toFixed(1),
    f.ks.toFixed(4),
    f === comparison[comparison.chosen] ? '*' : '',
  ]);
  const chosen = comparison[comparison.chosen];
  const other = comparison[comparison.chosen === 'mixture' ? 'lognormal' : 'mixture'];
  const why = comparison.mixture.collapsed
    ? 'the mixture collapsed onto a few amounts'
    : `AIC ${chosen.aic.toFixed(1)} vs ${other.aic.toFixed(1)}${Math.abs(chosen.aic - other.aic) < 10 ? '; within 10, so the data hardly tell them apart' : ''}`;
  const written = empirical
    ? `sets claimAmount.empirical to ${empirical.values.length.toLocaleString('en-US')} ${empirical.quantiles ? 'quantiles of the amounts' : 'amounts'}`
    : `sets claimAmount.mixture to the ${chosen.kind}`;
  return [
    `${data.file}: ${data.values.length.toLocaleString('en-US')} amounts in column "${data.column}"${skipped}`,
    '',
    textTable(['fit', 'parameters', 'lnL (USD)', 'AIC', 'KS D', 'chosen'], rows, 2),
    '',
    `Chosen: ${chosen.kind === 'mixture' ? 'the two-component lognormal mixture' : 'the lognormal'} (${why}). lnL is of the amounts in USD; AIC = 2k - 2 lnL, k = 2 and 5.`,
    `Overlay: ${out} (extends ${base}; ${written})`,
    '',
  ].join('\n');
}

function parametersOf(f: FitReport): string {
  const params = f.components.map((c) => `${f.components.length > 1 ? `${c.weight.toFixed(2)} x ` : ''}median ${formatUsd(Math.exp(c.mu))}, sigma ${c.sigma.toFixed(2)}`).join(' + ');
  return f.collapsed ? `${params} (collapsed)` : f.converged ? params : `${params} (not converged in ${f.iterations} iterations)`;
}

/** One row per fit and component: what a spreadsheet needs to compare the two fits. */
export function fitsCsv(c: FitComparison): string {
  const rows = (['lognormal', 'mixture'] as const).flatMap((kind) => {
    const f = c[kind];
    return f.components.map((comp, i) => [kind, i + 1, comp.weight, Math.exp(comp.mu), comp.sigma, f.k, f.logLikelihood, f.aic, f.ks, f.converged, f.collapsed, c.chosen === kind]);
  });
  return toCsv(['fit', 'component', 'weight', 'medianUsd', 'sigma', 'k', 'logLikelihoodUsd', 'aic', 'ksD', 'converged', 'collapsed', 'chosen'], rows);
}
