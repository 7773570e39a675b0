/**
 * What the compiler does not support it refuses, before a run, with a
 * CompileError naming the machine, the state and the feature, rather than run
 * it differently from XState. `enqueue.raise` can only be seen when the
 * enqueueActions body runs, so that one is refused when the machine is stepped.
 */
import { describe, expect, it } from 'vitest';
import { enqueueActions, fromPromise, raise, setup, stateIn, type AnyStateMachine } from 'xstate';
import { compileMachine, CompileError } from '../../../src/sim/executor/compile.js';
import { CompiledExecutor } from '../../../src/sim/executor/compiledExecutor.js';
import { IGNORE } from '../../../src/sim/executor/index.js';

/** The CompileError `compile` throws. */
function refusal(compile: () => unknown): CompileError {
  try {
    compile();
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error('compiled without complaint');
}

const expectRefused = (machine: AnyStateMachine, state: string, feature: string) => {
  const { message } = refusal(() => compileMachine(machine));
  expect(message).toContain(`machine 'toy'`);
  expect(message).toContain(`state '${state}'`);
  expect(message).toContain(feature);
};

describe('compileMachine refuses', () => {
  it('a parallel state', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'p', states: { p: { type: 'parallel', states: { a: {}, b: {} } } } });
    expectRefused(machine, 'toy.p', "a state of type 'parallel'");
  });

  it('a parallel root', () => {
    const machine = setup({}).createMachine({ id: 'toy', type: 'parallel', states: { a: {}, b: {} } });
    expectRefused(machine, 'toy', "a root of type 'parallel'");
  });

  it('a nested compound state', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'outer', states: { outer: { initial: 'inner', states: { inner: {} } } } });
    expectRefused(machine, 'toy.outer', "a state of type 'compound'");
  });

  it('invoke', () => {
    const machine = setup({ actors: { fetcher: fromPromise(async () => 1) } }).createMachine({ id: 'toy', initial: 'a', states: { a: { invoke: { src: 'fetcher' } } } });
    expectRefused(machine, 'toy.a', 'invoke');
  });

  it("a wildcard '*' event", () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', states: { a: { on: { '*': 'b' } }, b: {} } });
    expectRefused(machine, 'toy.a', "the wildcard event descriptor '*'");
  });

  it('a partial wildcard (go.*) on the root', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', on: { 'go.*': '.b' }, states: { a: {}, b: {} } });
    expectRefused(machine, 'toy', "the wildcard event descriptor 'go.*'");
  });

  it('reenter: true', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', states: { a: { on: { go: { target: 'a', reenter: true } } } } });
    expectRefused(machine, 'toy.a', 'reenter: true');
  });

  it('a custom (non built-in) action', () => {
    const machine = setup({ actions: { shout: () => {} } }).createMachine({ id: 'toy', initial: 'a', states: { a: { entry: 'shout' } } });
    expectRefused(machine, 'toy.a', "the custom action 'shout'");
  });

  it('an inline custom action on a transition', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', states: { a: { on: { go: { actions: function whisper() {} } } } } });
    expectRefused(machine, 'toy.a', "the custom action 'whisper'");
  });

  it('a guard that is not implemented', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', states: { a: { on: { go: { guard: 'nowhere' as never, target: 'b' } } }, b: {} } });
    expectRefused(machine, 'toy.a', "the guard 'nowhere', which is not implemented");
  });

  it('an action that is not implemented', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', states: { a: { entry: 'nothing' as never } } });
    expectRefused(machine, 'toy.a', "the action 'nothing', which is not implemented");
  });

  it('the stateIn guard', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', states: { a: { on: { go: { guard: stateIn('b') as never, target: 'b' } } }, b: {} } });
    expectRefused(machine, 'toy.a', 'the stateIn guard');
  });

  it('raise without a delay', () => {
    const machine = setup({}).createMachine({ id: 'toy', initial: 'a', states: { a: { entry: raise({ type: 'go' }), on: { go: 'b' } }, b: {} } });
    expectRefused(machine, 'toy.a', 'raise without a delay');
  });
});

describe('the compiled executor refuses when stepped', () => {
  it('enqueue.raise inside enqueueActions, naming the machine, the state and the feature', () => {
    const machine = setup({
      actions: { relay: enqueueActions(({ enqueue }) => enqueue.raise({ type: 'echo' })) },
    }).createMachine({ id: 'toy', initial: 'a', states: { a: { on: { go: { actions: 'relay' }, echo: 'b' } }, b: {} } });
    // It compiles (the body is not run until the step)...
    const executor = new CompiledExecutor(machine);
    const snapshot = executor.start(undefined, IGNORE);
    expect(snapshot.value).toBe('a');
    // ...and the step that runs it is refused.
    const { message } = refusal(() => executor.send(snapshot, { type: 'go' }, IGNORE));
    expect(message).toContain(`machine 'toy'`);
    expect(message).toContain(`state 'toy.a'`);
    expect(message).toContain('enqueue.raise inside enqueueActions');
  });
});
