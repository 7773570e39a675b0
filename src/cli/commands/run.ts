/** `claimsim run SCENARIO`: simulate a scenario, print the headline table, write results.json. */
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenario } from '../../params/load.js';
import { buildRunResults } from '../../results/results.js';
import { writeFileAtomic } from '../../results/write.js';
import { runScenario } from '../../sim/run.js';
import { formatUsd, headlineTable } from '../format.js';
import { UsageError } from '../errors.js';
import { progressReporter } from '../progress.js';

interface RunArgs {
  scenario: string;
  claims?: number;
  replications: number;
  seed: number;
  set: string[];
  out?: string;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario and write DIR/results.json',
  builder: (yargs: Argv) =>
    yargs
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML)' })
      .option('claims', { type: 'number', describe: 'Claims per replication (overrides volume.claims)' })
      .option('replications', { alias: 'r', type: 'number', default: 10, describe: 'Independent replications' })
      .option('seed', { alias: 's', type: 'number', default: 1, describe: 'Seed (0 to 4294967295); same seed, same results' })
      .option('set', { type: 'string', array: true, default: [], describe: 'Override a parameter: --set path=value (repeatable)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Output directory [default: reports/<scenario-name>]' })
      .example('$0 run scenarios/baseline.yaml', 'the 2021 policy, 10 replications of 20,000 claims')
      .example('$0 run scenarios/baseline.yaml --set policy.threshold=2500 --claims 50000 -r 20', 'a what-if from the command line')
      .example('$0 run scenarios/fraud-surge.yaml --seed 7 --out reports/surge', 'another scenario, seed and output directory') as unknown as Argv<RunArgs>,
  handler: (args: ArgumentsCamelCase<RunArgs>) => {
    const replications = wholeNumber(args.replications, '--replications', 1);
    const seed = wholeNumber(args.seed, '--seed', 0, 0xffffffff);
    const set = [...args.set];
    if (args.claims !== undefined) set.push(`volume.claims=${wholeNumber(args.claims, '--claims', 1)}`);
    const scenario = loadScenario(args.scenario, { set });
    const outDir = args.out ?? join('reports', safeName(scenario.name));
    const started = new Date();
    const t0 = performance.now();
    const output = runScenario(scenario.parameters, {
      seed,
      replications,
      onProgress: progressReporter(`${scenario.name}: team-replications`, scenario.parameters.volume.claims / scenario.parameters.world.teams),
    });
    const results = buildRunResults(output, {
      scenario,
      seed,
      command: ['claimsim', ...process.argv.slice(2)],
      startedAt: started,
      wallSeconds: (performance.now() - t0) / 1000,
    });
    const file = join(outDir, 'results.json');
    writeFileAtomic(file, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(
      `${scenario.name}: ${replications} replication${replications === 1 ? '' : 's'} of ${scenario.parameters.volume.claims.toLocaleString('en-US')} claims, seed ${seed}\n\n`,
    );
    process.stdout.write(`${headlineTable(results)}\n\n`);
    const largest = results.largestClaims[0];
    if (largest) {
      process.stdout.write(
        `Largest claim: ${formatUsd(largest.claimedUsd)} by ${largest.customerName} against ${largest.sellerName} over a "${largest.product}" (${largest.outcome}; names are synthetic)\n`,
      );
    }
    process.stdout.write(`${Math.round(results.timing.claimsPerSecond).toLocaleString('en-US')} claims/s; results: ${file}\n`);
  },
};

function wholeNumber(value: number, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}

/** A scenario name as a directory name: letters, digits, - and _ only. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned || 'scenario';
}
