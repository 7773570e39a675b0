/**
 * `claimsim fit CLAIMS.csv`: fit a lognormal and a two-component lognormal
 * mixture to historical claim amounts, print both fits, and write an overlay
 * scenario that sets `claimAmount.mixture` to the better one (lower AIC), or
 * with `--empirical` sets `claimAmount.empirical` so the simulator resamples
 * the data.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { FitComparison, FitReport } from '../../analysis/fit/compareFits.js';
import { FitInputError } from '../../analysis/fit/errors.js';
import { readClaimAmounts, type ClaimAmounts } from '../../analysis/fit/readAmounts.js';
import { fit, type FitResults } from '../../library/fit.js';
import { findBase } from '../../params/load.js';
import { writeFileAtomic } from '../../io/writeFiles.js';
import { writeOutputs } from '../../results/write.js';
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
    const out = args.out ?? defaultFitOverlayPath(args.csv);
    if (!findBase(args.base, dirname(out))) throw new UsageError(`--base: scenario "${args.base}" not found (looked for it beside ${out} and among the bundled scenarios)`);
    let data: ClaimAmounts;
    let fitted: ReturnType<typeof fit>;
    try {
      data = readClaimAmounts(args.csv, { column: args.column, skipBad: args.skipBad });
      fitted = fit(data, { base: args.base, empirical: args.empirical, overlayFile: out, command: ['claimsim', ...process.argv.slice(2)] });
    } catch (e) {
      if (e instanceof FitInputError) throw new UsageError(e.message.startsWith(args.csv) ? e.message : `${args.csv}: ${e.message}`);
      throw e;
    }
    const { results, overlay } = fitted;
    writeFileAtomic(out, overlay.text);
    const reportDir = args.reportDir ?? join('reports', `fit-${safeName(basename(args.csv, extname(args.csv)))}`);
    writeOutputs(reportDir, { 'results.json': `${JSON.stringify(results, null, 2)}\n`, 'fits.csv': fitted.fitsCsv });
    process.stdout.write(fitSummary(data, results.comparison, results.empirical, out, args.base));
    process.stdout.write(`Results: ${join(reportDir, 'results.json')}\n`);
  },
};

/** `./<csv name without extension>-fit.yaml`. */
export function defaultFitOverlayPath(csv: string): string {
  return `${basename(csv, extname(csv))}-fit.yaml`;
}

/** The table of both fits, the choice and where the overlay went. */
export function fitSummary(data: ClaimAmounts, comparison: FitComparison, empirical: FitResults['empirical'], out: string, base: string): string {
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
    ? `sets claimAmount.empirical to ${empirical.stored.toLocaleString('en-US')} ${empirical.quantiles ? 'quantiles of the amounts' : 'amounts'}`
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
