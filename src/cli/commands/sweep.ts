/** `claimsim sweep BASE --param PATH=FROM..TO:STEP [--param ...]`: a grid of runs on common random numbers. */
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { parseAxis, type Axis } from '../../analysis/grid.js';
import { METRICS, type MetricDefinition, type MetricName } from '../../collect/metrics.js';
import { sweepCsv } from '../../export/analysisTables.js';
import { sweep } from '../../library/analyses.js';
import { loadScenario } from '../../params/load.js';
import { writeOutputs } from '../../results/write.js';
import { reportFiles } from '../../report/write.js';
import { analysisInputs, safeName, withCommonOptions, type CommonArgs } from '../common.js';
import { UsageError } from '../errors.js';
import { claimsPerUnit, progressReporter } from '../progress.js';
import { formatValue, intervalText } from '../../format/values.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL, shownInterval } from '../../stats/interval.js';
import { textTable } from '../../format/textTable.js';

interface SweepArgs extends CommonArgs {
  scenario: string;
  param: string[];
  metric: string[];
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'Run a scenario over a grid of one or two parameters',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Base scenario' }), { replications: 10 })
      .option('param', { type: 'string', array: true, demandOption: true, describe: 'PATH=FROM..TO:STEP or PATH=A,B,C (once or twice)' })
      .option('metric', { type: 'string', array: true, default: ['marketplace.netCost', 'customers.validPaidShare'], describe: 'Metrics to print (all are saved)' })
      .example('$0 sweep scenarios/baseline.yaml --param policy.threshold=500..2500:500', 'cost against the threshold')
      .example('$0 sweep scenarios/baseline.yaml --param policy.threshold=500,1000,2500 --param fraud.share=0.05..0.2:0.05', 'a 2-D grid') as unknown as Argv<SweepArgs>,
  handler: async (args: ArgumentsCamelCase<SweepArgs>) => {
    const axes: Axis[] = args.param.map(parseAxis);
    if (axes.length > 2) throw new UsageError('a sweep takes one or two --param grids');
    const unknown = args.metric.filter((m) => !(m in METRICS));
    if (unknown.length) throw new UsageError(`unknown metric${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
    const { options, set } = analysisInputs(args);
    const scenario = loadScenario(args.scenario, { set });
    const results = await sweep(scenario, axes, { ...options, onUnitDone: progressReporter(`sweep ${scenario.name}: team-replications`, claimsPerUnit(scenario)) });
    const outDir = args.out ?? join('reports', `sweep-${safeName(results.scenario.name)}`);
    const report = join(outDir, 'report.html');
    writeOutputs(outDir, { 'results.json': `${JSON.stringify(results, null, 2)}\n`, 'sweep.csv': sweepCsv(results), ...(await reportFiles(results, args.charts ? { charts: args.charts } : {})) });
    const metrics = args.metric as MetricName[];
    const rows = results.points.map((p) => [
      ...axes.map((a) => String(p.values[a.path])),
      ...metrics.map((m) => {
        const s = p.summary[m];
        const unit = (METRICS[m] as MetricDefinition).unit;
        const shown = shownInterval(s, { nonNegative: true });
        return shown.kind === 'too-few' ? formatValue(s.mean, unit) : `${formatValue(s.mean, unit)} (${intervalText(shown, unit)})`;
      }),
    ]);
    process.stdout.write(`${results.scenario.name}: ${results.points.length} points, ${results.replications} replications each, seed ${results.seed}\n`);
    process.stdout.write(
      enoughForInterval(results.replications)
        ? 'Each cell: mean (95% interval of the mean).\n\n'
        : `Each cell: mean. No intervals: ${results.replications} replications are fewer than the ${MIN_REPLICATIONS_FOR_INTERVAL} an interval needs to mean anything (use -r ${MIN_REPLICATIONS_FOR_INTERVAL} or more).\n\n`,
    );
    process.stdout.write(`${textTable([...axes.map((a) => a.path), ...metrics], rows)}\n\nresults: ${join(outDir, 'results.json')}\nreport: ${report}\n`);
  },
};
