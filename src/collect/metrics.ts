/**
 * Headline metrics of one replication, derived from its aggregates. Each is a
 * plain number, so `stats/` can summarise any of them across replications.
 * Money is in USD over the run (one filing year plus runoff).
 */
import type { Aggregates } from './aggregates.js';

export interface MetricDefinition {
  readonly unit: 'USD' | 'claims' | 'share' | 'days' | 'sellers' | 'ratio';
  readonly description: string;
  /** Cost metrics get tail measures (expected shortfall) in analyses. */
  readonly cost?: boolean;
  readonly value: (a: Aggregates) => number;
}

const ratio = (num: number, den: number): number => (den > 0 ? num / den : 0);
/** Concessions plus screening, less recoveries: what the guarantee costs the marketplace. */
const netCost = (a: Aggregates): number => a.money.paidByMarketplaceUsd + a.money.reviewCostUsd - a.money.recoveredUsd;
/** Everything customers were paid, by any payer. */
const paidTotal = (a: Aggregates): number => a.money.paidByMarketplaceUsd + a.money.paidBySellersUsd + a.money.paidByInsurersUsd;

export const METRICS = {
  'claims.filed': { unit: 'claims', description: 'Claims filed', value: (a) => a.claims.filed },
  'claims.claimedTotal': { unit: 'USD', description: 'Sum of all amounts claimed', value: (a) => a.claims.claimedUsd },
  'claims.underThresholdShare': { unit: 'share', description: 'Share of filed claims under the threshold', value: (a) => ratio(a.claims.underThreshold, a.claims.filed) },
  'claims.fraudulentShare': {
    unit: 'share',
    description: 'Share of filed claims that were fabricated (they come on top of the genuine ones)',
    value: (a) => ratio(a.claims.fabricated, a.claims.filed),
  },
  'claims.builtUpShare': { unit: 'share', description: 'Share of filed claims that were genuine but inflated (build-up)', value: (a) => ratio(a.claims.builtUp, a.claims.filed) },
  'claims.openAtHorizon': { unit: 'claims', description: 'Claims still open when the run ended', value: (a) => a.claims.open },
  'claims.unfiledAtHorizon': { unit: 'claims', description: 'Incidents whose claims would be filed only after the run ended', value: (a) => a.claims.unfiledAtEnd },
  'claims.peakBacklog': { unit: 'claims', description: 'Largest number of claims waiting for the desk or for review at the end of a day', value: (a) => Math.max(...a.daily.backlog) },
  'marketplace.claimsPaid': { unit: 'claims', description: 'Claims the marketplace paid, as a concession or by stepping in', value: (a) => a.claims.paidByMarketplace },
  'marketplace.concessionsPaid': { unit: 'USD', cost: true, description: 'Paid to customers by the marketplace (concessions and step-ins)', value: (a) => a.money.paidByMarketplaceUsd },
  'marketplace.recovered': { unit: 'USD', description: 'Recovered from sellers (paid, partly paid or withheld from payouts)', value: (a) => a.money.recoveredUsd },
  'marketplace.recoveryRate': { unit: 'share', description: 'Recovered from sellers per dollar the marketplace paid', value: (a) => ratio(a.money.recoveredUsd, a.money.paidByMarketplaceUsd) },
  'marketplace.waiverShare': {
    unit: 'share',
    description: 'Of the claims the marketplace paid, the share whose reimbursement it waived for an insured, policy-abiding seller',
    value: (a) => ratio(a.outcomes.waived.count, a.claims.paidByMarketplace),
  },
  'marketplace.recoveryLagDays': {
    unit: 'days',
    description: 'Mean days from the marketplace paying a dollar to recovering it (dollar-weighted)',
    value: (a) => ratio(a.money.recoveryLagUsdDays, a.money.recoveredUsd),
  },
  'marketplace.recoveredByWithholding': { unit: 'USD', description: 'Part of the recoveries withheld from sellers\u2019 payouts', value: (a) => a.money.recoveredWithheldUsd },
  'marketplace.reviewCost': { unit: 'USD', cost: true, description: 'Cost of third-party fraud screening', value: (a) => a.money.reviewCostUsd },
  'marketplace.netCost': {
    unit: 'USD',
    cost: true,
    description: 'Concessions plus screening cost, less recoveries',
    value: netCost,
  },
  'marketplace.netCostPerClaim': {
    unit: 'USD',
    description: 'Net cost per claim filed: a figure that does not grow with the number of claims simulated',
    value: (a) => ratio(netCost(a), a.claims.filed),
  },
  'marketplace.netCostPerGenuineClaim': {
    unit: 'USD',
    description:
      'Net cost per genuine claim filed: fabricated claims add to the cost but not to the count, so more fraud raises it (per claim filed, fraud lowers it, since caught fabrications are cheap claims), and it does not grow with the number of claims simulated',
    value: (a) => ratio(netCost(a), a.claims.filed - a.claims.fabricated),
  },
  'marketplace.fraudPaid': { unit: 'USD', cost: true, description: 'Fraud and build-up paid out by the marketplace and not recovered', value: (a) => a.money.fraudPaidByMarketplaceUsd },
  'sellers.reimbursed': { unit: 'USD', description: 'Reimbursements sellers paid the marketplace (including withheld payouts)', value: (a) => a.money.recoveredUsd },
  'sellers.paidDirect': { unit: 'USD', description: 'Paid to customers by sellers directly (including deductibles)', value: (a) => a.money.paidBySellersUsd },
  'sellers.premiums': { unit: 'USD', description: 'Insurance premiums paid by insured sellers over the filing year', value: (a) => a.money.premiumsUsd },
  'sellers.invalidCharges': { unit: 'USD', description: 'Sellers charged for fabricated claims (reimbursed or paid directly)', value: (a) => a.money.invalidChargesToSellersUsd },
  'sellers.suspended': { unit: 'sellers', description: 'Sellers suspended for defaulting on reimbursements', value: (a) => a.sellers.suspended },
  'sellers.insuredShare': { unit: 'share', description: 'Share of sellers holding liability insurance', value: (a) => ratio(a.sellers.insured, a.sellers.count) },
  'insurers.paid': { unit: 'USD', description: 'Paid to customers by sellers\u2019 insurers', value: (a) => a.money.paidByInsurersUsd },
  'insurers.premiums': { unit: 'USD', description: 'Premiums earned by insurers over the filing year', value: (a) => a.money.premiumsUsd },
  'insurers.lossRatio': { unit: 'ratio', description: 'Insurer claims paid per dollar of premium', value: (a) => ratio(a.money.paidByInsurersUsd, a.money.premiumsUsd) },
  'customers.paidTotal': { unit: 'USD', description: 'Paid to customers by anyone', value: paidTotal },
  'customers.validPaidShare': {
    unit: 'share',
    description: 'Share of closed valid claims (not fabricated, filed in time) that were paid',
    value: (a) => ratio(a.customers.validPaid, a.customers.validClosed),
  },
  'customers.daysToPayment': { unit: 'days', description: 'Mean days from filing to payment, valid paid claims', value: (a) => ratio(a.customers.daysToPaymentSum, a.customers.validPaid) },
  'customers.validDenied': { unit: 'claims', description: 'Valid claims closed with nothing paid', value: (a) => a.customers.validDenied },
  'fraud.paidOut': { unit: 'USD', description: 'Fraud and build-up paid out by anyone', value: (a) => a.money.fraudPaidUsd },
  'fraud.shareOfLosses': {
    unit: 'share',
    description: 'Fraud and build-up paid out by anyone, as a share of everything paid to customers',
    value: (a) => ratio(a.money.fraudPaidUsd, paidTotal(a)),
  },
  'fraud.stopped': {
    unit: 'USD',
    description: 'What screening kept from being paid, counted per claim: the full amount of each flagged fabricated claim and the inflation trimmed from each built-up claim',
    value: (a) => a.money.fraudStoppedUsd,
  },
  'screening.returnPerDollar': {
    unit: 'ratio',
    description: 'Fraud stopped per dollar of screening (fraud.stopped over marketplace.reviewCost); genuine claims wrongly flagged are not counted as savings',
    value: (a) => ratio(a.money.fraudStoppedUsd, a.money.reviewCostUsd),
  },
  'fraud.falselyFlagged': { unit: 'claims', description: 'Genuine claims that screening wrongly flagged as fraud', value: (a) => a.customers.falselyFlagged },
} satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/*
 * The headline metrics, each list named for where it is shown; they differ on
 * purpose (the terminal after a run has room for counts, a comparison and the
 * report's first table keep to money and the customer's side).
 */

/** What the guarantee costs the marketplace, net cost first. */
const MARKETPLACE_MONEY: readonly MetricName[] = ['marketplace.netCost', 'marketplace.concessionsPaid', 'marketplace.recovered', 'marketplace.reviewCost', 'marketplace.fraudPaid'];
/** How customers fare. */
const CUSTOMER_SIDE: readonly MetricName[] = ['customers.validPaidShare', 'customers.daysToPayment', 'customers.validDenied'];

/** The table `run` and `merge` print: counts first, then the money in the order it flows. */
export const RUN_TABLE_METRICS: readonly MetricName[] = [
  'claims.filed',
  'claims.underThresholdShare',
  'claims.fraudulentShare',
  'marketplace.concessionsPaid',
  'marketplace.recovered',
  'marketplace.reviewCost',
  'marketplace.netCost',
  'marketplace.fraudPaid',
  'sellers.reimbursed',
  'sellers.paidDirect',
  'insurers.paid',
  'insurers.lossRatio',
  ...CUSTOMER_SIDE,
  'claims.openAtHorizon',
];

/** The table `compare` prints for each scenario against the base. */
export const COMPARE_TABLE_METRICS: readonly MetricName[] = [...MARKETPLACE_MONEY, 'sellers.reimbursed', 'insurers.paid', ...CUSTOMER_SIDE];

/** The report's headline table of a run; a comparison's shows the differences of the first REPORT_DIFFERENCE_COUNT. */
export const REPORT_HEADLINE_METRICS: readonly MetricName[] = [...MARKETPLACE_MONEY, 'sellers.reimbursed', 'sellers.paidDirect', 'insurers.paid', ...CUSTOMER_SIDE, 'claims.underThresholdShare'];
export const REPORT_DIFFERENCE_COUNT = 9;

/** The headline cost metrics that `run --precision` brings to the requested precision. */
export const HEADLINE_COSTS: readonly MetricName[] = ['marketplace.concessionsPaid', 'marketplace.reviewCost', 'marketplace.netCost'];

export function metricsOf(a: Aggregates): Record<MetricName, number> {
  const out = {} as Record<MetricName, number>;
  for (const name of METRIC_NAMES) out[name] = (METRICS[name] as MetricDefinition).value(a);
  return out;
}
