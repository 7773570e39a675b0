/**
 * Generated parameters, machine inputs and event sequences for the executor
 * equivalence tests. Parameters start from the baseline and vary the levers
 * the machines' guards and delays read; events are any of a machine's event
 * union (handled in the current state or not), the `after` events it arms,
 * stale `after` events of other states, and an event no machine knows.
 */
import fc from 'fast-check';
import type { EventObject } from 'xstate';
import { DECISION_DRAWS, type ClaimEvent, type ClaimFacts, type FraudKind, type InsuranceFacts, type SellerEvent, type SellerProfile } from '../../../src/domain/types.js';
import type { Parameters } from '../../../src/params/schema.js';
import { baselineParams } from '../../support/claims.js';
import { behaviourLevers, between, draw, policyLevers, probability, screeningLevers, shareValues } from '../../support/arbitraries.js';
import type { Step, View } from './harness.js';

/** Every equivalence property replays the same cases. */
export const SEED = 20261203;

export type Lever = number | boolean | Record<string, number>;

/** The parameters the machines read, by dotted path: every boolean of the policy, and the numbers guards and delays compare. */
export const leversArb: fc.Arbitrary<Record<string, Lever>> = fc.record({
  'filing.windowDays': fc.oneof({ arbitrary: fc.constant(90), weight: 3 }, { arbitrary: between(0, 120), weight: 1 }),
  'policy.threshold': fc.oneof(fc.constantFrom(0, 500, 1000, 2500), between(0, 20000)),
  ...policyLevers,
  ...screeningLevers,
  'screening.fullReviewAboveUsd': between(0, 5000),
  ...behaviourLevers(shareValues),
});

const BASELINE = baselineParams();

/**
 * The baseline with `levers` written in. Loading a scenario takes about 30 ms,
 * too slow for thousands of cases, so levers are written into a copy; the test
 * checks on a sample that `loadScenario` with the same `--set` lines gives the
 * same parameters (`asSet`).
 */
export function paramsWith(levers: Record<string, Lever>): Parameters {
  const params = structuredClone(BASELINE) as unknown as Record<string, any>;
  for (const [path, value] of Object.entries(levers)) {
    const keys = path.split('.');
    let node = params;
    for (const key of keys.slice(0, -1)) node = node[key];
    const last = keys.at(-1)!;
    if (!(last in node)) throw new Error(`no parameter ${path}`);
    node[last] = value;
  }
  return params as unknown as Parameters;
}

/** The same levers as `--set path=value` lines. */
export function asSet(levers: Record<string, Lever>): string[] {
  return Object.entries(levers).map(([path, value]) =>
    typeof value === 'object'
      ? `${path}={${Object.entries(value)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join(', ')}}`
      : `${path}=${String(value)}`,
  );
}

const amountArb = fc.oneof(between(0, 1000), between(0, 20000), fc.constantFrom(0, 500, 999.99, 1000, 2500, 10000));

const insuranceArb: fc.Arbitrary<InsuranceFacts> = fc.record({
  insurer: fc.integer({ min: 0, max: 5 }),
  channel: fc.constantFrom('accelerator' as const, 'broker' as const),
  deductibleUsd: fc.oneof(fc.constantFrom(0, 500, 1000, 2500, 5000, 10000), between(0, 20000)),
});

export const factsArb: fc.Arbitrary<ClaimFacts> = fc
  .record({
    id: fc.nat({ max: 1000 }),
    incidentDay: fc.integer({ min: 0, max: 365 }),
    filingDelay: fc.oneof({ arbitrary: between(0, 60), weight: 9 }, { arbitrary: between(60, 200), weight: 1 }),
    claimedUsd: amountArb,
    fraud: fc.constantFrom<FraudKind>('none', 'none', 'buildUp', 'fabricated'),
    genuineShare: probability,
    seller: fc.nat({ max: 100 }),
    customer: fc.nat({ max: 100 }),
    claimantBlocked: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
    draws: fc.array(draw, { minLength: DECISION_DRAWS, maxLength: DECISION_DRAWS }),
  })
  .map(({ filingDelay, genuineShare, fraud, claimedUsd, draws, ...rest }) => ({
    ...rest,
    filedDay: rest.incidentDay + filingDelay,
    claimedUsd,
    fraud,
    genuineUsd: fraud === 'none' ? claimedUsd : fraud === 'fabricated' ? 0 : claimedUsd * genuineShare,
    draws: Float64Array.from(draws),
  }));

export const profileArb: fc.Arbitrary<SellerProfile> = fc.record({
  id: fc.nat({ max: 100 }),
  monthlySalesUsd: fc.oneof(between(0, 10000), between(0, 200000)),
  insuranceRequired: fc.boolean(),
  insurance: fc.option(insuranceArb, { nil: null }),
  compliant: fc.boolean(),
});

/**
 * One step of a generated sequence, as plain data (so a counterexample prints):
 * fire one of the armed delays, send an `after` event whether or not it is armed,
 * send a machine event (any, or one the current state handles; some payloads
 * scaled to what the claim has advanced), or send an event no machine handles.
 */
export type Choice =
  | { readonly kind: 'timer'; readonly pick: number }
  | { readonly kind: 'after'; readonly pick: number }
  | { readonly kind: 'event'; readonly event: EventObject; readonly scale?: number }
  | { readonly kind: 'handled'; readonly options: readonly EventChoice[]; readonly pick: number }
  | { readonly kind: 'foreign' };
type EventChoice = Extract<Choice, { kind: 'event' }>;

/** A machine's events, one generator per event type. */
export type EventArbs = Readonly<Record<string, fc.Arbitrary<EventChoice>>>;

const FOREIGN: EventObject = { type: 'no.machine.handles.this' };

/** What a step needs of its machine: the stale `after` events to send, and which event types a state handles. */
export interface StepContext {
  readonly afterEvents: readonly string[];
  readonly handles: (state: string, type: string) => boolean;
}

/** What a choice sends: armed delays are taken from the reference's calendar, stale ones from `afterEvents`. */
export function stepOf(choice: Choice, machine: StepContext): Step {
  const { afterEvents } = machine;
  const send = (c: EventChoice, view: View): EventObject =>
    c.scale === undefined ? c.event : ({ ...c.event, amountUsd: c.scale * ((view.context as { advancedUsd?: number }).advancedUsd ?? 1000) } as EventObject);
  return (view: View) => {
    switch (choice.kind) {
      case 'timer':
        // With nothing armed, a stale one.
        if (view.pending.length > 0) return view.pending[choice.pick % view.pending.length]!.event;
        return afterEvents.length > 0 ? { type: afterEvents[choice.pick % afterEvents.length]! } : FOREIGN;
      case 'after':
        return afterEvents.length > 0 ? { type: afterEvents[choice.pick % afterEvents.length]! } : FOREIGN;
      case 'foreign':
        return FOREIGN;
      case 'event':
        return send(choice, view);
      case 'handled': {
        const handled = choice.options.filter((o) => machine.handles(view.value, o.event.type));
        const from = handled.length > 0 ? handled : choice.options;
        return send(from[choice.pick % from.length]!, view);
      }
    }
  };
}

/** A sequence of choices over a machine's events; `timers` weighs how often an armed delay fires. */
export function choicesArb(events: EventArbs, { timers, maxLength }: { timers: number; maxLength: number }): fc.Arbitrary<Choice[]> {
  const arbs = Object.values(events);
  const choice: fc.Arbitrary<Choice> = fc.oneof(
    { arbitrary: fc.oneof(...arbs), weight: 5 },
    { arbitrary: fc.record({ kind: fc.constant('handled' as const), options: fc.tuple(...arbs), pick: fc.nat({ max: 30 }) }), weight: 6 },
    { arbitrary: fc.nat({ max: 30 }).map((pick) => ({ kind: 'timer' as const, pick })), weight: timers },
    { arbitrary: fc.nat({ max: 30 }).map((pick) => ({ kind: 'after' as const, pick })), weight: timers > 0 ? 1 : 0 },
    { arbitrary: fc.constant({ kind: 'foreign' as const }), weight: 1 },
  );
  return fc.array(choice, { minLength: 0, maxLength, size: 'max' });
}

const event = <E extends EventObject>(arb: fc.Arbitrary<E>): fc.Arbitrary<EventChoice> => arb.map((e) => ({ kind: 'event' as const, event: e }));
const constant = (type: string) => event(fc.constant({ type }));
/** An amount scaled to what the claim has advanced (0, part, all, more, or anything in between). */
const scaled = (type: 'seller.reimbursed' | 'seller.payoutsWithheld'): fc.Arbitrary<EventChoice> =>
  fc.oneof(fc.constantFrom(0, 0.5, 1, 1.5), between(0, 2)).map((scale) => ({ kind: 'event' as const, event: { type, amountUsd: 0 } as EventObject, scale }));
const afterDays = fc.oneof(between(0, 3), between(0, 20));

export const claimEvents: EventArbs = {
  'review.cleared': constant('review.cleared'),
  'review.trimmed': constant('review.trimmed'),
  'review.flagged': constant('review.flagged'),
  'seller.accepted': event(fc.record({ type: fc.constant('seller.accepted' as const), insurance: fc.option(insuranceArb, { nil: null }), answeredAfterDays: afterDays })),
  'seller.rejected': event(fc.record({ type: fc.constant('seller.rejected' as const), answeredAfterDays: afterDays })),
  'seller.provedInsurance': event(fc.record({ type: fc.constant('seller.provedInsurance' as const), insurance: insuranceArb, compliant: fc.boolean() })),
  'seller.reimbursed': scaled('seller.reimbursed'),
  'seller.appealed': constant('seller.appealed'),
  'seller.defaulted': constant('seller.defaulted'),
  'seller.payoutsWithheld': scaled('seller.payoutsWithheld'),
  'insurer.paid': constant('insurer.paid'),
  'insurer.denied': constant('insurer.denied'),
  'insurer.litigating': constant('insurer.litigating'),
} satisfies Record<ClaimEvent['type'], fc.Arbitrary<EventChoice>>;

/** Every `after` event of the claim machine, read off its chart: `xstate.after.<delay>.claim.<state>`. */
export const CLAIM_AFTER_EVENTS = [
  'xstate.after.responseWindow.claim.concession',
  'xstate.after.responseWindow.claim.awaitingSeller',
  'xstate.after.sellerSettlement.claim.sellerSettling',
  'xstate.after.proofWindow.claim.awaitingProof',
  'xstate.after.insurerWindow.claim.withInsurer',
  'xstate.after.appealDecision.claim.inAppeal',
] as const;

export const sellerEvents: EventArbs = {
  'claim.notified': event(fc.record({ type: fc.constant('claim.notified' as const), claim: factsArb })),
  'proof.requested': event(fc.record({ type: fc.constant('proof.requested' as const), claim: factsArb })),
  'reimbursement.demanded': event(fc.record({ type: fc.constant('reimbursement.demanded' as const), claim: factsArb, amountUsd: amountArb })),
  'payouts.withholdingRequested': event(fc.record({ type: fc.constant('payouts.withholdingRequested' as const), claim: factsArb, amountUsd: amountArb })),
} satisfies Record<SellerEvent['type'], fc.Arbitrary<EventChoice>>;

export const insurerEvents: EventArbs = { 'claim.tendered': event(fc.record({ type: fc.constant('claim.tendered' as const), claim: factsArb, amountUsd: amountArb })) };
export const customerEvents: EventArbs = { 'fraud.detected': constant('fraud.detected') };
export const deskEvents: EventArbs = { 'day.started': event(fc.record({ type: fc.constant('day.started' as const), waiting: fc.nat({ max: 25 }) })) };
export const reviewEvents: EventArbs = { 'day.started': event(fc.record({ type: fc.constant('day.started' as const), queue: fc.array(factsArb, { maxLength: 8 }) })) };
export const capacityArb = fc.record({ capacityPerDay: fc.oneof(fc.constantFrom(0, 1, 2.5), between(0, 12)) });
