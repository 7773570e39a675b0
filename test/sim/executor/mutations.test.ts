/**
 * The equivalence harness can fail: compiled executors with one rule of
 * XState's semantics broken (entry ops out of order, exit after entry, the
 * root's handler before the child's) must be caught by the same property that
 * passes for the real one. A faithful copy of the tables must pass, so what
 * fails is the mutation, not the copying.
 */
import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CompiledMachine, CompiledState, CompiledTransition } from '../../../src/sim/executor/compile.js';
import { CompiledExecutor } from '../../../src/sim/executor/compiledExecutor.js';
import type { ActionSink, Executor } from '../../../src/sim/executor/index.js';
import { Divergence } from './harness.js';
import { checkEquivalence, MACHINE_CASES } from './machines.js';

type Edit = (state: string, event: string | null, transitions: CompiledTransition[]) => CompiledTransition[];

/** A copy of the tables, states and all, with each state's candidate lists passed through `edit`. */
function remap(m: CompiledMachine, edit: Edit): CompiledMachine {
  const copies = new Map<string, { key: string; final: boolean; on: Map<string, readonly CompiledTransition[]>; always: readonly CompiledTransition[] | null }>();
  for (const [key, s] of m.states) copies.set(key, { key: s.key, final: s.final, on: new Map(), always: null });
  const retarget = (t: CompiledTransition): CompiledTransition => ({ guard: t.guard, ops: t.ops, target: t.target && copies.get(t.target.key)! });
  for (const [key, s] of m.states) {
    const copy = copies.get(key)!;
    for (const [event, ts] of s.on) copy.on.set(event, edit(key, event, ts.map(retarget)));
    copy.always = s.always && edit(key, null, s.always.map(retarget));
  }
  return { ...m, states: copies as ReadonlyMap<string, CompiledState>, initial: copies.get(m.initial.key)! };
}

/** A compiled executor running edited tables. */
const mutant = (edit: Edit) => (machine: AnyStateMachine) => {
  const executor = new CompiledExecutor(machine);
  (executor as { compiled: CompiledMachine }).compiled = remap(executor.compiled, edit);
  return executor as Executor<AnyStateMachine>;
};

/** The divergence `check` reports: fast-check's failure carries the harness's error as its cause. */
function divergenceOf(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    for (let e: unknown = error; e instanceof Error; e = e.cause) if (e instanceof Divergence) return e.message;
    throw error;
  }
  throw new Error('the harness found no difference');
}

const caseOf = (name: string) => MACHINE_CASES.find((c) => c.name === name)!;
const claim = caseOf('claim');
const RUNS = 300;

describe('the equivalence harness', () => {
  it('passes a faithful copy of the compiled tables', () => {
    expect(checkEquivalence(claim, { candidate: mutant((_s, _e, ts) => ts), runs: RUNS }).runs).toBe(RUNS);
    expect(checkEquivalence(caseOf('fraudReview'), { candidate: mutant((_s, _e, ts) => ts), runs: RUNS }).runs).toBe(RUNS);
  });

  it('catches the ops of transitions into awaitingProof run backwards (its entry, requestProof, before the actions)', () => {
    const reversed = mutant((_s, _e, ts) => ts.map((t) => (t.target?.key === 'awaitingProof' ? { ...t, ops: [...t.ops].reverse() } : t)));
    expect(divergenceOf(() => checkEquivalence(claim, { candidate: reversed, runs: RUNS }))).toMatch(/^after (start|event).*: (sink calls|context) differs/);
  });

  it('catches the exit of awaitingSeller (cancelling its response window) run after the entry of the state entered', () => {
    // awaitingSeller's only exit action is the cancel of its `after` delay, first in every transition that leaves it.
    const exitLast = mutant((s, _e, ts) => (s === 'awaitingSeller' ? ts.map((t) => (t.target && t.target.key !== s ? { ...t, ops: [...t.ops.slice(1), t.ops[0]!] } : t)) : ts));
    expect(divergenceOf(() => checkEquivalence(claim, { candidate: exitLast, runs: RUNS }))).toMatch(/^after (start|event).*: sink calls differs/);
  });

  it('catches cancellations reported after the timers armed in the same step (a sink that reorders)', () => {
    const reordering = (machine: AnyStateMachine): Executor<AnyStateMachine> => {
      const inner = new CompiledExecutor(machine);
      const reorder = <T>(sink: ActionSink<unknown>, step: (s: ActionSink<unknown>) => T): T => {
        const cancels: string[] = [];
        const result = step({ emit: (e) => sink.emit(e), startTimer: (id, delay, event) => sink.startTimer(id, delay, event), cancelTimer: (id) => void cancels.push(id) });
        for (const id of cancels) sink.cancelTimer(id);
        return result;
      };
      return {
        machine,
        start: (input, sink) => reorder(sink as ActionSink<unknown>, (s) => inner.start(input, s as never)),
        send: (snapshot, event, sink) => reorder(sink as ActionSink<unknown>, (s) => inner.send(snapshot, event, s as never)),
      };
    };
    expect(divergenceOf(() => checkEquivalence(claim, { candidate: reordering, runs: RUNS }))).toMatch(/^after (start|event).*: sink calls differs/);
  });

  it("catches the root's handler tried before the child's (fraud review's off state answers day.started itself)", () => {
    const review = caseOf('fraudReview');
    const rootFirst = (machine: AnyStateMachine) => {
      // How many of a state's candidates are its own, from XState's parse of the chart.
      const own = (state: string, event: string) => (machine.root.states[state]?.transitions.get(event) ?? []).length;
      return mutant((s, e, ts) => (e === null ? ts : [...ts.slice(own(s, e)), ...ts.slice(0, own(s, e))]))(machine);
    };
    expect(divergenceOf(() => checkEquivalence(review, { candidate: rootFirst, runs: RUNS }))).toMatch(/^after (start|event).*: (value|context) differs/);
  });
});
