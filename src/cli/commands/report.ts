/** `claimsim report results.json` (or the folder holding it): rebuild the HTML report (and chart files) from saved results. */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { writeReport, type ChartFormat } from '../../report/write.js';
import { readResultsFile } from '../../results/read.js';

interface ReportArgs {
  results: string;
  out?: string;
  charts?: ChartFormat;
}

/** Whether two paths name one existing folder (through symlinks and `..`). */
function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The results file `results` names: itself, or results.json inside it when it is a folder that holds one. */
export function resultsFileOf(results: string): string {
  try {
    // A folder without results.json is left as it is, so the reader says what it is rather than naming a file inside it.
    return statSync(results).isDirectory() && existsSync(join(results, 'results.json')) ? join(results, 'results.json') : results;
  } catch {
    // Missing: the reader says so, naming it.
    return results;
  }
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <results>',
  describe: 'Rebuild the HTML report from a saved results.json',
  builder: (yargs: Argv) =>
    yargs
      .positional('results', { type: 'string', demandOption: true, describe: 'A results.json written by run, compare, sweep, sensitivity, calibrate, fit or merge, or the folder holding it' })
      .option('out', { alias: 'o', type: 'string', describe: 'Directory for report.html [default: beside results.json]; elsewhere, the results are written with it' })
      .option('charts', { choices: ['svg', 'png'] as const, describe: 'Also write each chart as its own file, for slides' })
      .example('$0 report reports/baseline/results.json', 'rebuild reports/baseline/report.html')
      .example('$0 report reports/compare-baseline/results.json --charts png', 'and a PNG of every chart')
      .example('$0 report reports/fit-claims', 'rebuild the report of claimsim fit claims.csv') as unknown as Argv<ReportArgs>,
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    const resultsFile = resultsFileOf(args.results);
    const results = readResultsFile(resultsFile);
    const besideResults = args.out === undefined || sameFolder(args.out, dirname(resultsFile));
    const file = await writeReport(args.out ?? dirname(resultsFile), results, { ...(args.charts ? { charts: args.charts } : {}), besideResults });
    process.stdout.write(`report: ${file}\n`);
  },
};
