/**
 * Choosing the executor from outside the engine, and XState's executor stopping
 * on an error while starting (XState itself would return a snapshot in status 'error').
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { createExecutor, IGNORE } from '../../../src/sim/executor/index.js';
import { environmentExecutor } from '../../../src/sim/executor/fromEnvironment.js';

describe('environmentExecutor', () => {
  const saved = process.env.CLAIMSIM_EXECUTOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.CLAIMSIM_EXECUTOR;
    else process.env.CLAIMSIM_EXECUTOR = saved;
  });

  it('is compiled when CLAIMSIM_EXECUTOR is unset or empty, and what it says otherwise', () => {
    delete process.env.CLAIMSIM_EXECUTOR;
    expect(environmentExecutor()).toBe('compiled');
    process.env.CLAIMSIM_EXECUTOR = '';
    expect(environmentExecutor()).toBe('compiled');
    process.env.CLAIMSIM_EXECUTOR = 'xstate';
    expect(environmentExecutor()).toBe('xstate');
  });

  it('refuses an unknown executor, naming the variable and the choices', () => {
    process.env.CLAIMSIM_EXECUTOR = 'fast';
    expect(() => environmentExecutor()).toThrow(/CLAIMSIM_EXECUTOR is "fast"; it must be one of: compiled, xstate/);
  });
});

describe('an error while a machine starts', () => {
  const failing = setup({
    actions: {
      explode: assign(() => {
        throw new Error('boom at start');
      }),
    },
  }).createMachine({ id: 'failing', initial: 'a', states: { a: { entry: 'explode' } } });

  it.each(['xstate', 'compiled'] as const)('stops the %s executor with the error itself', (kind) => {
    expect(() => createExecutor(failing, kind).start(undefined, IGNORE)).toThrow('boom at start');
  });
});
