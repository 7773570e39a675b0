/**
 * `claimsim jobs slurm|kubernetes SCENARIO --shards N --out DIR`: write the job
 * files that run a sharded run on a batch scheduler and merge it.
 */
import { isAbsolute } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadScenario } from '../../params/load.js';
import { runSizeProblem } from '../../sim/units.js';
import { ENGINE } from '../../version.js';
import { wholeNumber } from '../../inputError.js';
import { UsageError } from '../errors.js';
import { MAX_REPLICATIONS, runDefinitionOf, withRunDefinition, type RunDefinitionArgs } from '../common.js';
import { jobFiles, kubernetesName, SCHEDULERS, writeJobFiles, type Scheduler } from '../jobs.js';

interface JobsArgs extends RunDefinitionArgs {
  scheduler: Scheduler;
  scenario: string;
  shards: number;
  out: string;
  jobDir?: string;
  image: string;
  pvc: string;
}

export const jobsCommand: CommandModule<object, JobsArgs> = {
  command: 'jobs <scheduler> <scenario>',
  describe: 'Write the job files for a sharded run on Slurm or Kubernetes, and its merge',
  builder: (yargs: Argv) =>
    withRunDefinition(yargs)
      .positional('scheduler', {
        choices: SCHEDULERS,
        demandOption: true,
        describe: 'slurm: an sbatch array, a merge job and a submit script; kubernetes: an Indexed Job manifest and a merge Job manifest',
      })
      .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML), as the jobs will find it on the cluster' })
      .option('shards', { type: 'number', demandOption: true, describe: 'Shards, one per array task or Job index' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: "Output directory on the cluster: the shards' partials and the merged results.json" })
      .option('job-dir', {
        type: 'string',
        describe: 'Where to write the job files [default: slurm, the --out directory (on the shared file system); kubernetes, the current directory (--out is a path inside the container)]',
      })
      .option('image', { type: 'string', default: `claimsim:${ENGINE.version}`, describe: 'kubernetes: the container image (this repository with npm ci done)' })
      .option('pvc', { type: 'string', default: 'claimsim-results', describe: 'kubernetes: the PersistentVolumeClaim mounted at --out' })
      .example('$0 jobs slurm scenarios/baseline.yaml --shards 4 -r 40 --out results/big --job-dir jobs', 'then: bash jobs/claimsim-baseline-submit.sh')
      .example(
        '$0 jobs kubernetes scenarios/baseline.yaml --shards 10 -r 200 --out /results --job-dir k8s',
        'then: kubectl apply -f k8s/claimsim-baseline.job.yaml, and the -merge.job.yaml once it has finished',
      )
      .epilog(
        "slurm writes claimsim-NAME.sbatch (the array, one shard per task), claimsim-NAME-merge.sbatch (claimsim merge, submitted with --dependency=afterany on the array) and claimsim-NAME-submit.sh, which holds the run's values, submits both and prints their job ids. " +
          'kubernetes writes claimsim-NAME.job.yaml (an Indexed Job) and claimsim-NAME-merge.job.yaml, a second Job to apply once the first has finished. ' +
          'Existing files are never overwritten.',
      ) as unknown as Argv<JobsArgs>,
  handler: (args: ArgumentsCamelCase<JobsArgs>) => {
    // The same checks as run's, all before anything is written.
    const shards = wholeNumber(args.shards, '--shards', 1, MAX_REPLICATIONS);
    const { replications, seed, claims, set: loadSet } = runDefinitionOf(args);
    const set = [...args.set];
    if (args.out.trim() === '') throw new UsageError('--out must name a directory');
    if (args.scheduler === 'kubernetes' && !isAbsolute(args.out))
      throw new UsageError(`--out must be an absolute path inside the container for kubernetes (the volume's mount path), got "${args.out}"`);
    const scenario = loadScenario(args.scenario, { set: loadSet });
    const teams = scenario.parameters.world.teams;
    const tooBig = runSizeProblem(replications, teams);
    if (tooBig) throw new UsageError(`--replications: ${tooBig}`);
    if (shards > replications * teams)
      throw new UsageError(
        `--shards: ${shards} shards of ${replications * teams} team-replications (${replications} replications of ${teams} teams) leave some shards empty; use at most ${replications * teams}`,
      );
    const spec = { name: scenario.name, scenario: args.scenario, claims, replications, seed, set, executor: args.executor, shards, out: args.out, image: args.image, pvc: args.pvc };
    // A Kubernetes --out names the volume inside the container, not a folder here.
    const dir = args.jobDir ?? (args.scheduler === 'kubernetes' ? '.' : args.out);
    const written = writeJobFiles(dir, jobFiles(args.scheduler, spec));
    for (const path of written) process.stdout.write(`wrote ${path}\n`);
    if (args.scheduler === 'slurm') {
      process.stdout.write(`submit: bash ${written[2]}   (prints the array and merge job ids; the merge runs after every task, and names missing shards)\n`);
    } else {
      const name = kubernetesName(scenario.name);
      process.stdout.write(`submit: kubectl apply -f ${written[0]}\n`);
      process.stdout.write(`then, once it has finished: kubectl wait --for=condition=complete --timeout=24h job/${name} && kubectl apply -f ${written[1]}\n`);
    }
  },
};
