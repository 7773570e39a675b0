/**
 * Watching chosen claims through their lives, for event logs. Observers see;
 * they never change what happens. A run without an observer only tests for its
 * absence, once per filing and once per claim step.
 */
import type { ClaimContext } from '../../machines/claim.js';
import type { ClaimFacts, Effect, SellerProfile } from '../../machines/types.js';
import type { ClaimMoney } from '../../collect/collector.js';

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

  /** Reports a step of claim `facts.id` if it is watched. */
  step(facts: ClaimFacts, eventType: string | null, time: number, toState: string, context: ClaimContext, done: boolean, asks: readonly unknown[], money: ClaimMoney): void {
    const fromState = this.lastState.get(facts.id);
    if (fromState === undefined) return;
    const effects = asks.filter((a): a is Effect => !(a as { type: string }).type.startsWith('timer.'));
    this.observer.claimStep({ facts, fromState: eventType === null ? null : fromState, toState, eventType, time, context, done, effects, money: { marketplaceUsd: money.marketplaceUsd, sellerUsd: money.sellerUsd, insurerUsd: money.insurerUsd, recoveredUsd: money.recoveredUsd, paidAt: money.paidAt, payableUsd: money.payableUsd } });
    if (done) this.lastState.delete(facts.id);
    else this.lastState.set(facts.id, toState);
  }
}
