/** `claimsim merge DIR...`: combine the partial results of a sharded run into results.json. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { mergePartials } from '../../results/partial.js';
import { readPartialFile } from '../../results/read.js';
import { buildRunResults } from '../../results/results.js';
import { claimOutputs, writeOutputs } from '../../results/write.js';
import { runTables } from '../../export/tables.js';
import { reportFiles } from '../../report/write.js';
import { UsageError } from '../errors.js';
import { printRun } from '../format.js';

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
    // Each file is checked whole before any is merged, so a malformed one cannot fail the merge part-way.
    const partials = files.map((f) => readPartialFile(f));
    const merged = mergePartials(partials, files);
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

function partialFiles(path: string): string[] {
  let stat;
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
