/**
 * What `merge` checks of a partial's content, beyond its layout (results/read.ts):
 *
 * - the parameters' hash, recomputed from the parameters the partial carries,
 *   so parameters edited after the run (a threshold changed in every shard)
 *   are refused;
 * - each unit's invariants, which every aggregate the engine writes keeps:
 *   counts whole and non-negative, histograms adding up to their counts,
 *   money by payer adding up over outcomes and open claims, outcomes and
 *   open claims adding up to the claims filed, only the claim machine's own
 *   state names;
 * - each unit's fingerprint, recomputed in milliseconds from (seed,
 *   replication, team) and the parameters alone: how many genuine and
 *   fabricated claims its year brings and what its first claims ask for, and
 *   the facts of the largest claims it lists. A shard of another seed or
 *   other parameters, or aggregates moved between units, fail it even when
 *   their numbers are plausible.
 *
 * Phase: summarise (on the way back in from a file).
 */
import { createHash } from 'node:crypto';
import type { Aggregates } from '../collect/aggregates.js';
import type { UnitFingerprint } from './schema/partial.js';
import { CLAIM_OUTCOMES, createClaimMachine } from '../machines/claim.js';
import type { Parameters } from '../params/schema.js';
import { claimAmountFacts, claimCounts, claimStream, type WorkUnit } from '../sim/population.js';

/** JSON with every object's keys in sorted order, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) of the canonical JSON of the resolved parameters: what `merge` can recompute. */
export function parametersHash(params: unknown): string {
  return createHash('sha256').update(canonicalJson(params)).digest('hex');
}

/** How many of a unit's first genuine claims its fingerprint records. */
export const FINGERPRINT_CLAIMS = 3;

/** What a unit's year must be, from (seed, replication, team) and the parameters alone. */
export function unitFingerprint(params: Parameters, unit: WorkUnit): UnitFingerprint {
  const counts = claimCounts(params, unit);
  const firstClaims = Array.from({ length: Math.min(FINGERPRINT_CLAIMS, counts.genuine) }, (_, i) => {
    const { claimedUsd, fraud } = claimAmountFacts(params, claimStream(unit, false, i), false);
    return { claimedUsd, fraud };
  });
  return { genuine: counts.genuine, fabricated: counts.fabricated, firstClaims };
}

/** Money sums agree to a cent (or, for sums in the billions, to their last few digits of floating point). */
function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.01, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const usd = (x: number): string => (Number.isFinite(x) ? `$${x.toFixed(2)}` : String(x));

/** Names of the claim machine's states (open claims are counted by state). */
let stateNames: ReadonlySet<string> | undefined;
function claimStateNames(params: Parameters): ReadonlySet<string> {
  stateNames ??= new Set(Object.keys(createClaimMachine(params).config.states ?? {}));
  return stateNames;
}

/**
 * What is wrong with a unit's aggregates, as [JSON path under the unit, message]
 * pairs; empty when every invariant holds and the fingerprint matches.
 */
export function unitProblems(params: Parameters, unit: WorkUnit, a: Aggregates, fingerprint: unknown): [(string | number)[], string][] {
  const problems: [(string | number)[], string][] = [];
  const add = (path: (string | number)[], message: string) => problems.push([['aggregates', ...path], message]);

  // Counts: whole and non-negative.
  const counts: [(string | number)[], number][] = [
    ...Object.entries(a.claims)
      .filter(([k]) => k !== 'claimedUsd')
      .map(([k, v]): [(string | number)[], number] => [['claims', k], v]),
    ...CLAIM_OUTCOMES.map((o): [(string | number)[], number] => [['outcomes', o, 'count'], a.outcomes[o].count]),
    [['openMoney', 'count'], a.openMoney.count],
    ...Object.entries(a.openByState).map(([k, v]): [(string | number)[], number] => [['openByState', k], v]),
    ...Object.entries(a.customers)
      .filter(([k]) => k !== 'daysToPaymentSum')
      .map(([k, v]): [(string | number)[], number] => [['customers', k], v]),
    ...Object.entries(a.sellers).map(([k, v]): [(string | number)[], number] => [['sellers', k], v]),
    ...a.histograms.claimedUsd.map((v, i): [(string | number)[], number] => [['histograms', 'claimedUsd', i], v]),
    ...a.histograms.daysToPayment.map((v, i): [(string | number)[], number] => [['histograms', 'daysToPayment', i], v]),
    ...a.monthly.filed!.map((v, i): [(string | number)[], number] => [['monthly', 'filed', i], v]),
  ];
  for (const [path, v] of counts) if (!Number.isSafeInteger(v) || v < 0) add(path, `must be a whole number of claims, at least 0 (got ${v})`);
  // Money: finite and, where it is a sum of payments, non-negative.
  const amounts: [(string | number)[], number][] = [
    ...Object.entries(a.money).map(([k, v]): [(string | number)[], number] => [['money', k], v]),
    ...CLAIM_OUTCOMES.flatMap((o) => (['marketplaceUsd', 'sellerUsd', 'insurerUsd', 'recoveredUsd'] as const).map((k): [(string | number)[], number] => [['outcomes', o, k], a.outcomes[o][k]])),
    ...(['marketplaceUsd', 'sellerUsd', 'insurerUsd', 'recoveredUsd'] as const).map((k): [(string | number)[], number] => [['openMoney', k], a.openMoney[k]]),
    [['claims', 'claimedUsd'], a.claims.claimedUsd],
    [['customers', 'daysToPaymentSum'], a.customers.daysToPaymentSum],
    ...a.histograms.recoveryLagUsd.map((v, i): [(string | number)[], number] => [['histograms', 'recoveryLagUsd', i], v]),
    ...Object.entries(a.openAtStakeByState).map(([k, v]): [(string | number)[], number] => [['openAtStakeByState', k], v]),
  ];
  for (const [path, v] of amounts) {
    // fraudPaidByMarketplaceUsd is net of recoveries and may dip a rounding error below 0.
    if (!Number.isFinite(v) || v < -0.01) add(path, `must be an amount of at least 0 (got ${v})`);
  }
  if (problems.length > 0) return problems;

  const c = a.claims;
  const closed = sum(CLAIM_OUTCOMES.map((o) => a.outcomes[o].count));
  if (closed + a.openMoney.count !== c.filed)
    add(['claims', 'filed'], `is ${c.filed}, but the outcomes hold ${closed} claims and openMoney ${a.openMoney.count} (they must add up to the claims filed)`);
  if (c.open !== a.openMoney.count) add(['claims', 'open'], `is ${c.open}, but openMoney.count is ${a.openMoney.count}`);
  const byState = sum(Object.values(a.openByState));
  if (byState !== c.open) add(['openByState'], `holds ${byState} claims, but claims.open is ${c.open}`);
  for (const name of Object.keys(a.openByState)) if (!claimStateNames(params).has(name)) add(['openByState', name], 'is not a state of the claim machine');
  for (const name of Object.keys(a.openAtStakeByState)) if (!Object.hasOwn(a.openByState, name)) add(['openAtStakeByState', name], 'is a state no open claim is in (openByState)');
  for (const k of ['underThreshold', 'fabricated', 'builtUp', 'paidByMarketplace'] as const) if (c[k] > c.filed) add(['claims', k], `is ${c[k]}, more than the ${c.filed} claims filed`);
  if (c.filed + c.unfiledAtEnd > c.incidents) add(['claims', 'filed'], `is ${c.filed} with ${c.unfiledAtEnd} unfiled at the end, more than the ${c.incidents} incidents`);
  const histClaims = sum(a.histograms.claimedUsd);
  if (histClaims !== c.filed) add(['histograms', 'claimedUsd'], `holds ${histClaims} claims, but claims.filed is ${c.filed}`);
  const filedByMonth = sum(a.monthly.filed!);
  if (filedByMonth !== c.filed) add(['monthly', 'filed'], `holds ${filedByMonth} claims, but claims.filed is ${c.filed}`);
  const cu = a.customers;
  const histPaid = sum(a.histograms.daysToPayment);
  if (histPaid !== cu.validPaid) add(['histograms', 'daysToPayment'], `holds ${histPaid} claims, but customers.validPaid is ${cu.validPaid}`);
  if (cu.validPaid + cu.validDenied > cu.validClosed) add(['customers', 'validClosed'], `is ${cu.validClosed}, fewer than the ${cu.validPaid} paid and ${cu.validDenied} denied`);
  if (cu.falselyFlagged > cu.validDenied) add(['customers', 'falselyFlagged'], `is ${cu.falselyFlagged}, more than the ${cu.validDenied} denied`);
  if (cu.validClosed > closed) add(['customers', 'validClosed'], `is ${cu.validClosed}, more than the ${closed} claims closed`);
  const s = a.sellers;
  if (s.insured > s.count || s.insuranceRequired > s.count || s.suspended > s.count) add(['sellers'], `counts more insured, required or suspended sellers than its ${s.count} sellers`);

  const m = a.money;
  const payers = [
    ['marketplaceUsd', 'paidByMarketplaceUsd'],
    ['sellerUsd', 'paidBySellersUsd'],
    ['insurerUsd', 'paidByInsurersUsd'],
    ['recoveredUsd', 'recoveredUsd'],
  ] as const;
  for (const [path, total] of payers) {
    const byPath = sum(CLAIM_OUTCOMES.map((o) => a.outcomes[o][path])) + a.openMoney[path];
    if (!sameMoney(byPath, m[total])) add(['money', total], `is ${usd(m[total])}, but the outcomes and open claims add up to ${usd(byPath)}`);
  }
  const series: [(string | number)[], number, string, number][] = [
    [['monthly', 'concessionsUsd'], sum(a.monthly.concessionsUsd!), 'money.paidByMarketplaceUsd', m.paidByMarketplaceUsd],
    [['development'], sum(a.development.map(sum)), 'money.paidByMarketplaceUsd', m.paidByMarketplaceUsd],
    [['monthly', 'recoveriesUsd'], sum(a.monthly.recoveriesUsd!), 'money.recoveredUsd', m.recoveredUsd],
    [['monthly', 'sellerPaidUsd'], sum(a.monthly.sellerPaidUsd), 'money.paidBySellersUsd', m.paidBySellersUsd],
    [['monthly', 'insurerPaidUsd'], sum(a.monthly.insurerPaidUsd), 'money.paidByInsurersUsd', m.paidByInsurersUsd],
    [['histograms', 'recoveryLagUsd'], sum(a.histograms.recoveryLagUsd), 'money.recoveredUsd', m.recoveredUsd],
  ];
  for (const [path, got, name, want] of series) if (!sameMoney(got, want)) add(path, `adds up to ${usd(got)}, but ${name} is ${usd(want)}`);
  if (m.recoveredWithheldUsd > m.recoveredUsd + 0.01) add(['money', 'recoveredWithheldUsd'], `is ${usd(m.recoveredWithheldUsd)}, more than the ${usd(m.recoveredUsd)} recovered`);
  if (problems.length > 0) return problems;

  // The fingerprint: recomputed, compared with what the unit records and with its aggregates.
  const want = unitFingerprint(params, unit);
  const where = `seed ${unit.seed}, replication ${unit.replication}, team ${unit.team}`;
  if (canonicalJson(fingerprint) !== canonicalJson(want)) {
    problems.push([['fingerprint'], `does not match the claims that ${where} of these parameters brings (another seed, other parameters, or another unit's aggregates)`]);
    return problems;
  }
  if (c.incidents !== want.genuine + want.fabricated)
    add(['claims', 'incidents'], `is ${c.incidents}, but ${where} of these parameters brings ${want.genuine} genuine and ${want.fabricated} fabricated claims`);
  a.largest.forEach((claim, i) => {
    if (claim.replication !== unit.replication || claim.team !== unit.team) {
      add(['largest', i], `is a claim of replication ${claim.replication}, team ${claim.team}, not of this unit's replication ${unit.replication}, team ${unit.team}`);
      return;
    }
    const fabricated = claim.claim >= want.genuine;
    const index = fabricated ? claim.claim - want.genuine : claim.claim;
    if (fabricated && index >= want.fabricated) {
      add(['largest', i, 'claim'], `is claim ${claim.claim}, but ${where} brings only ${want.genuine + want.fabricated} claims`);
      return;
    }
    const facts = claimAmountFacts(params, claimStream(unit, fabricated, index), fabricated);
    if (facts.claimedUsd !== claim.claimedUsd || facts.fraud !== claim.fraud)
      add(['largest', i], `claim ${claim.claim} is not the claim ${where} of these parameters brings (it claims ${usd(facts.claimedUsd)}, ${facts.fraud})`);
    const state = /^open \((.*)\)$/.exec(claim.outcome)?.[1];
    if (state === undefined ? !(CLAIM_OUTCOMES as readonly string[]).includes(claim.outcome) : !claimStateNames(params).has(state))
      add(['largest', i, 'outcome'], `${JSON.stringify(claim.outcome)} is not an outcome or state of the claim machine`);
  });
  return problems;
}
