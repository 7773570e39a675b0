/** `claimsim sensitivity BASE`: one-at-a-time sensitivity of a metric to the estimated parameters (a tornado). */
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { DEFAULT_SENSITIVITY_METRIC } from '../../analysis/sensitivity.js';
import { METRICS, type MetricDefinition } from '../../collect/metrics.js';
import { sensitivityCsv } from '../../export/analysisTables.js';
import { sensitivity } from '../../library/analyses.js';
import { loadScenario } from '../../params/load.js';
import { writeOutputs } from '../../results/write.js';
import { reportFiles } from '../../report/write.js';
import { analysisInputs, safeName, withCommonOptions, type CommonArgs } from '../common.js';
import { UsageError } from '../errors.js';
import { claimsPerUnit, progressReporter } from '../progress.js';
import { formatValue } from '../../format/values.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL } from '../../stats/interval.js';
import { textTable } from '../../format/textTable.js';

interface SensitivityArgs extends CommonArgs {
  scenario: string;
  metric: string;
  param: string[];
}

export const sensitivityCommand: CommandModule<object, SensitivityArgs> = {
  command: 'sensitivity <scenario>',
  describe: 'Vary each estimated parameter over its range and rank the effect on a metric',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Base scenario' }), { replications: 5 })
      .option('metric', {
        type: 'string',
        default: DEFAULT_SENSITIVITY_METRIC,
        describe: 'Metric to rank by (net cost per genuine claim by default: the size of the world does not move it, and more fraud raises it)',
      })
      .option('param', { type: 'string', array: true, default: [], describe: 'Only these parameters [default: every [E] parameter with a range, except scale parameters such as volume.claims]' })
      .example('$0 sensitivity scenarios/baseline.yaml --claims 5000', 'every estimate, ranked by net cost per genuine claim')
      .example(
        '$0 sensitivity scenarios/baseline.yaml --param fraud.share --param screening.detectionRate --metric marketplace.fraudPaid',
        'two parameters, another metric',
      ) as unknown as Argv<SensitivityArgs>,
  handler: async (args: ArgumentsCamelCase<SensitivityArgs>) => {
    if (!(args.metric in METRICS)) throw new UsageError(`unknown metric: ${args.metric}`);
    const { options, set } = analysisInputs(args);
    const scenario = loadScenario(args.scenario, { set });
    const results = await sensitivity(scenario, {
      ...options,
      metric: args.metric,
      params: args.param,
      onUnitDone: progressReporter(`sensitivity ${scenario.name}: team-replications`, claimsPerUnit(scenario)),
    });
    const outDir = args.out ?? join('reports', `sensitivity-${safeName(results.scenario.name)}`);
    const report = join(outDir, 'report.html');
    writeOutputs(outDir, {
      'results.json': `${JSON.stringify(results, null, 2)}\n`,
      'sensitivity.csv': sensitivityCsv(results),
      ...(await reportFiles(results, args.charts ? { charts: args.charts } : {})),
    });
    const unit = (METRICS[args.metric as keyof typeof METRICS] as MetricDefinition).unit;
    const rows = results.rows.map((r, i) => [
      `${i + 1}. ${r.path}`,
      `${r.low} .. ${r.high}`,
      formatValue(r.atLow, unit),
      formatValue(r.atHigh, unit),
      formatValue(r.swing.mean, unit),
      enoughForInterval(r.swing.n) ? (r.swing.significant ? 'yes' : 'no') : 'n/a',
    ]);
    process.stdout.write(
      `${results.scenario.name}: ${args.metric} is ${formatValue(results.baseMean, unit)} at the base; ${results.rows.length} parameters, ${results.replications} replications each\n\n`,
    );
    process.stdout.write(`${textTable(['parameter', 'low .. high', 'at low', 'at high', 'swing', 'outside noise'], rows)}\n`);
    if (!enoughForInterval(results.replications))
      process.stdout.write(`outside noise: n/a with fewer than ${MIN_REPLICATIONS_FOR_INTERVAL} replications (use -r ${MIN_REPLICATIONS_FOR_INTERVAL} or more)\n`);
    for (const w of results.warnings) process.stdout.write(`warning: ${w.path}: ${w.reason}\n`);
    for (const s of results.skipped) process.stdout.write(`skipped ${s.path}: ${s.reason}\n`);
    process.stdout.write(`\nresults: ${join(outDir, 'results.json')}\nreport: ${report}\n`);
  },
};
