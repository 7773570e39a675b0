/**
 * The event log of sampled claims: every transition of each sampled claim's
 * machine, with its simulated time, the money it moved and the objects it
 * touched (the claim, its seller, its customer), for process-mining tools.
 *
 * Phase: simulate, again. The claims are those of the main run: the run is
 * deterministic, so replaying a replication's teams here with an observer
 * (claimRecorder.ts) meets the same claims with the same luck.
 * Observing never changes the simulation; names come from seeded Faker and
 * never enter it.
 *
 * Writers: export/eventLogCsv.ts (one row per event) and export/ocel.ts (OCEL 2.0 JSON).
 */
import type { ClaimOutcome } from '../machines/claim.js';
import type { FraudKind, InsuranceChannel, Payer, RecoveryKind } from '../domain/types.js';
import type { Parameters } from '../params/schema.js';
import { expectedClaims, teamShare, type WorkUnit } from './population.js';
import { DEFAULT_EXECUTOR, type ExecutorKind } from './executor/executor.js';
import { createMachines, simulateTeam } from './world.js';
import { ClaimRecorder, LOG_EPOCH } from './claimRecorder.js';

export { activityName, FILING_ACTIVITY, isoTime, LOG_EPOCH } from './claimRecorder.js';

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
  const machines = createMachines(params, options.executor ?? DEFAULT_EXECUTOR);
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
