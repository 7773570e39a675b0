/**
 * How the CLI fails: bad input exits 2 with one line per problem; anything
 * else exits 1 with its message. Stack traces only with CLAIMSIM_DEBUG=1.
 */
import { InputError } from '../inputError.js';
import { formatProblem, ScenarioError } from '../params/problems.js';
import { terminalSafe } from './terminal.js';

/** A command-line option or path the user can fix. */
export class UsageError extends InputError {
  override name = 'UsageError';
}

export function reportFailure(error: unknown): number {
  if (error instanceof ScenarioError) {
    for (const p of error.problems) process.stderr.write(`error: ${terminalSafe(formatProblem(p))}\n`);
    process.stderr.write(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} found; nothing was run.\n`);
    return 2;
  }
  if (error instanceof InputError) {
    for (const line of error.message.split('\n')) process.stderr.write(`error: ${terminalSafe(line)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${terminalSafe(message)}\n`);
  if (process.env.CLAIMSIM_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
