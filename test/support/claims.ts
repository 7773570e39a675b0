/**
 * Helpers for driving machines by hand in tests: baseline parameters, claim
 * facts with hand-picked draws, and a driver that records effects and fires
 * `after` delays the way the world does.
 */
import type { EventFromLogic, EventObject } from 'xstate';
import { createClaimMachine, type ClaimMachine } from '../../src/machines/claim.js';
import { DECISION_DRAWS, Draw, type ClaimFacts, type Effect } from '../../src/machines/types.js';
import { loadScenario } from '../../src/params/load.js';
import type { Parameters } from '../../src/params/schema.js';
import { Interpreter } from '../../src/sim/interpreter.js';

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

/** Drives one claim through its machine, keeping its effects and its pending `after` event. */
export class ClaimDriver {
  readonly interpreter: Interpreter<ClaimMachine>;
  snapshot;
  readonly effects: Effect[] = [];
  pendingDelay: { id: string; delay: number; event: EventObject } | null = null;

  constructor(params: Parameters, claim: ClaimFacts) {
    this.interpreter = new Interpreter(createClaimMachine(params));
    this.snapshot = this.interpreter.start(claim);
    this.collect();
  }

  send(event: EventFromLogic<ClaimMachine>): this {
    this.snapshot = this.interpreter.send(this.snapshot, event);
    this.collect();
    return this;
  }

  /** Lets the pending `after` delay run out, as the calendar would. */
  elapse(): this {
    const pending = this.pendingDelay;
    if (!pending) throw new Error(`no delay pending in state ${String(this.snapshot.value)}`);
    this.pendingDelay = null;
    this.snapshot = this.interpreter.send(this.snapshot, pending.event as never);
    this.collect();
    return this;
  }

  get state(): string {
    return String(this.snapshot.value);
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

  private collect(): void {
    for (const action of this.interpreter.actions) {
      if (action.type === 'xstate.emit') this.effects.push((action.params as { event: Effect }).event);
      if (action.type === 'xstate.raise') {
        const p = action.params as { id: string; delay?: number; event: EventObject };
        if (p.delay !== undefined) this.pendingDelay = { id: p.id, delay: p.delay, event: p.event };
      }
      // As in the world: a cancellation disarms only the delay it names.
      if (action.type === 'xstate.cancel' && (action.params as { sendId: string }).sendId === this.pendingDelay?.id) this.pendingDelay = null;
    }
    this.interpreter.actions.length = 0;
  }
}
