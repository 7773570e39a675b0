/**
 * `claimsim run SCENARIO`: simulate a scenario, print the headline table, write
 * results.json; with `--shard I/N`, simulate one deterministic slice and write
 * a partial result for `claimsim merge`.
 */
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { RUN_TABLE_NAMES } from '../../export/tables.js';
import { EVENT_LOG_FILES, MAX_EVENT_LOG_CLAIMS, runFiles, simulate, simulateShard } from '../../library/simulate.js';
import { loadScenario } from '../../params/load.js';
import { reportFileNames } from '../../report/write.js';
import { partialFileName } from '../../results/partial.js';
import { claimOutputs, writeOutputs, writePartial } from '../../results/write.js';
import { defaultWorkers } from '../../sim/pool.js';
import { parseShard, runSizeProblem } from '../../sim/units.js';
import { wholeNumber } from '../../inputError.js';
import { UsageError } from '../errors.js';
import { MAX_REPLICATIONS, runDefinitionOf, safeName, withRunDefinition, type CommonArgs } from '../common.js';
import { printRun } from '../format.js';
import { claimsPerUnit, progressReporter } from '../progress.js';

/** The analyses' options (with run's own wording in --help), and run's own. */
interface RunArgs extends CommonArgs {
  scenario: string;
  shard?: string;
  precision?: number;
  maxReplications: number;
  eventLog?: number;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario and write DIR/results.json',
  builder: (yargs: Argv) =>
    withRunDefinition(yargs.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML)' }))
      .option('out', { alias: 'o', type: 'string', describe: 'Output directory [default: reports/<scenario-name>]' })
      .option('workers', { alias: 'w', type: 'number', describe: `Worker threads [default: the number of cores, ${defaultWorkers()}]` })
      .option('shard', { type: 'string', describe: 'Run only shard I of N (I from 1) and write DIR/partial-I-of-N.json for "claimsim merge"' })
      .option('precision', { type: 'number', describe: "Add replications until every headline cost metric's 95% interval is within this share of its mean (e.g. 0.02)" })
      .option('max-replications', { type: 'number', default: 200, describe: 'Cap on replications for --precision' })
      .option('charts', { choices: ['svg', 'png'] as const, describe: 'Also write each chart of the report as its own file, for slides' })
      .option('event-log', { type: 'number', describe: 'Also write the full history of K sampled claims (events.csv, events.ocel.json)' })
      .example('$0 run scenarios/baseline.yaml', 'the 2021 policy, 10 replications of 20,000 claims')
      .example('$0 run scenarios/baseline.yaml --set policy.threshold=2500 --claims 50000 -r 20', 'a what-if from the command line')
      .example('$0 run scenarios/fraud-surge.yaml --seed 7 --out reports/surge', 'another scenario, seed and output directory')
      .example('$0 run scenarios/baseline.yaml --precision 0.02', 'replications until net cost is known to within 2%')
      .example('$0 run scenarios/baseline.yaml -r 100 --shard 3/10 --out reports/big', 'one of ten shards of a big run') as unknown as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    // Every option is checked before the scenario is simulated: a typo must not cost a run.
    const { replications, seed, set } = runDefinitionOf(args);
    const workers = args.workers === undefined ? defaultWorkers() : wholeNumber(args.workers, '--workers', 1, 256);
    const executor = args.executor;
    const shard = args.shard === undefined ? undefined : parseShard(args.shard);
    const eventLogClaims = args.eventLog === undefined ? undefined : wholeNumber(args.eventLog, '--event-log', 1, MAX_EVENT_LOG_CLAIMS);
    if (args.precision !== undefined && !(args.precision > 0 && args.precision < 1)) throw new UsageError(`--precision must be a share between 0 and 1 (e.g. 0.02), got ${args.precision}`);
    const maxReplications = wholeNumber(args.maxReplications, '--max-replications', 2, MAX_REPLICATIONS);
    const scenario = loadScenario(args.scenario, { set });
    const params = scenario.parameters;
    const [flag, most] = args.precision === undefined ? ['--replications', replications] : ['--max-replications', Math.max(replications, maxReplications)];
    const tooBig = runSizeProblem(most, params.world.teams);
    if (tooBig) throw new UsageError(`${flag}: ${tooBig}`);
    const outDir = args.out ?? join('reports', safeName(scenario.name));
    const onUnitDone = progressReporter(`${scenario.name}: team-replications`, claimsPerUnit(scenario));
    const run = { replications, seed, workers, executor, onUnitDone, command: ['claimsim', ...process.argv.slice(2)] };

    if (shard) {
      const partial = await simulateShard(scenario, shard, run);
      const file = writePartial(outDir, partialFileName(shard), JSON.stringify(partial));
      process.stdout.write(`${scenario.name}: shard ${shard.index + 1} of ${shard.count}, ${partial.units.length} team-replications; partial result: ${file}\n`);
      return;
    }

    // The output folder is this run's from here on: a second writer, or a user's file at a name this run
    // writes, is refused now, not after the run.
    const names = ['results.json', ...reportFileNames(args.charts ? { charts: args.charts } : {}), ...RUN_TABLE_NAMES, ...(eventLogClaims === undefined ? [] : EVENT_LOG_FILES)];
    claimOutputs(outDir, names.sort());
    const onBatch = (n: number, worst: number) =>
      process.stderr.isTTY && !process.env.CI && process.stderr.write(`\r${scenario.name}: ${n} replications, widest interval \u00b1${(worst * 100).toFixed(2)}% of its mean\x1b[K\n`);
    const precision = args.precision === undefined ? undefined : { target: args.precision, maxReplications, onBatch };
    const results = await simulate(scenario, { ...run, ...(precision ? { precision } : {}) });
    // One commit: results.json, the tables, the event log and the report become visible together.
    writeOutputs(outDir, await runFiles(results, { executor, ...(eventLogClaims === undefined ? {} : { eventLogClaims }), ...(args.charts ? { charts: args.charts } : {}) }));
    printRun(results, join(outDir, 'results.json'));
    process.stdout.write(`report: ${join(outDir, 'report.html')}\n`);
  },
};
