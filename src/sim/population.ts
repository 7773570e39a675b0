/**
 * Building a team's world: how many claims its year brings, its sellers
 * (sales, insurance, compliance, claim-proneness), its customers, and each new
 * claim's facts. Everything is drawn from the entity's own stream, so the same
 * seed gives the same sellers and the same claims under any policy, and a
 * change to fraud leaves every genuine claim as it was.
 *
 * Genuine claims come from exposure: their number is Poisson around the
 * expected volume (times the replication's rate multiplier, for year-to-year
 * frequency risk). Fabricated claims come from fraudsters, on top of them.
 * Sellers and customers scale with the expected volume, so per-claim figures
 * do not depend on how many claims are simulated.
 */
import gammaQuantile from '@stdlib/stats-base-dists-gamma-quantile';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import { DECISION_DRAWS, type ClaimFacts, type DecisionDraws, type FraudKind, type InsuranceChannel, type SellerProfile } from '../domain/types.js';
import { honestCustomerCount, sellerCount, type Parameters } from '../params/schema.js';
import { claimedAmount } from '../rules/claimedAmount.js';
import { expectedFabricatedClaims } from '../rules/expectedFabricatedClaims.js';
import { fraudsterOf } from '../rules/fraudsterOf.js';
import { isBuiltUp } from '../rules/isBuiltUp.js';
import { isInsuranceRequired } from '../rules/isInsuranceRequired.js';
import { surgeWeight } from './arrivals.js';
import { AliasTable } from '../random/alias.js';
import { categorical, exponential, lognormal, lognormalMixtureOrEmpirical } from '../random/distributions.js';
import { Stream, StreamKind } from '../random/streams.js';

/** One deterministic unit of work: a team of a replication under a seed. */
export interface WorkUnit {
  readonly seed: number;
  readonly replication: number;
  readonly team: number;
}

/**
 * Draw slots of a claim's stream used when it is created; decision draws follow.
 * Genuine and fabricated claims have streams of their own kinds, with the same slots.
 */
const ClaimSlot = { buildUp: 1, mixPick: 2, mixValue: 3, bunch: 4, bunchPosition: 5, customer: 6, seller: 7, filingDelay: 8, incident: 9, decisions: 16 } as const;
const SellerSlot = { sales: 0, insured: 1, channel: 2, insurer: 3, compliant: 4, defect: 5, deductible: 6 } as const;
/** Entities of the arrivals stream: the incident times, then the two counts. */
const ArrivalsEntity = { times: 0, genuineCount: 1, fabricatedCount: 2 } as const;

/** Team `team`'s part of `total` when it is split as evenly as possible over `teams`. */
export function teamShare(total: number, teams: number, team: number): number {
  return Math.floor(total / teams) + (team < total % teams ? 1 : 0);
}

/** Expected claims of a team's year: genuine at the normal rate plus any surge, and fabricated on top. */
export function expectedClaims(params: Parameters): { genuine: number; fabricated: number } {
  const genuine = (params.volume.claims * surgeWeight(params.horizon.filingDays, params.volume.surge)) / params.horizon.filingDays / params.world.teams;
  return { genuine, fabricated: expectedFabricatedClaims(genuine, params.fraud) };
}

/**
 * The replication's claim-rate multiplier: gamma with mean 1 and the given
 * coefficient of variation, one draw shared by all teams of the replication
 * (a busy year is busy everywhere); 1 when there is no such variation.
 */
export function rateMultiplier(seed: number, replication: number, rateCv: number): number {
  if (rateCv === 0) return 1;
  const shape = 1 / (rateCv * rateCv);
  return gammaQuantile(new Stream(seed, StreamKind.year, replication, 0, 0).uniform(0), shape, shape);
}

/** How many genuine and fabricated claims the team's year brings, each by inversion of its own uniform. */
export function claimCounts(params: Parameters, unit: WorkUnit): { genuine: number; fabricated: number } {
  const expected = expectedClaims(params);
  const multiplier = rateMultiplier(unit.seed, unit.replication, params.volume.rateCv);
  const u = (entity: number) => new Stream(unit.seed, StreamKind.arrivals, unit.replication, unit.team, entity).uniform(0);
  // Inversion keeps the counts monotone in their means: more fraud never means fewer fabricated claims.
  return {
    genuine: poissonQuantile(u(ArrivalsEntity.genuineCount), expected.genuine * multiplier),
    fabricated: poissonQuantile(u(ArrivalsEntity.fabricatedCount), expected.fabricated),
  };
}

/** The stream of the team's incident times (genuine claims), drawn in order. */
export function incidentTimesStream(unit: WorkUnit): Stream {
  return new Stream(unit.seed, StreamKind.arrivals, unit.replication, unit.team, ArrivalsEntity.times);
}

/**
 * A team's sellers. A world has five sellers per expected claim and most never
 * see one, so only what every seller contributes is computed up front (its
 * weight in the seller picker, whether it must and does carry insurance); the
 * rest of a seller's profile is drawn from its own stream when a claim needs
 * it. The profile is the same whenever it is drawn.
 */
export class Sellers {
  /** Picks the seller a claim is against, in proportion to sales and claim-proneness. */
  readonly picker: AliasTable;
  readonly count: number;
  readonly insured: number;
  readonly insuranceRequired: number;
  private readonly deductibleShares: readonly number[];

  constructor(
    private readonly params: Parameters,
    private readonly unit: WorkUnit,
  ) {
    const { sellers, policy } = params;
    const count = teamShare(sellerCount(params), params.world.teams, unit.team);
    const weights = new Float64Array(count);
    let insured = 0;
    let insuranceRequired = 0;
    for (let id = 0; id < count; id++) {
      const s = sellerStream(unit, id);
      const monthlySalesUsd = monthlySales(s, sellers);
      const required = isInsuranceRequired(monthlySalesUsd, policy.insurance);
      if (required) insuranceRequired++;
      if (isInsured(s, required, sellers)) insured++;
      weights[id] = monthlySalesUsd * lognormal(s.uniform(SellerSlot.defect), 1, sellers.defectSigma);
    }
    this.count = count;
    this.insured = insured;
    this.insuranceRequired = insuranceRequired;
    this.picker = new AliasTable(weights);
    this.deductibleShares = sellers.deductibles.map((d) => d.share);
  }

  /** Seller `id`'s profile, from its stream. */
  profile(id: number): SellerProfile {
    if (!(id >= 0 && id < this.count)) throw new RangeError(`seller ${id} is not one of the team's ${this.count}`);
    const { sellers, policy, insurers } = this.params;
    const s = sellerStream(this.unit, id);
    const monthlySalesUsd = monthlySales(s, sellers);
    const insuranceRequired = isInsuranceRequired(monthlySalesUsd, policy.insurance);
    const insured = isInsured(s, insuranceRequired, sellers);
    const channel: InsuranceChannel = s.uniform(SellerSlot.channel) < sellers.acceleratorShare ? 'accelerator' : 'broker';
    const deductibleUsd = sellers.deductibles[categorical(s.uniform(SellerSlot.deductible), this.deductibleShares)]!.usd;
    return {
      id,
      monthlySalesUsd,
      insuranceRequired,
      insurance: insured ? { insurer: insurerFor(channel, s.uniform(SellerSlot.insurer), insurers), channel, deductibleUsd } : null,
      compliant: s.uniform(SellerSlot.compliant) < sellers.compliantShare,
    };
  }
}

function sellerStream(unit: WorkUnit, id: number): Stream {
  return new Stream(unit.seed, StreamKind.seller, unit.replication, unit.team, id);
}

function monthlySales(s: Stream, sellers: Parameters['sellers']): number {
  return lognormal(s.uniform(SellerSlot.sales), sellers.monthlySalesMedianUsd, sellers.monthlySalesSigma);
}

function isInsured(s: Stream, insuranceRequired: boolean, sellers: Parameters['sellers']): boolean {
  return s.uniform(SellerSlot.insured) < (insuranceRequired ? sellers.insuredShareWhenRequired : sellers.insuredShareVoluntary);
}

/** Accelerator policies come from its partner insurers, others from the rest (or any, if a group is empty). */
function insurerFor(channel: InsuranceChannel, u: number, insurers: Parameters['insurers']): number {
  const partners = insurers.acceleratorPartners;
  const others = insurers.perTeam - partners;
  if (channel === 'accelerator' && partners > 0) return Math.floor(u * partners);
  if (channel === 'broker' && others > 0) return partners + Math.floor(u * others);
  return Math.floor(u * insurers.perTeam);
}

/**
 * Customers are numbered honest customers first, then fraudsters: the honest
 * pool depends on the volume alone, so more fraud renumbers no honest customer.
 */
export function honestCustomers(params: Parameters, team: number): number {
  return Math.max(1, teamShare(honestCustomerCount(params), params.world.teams, team));
}

/** The stream of genuine claim `i` (the `i`-th incident of the team) or fabricated claim `k`. */
export function claimStream(unit: WorkUnit, fabricated: boolean, index: number): Stream {
  return new Stream(unit.seed, fabricated ? StreamKind.fabricatedClaim : StreamKind.claim, unit.replication, unit.team, index);
}

/** Days between an incident and its claim being filed. */
export function filingDelay(stream: Stream, params: Parameters): number {
  return exponential(stream.uniform(ClaimSlot.filingDelay), params.filing.meanDelayDays);
}

/** Where in the year's arrival weight a fabricated claim falls, a uniform of its own stream (see `IncidentTimes.dayAt`). */
export function fabricatedIncidentFraction(stream: Stream): number {
  return stream.uniform(ClaimSlot.incident);
}

/**
 * What a claim asks for and why, from its own stream and the parameters alone
 * (no seller or customer state): its fraud kind, the genuine loss behind it
 * and the amount claimed. `merge` recomputes it for a unit's first claims.
 */
export function claimAmountFacts(params: Parameters, stream: Stream, fabricated: boolean): { fraud: FraudKind; baseUsd: number; claimedUsd: number } {
  const fraud: FraudKind = fabricated ? 'fabricated' : isBuiltUp(stream.uniform(ClaimSlot.buildUp), params.fraud) ? 'buildUp' : 'none';
  const baseUsd = lognormalMixtureOrEmpirical(stream.uniform(ClaimSlot.mixPick), stream.uniform(ClaimSlot.mixValue), params.claimAmount.mixture, params.claimAmount.empirical, params.policy.maxClaim);
  const claimedUsd = claimedAmount(fraud, baseUsd, stream.uniform(ClaimSlot.bunch), stream.uniform(ClaimSlot.bunchPosition), params.policy, params.fraud);
  return { fraud, baseUsd, claimedUsd };
}

/** What a claim's world needs to draw its facts. */
export interface ClaimWorld {
  readonly sellers: Sellers;
  readonly honestCustomers: number;
  /** Whether a customer is blocked now. */
  readonly isBlocked: (customer: number) => boolean;
}

/**
 * The facts of a claim at filing. A genuine claim (`fabricated` false, its
 * team index `index`) may be built up; a fabricated one (the team's `index`-th)
 * belongs to a fraudster and may be kept just under the threshold.
 */
export function claimFacts(
  params: Parameters,
  stream: Stream,
  claim: { readonly id: number; readonly index: number; readonly fabricated: boolean; readonly incidentDay: number; readonly filedDay: number },
  world: ClaimWorld,
): ClaimFacts {
  const { fraud, baseUsd, claimedUsd } = claimAmountFacts(params, stream, claim.fabricated);
  const customer = claim.fabricated ? world.honestCustomers + fraudsterOf(claim.index, params.fraud) : Math.floor(stream.uniform(ClaimSlot.customer) * world.honestCustomers);
  return {
    id: claim.id,
    incidentDay: claim.incidentDay,
    filedDay: claim.filedDay,
    claimedUsd,
    genuineUsd: claim.fabricated ? 0 : baseUsd,
    fraud,
    seller: world.sellers.picker.pick(stream.uniform(ClaimSlot.seller)),
    customer,
    claimantBlocked: world.isBlocked(customer),
    draws: new StreamDraws(stream, ClaimSlot.decisions),
  };
}

/** Decision draws read from the claim's stream when asked: draw `slot` is the stream's draw `offset + slot`. */
class StreamDraws implements DecisionDraws {
  constructor(
    private readonly stream: Stream,
    private readonly offset: number,
  ) {}
  at(slot: number): number {
    if (!(slot >= 0 && slot < DECISION_DRAWS)) throw new RangeError(`decision draw ${slot} is not one of the ${DECISION_DRAWS}`);
    return this.stream.uniform(this.offset + slot);
  }
}
