/**
 * `claimsim fit CLAIMS.csv`: fit a lognormal and a two-component lognormal
 * mixture to historical claim amounts, print both fits, and write an overlay
 * scenario that sets `claimAmount.mixture` to the better one (lower AIC), or
 * with `--empirical` sets `claimAmount.empirical` so the simulator resamples
 * the data; write results.json, fits.csv and the report (report.html) into
 * the report folder, which `claimsim report` rebuilds the report in.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { FitComparison } from '../../analysis/fit/compareFits.js';
import { FitInputError } from '../../analysis/fit/errors.js';
import { choiceReason, chosenName, fitRow, overlaySets } from '../../analysis/fit/fitText.js';
import { readClaimAmounts, type ClaimAmounts } from '../../analysis/fit/readAmounts.js';
import { fit, fitFiles, type FitResults } from '../../library/fit.js';
import { findBase } from '../../params/load.js';
import { writeFileAtomic } from '../../io/writeFiles.js';
import { reportFileNames } from '../../report/write.js';
import { claimOutputs, writeOutputs } from '../../results/write.js';
import { safeName } from '../common.js';
import { UsageError } from '../errors.js';
import { textTable } from '../../format/textTable.js';

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
      .option('report-dir', { type: 'string', describe: 'Where results.json, fits.csv and report.html go [default: reports/fit-<csv name>]' })
      .option('empirical', { type: 'boolean', default: false, describe: 'Set claimAmount.empirical to the data (1,001 quantiles above 5,000 amounts) instead of the fitted mixture' })
      .example('$0 fit claims.csv', 'fit column "amount", write claims-fit.yaml extending baseline')
      .example('$0 fit export.csv --column paid_usd --skip-bad --out scenarios/fitted.yaml', 'another column, skipping bad rows')
      .example('$0 fit claims.csv --empirical', 'resample the observed amounts instead of a fitted distribution') as unknown as Argv<FitArgs>,
  handler: async (args: ArgumentsCamelCase<FitArgs>) => {
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
    const reportDir = args.reportDir ?? join('reports', `fit-${safeName(basename(args.csv, extname(args.csv)))}`);
    // The report folder is this fit's from here on: a second writer, or a user's file at one of its names, is refused before the overlay is written.
    claimOutputs(reportDir, ['fits.csv', ...reportFileNames(), 'results.json'].sort());
    const files = await fitFiles(fitted);
    writeFileAtomic(out, overlay.text);
    writeOutputs(reportDir, files);
    process.stdout.write(fitSummary(data, results.comparison, results.empirical, out, args.base));
    process.stdout.write(`Results: ${join(reportDir, 'results.json')}\n`);
    process.stdout.write(`Report: ${join(reportDir, 'report.html')}\n`);
  },
};

/** `./<csv name without extension>-fit.yaml`. */
export function defaultFitOverlayPath(csv: string): string {
  return `${basename(csv, extname(csv))}-fit.yaml`;
}

/** The table of both fits, the choice and where the overlay went. */
export function fitSummary(data: ClaimAmounts, comparison: FitComparison, empirical: FitResults['empirical'], out: string, base: string): string {
  const skipped = data.skipped.length > 0 ? `; ${data.skipped.length} bad row${data.skipped.length === 1 ? '' : 's'} skipped (first at line ${data.skipped[0]!.line})` : '';
  const rows = [comparison.lognormal, comparison.mixture].map((f) => [...fitRow(f), f === comparison[comparison.chosen] ? '*' : '']);
  return [
    `${data.file}: ${data.values.length.toLocaleString('en-US')} amounts in column "${data.column}"${skipped}`,
    '',
    textTable(['fit', 'parameters', 'lnL (USD)', 'AIC', 'KS D', 'chosen'], rows, 2),
    '',
    `Chosen: ${chosenName(comparison.chosen)} (${choiceReason(comparison)}). lnL is of the amounts in USD; AIC = 2k - 2 lnL, k = 2 and 5.`,
    `Overlay: ${out} (extends ${base}; ${overlaySets(comparison.chosen, empirical)})`,
    '',
  ].join('\n');
}
