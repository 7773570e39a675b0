/**
 * Stepping XState machines without an actor per entity.
 *
 * XState's public `transition(machine, snapshot, event)` builds a fresh actor
 * and actor system on every call to stay pure (measured at about 29 µs per
 * transition here); a million claims would spend most of their time in that
 * set-up. This interpreter calls the same machine algorithm,
 * `machine.transition(snapshot, event, actorScope)`, with one inert scope per
 * machine kind that, like XState's own, executes nothing: it collects the
 * actions XState hands to its executor (emitted effects, delayed events and
 * their cancellations) for the world to carry out. The snapshots are XState's
 * own; `test/sim/interpreter.test.ts` checks they match `transition()`'s.
 */
import { createActor, type AnyActorScope, type AnyStateMachine, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';

/** What XState asks its executor to do, reduced to what the world needs. */
export interface ExecutedAction {
  readonly type: string;
  readonly params: unknown;
}

export class Interpreter<M extends AnyStateMachine> {
  /** Actions produced by the last `start` or `send`; the caller consumes and clears them. */
  readonly actions: ExecutedAction[] = [];
  private readonly scope: AnyActorScope;

  constructor(readonly machine: M) {
    const self = createActor(machine as AnyStateMachine);
    const actions = this.actions;
    this.scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
      actionExecutor: (action: ExecutedAction) => {
        actions.push(action);
      },
    } as unknown as AnyActorScope;
  }

  /** The machine's initial snapshot for `input` (running any eventless transitions). */
  start(input?: InputFrom<M>): SnapshotFrom<M> {
    return this.machine.getInitialSnapshot(this.scope, input) as SnapshotFrom<M>;
  }

  /** The snapshot after `event`; actions go to `this.actions`. */
  send(snapshot: SnapshotFrom<M>, event: EventFromLogic<M>): SnapshotFrom<M> {
    return this.machine.transition(snapshot, event, this.scope) as SnapshotFrom<M>;
  }
}
