/**
 * Choosing an executor for a machine: the compiled tables by default, XState's
 * own interpreter one flag away (`--executor xstate`).
 */
import type { AnyStateMachine } from 'xstate';
import { CompiledExecutor } from './compiledExecutor.js';
import type { Executor, ExecutorKind } from './executor.js';
import { XStateExecutor } from './xstateExecutor.js';

export * from './executor.js';
export { CompileError } from './compile.js';

export function createExecutor<M extends AnyStateMachine>(machine: M, kind: ExecutorKind): Executor<M> {
  return kind === 'xstate' ? new XStateExecutor(machine) : new CompiledExecutor(machine);
}
