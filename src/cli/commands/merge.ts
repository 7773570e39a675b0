/** `claimsim merge DIR...`: combine the partial results of a sharded run into results.json. */
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { mergePartials, MissingShards, shardRunArguments, type Merged } from '../../results/partial.js';
import { readPartialFile, ResultsFileError } from '../../results/read.js';
import { buildRunResults } from '../../results/results.js';
import { claimOutputs, writeOutputs } from '../../results/write.js';
import { runTables } from '../../export/tables.js';
import { reportFiles } from '../../report/write.js';
import { reportFailure, UsageError } from '../errors.js';
import { printRun } from '../format.js';
import { shellQuote } from '../jobs.js';
import { terminalSafe } from '../terminal.js';

interface MergeArgs {
  dirs: string[];
  out?: string;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Merge partial results (partial-*.json) of a sharded run into results.json',
  builder: (yargs: Argv) =>
    yargs
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Directories (or files) holding the partial results' })
      .option('out', { alias: 'o', type: 'string', describe: 'Output directory [default: the first directory given]' })
      .example('$0 merge reports/big', 'merge every shard written into reports/big')
      .example('$0 merge /mnt/shard-*/ --out reports/big', 'merge shards collected from several nodes') as unknown as Argv<MergeArgs>,
  handler: async (args: ArgumentsCamelCase<MergeArgs>) => {
    const t0 = performance.now();
    const files = args.dirs.flatMap((d) => partialFiles(d));
    if (files.length === 0) throw new UsageError(`no partial-*.json files in ${args.dirs.join(', ')}`);
    // Each file is checked whole before any is merged, so a malformed one cannot fail the merge part-way;
    // all are read, so that every unreadable one is named, and its shard rerun with the missing ones.
    const read = files.map((file) => {
      try {
        return { file, partial: readPartialFile(file) };
      } catch (e) {
        if (e instanceof ResultsFileError) return { file, error: e };
        throw e;
      }
    });
    const unreadable = read.flatMap((r) => (r.error ? [{ file: r.file, error: r.error }] : []));
    const good = read.flatMap((r) => (r.partial ? [{ file: r.file, partial: r.partial }] : []));
    /** Prints every error but the last, and throws that one (main prints it, as every failure). */
    const refuse = (errors: readonly Error[]): never => {
      for (const e of errors.slice(0, -1)) reportFailure(e);
      throw errors[errors.length - 1]!;
    };
    if (good.length === 0) refuse(unreadable.map((r) => r.error));
    let merged: Merged;
    try {
      merged = mergePartials(
        good.map((r) => r.partial),
        good.map((r) => r.file),
      );
    } catch (e) {
      for (const r of unreadable) reportFailure(r.error);
      // The commands, then the error line naming the shards, last (main prints it).
      if (e instanceof MissingShards)
        process.stderr.write(
          terminalSafe(
            rerunAdvice(
              e,
              args,
              unreadable.map((r) => r.file),
            ),
          ),
        );
      throw e;
    }
    if (unreadable.length > 0) refuse(unreadable.map((r) => r.error));
    const outDir = args.out ?? (statSync(args.dirs[0]!).isDirectory() ? args.dirs[0]! : '.');
    claimOutputs(outDir);
    const { first } = merged;
    const results = buildRunResults(merged.output, {
      scenario: first.scenario,
      parameters: first.parameters,
      parameterMeta: first.parameterMeta,
      seed: first.seed,
      invocation: {
        command: ['claimsim', ...process.argv.slice(2)],
        startedAt: new Date().toISOString(),
        wallSeconds: merged.wallSeconds + (performance.now() - t0) / 1000,
        workers: 0,
        shards: first.shard.count,
      },
    });
    const report = join(outDir, 'report.html');
    writeOutputs(outDir, { 'results.json': `${JSON.stringify(results, null, 2)}\n`, ...runTables(results), ...(await reportFiles(results)) });
    printRun(results, join(outDir, 'results.json'));
    process.stdout.write(`report: ${report}\n`);
  },
};

/**
 * How to run just the missing shards, and merge again: each shard into the
 * folder its unreadable partial is in, else the first folder given, where this
 * merge looks again. Shell words, from the folder the shards ran in.
 */
function rerunAdvice(e: MissingShards, args: MergeArgs, unreadable: readonly string[]): string {
  const firstFolder = args.dirs.find((d) => statSync(d).isDirectory()) ?? dirname(args.dirs[0]!);
  const folderOf = new Map<number, string>();
  for (const f of unreadable) {
    const m = basename(f).match(/^partial-(\d+)-of-(\d+)\.json$/);
    if (m && Number(m[2]) === e.of.shard.count) folderOf.set(Number(m[1]) - 1, dirname(f));
  }
  const inTheWay = unreadable.filter((f) => !lstatSync(f).isSymbolicLink());
  const command = (words: readonly string[]) => `  claimsim ${words.map(shellQuote).join(' ')}\n`;
  return [
    `to run just the missing shard${e.missing.length > 1 ? 's' : ''} (from the folder the shards ran in), then merge again:\n`,
    ...(inTheWay.length > 0 ? [`  (first move away ${inTheWay.join(', ')}: claimsim does not write over a file it did not write)\n`] : []),
    ...e.missing.map((i) => command(shardRunArguments(e.of, i, folderOf.get(i) ?? firstFolder))),
    command(['merge', ...args.dirs, ...(args.out === undefined ? [] : ['--out', args.out])]),
  ].join('');
}

function partialFiles(path: string): string[] {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file or directory`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /^partial-\d+-of-\d+\.json$/.test(f))
    .sort()
    .map((f) => join(path, f));
}
