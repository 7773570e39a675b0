/**
 * What the analysis commands share: their common options, checked the same
 * way, and where and how they write their outputs.
 */
import type { Argv } from 'yargs';
import type { AnalyseOptions } from '../library/analyses.js';
import { EXECUTORS, type ExecutorKind } from '../sim/executor/executor.js';
import { defaultWorkers } from '../sim/pool.js';
import { environmentExecutor } from '../sim/executor/fromEnvironment.js';
import { MAX_UNITS } from '../sim/units.js';
import { wholeNumber } from '../inputError.js';

export interface CommonArgs {
  claims?: number;
  replications: number;
  seed: number;
  set: string[];
  out?: string;
  workers?: number;
  charts?: 'svg' | 'png';
  executor: ExecutorKind;
}

/** `--executor`: how machines are stepped. Results are identical either way; XState's own is slower. */
export const EXECUTOR_OPTION = {
  choices: EXECUTORS,
  default: environmentExecutor(),
  describe: "How the XState machines are stepped: compiled into transition tables, or by XState's own interpreter (same results, slower)",
} as const;

export function withCommonOptions<T>(yargs: Argv<T>, defaults: { replications: number }): Argv<T & CommonArgs> {
  return yargs
    .option('claims', { type: 'number', describe: 'Claims per replication (overrides volume.claims)' })
    .option('replications', { alias: 'r', type: 'number', default: defaults.replications, describe: 'Replications per scenario run' })
    .option('seed', { alias: 's', type: 'number', default: 1, describe: 'Seed shared by every run (common random numbers)' })
    .option('set', { type: 'string', array: true, default: [], describe: 'Override a parameter in every run: --set path=value' })
    .option('out', { alias: 'o', type: 'string', describe: 'Output directory' })
    .option('workers', { alias: 'w', type: 'number', describe: `Worker threads [default: ${defaultWorkers()}]` })
    .option('charts', { choices: ['svg', 'png'] as const, describe: 'Also write each chart of the report as its own file, for slides' })
    .option('executor', EXECUTOR_OPTION) as unknown as Argv<T & CommonArgs>;
}

/** The options that say which run is meant, as `run` and `jobs` both take them. */
export interface RunDefinitionArgs {
  claims?: number;
  replications: number;
  seed: number;
  set: string[];
  executor: ExecutorKind;
}

export function withRunDefinition<T>(yargs: Argv<T>): Argv<T & RunDefinitionArgs> {
  return yargs
    .option('claims', { type: 'number', describe: 'Claims per replication (overrides volume.claims)' })
    .option('replications', { alias: 'r', type: 'number', default: 10, describe: 'Independent replications' })
    .option('seed', { alias: 's', type: 'number', default: 1, describe: 'Seed (0 to 4294967295); same seed, same results' })
    .option('set', { type: 'string', array: true, default: [], describe: 'Override a parameter: --set path=value (repeatable)' })
    .option('executor', EXECUTOR_OPTION) as unknown as Argv<T & RunDefinitionArgs>;
}

/** Those options checked: the counts in range, and the `--set` lines a scenario is loaded with (`--claims` among them). */
export function runDefinitionOf(args: RunDefinitionArgs): { replications: number; seed: number; claims: number | undefined; set: string[] } {
  const replications = wholeNumber(args.replications, '--replications', 1, MAX_REPLICATIONS);
  const seed = wholeNumber(args.seed, '--seed', 0, 0xffffffff);
  const claims = args.claims === undefined ? undefined : wholeNumber(args.claims, '--claims', 1, 1e9);
  return { replications, seed, claims, set: claims === undefined ? [...args.set] : [...args.set, `volume.claims=${claims}`] };
}

/**
 * Caps on counts given on the command line, checked before anything is loaded.
 * Replications are capped again, with the scenario's teams, by `runSizeProblem`.
 */
export const MAX_REPLICATIONS = MAX_UNITS;

/** The analysis options the common flags stand for, and the `--set` lines (`--claims` among them) its scenarios are loaded with. */
export function analysisInputs(args: CommonArgs): { options: AnalyseOptions & { readonly seed: number; readonly replications: number; readonly workers: number }; set: string[] } {
  const set = [...args.set];
  if (args.claims !== undefined) set.push(`volume.claims=${wholeNumber(args.claims, '--claims', 1, 1e9)}`);
  const options = {
    seed: wholeNumber(args.seed, '--seed', 0, 0xffffffff),
    replications: wholeNumber(args.replications, '--replications', 2, MAX_REPLICATIONS),
    workers: args.workers === undefined ? defaultWorkers() : wholeNumber(args.workers, '--workers', 1, 256),
    ...(args.executor ? { executor: args.executor } : {}),
    command: ['claimsim', ...process.argv.slice(2)],
  };
  return { options, set };
}

/** A scenario name as a directory name: letters, digits, - and _ only. */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned || 'scenario';
}
