/**
 * Watching chosen claims through their lives, for event logs. Observers see;
 * they never change what happens. A run without an observer only tests for its
 * absence, once per filing and once per claim step.
 */
import type { ClaimContext } from '../../machines/claim.js';
import type { ClaimFacts, Effect, SellerProfile } from '../../domain/types.js';
import type { ClaimMoney } from '../../collect/collector.js';
import type { OpenClaim } from './ledger.js';

/** One step of an observed claim's machine, as the world saw it. */
export interface ClaimStep {
  readonly facts: ClaimFacts;
  /** The state before the step, or null for the claim's start at filing. */
  readonly fromState: string | null;
  /** The state after the step (for a closed claim, its outcome). */
  readonly toState: string;
  /** The event that caused the step: a `ClaimEvent` type, `xstate.after.<delay>.<state>` for a delay, or null at filing. */
  readonly eventType: string | null;
  /** Simulated day of the step. */
  readonly time: number;
  readonly context: ClaimContext;
  /** Whether the claim reached a final state with this step. */
  readonly done: boolean;
  /** What the machine emitted in this step, already carried out (payments among them). */
  readonly effects: readonly Effect[];
  /** The claim's money after the step's effects. */
  readonly money: ClaimMoney;
}

/**
 * Every step of a wanted claim is reported, also one where the claim ignores
 * the event (a seller answering a claim already in pursuit): its state stays
 * and nothing is emitted.
 */
export interface ClaimObserver {
  /** Asked once per claim as it is filed; only the claims it wants are reported. */
  wants(facts: ClaimFacts, seller: SellerProfile): boolean;
  /** Called after every step of a wanted claim, filing included, once its effects are carried out. */
  claimStep(step: ClaimStep): void;
}

/** The observed claims still open, with the state each was last seen in. */
export class Watch {
  private readonly lastState = new Map<number, string>();

  constructor(private readonly observer: ClaimObserver) {}

  filed(facts: ClaimFacts, seller: SellerProfile): void {
    if (this.observer.wants(facts, seller)) this.lastState.set(facts.id, 'filed');
  }

  /** Reports a step of `claim` if it is watched: the event that caused it (null at filing) and what it emitted. */
  step(claim: OpenClaim, eventType: string | null, time: number, effects: readonly Effect[]): void {
    const { facts, snapshot } = claim;
    const fromState = this.lastState.get(facts.id);
    if (fromState === undefined) return;
    const done = snapshot.status === 'done';
    const toState = snapshot.value;
    this.observer.claimStep({ facts, fromState: eventType === null ? null : fromState, toState, eventType, time, context: snapshot.context, done, effects: [...effects], money: claim.money() });
    if (done) this.lastState.delete(facts.id);
    else this.lastState.set(facts.id, toState);
  }
}
