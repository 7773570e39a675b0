/** `claimsim compare BASE OTHER...`: paired differences on common random numbers. */
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { COMPARE_TABLE_METRICS, METRICS, type MetricDefinition } from '../../collect/metrics.js';
import { comparisonsCsv } from '../../export/analysisTables.js';
import { compare } from '../../library/analyses.js';
import { loadScenario } from '../../params/load.js';
import { writeOutputs } from '../../results/write.js';
import { reportFiles } from '../../report/write.js';
import { analysisInputs, safeName, withCommonOptions, type CommonArgs } from '../common.js';
import { UsageError } from '../errors.js';
import { claimsPerUnit, progressReporter } from '../progress.js';
import { textTable } from '../../format/textTable.js';
import { formatValue, intervalText } from '../../format/values.js';
import { enoughForInterval, shownInterval } from '../../stats/interval.js';

interface CompareArgs extends CommonArgs {
  scenarios: string[];
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'Compare scenarios against the first, paired on common random numbers',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs.positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Base scenario, then the others' }), { replications: 10 })
      .example('$0 compare scenarios/baseline.yaml scenarios/threshold-2500.yaml', 'what a $2,500 threshold changes')
      .example('$0 compare scenarios/baseline.yaml scenarios/before-2021.yaml scenarios/fraud-surge.yaml -r 20', 'several at once') as unknown as Argv<CompareArgs>,
  handler: async (args: ArgumentsCamelCase<CompareArgs>) => {
    if (args.scenarios.length < 2) throw new UsageError(`compare needs a base scenario and at least one other (got only ${args.scenarios[0]})`);
    const { options, set } = analysisInputs(args);
    const [base, ...others] = args.scenarios.map((file) => loadScenario(file, { set }));
    const results = await compare(base!, others, { ...options, onUnitDone: progressReporter(`compare ${base!.name}: team-replications`, claimsPerUnit(base!)) });
    const outDir = args.out ?? join('reports', `compare-${safeName(results.scenarios[0]!.scenario.name)}`);
    const report = join(outDir, 'report.html');
    writeOutputs(outDir, {
      'results.json': `${JSON.stringify(results, null, 2)}\n`,
      'comparisons.csv': comparisonsCsv(results),
      ...(await reportFiles(results, args.charts ? { charts: args.charts } : {})),
    });
    for (const d of results.differences) {
      process.stdout.write(`\n${d.scenario} against ${d.base} (${results.replications} paired replications, seed ${results.seed}):\n`);
      const base = results.scenarios.find((s) => s.scenario.name === d.base)!;
      const other = results.scenarios.find((s) => s.scenario.name === d.scenario)!;
      const rows = COMPARE_TABLE_METRICS.map((m) => {
        const unit = (METRICS[m] as MetricDefinition).unit;
        const diff = d.metrics[m];
        return [
          m,
          formatValue(base.summary[m].mean, unit),
          formatValue(other.summary[m].mean, unit),
          formatValue(diff.mean, unit),
          intervalText(shownInterval(diff), unit),
          // The verdict rests on the interval: with too few replications there is none to rest on.
          enoughForInterval(diff.n) ? (diff.significant ? 'yes' : 'no') : 'n/a',
          diff.varianceReduction === null ? '-' : `${diff.varianceReduction.toFixed(1)}x`,
        ];
      });
      process.stdout.write(`${textTable(['metric', d.base, d.scenario, 'difference', '95% CI', 'outside noise', 'pairing gain'], rows)}\n`);
    }
    process.stdout.write(`\nresults: ${join(outDir, 'results.json')}\nreport: ${report}\n`);
  },
};
