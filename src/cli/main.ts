#!/usr/bin/env node
/**
 * The claimsim command line: a thin yargs root over the library, one module
 * per command in `commands/`. Handlers parse, call library functions and print.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { closePools } from '../sim/pool.js';
import { ENGINE } from '../version.js';
import { calibrateCommand } from './commands/calibrate.js';
import { compareCommand } from './commands/compare.js';
import { fitCommand } from './commands/fit.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { scenariosCommand } from './commands/scenarios.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { sweepCommand } from './commands/sweep.js';
import { validateCommand } from './commands/validate.js';
import { reportFailure } from './errors.js';
import { terminalSafe } from './terminal.js';

/** A problem yargs found in the command line itself. */
class UsageFailure extends Error {}

// Ctrl-C: stop the workers and leave; outputs are written only once a run is complete,
// and atomically, so an interrupted run leaves the previous output as it was.
// Everything printed passes through terminalSafe: scenario names must not drive the terminal.
const writeOut = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
  (writeOut as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? terminalSafe(chunk) : chunk, ...rest)) as typeof process.stdout.write;

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  process.stderr.write('\ninterrupted: workers stopped; no output was written or changed\n');
  void closePools().finally(() => process.exit(130));
});

try {
  await yargs(hideBin(process.argv))
    .scriptName('claimsim')
    .usage('$0 <command> [options]\n\nSimulate marketplace guarantee policies for defective-product claims.')
    .command(runCommand)
    .command(compareCommand)
    .command(sweepCommand)
    .command(sensitivityCommand)
    .command(calibrateCommand)
    .command(fitCommand)
    .command(reportCommand)
    .command(mergeCommand)
    .command(validateCommand)
    .command(scenariosCommand)
    .demandCommand(1, 'Name a command: run, compare, sweep, sensitivity, calibrate, fit, report, merge, validate or scenarios.')
    .strict()
    .version(ENGINE.version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      throw error ?? new UsageFailure(message);
    })
    .parseAsync();
  await closePools();
} catch (error) {
  await closePools();
  // After Ctrl-C the stopped workers' tasks fail; that is not news.
  if (interrupted) await new Promise(() => {});
  if (error instanceof UsageFailure) {
    process.stderr.write(`error: ${error.message}\nRun "claimsim --help" for usage.\n`);
    process.exitCode = 2;
  } else {
    process.exitCode = reportFailure(error);
  }
}
