/**
 * The executor when a run asks for none: `CLAIMSIM_EXECUTOR` if set (so a whole
 * test suite can run under XState's interpreter: `CLAIMSIM_EXECUTOR=xstate npx
 * vitest run`), else the compiled one. Read where Node runs the engine (the
 * worker and the command line), never inside the engine itself.
 */
import { InputError } from '../../inputError.js';
import { DEFAULT_EXECUTOR, EXECUTORS, type ExecutorKind } from './executor.js';

export function environmentExecutor(): ExecutorKind {
  const asked = process.env.CLAIMSIM_EXECUTOR;
  if (asked === undefined || asked === '') return DEFAULT_EXECUTOR;
  if (!(EXECUTORS as readonly string[]).includes(asked)) throw new InputError(`CLAIMSIM_EXECUTOR is "${asked}"; it must be one of: ${EXECUTORS.join(', ')}`);
  return asked as ExecutorKind;
}
