/**
 * How the world steps a machine. The XState machines in `src/machines` are the
 * one definition of behaviour; an executor takes one of them and runs it on
 * snapshots the world keeps, without an actor per entity. Two executors exist:
 * XState's own interpreter (`xstate`) and the statechart compiler (`compiled`),
 * which turns the same machine into transition tables at start-up. They give
 * the same snapshots and ask the world for the same things in the same order
 * (`test/sim/executor/equivalence.test.ts`).
 *
 * Phase: simulate. Nothing here reads files or clocks.
 */
import type { AnyStateMachine, ContextFrom, EmittedFrom, EventFromLogic, EventObject, InputFrom } from 'xstate';

/** What a machine asks of the world while it steps, in the order it asks. */
export interface ActionSink<Emitted = unknown> {
  /** An `emit` action: an effect for the world to carry out. */
  emit(event: Emitted): void;
  /** An `after` delay armed on entering a state: deliver `event` after `delay` days unless cancelled. */
  startTimer(id: string, delay: number, event: EventObject): void;
  /** A delay cancelled on leaving its state. */
  cancelTimer(id: string): void;
}

/** The part of a snapshot the world reads; XState's snapshots have it too. */
export interface MachineSnapshot<Context> {
  /** The active state's key (the machines are flat: one level of states under the root). */
  readonly value: string;
  readonly context: Context;
  readonly status: 'active' | 'done';
}

export type SnapshotOf<M extends AnyStateMachine> = MachineSnapshot<ContextFrom<M>>;

export interface Executor<M extends AnyStateMachine> {
  readonly machine: M;
  /** The machine's initial snapshot for `input`, after any eventless transitions. */
  start(input: InputFrom<M>, sink: ActionSink<EmittedOf<M>>): SnapshotOf<M>;
  /** The snapshot after `event`; the same object when the event changes nothing. */
  send(snapshot: SnapshotOf<M>, event: EventFromLogic<M>, sink: ActionSink<EmittedOf<M>>): SnapshotOf<M>;
}

/** What a machine emits (its `types.emitted`). */
export type EmittedOf<M extends AnyStateMachine> = EmittedFrom<M>;

export const EXECUTORS = ['compiled', 'xstate'] as const;
export type ExecutorKind = (typeof EXECUTORS)[number];
export const DEFAULT_EXECUTOR: ExecutorKind = 'compiled';

/**
 * A sink for a machine that only emits: `who` names its actors in the error if
 * one ever arms a delay, which the world would then have to keep timers for.
 */
export function emitOnlySink<Emitted>(emit: (event: Emitted) => void, who: string): ActionSink<Emitted> {
  const noTimers = (): never => {
    throw new Error(`the world keeps delays only for claims, and ${who} armed one (an \`after\` in a machine that had none)`);
  };
  return { emit, startTimer: noTimers, cancelTimer: noTimers };
}

/** A sink that discards everything, for machines whose asks the caller does not need. */
export const IGNORE: ActionSink<unknown> = { emit() {}, startTimer() {}, cancelTimer() {} };
