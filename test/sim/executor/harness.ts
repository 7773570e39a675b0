/**
 * The equivalence harness: steps two executors of one machine in lockstep on
 * the same input and the same events, and throws a `Divergence` at the first
 * step where their snapshots (value, context, status) or their sinks' calls
 * differ. Events are chosen step by step from the reference executor's state
 * (`Step`), so a generated sequence can fire the delays the machine armed.
 */
import { inspect, isDeepStrictEqual } from 'node:util';
import type { AnyStateMachine, EventObject } from 'xstate';
import type { ActionSink, Executor, MachineSnapshot } from '../../../src/sim/executor/index.js';

export type SinkCall = readonly ['emit', unknown] | readonly ['startTimer', string, number, EventObject] | readonly ['cancelTimer', string];

/** A sink that records every call, in order. */
export class RecordingSink implements ActionSink<unknown> {
  calls: SinkCall[] = [];
  emit(event: unknown): void {
    this.calls.push(['emit', event]);
  }
  startTimer(id: string, delay: number, event: EventObject): void {
    this.calls.push(['startTimer', id, delay, event]);
  }
  cancelTimer(id: string): void {
    this.calls.push(['cancelTimer', id]);
  }
  take(): SinkCall[] {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }
}

export interface PendingTimer {
  readonly id: string;
  readonly delay: number;
  readonly event: EventObject;
}

/** What a step sees when it chooses its event: the reference's state and the delays armed and not yet fired or cancelled. */
export interface View {
  readonly value: string;
  readonly context: any;
  readonly pending: readonly PendingTimer[];
}

export type Step = (view: View) => EventObject;

export class Divergence extends Error {
  override name = 'Divergence';
}

export interface Trace {
  /** The reference's state after start and after each event sent. */
  readonly values: string[];
  /** The reference's context after start and after each event (the same object when an event changed nothing). */
  readonly contexts: unknown[];
  readonly events: EventObject[];
  readonly final: MachineSnapshot<unknown>;
  /** Every sink call of the reference, in order. */
  readonly calls: SinkCall[];
}

const show = (x: unknown) => inspect(x, { depth: 6, breakLength: 160 });

/**
 * Runs `reference` and `candidate` side by side. Sends the steps' events in
 * order until the machine is done (or the steps run out), comparing after start
 * and after every event.
 */
export function lockstep<M extends AnyStateMachine>(reference: Executor<M>, candidate: Executor<M>, input: unknown, steps: readonly Step[]): Trace {
  const sinkA = new RecordingSink();
  const sinkB = new RecordingSink();
  let a = reference.start(input as never, sinkA as never) as MachineSnapshot<unknown>;
  let b = candidate.start(input as never, sinkB as never) as MachineSnapshot<unknown>;
  let pending: PendingTimer[] = [];
  const calls: SinkCall[] = [];
  const values = [a.value];
  const contexts = [a.context];
  const events: EventObject[] = [];
  const compare = (where: string) => {
    const callsA = sinkA.take();
    const callsB = sinkB.take();
    const differs = (what: string, x: unknown, y: unknown) => {
      if (!isDeepStrictEqual(x, y)) throw new Divergence(`${where}: ${what} differs\n  reference: ${show(x)}\n  candidate: ${show(y)}\n  events so far: ${show(events.map((e) => e.type))}`);
    };
    differs('value', a.value, b.value);
    differs('status', a.status, b.status);
    differs('context', a.context, b.context);
    differs('sink calls', callsA, callsB);
    for (const call of callsA) {
      calls.push(call);
      if (call[0] === 'startTimer') pending = [...pending.filter((p) => p.id !== call[1]), { id: call[1], delay: call[2], event: call[3] }];
      if (call[0] === 'cancelTimer') pending = pending.filter((p) => p.id !== call[1]);
    }
  };
  compare('after start');
  for (let i = 0; i < steps.length && a.status !== 'done'; i++) {
    const event = steps[i]!({ value: a.value, context: a.context, pending });
    // A delivered delay is gone from the calendar, whether or not the state still handles it.
    pending = pending.filter((p) => p.event.type !== event.type);
    events.push(event);
    a = reference.send(a as never, event as never, sinkA as never) as MachineSnapshot<unknown>;
    b = candidate.send(b as never, event as never, sinkB as never) as MachineSnapshot<unknown>;
    values.push(a.value);
    contexts.push(a.context);
    compare(`after event ${i + 1} (${event.type})`);
  }
  return { values, contexts, events, final: a, calls };
}
