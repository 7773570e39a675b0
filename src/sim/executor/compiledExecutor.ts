/**
 * The compiled executor (`--executor compiled`, the default): steps a machine
 * through the tables `compile.ts` built from it. A step looks up the active
 * state's candidates for the event, takes the first whose guard passes, runs
 * its ops, then follows eventless transitions until none applies, as XState's
 * macrostep does. Snapshots are small immutable objects; an event that changes
 * nothing returns the snapshot it was given.
 */
import type { AnyStateMachine, EventFromLogic, EventObject, InputFrom } from 'xstate';
import { compileMachine, refuseSpawn, type CompiledMachine, type CompiledState, type CompiledTransition, type Run } from './compile.js';
import { IGNORE, type ActionSink, type EmittedOf, type Executor, type MachineSnapshot, type SnapshotOf } from './executor.js';

export class CompiledSnapshot<Context> implements MachineSnapshot<Context> {
  readonly value: string;
  readonly status: 'active' | 'done';
  constructor(
    readonly state: CompiledState,
    readonly context: Context,
  ) {
    this.value = state.key;
    this.status = state.final ? 'done' : 'active';
  }
}

const INIT = 'xstate.init';

export class CompiledExecutor<M extends AnyStateMachine> implements Executor<M> {
  readonly compiled: CompiledMachine;
  private readonly run: Run = { context: undefined, event: { type: INIT }, sink: IGNORE, spawn: refuseSpawn };

  constructor(readonly machine: M) {
    this.compiled = compileMachine(machine);
  }

  start(input: InputFrom<M>, sink: ActionSink<EmittedOf<M>>): SnapshotOf<M> {
    const run = this.run;
    run.event = { type: INIT, input } as EventObject;
    run.sink = sink as ActionSink<unknown>;
    run.context = this.compiled.initialContext(input);
    const ops = this.compiled.initialOps;
    for (let i = 0; i < ops.length; i++) ops[i]!(run);
    const state = this.settle(this.compiled.initial);
    return this.finish(new CompiledSnapshot(state, run.context)) as SnapshotOf<M>;
  }

  send(snapshot: SnapshotOf<M>, event: EventFromLogic<M>, sink: ActionSink<EmittedOf<M>>): SnapshotOf<M> {
    const from = snapshot as unknown as CompiledSnapshot<unknown>;
    if (from.status === 'done') return snapshot;
    const run = this.run;
    run.event = event as EventObject;
    run.sink = sink as ActionSink<unknown>;
    run.context = from.context;
    let state = from.state;
    const candidates = state.on.get((event as EventObject).type);
    if (candidates !== undefined) {
      const taken = select(candidates, run);
      if (taken !== null) state = apply(taken, state, run);
    }
    state = this.settle(state);
    const next = state === from.state && run.context === from.context ? from : new CompiledSnapshot(state, run.context);
    return this.finish(next) as unknown as SnapshotOf<M>;
  }

  /** Eventless transitions, until none applies or one changes nothing (XState stops there too). */
  private settle(state: CompiledState): CompiledState {
    const run = this.run;
    while (!state.final && state.always !== null) {
      const taken = select(state.always, run);
      if (taken === null) break;
      const context = run.context;
      const next = apply(taken, state, run);
      if (next === state && run.context === context) break;
      state = next;
    }
    return state;
  }

  private finish<S>(snapshot: S): S {
    this.run.sink = IGNORE;
    this.run.context = undefined;
    return snapshot;
  }
}

function select(candidates: readonly CompiledTransition[], run: Run): CompiledTransition | null {
  for (let i = 0; i < candidates.length; i++) {
    const t = candidates[i]!;
    if (t.guard === null || t.guard(run.context, run.event)) return t;
  }
  return null;
}

function apply(t: CompiledTransition, state: CompiledState, run: Run): CompiledState {
  const ops = t.ops;
  for (let i = 0; i < ops.length; i++) ops[i]!(run);
  return t.target ?? state;
}
