/**
 * The six machines as cases for the equivalence tests: how to build each from
 * parameters, what input and events to generate for it, and the states a
 * sound set of runs must visit (read off the charts in src/machines, not from
 * the executors).
 */
import fc from 'fast-check';
import type { AnyStateMachine } from 'xstate';
import { CLAIM_OUTCOMES, createClaimMachine } from '../../../src/machines/claim.js';
import { createClaimsDeskMachine } from '../../../src/machines/claimsDesk.js';
import { createCustomerMachine } from '../../../src/machines/customer.js';
import { createFraudReviewMachine } from '../../../src/machines/fraudReview.js';
import { createInsurerMachine } from '../../../src/machines/insurer.js';
import { createSellerMachine } from '../../../src/machines/seller.js';
import type { Parameters } from '../../../src/params/schema.js';
import { createExecutor, type Executor } from '../../../src/sim/executor/index.js';
import {
  choicesArb,
  leversArb,
  paramsWith,
  SEED,
  stepOf,
  capacityArb,
  CLAIM_AFTER_EVENTS,
  claimEvents,
  customerEvents,
  deskEvents,
  factsArb,
  insurerEvents,
  profileArb,
  reviewEvents,
  sellerEvents,
  type EventArbs,
} from './arbitraries.js';
import { lockstep } from './harness.js';

export interface MachineCase {
  readonly name: string;
  readonly make: (params: Parameters) => AnyStateMachine;
  readonly input: fc.Arbitrary<unknown>;
  readonly events: EventArbs;
  readonly afterEvents: readonly string[];
  /** Weight of firing an armed delay against 10 for a machine event. */
  readonly timers: number;
  readonly maxLength: number;
  readonly runs: number;
  /** States some run must be in after a step (eventless states never are). */
  readonly visits: readonly string[];
  /** Types of what some run must emit: effects, and the events inside messages (`send` effects, review results). */
  readonly messages: readonly string[];
}

export const MACHINE_CASES: readonly MachineCase[] = [
  {
    name: 'claim',
    make: createClaimMachine,
    input: factsArb,
    events: claimEvents,
    afterEvents: CLAIM_AFTER_EVENTS,
    timers: 3,
    maxLength: 30,
    runs: 2000,
    visits: ['screening', 'concession', 'awaitingSeller', 'sellerSettling', 'awaitingProof', 'withInsurer', 'inLitigation', 'pursuing', 'inAppeal', 'withholding', ...CLAIM_OUTCOMES],
    messages: [
      'intake.requested',
      'ledger.paid',
      'ledger.recovered',
      'send',
      'fraud.detected',
      'claim.notified',
      'proof.requested',
      'reimbursement.demanded',
      'payouts.withholdingRequested',
      'claim.tendered',
    ],
  },
  {
    name: 'seller',
    make: createSellerMachine,
    input: profileArb,
    events: sellerEvents,
    afterEvents: [],
    timers: 0,
    maxLength: 30,
    runs: 300,
    visits: ['trading', 'suspended'],
    messages: ['seller.accepted', 'seller.rejected', 'seller.provedInsurance', 'seller.reimbursed', 'seller.appealed', 'seller.defaulted', 'seller.payoutsWithheld'],
  },
  {
    name: 'insurer',
    make: createInsurerMachine,
    input: fc.record({ id: fc.nat({ max: 10 }) }),
    events: insurerEvents,
    afterEvents: [],
    timers: 0,
    maxLength: 10,
    runs: 150,
    visits: ['underwriting'],
    messages: ['insurer.paid', 'insurer.denied', 'insurer.litigating'],
  },
  {
    name: 'customer',
    make: createCustomerMachine,
    input: fc.constant(undefined),
    events: customerEvents,
    afterEvents: [],
    timers: 0,
    maxLength: 5,
    runs: 100,
    visits: ['active', 'blocked'],
    messages: [],
  },
  {
    name: 'claimsDesk',
    make: () => createClaimsDeskMachine(),
    input: capacityArb,
    events: deskEvents,
    afterEvents: [],
    timers: 0,
    maxLength: 20,
    runs: 200,
    visits: ['keepingUp', 'backlogged'],
    messages: ['intake.taken'],
  },
  {
    name: 'fraudReview',
    make: createFraudReviewMachine,
    input: capacityArb,
    events: reviewEvents,
    afterEvents: [],
    timers: 0,
    maxLength: 15,
    runs: 200,
    visits: ['off', 'keepingUp', 'backlogged'],
    messages: ['reviews.started', 'review.cleared', 'review.trimmed', 'review.flagged'],
  },
];

type ExecutorFor = (machine: AnyStateMachine) => Executor<AnyStateMachine>;

export interface Observed {
  /** States the reference was in after some step, and how often. */
  readonly visits: Map<string, number>;
  /** Final states reached, and how often. */
  readonly finals: Map<string, number>;
  readonly emitted: Set<string>;
  /** Events sent that changed nothing (the state does not handle them, or its guards all failed). */
  unchanged: number;
  /** `after` events sent that moved the machine. */
  delaysTaken: number;
  runs: number;
  steps: number;
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/** What an emitted effect says, for coverage: its type, and the types of the events it carries. */
function emittedTypes(effect: unknown): string[] {
  const e = effect as { type: string; event?: { type: string }; results?: { effect: { event: { type: string } } }[] };
  return [e.type, ...(e.event ? [e.event.type] : []), ...(e.results ?? []).map((r) => r.effect.event.type)];
}

/**
 * Runs the equivalence property for one machine: `reference` (XState's
 * executor unless given) against `candidate` (the compiled executor unless given), on
 * generated levers, input and events, with a fixed seed. Throws (fast-check's
 * report, with the `Divergence`) at the first difference.
 */
export function checkEquivalence(c: MachineCase, options: { candidate?: ExecutorFor; reference?: ExecutorFor; runs?: number; seed?: number } = {}): Observed {
  const observed: Observed = { visits: new Map(), finals: new Map(), emitted: new Set(), unchanged: 0, delaysTaken: 0, runs: 0, steps: 0 };
  const candidate = options.candidate ?? ((m: AnyStateMachine) => createExecutor(m, 'compiled'));
  const reference = options.reference ?? ((m: AnyStateMachine) => createExecutor(m, 'xstate'));
  fc.assert(
    fc.property(leversArb, c.input, choicesArb(c.events, { timers: c.timers, maxLength: c.maxLength }), (levers, input, choices) => {
      const machine = c.make(paramsWith(levers));
      const context = { afterEvents: c.afterEvents, handles: handlerOf(machine) };
      const trace = lockstep(
        reference(machine),
        candidate(machine),
        input,
        choices.map((ch) => stepOf(ch, context)),
      );
      observed.runs++;
      observed.steps += trace.events.length;
      for (const value of trace.values) bump(observed.visits, value);
      if (trace.final.status === 'done') bump(observed.finals, trace.final.value);
      for (const call of trace.calls) if (call[0] === 'emit') for (const t of emittedTypes(call[1])) observed.emitted.add(t);
      trace.events.forEach((event, i) => {
        const moved = trace.values[i] !== trace.values[i + 1];
        if (!moved && trace.contexts[i] === trace.contexts[i + 1]) observed.unchanged++;
        if (moved && event.type.startsWith('xstate.after.')) observed.delaysTaken++;
      });
    }),
    { seed: options.seed ?? SEED, numRuns: options.runs ?? c.runs },
  );
  return observed;
}

/** Which event types a state handles, read from the machine's config as written (its own `on`, or the root's). */
function handlerOf(machine: AnyStateMachine): (state: string, type: string) => boolean {
  const config = machine.config as { on?: Record<string, unknown>; states?: Record<string, { on?: Record<string, unknown> }> };
  return (state, type) => type in (config.states?.[state]?.on ?? {}) || type in (config.on ?? {});
}
