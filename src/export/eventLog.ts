/**
 * The event log of sampled claims: every transition of each sampled claim's
 * machine, with its simulated time, the money it moved and the objects it
 * touched (the claim, its seller, its customer), for process-mining tools.
 *
 * Phase: collect, beside the aggregates. The claims are those of the main run:
 * the run is deterministic, so replaying a replication's teams here with an
 * observer meets the same claims with the same luck. Observing never changes
 * the simulation; names come from seeded Faker and never enter it.
 *
 * Writers: `eventLogCsv.ts` (one row per event) and `ocel.ts` (OCEL 2.0 JSON).
 */
import type { ClaimOutcome } from '../machines/claim.js';
import type { ClaimFacts, FraudKind, InsuranceChannel, Payer, RecoveryKind, SellerProfile } from '../domain/types.js';
import type { Parameters } from '../params/schema.js';
import { customerName, productName, sellerName } from '../sim/names.js';
import { expectedClaims, teamShare, type WorkUnit } from '../sim/population.js';
import type { ExecutorKind } from '../sim/executor/executor.js';
import { environmentExecutor } from '../sim/executor/fromEnvironment.js';
import { createMachines, simulateTeam, type ClaimObserver, type ClaimStep } from '../sim/world.js';

/**
 * Day 0 of the simulation as a calendar date: the 2021 policy came into force
 * on 1 September 2021 (scenarios/baseline.yaml). Timestamps are for reading
 * logs in process-mining tools; the simulation itself knows only days.
 */
export const LOG_EPOCH = '2021-09-01T00:00:00.000Z';

const MS_PER_DAY = 86_400_000;

/**
 * The ISO 8601 timestamp of simulated day `day`, to the millisecond.
 * @example isoTime(1.5) // '2021-09-02T12:00:00.000Z'
 */
export function isoTime(day: number, epoch: string = LOG_EPOCH): string {
  return new Date(Date.parse(epoch) + Math.round(day * MS_PER_DAY)).toISOString();
}

/** Readable names of the claim machine's delays, for the events that fire when one runs out. */
const DELAY_ACTIVITIES: Readonly<Record<string, string>> = {
  responseWindow: 'response window expired',
  proofWindow: 'proof window expired',
  insurerWindow: 'insurer window expired',
  appealDecision: 'appeal decided',
};

/** The activity filing starts a claim with (the machine's start, not an event it receives). */
export const FILING_ACTIVITY = 'claim.filed';

/**
 * What an event log calls a step of the claim machine: the event that caused
 * it (they already say what happened), filing for the start, and a readable
 * name for a delay running out (XState calls it `xstate.after.<delay>.<state>`).
 * @example activityName('seller.accepted') // 'seller.accepted'
 * @example activityName('xstate.after.responseWindow.claim.awaitingSeller') // 'response window expired'
 */
export function activityName(eventType: string | null): string {
  if (eventType === null) return FILING_ACTIVITY;
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (!after) return eventType;
  const delay = after[1]!;
  return DELAY_ACTIVITIES[delay] ?? `${delay} elapsed`;
}

export type ObjectType = 'claim' | 'seller' | 'customer';

export interface Relationship {
  readonly objectId: string;
  /** The object's role in the event. */
  readonly qualifier: string;
}

export interface LoggedPayment {
  readonly payer: Payer;
  readonly amountUsd: number;
}

export interface LoggedRecovery {
  readonly how: RecoveryKind;
  readonly amountUsd: number;
}

/** One transition of a sampled claim's machine. */
export interface LogEvent {
  readonly id: string;
  readonly claimId: string;
  readonly sellerId: string;
  readonly customerId: string;
  readonly activity: string;
  /** The machine event behind the activity (`claim.filed` for the start). */
  readonly event: string;
  /** The state left, or null at filing. */
  readonly fromState: string | null;
  /** The state entered (for the last event of a closed claim, its outcome). */
  readonly state: string;
  /** Simulated day. */
  readonly day: number;
  /** `day` as an ISO 8601 timestamp counted from the log's epoch. */
  readonly time: string;
  /** Paid to the customer in this step, by whom. */
  readonly payments: readonly LoggedPayment[];
  /** Recovered from the seller of what the marketplace advanced, in this step. */
  readonly recoveries: readonly LoggedRecovery[];
  /** Messages sent in this step, as `recipient:event` (e.g. `seller:claim.notified`). */
  readonly messages: readonly string[];
  readonly relationships: readonly Relationship[];
}

export interface ClaimObject {
  readonly id: string;
  readonly team: number;
  /** The claim's index in its team (`ClaimFacts.id`). */
  readonly claim: number;
  readonly sellerId: string;
  readonly customerId: string;
  readonly product: string;
  readonly incidentDay: number;
  readonly filedDay: number;
  readonly claimedUsd: number;
  /** What the incident really cost (0 for a fabricated claim): known to the simulation, not to the marketplace. */
  readonly genuineUsd: number;
  readonly fraud: FraudKind;
  readonly claimantBlocked: boolean;
  /** What the claim would be paid, from filing on: it changes when screening trims build-up. */
  readonly payable: readonly { readonly day: number; readonly usd: number }[];
  /** The final state, or null if the claim was still open at the end of the run. */
  readonly outcome: ClaimOutcome | null;
  /** The state it was last seen in (its outcome if closed). */
  readonly state: string;
  readonly closedDay: number | null;
  /** The day of its last event. */
  readonly lastDay: number;
  /** Paid to the customer in all, as the claim machine's context counts it. */
  readonly paidUsd: number;
  /** The same, by payer, as the world's ledger counts it. */
  readonly paidByMarketplaceUsd: number;
  readonly paidBySellerUsd: number;
  readonly paidByInsurerUsd: number;
  readonly recoveredUsd: number;
}

export interface SellerObject {
  readonly id: string;
  readonly name: string;
  readonly monthlySalesUsd: number;
  readonly insuranceRequired: boolean;
  readonly insured: boolean;
  readonly insuranceChannel: InsuranceChannel | null;
  readonly insurer: number | null;
  readonly deductibleUsd: number | null;
  readonly compliant: boolean;
}

export interface CustomerObject {
  readonly id: string;
  readonly name: string;
  /** The pool the customer is drawn from: fabricated claims come from fraudsters. */
  readonly pool: 'fraudster' | 'honest';
}

export interface EventLog {
  readonly seed: number;
  readonly replication: number;
  /** Day 0 as an ISO 8601 timestamp. */
  readonly epoch: string;
  /** The end of the run (filing year and runoff), in days. */
  readonly endDay: number;
  /** Events grouped by claim (claims in team and filing order), each claim's in the order they happened. */
  readonly events: readonly LogEvent[];
  /** The sampled claims, in team and filing order. */
  readonly claims: readonly ClaimObject[];
  /** The sellers and customers of the sampled claims, each once, in order of first appearance. */
  readonly sellers: readonly SellerObject[];
  readonly customers: readonly CustomerObject[];
}

export interface EventLogOptions {
  /** The replication whose claims are logged (default 0). */
  readonly replication?: number;
  /** Day 0 as an ISO 8601 timestamp (default `LOG_EPOCH`). */
  readonly epoch?: string;
  /** How machines are stepped (default: `CLAIMSIM_EXECUTOR`, else compiled); the log is the same either way. */
  readonly executor?: ExecutorKind;
}

/**
 * The event log of `k` claims of one replication (default 0), spread evenly
 * over the teams (team t gets its `teamShare` of k) and within each team over
 * the filing year: every n-th filed claim, n = the team's expected claims / its share.
 * Fewer than k if the run files fewer claims. Simulates the replication's
 * teams in this thread, one after another.
 */
export function buildEventLog(params: Parameters, seed: number, k: number, options: EventLogOptions = {}): EventLog {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`the number of claims to log must be a whole number of at least 1, got ${k}`);
  const replication = options.replication ?? 0;
  const epoch = options.epoch ?? LOG_EPOCH;
  if (Number.isNaN(Date.parse(epoch))) throw new RangeError(`epoch must be an ISO 8601 timestamp, got "${epoch}"`);
  const machines = createMachines(params, options.executor ?? environmentExecutor());
  const teams = params.world.teams;
  const recorders: ClaimRecorder[] = [];
  for (let team = 0; team < teams; team++) {
    const quota = teamShare(k, teams, team);
    if (quota === 0) continue;
    const unit: WorkUnit = { seed, replication, team };
    const expected = expectedClaims(params);
    const recorder = new ClaimRecorder(unit, quota, Math.max(1, Math.floor((expected.genuine + expected.fabricated) / quota)), epoch);
    simulateTeam(params, unit, machines, recorder);
    recorders.push(recorder);
  }
  const sellers = new Map<string, SellerObject>();
  const customers = new Map<string, CustomerObject>();
  for (const r of recorders) {
    for (const [id, s] of r.sellers) if (!sellers.has(id)) sellers.set(id, s);
    for (const [id, c] of r.customers) if (!customers.has(id)) customers.set(id, c);
  }
  return {
    seed,
    replication,
    epoch,
    endDay: params.horizon.filingDays + params.horizon.runoffDays,
    events: recorders.flatMap((r) => r.claimOrder.flatMap((id) => r.claims.get(id)!.events)),
    claims: recorders.flatMap((r) => r.claimOrder.map((id) => r.claims.get(id)!.object())),
    sellers: [...sellers.values()],
    customers: [...customers.values()],
  };
}

const objectId = (type: ObjectType, unit: WorkUnit, id: number): string => `${type}-${unit.team}-${id}`;

/** What is known of a sampled claim so far. */
class ClaimTrack {
  readonly events: LogEvent[] = [];
  readonly payable: { day: number; usd: number }[] = [];
  last: ClaimStep | null = null;

  constructor(
    readonly id: string,
    readonly facts: ClaimFacts,
    readonly team: number,
    readonly sellerId: string,
    readonly customerId: string,
    readonly product: string,
  ) {}

  object(): ClaimObject {
    const last = this.last!;
    const f = this.facts;
    return {
      id: this.id,
      team: this.team,
      claim: f.id,
      sellerId: this.sellerId,
      customerId: this.customerId,
      product: this.product,
      incidentDay: f.incidentDay,
      filedDay: f.filedDay,
      claimedUsd: f.claimedUsd,
      genuineUsd: f.genuineUsd,
      fraud: f.fraud,
      claimantBlocked: f.claimantBlocked,
      payable: this.payable,
      outcome: last.done ? (last.toState as ClaimOutcome) : null,
      state: last.toState,
      closedDay: last.done ? last.time : null,
      lastDay: last.time,
      paidUsd: last.context.paidUsd,
      paidByMarketplaceUsd: last.money.marketplaceUsd,
      paidBySellerUsd: last.money.sellerUsd,
      paidByInsurerUsd: last.money.insurerUsd,
      recoveredUsd: last.money.recoveredUsd,
    };
  }
}

/** The observer of one team: picks every `stride`-th filed claim, up to `quota`, and records its steps. */
class ClaimRecorder implements ClaimObserver {
  readonly claims = new Map<number, ClaimTrack>();
  readonly claimOrder: number[] = [];
  readonly sellers = new Map<string, SellerObject>();
  readonly customers = new Map<string, CustomerObject>();
  private filed = 0;

  constructor(
    private readonly unit: WorkUnit,
    private readonly quota: number,
    private readonly stride: number,
    private readonly epoch: string,
  ) {}

  wants(facts: ClaimFacts, seller: SellerProfile): boolean {
    const index = this.filed++;
    if (index % this.stride !== 0 || this.claimOrder.length >= this.quota) return false;
    const { unit } = this;
    const sellerId = objectId('seller', unit, facts.seller);
    const customerId = objectId('customer', unit, facts.customer);
    this.claims.set(facts.id, new ClaimTrack(objectId('claim', unit, facts.id), facts, unit.team, sellerId, customerId, productName(unit, facts.id)));
    this.claimOrder.push(facts.id);
    if (!this.sellers.has(sellerId)) {
      this.sellers.set(sellerId, {
        id: sellerId,
        name: sellerName(unit, facts.seller),
        monthlySalesUsd: seller.monthlySalesUsd,
        insuranceRequired: seller.insuranceRequired,
        insured: seller.insurance !== null,
        insuranceChannel: seller.insurance?.channel ?? null,
        insurer: seller.insurance?.insurer ?? null,
        deductibleUsd: seller.insurance?.deductibleUsd ?? null,
        compliant: seller.compliant,
      });
    }
    if (!this.customers.has(customerId)) {
      this.customers.set(customerId, { id: customerId, name: customerName(unit, facts.customer), pool: facts.fraud === 'fabricated' ? 'fraudster' : 'honest' });
    }
    return true;
  }

  claimStep(step: ClaimStep): void {
    const track = this.claims.get(step.facts.id)!;
    // An event the claim ignores (a seller answering after the window, say) is no transition.
    if (step.fromState !== null && step.fromState === step.toState && step.effects.length === 0) return;
    const previousPayable = track.payable.at(-1)?.usd;
    if (previousPayable !== step.context.payableUsd) track.payable.push({ day: step.time, usd: step.context.payableUsd });
    track.last = step;
    const payments: LoggedPayment[] = [];
    const recoveries: LoggedRecovery[] = [];
    const messages: string[] = [];
    for (const effect of step.effects) {
      if (effect.type === 'ledger.paid') payments.push({ payer: effect.payer, amountUsd: effect.amountUsd });
      else if (effect.type === 'ledger.recovered') recoveries.push({ how: effect.how, amountUsd: effect.amountUsd });
      else if (effect.type === 'send') messages.push(`${effect.to.kind}:${effect.event.type}`);
      else messages.push(`desk:${effect.type}`);
    }
    const eventType = step.eventType ?? FILING_ACTIVITY;
    track.events.push({
      id: `event-${this.unit.team}-${step.facts.id}-${track.events.length}`,
      claimId: track.id,
      sellerId: track.sellerId,
      customerId: track.customerId,
      activity: activityName(step.eventType),
      event: eventType,
      fromState: step.fromState,
      state: step.toState,
      day: step.time,
      time: isoTime(step.time, this.epoch),
      payments,
      recoveries,
      messages,
      relationships: [
        { objectId: track.id, qualifier: 'claim' },
        { objectId: track.sellerId, qualifier: 'seller' },
        { objectId: track.customerId, qualifier: 'claimant' },
      ],
    });
  }
}
