#!/usr/bin/env node
/**
 * The claimsim command line: a thin yargs root over the library, one module
 * per command in `commands/`. Handlers parse, call library functions and print.
 * Only the named command's module is loaded (the engine, Faker and Vega take
 * most of a second to import, which `validate` and `scenarios` should not pay).
 */
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { keepHeapNearLive } from '../sim/memory.js';
import { closePools } from '../sim/pool.js';
import { ENGINE } from '../version.js';
import { stopOutputs } from '../results/write.js';
import { reportFailure } from './errors.js';
import { terminalSafe, visible } from './terminal.js';

/** A command with its argument type forgotten: yargs parses the arguments, and each handler knows its own. */
type AnyCommand = CommandModule<object, never>;
const erase = <T>(command: CommandModule<object, T>): AnyCommand => command as unknown as AnyCommand;

/** Each command's module, by name, in the order `--help` lists them. */
const COMMANDS: Readonly<Record<string, () => Promise<AnyCommand>>> = {
  run: async () => erase((await import('./commands/run.js')).runCommand),
  compare: async () => erase((await import('./commands/compare.js')).compareCommand),
  sweep: async () => erase((await import('./commands/sweep.js')).sweepCommand),
  sensitivity: async () => erase((await import('./commands/sensitivity.js')).sensitivityCommand),
  calibrate: async () => erase((await import('./commands/calibrate.js')).calibrateCommand),
  fit: async () => erase((await import('./commands/fit.js')).fitCommand),
  report: async () => erase((await import('./commands/report.js')).reportCommand),
  merge: async () => erase((await import('./commands/merge.js')).mergeCommand),
  jobs: async () => erase((await import('./commands/jobs.js')).jobsCommand),
  validate: async () => erase((await import('./commands/validate.js')).validateCommand),
  scenarios: async () => erase((await import('./commands/scenarios.js')).scenariosCommand),
};

/**
 * The commands to load: the one named first, or all of them (for the overall
 * help, for yargs to refuse a misspelt one, and when options come first, since
 * then the first word may be an option's value, as in `-o report run`).
 */
function commandsFor(args: readonly string[]): string[] {
  const first = args[0];
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
}

/** A problem yargs found in the command line itself. */
class UsageFailure extends Error {}

/**
 * yargs' recommendation ("Did you mean run?") says neither what was wrong nor
 * what was typed: `Unknown command "rnu". Did you mean run?`. Escaped later, like all of it.
 */
function withTheWordTyped(message: string, args: readonly string[]): string {
  // Only when the command comes first: after options, a word may be an option's value (`--seed 3 rnu`).
  const typed = args[0]?.startsWith('-') ? undefined : args[0];
  return /^Did you mean \S+\?$/.test(message) && typed !== undefined ? `Unknown command "${visible(typed)}". ${message}` : message;
}

// Ctrl-C: stop the workers and leave; outputs switch at one commit point, and none happens
// after Ctrl-C, so the message says what is on disk: the previous output, the new one, or nothing.
// Everything printed passes through terminalSafe: scenario names must not drive the terminal.
const writeOut = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  (writeOut as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? terminalSafe(chunk) : chunk, ...rest)) as typeof process.stdout.write;

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  const disk = stopOutputs();
  process.stderr.write(`\ninterrupted: workers stopped; ${terminalSafe(disk.text)}\n`);
  // Exit 0 only when the new output was already complete: then the command did what it was asked.
  void closePools().finally(() => process.exit(disk.complete ? 0 : 130));
});

// Before any worker starts: workers share the process's V8 flags.
keepHeapNearLive();

try {
  const args = hideBin(process.argv);
  const commands = await Promise.all(commandsFor(args).map((name) => COMMANDS[name]!()));
  await commands
    .reduce((cli, command) => cli.command(command), yargs(args))
    .scriptName('claimsim')
    .usage('$0 <command> [options]\n\nSimulate marketplace guarantee policies for defective-product claims.')
    .demandCommand(1, `Name a command: ${Object.keys(COMMANDS).join(', ')}.`)
    .strict()
    .recommendCommands()
    .version(ENGINE.version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new UsageFailure(withTheWordTyped(message, args));
    })
    .parseAsync();
  await closePools();
} catch (error) {
  await closePools();
  // After Ctrl-C the stopped workers' tasks fail; that is not news.
  if (interrupted) await new Promise(() => {});
  if (error instanceof UsageFailure) {
    // yargs' messages quote the command line as typed: escaped like every other message.
    process.stderr.write(`error: ${terminalSafe(error.message)}\nRun "claimsim --help" for usage.\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = reportFailure(error);
  }
}
