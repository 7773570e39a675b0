/**
 * Building a team's population: its sellers (sales, insurance, compliance,
 * claim-proneness), the sizes of its customer pools, and each new claim's
 * facts. Everything is drawn from the entity's own stream, so the same seed
 * gives the same sellers and the same claims under any policy.
 */
import type { Parameters } from '../params/schema.js';
import { claimedAmount } from '../rules/claimedAmount.js';
import { fraudKind } from '../rules/fraudKind.js';
import { isInsuranceRequired } from '../rules/isInsuranceRequired.js';
import { DECISION_DRAWS, type ClaimFacts, type InsuranceChannel, type SellerProfile } from '../machines/types.js';
import { AliasTable } from './random/alias.js';
import { exponential, lognormal, lognormalMixtureOrEmpirical } from './random/distributions.js';
import { Stream, StreamKind } from './random/streams.js';

/** One deterministic unit of work: a team of a replication under a seed. */
export interface WorkUnit {
  readonly seed: number;
  readonly replication: number;
  readonly team: number;
}

/** Draw slots of a claim's stream used when it is created; decision draws follow. */
const ClaimSlot = { fraud: 0, buildUp: 1, mixPick: 2, mixValue: 3, bunch: 4, bunchPosition: 5, customer: 6, seller: 7, filingDelay: 8, decisions: 16 } as const;
const SellerSlot = { sales: 0, insured: 1, channel: 2, insurer: 3, compliant: 4, defect: 5 } as const;

/** Team `team`'s part of `total` when it is split as evenly as possible over `teams`. */
export function teamShare(total: number, teams: number, team: number): number {
  return Math.floor(total / teams) + (team < total % teams ? 1 : 0);
}

export interface Sellers {
  readonly profiles: SellerProfile[];
  /** Picks the seller a claim is against, in proportion to sales and claim-proneness. */
  readonly picker: AliasTable;
}

export function buildSellers(params: Parameters, unit: WorkUnit): Sellers {
  const { sellers, policy, insurers } = params;
  const count = teamShare(sellers.count, params.world.teams, unit.team);
  const profiles: SellerProfile[] = [];
  const weights = new Float64Array(count);
  for (let id = 0; id < count; id++) {
    const s = new Stream(unit.seed, StreamKind.seller, unit.replication, unit.team, id);
    const monthlySalesUsd = lognormal(s.uniform(SellerSlot.sales), sellers.monthlySalesMedianUsd, sellers.monthlySalesSigma);
    const insuranceRequired = isInsuranceRequired(monthlySalesUsd, policy.insurance);
    const insured = s.uniform(SellerSlot.insured) < (insuranceRequired ? sellers.insuredShareWhenRequired : sellers.insuredShareVoluntary);
    const channel: InsuranceChannel = s.uniform(SellerSlot.channel) < sellers.acceleratorShare ? 'accelerator' : 'broker';
    profiles.push({
      id,
      monthlySalesUsd,
      insuranceRequired,
      insurance: insured ? { insurer: insurerFor(channel, s.uniform(SellerSlot.insurer), insurers), channel, deductibleUsd: sellers.deductibleUsd } : null,
      compliant: s.uniform(SellerSlot.compliant) < sellers.compliantShare,
    });
    weights[id] = monthlySalesUsd * lognormal(s.uniform(SellerSlot.defect), 1, sellers.defectSigma);
  }
  return { profiles, picker: new AliasTable(weights) };
}

/** Accelerator policies come from its partner insurers, others from the rest (or any, if a group is empty). */
function insurerFor(channel: InsuranceChannel, u: number, insurers: Parameters['insurers']): number {
  const partners = insurers.acceleratorPartners;
  const others = insurers.perTeam - partners;
  if (channel === 'accelerator' && partners > 0) return Math.floor(u * partners);
  if (channel === 'broker' && others > 0) return partners + Math.floor(u * others);
  return Math.floor(u * insurers.perTeam);
}

/** Customers are numbered fraudsters first, then honest customers. */
export interface CustomerPools {
  readonly fraudsters: number;
  readonly honest: number;
}

export function customerPools(params: Parameters, claimsInTeam: number, team: number): CustomerPools {
  const { fraud, customers, world } = params;
  return {
    fraudsters: Math.max(1, Math.round((claimsInTeam * fraud.share) / fraud.claimsPerFraudster)),
    honest: Math.max(1, teamShare(customers.honestPool, world.teams, team)),
  };
}

/** The stream of claim `id`, the `id`-th incident of the team. */
export function claimStream(unit: WorkUnit, id: number): Stream {
  return new Stream(unit.seed, StreamKind.claim, unit.replication, unit.team, id);
}

/** Days between an incident and its claim being filed. */
export function filingDelay(stream: Stream, params: Parameters): number {
  return exponential(stream.uniform(ClaimSlot.filingDelay), params.filing.meanDelayDays);
}

/** The facts of a claim at filing. `isBlocked` tells whether a customer is blocked now. */
export function claimFacts(
  params: Parameters,
  stream: Stream,
  id: number,
  incidentDay: number,
  filedDay: number,
  sellers: Sellers,
  pools: CustomerPools,
  isBlocked: (customer: number) => boolean,
): ClaimFacts {
  const fraud = fraudKind(stream.uniform(ClaimSlot.fraud), stream.uniform(ClaimSlot.buildUp), params.fraud);
  const baseUsd = lognormalMixtureOrEmpirical(stream.uniform(ClaimSlot.mixPick), stream.uniform(ClaimSlot.mixValue), params.claimAmount.mixture, params.claimAmount.empirical, params.policy.maxClaim);
  const claimedUsd = claimedAmount(fraud, baseUsd, stream.uniform(ClaimSlot.bunch), stream.uniform(ClaimSlot.bunchPosition), params.policy, params.fraud);
  const u = stream.uniform(ClaimSlot.customer);
  const customer = fraud === 'fabricated' ? Math.floor(u * pools.fraudsters) : pools.fraudsters + Math.floor(u * pools.honest);
  const draws = new Float64Array(DECISION_DRAWS);
  for (let i = 0; i < DECISION_DRAWS; i++) draws[i] = stream.uniform(ClaimSlot.decisions + i);
  return {
    id,
    incidentDay,
    filedDay,
    claimedUsd,
    genuineUsd: fraud === 'fabricated' ? 0 : baseUsd,
    fraud,
    seller: sellers.picker.pick(stream.uniform(ClaimSlot.seller)),
    customer,
    claimantBlocked: isBlocked(customer),
    draws,
  };
}
