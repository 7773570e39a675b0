/**
 * XState's own interpreter as an executor (`--executor xstate`).
 *
 * XState's public `transition(machine, snapshot, event)` builds a fresh actor
 * and actor system on every call to stay pure (about 29 µs per transition
 * here). This calls the same algorithm, `machine.transition(snapshot, event,
 * actorScope)`, with one inert scope per machine that, like XState's own,
 * executes nothing: the actions XState hands to its executor (emitted effects,
 * delayed events and their cancellations) are passed to the caller's sink.
 * The snapshots are XState's own; `test/sim/executor/xstate.test.ts` checks
 * they match `transition()`'s.
 */
import { createActor, type AnyActorScope, type AnyStateMachine, type EventFromLogic, type EventObject, type InputFrom, type SnapshotFrom } from 'xstate';
import { IGNORE, type ActionSink, type EmittedOf, type Executor, type SnapshotOf } from './executor.js';

interface ExecutedAction {
  readonly type: string;
  readonly params: unknown;
}

export class XStateExecutor<M extends AnyStateMachine> implements Executor<M> {
  private readonly scope: AnyActorScope;
  private sink: ActionSink<unknown> = IGNORE;

  constructor(readonly machine: M) {
    const self = createActor(machine as AnyStateMachine);
    this.scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
      actionExecutor: (action: ExecutedAction) => this.execute(action),
    } as unknown as AnyActorScope;
  }

  start(input: InputFrom<M>, sink: ActionSink<EmittedOf<M>>): SnapshotOf<M> {
    this.sink = sink as ActionSink<unknown>;
    try {
      const snapshot = this.machine.getInitialSnapshot(this.scope, input) as { status: string; error?: unknown };
      // XState turns an error while starting into a snapshot in status 'error'; a simulation stops instead, as the compiled executor does.
      if (snapshot.status === 'error') throw snapshot.error;
      return snapshot as unknown as SnapshotOf<M>;
    } finally {
      this.sink = IGNORE;
    }
  }

  send(snapshot: SnapshotOf<M>, event: EventFromLogic<M>, sink: ActionSink<EmittedOf<M>>): SnapshotOf<M> {
    this.sink = sink as ActionSink<unknown>;
    try {
      return this.machine.transition(snapshot as SnapshotFrom<M>, event, this.scope) as SnapshotOf<M>;
    } finally {
      this.sink = IGNORE;
    }
  }

  /** XState's built-in actions, as its actor would carry them out; other actions are inert here. */
  private execute(action: ExecutedAction): void {
    switch (action.type) {
      case 'xstate.emit':
        this.sink.emit((action.params as { event: unknown }).event);
        return;
      case 'xstate.raise': {
        const { delay, id, event } = action.params as { delay?: number; id: string; event: EventObject };
        // A raise without a delay is consumed inside the step by XState itself.
        if (typeof delay === 'number') this.sink.startTimer(id, delay, event);
        return;
      }
      case 'xstate.cancel':
        this.sink.cancelTimer((action.params as { sendId: string }).sendId);
        return;
    }
  }
}
