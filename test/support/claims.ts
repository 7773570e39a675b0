/**
 * Helpers for driving machines by hand in tests: baseline parameters, claim
 * facts with hand-picked draws, and a driver that records effects and fires
 * `after` delays the way the world does, under either executor.
 */
import type { EventFromLogic, EventObject } from 'xstate';
import { createClaimMachine, type ClaimMachine } from '../../src/machines/claim.js';
import { DECISION_DRAWS, Draw, type ClaimFacts, type Effect } from '../../src/domain/types.js';
import { loadScenario } from '../../src/params/load.js';
import type { Parameters } from '../../src/params/schema.js';
import { createExecutor, DEFAULT_EXECUTOR, type ActionSink, type Executor, type ExecutorKind, type SnapshotOf } from '../../src/sim/executor/index.js';

export function baselineParams(set: string[] = []): Parameters {
  return loadScenario('scenarios/baseline.yaml', { set }).parameters;
}

/** A genuine $400 claim filed 5 days after its incident; every draw 0.5 unless given. */
export function facts(overrides: Partial<Omit<ClaimFacts, 'draws'>> & { draws?: Partial<Record<keyof typeof Draw, number>> } = {}): ClaimFacts {
  const draws = new Float64Array(DECISION_DRAWS).fill(0.5);
  for (const [name, value] of Object.entries(overrides.draws ?? {})) draws[Draw[name as keyof typeof Draw]] = value;
  const { draws: _ignored, ...rest } = overrides;
  return {
    id: 7,
    incidentDay: 10,
    filedDay: 15,
    claimedUsd: 400,
    genuineUsd: 400,
    fraud: 'none',
    seller: 3,
    customer: 11,
    claimantBlocked: false,
    ...rest,
    draws,
  };
}

/** The executor a ClaimDriver uses when none is given (a test file may run its claims under the other one). */
let defaultExecutor: ExecutorKind = DEFAULT_EXECUTOR;
export function useExecutor(kind: ExecutorKind): void {
  defaultExecutor = kind;
}

/** Drives one claim through its machine, keeping its effects and its pending `after` event. */
export class ClaimDriver {
  readonly executor: Executor<ClaimMachine>;
  snapshot: SnapshotOf<ClaimMachine>;
  readonly effects: Effect[] = [];
  pendingDelay: { id: string; delay: number; event: EventObject } | null = null;
  private readonly sink: ActionSink<Effect> = {
    emit: (effect) => void this.effects.push(effect),
    startTimer: (id, delay, event) => void (this.pendingDelay = { id, delay, event }),
    // As in the world: a cancellation disarms only the delay it names.
    cancelTimer: (id) => {
      if (this.pendingDelay?.id === id) this.pendingDelay = null;
    },
  };

  constructor(params: Parameters, claim: ClaimFacts, kind: ExecutorKind = defaultExecutor) {
    this.executor = createExecutor(createClaimMachine(params), kind);
    this.snapshot = this.executor.start(claim, this.sink);
  }

  send(event: EventFromLogic<ClaimMachine>): this {
    this.snapshot = this.executor.send(this.snapshot, event, this.sink);
    return this;
  }

  /** Lets the pending `after` delay run out, as the calendar would. */
  elapse(): this {
    const pending = this.pendingDelay;
    if (!pending) throw new Error(`no delay pending in state ${this.snapshot.value}`);
    this.pendingDelay = null;
    this.snapshot = this.executor.send(this.snapshot, pending.event as never, this.sink);
    return this;
  }

  get state(): string {
    return this.snapshot.value;
  }

  payments(): { payer: string; amountUsd: number }[] {
    return this.effects.flatMap((e) => (e.type === 'ledger.paid' ? [{ payer: e.payer, amountUsd: e.amountUsd }] : []));
  }

  recoveries(): { how: string; amountUsd: number }[] {
    return this.effects.flatMap((e) => (e.type === 'ledger.recovered' ? [{ how: e.how, amountUsd: e.amountUsd }] : []));
  }

  sentTo(kind: string): EventObject[] {
    return this.effects.flatMap((e) => (e.type === 'send' && e.to.kind === kind ? [e.event] : []));
  }
}
