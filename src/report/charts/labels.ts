/**
 * Short names for metrics and claim paths as charts print them (axis labels,
 * legends, titles). The long descriptions live in `collect/metrics.ts` and go
 * in tooltips.
 */
import { METRICS, type MetricDefinition, type MetricName } from '../../collect/metrics.js';
import type { ClaimOutcome } from '../../machines/claim.js';

export const METRIC_LABELS: Readonly<Record<MetricName, string>> = {
  'claims.filed': 'Claims filed',
  'claims.claimedTotal': 'Total claimed',
  'claims.underThresholdShare': 'Share of claims under the threshold',
  'claims.fraudulentShare': 'Share of claims fabricated',
  'claims.builtUpShare': 'Share of claims inflated',
  'claims.openAtHorizon': 'Claims open at the end',
  'claims.unfiledAtHorizon': 'Claims not yet filed at the end',
  'claims.peakBacklog': 'Peak backlog',
  'marketplace.claimsPaid': 'Claims the marketplace paid',
  'marketplace.concessionsPaid': 'Marketplace concessions paid',
  'marketplace.recovered': 'Recovered from sellers',
  'marketplace.recoveryRate': 'Recovery rate',
  'marketplace.waiverShare': 'Share of paid claims waived',
  'marketplace.recoveryLagDays': 'Recovery lag',
  'marketplace.recoveredByWithholding': 'Recovered by withholding payouts',
  'marketplace.reviewCost': 'Fraud screening cost',
  'marketplace.netCost': 'Marketplace net cost',
  'marketplace.netCostPerClaim': 'Net cost per claim',
  'marketplace.netCostPerGenuineClaim': 'Net cost per genuine claim',
  'marketplace.fraudPaid': 'Fraud paid by the marketplace',
  'sellers.reimbursed': 'Seller reimbursements',
  'sellers.paidDirect': 'Paid by sellers directly',
  'sellers.premiums': 'Seller insurance premiums',
  'sellers.invalidCharges': 'Charges for fabricated claims',
  'sellers.suspended': 'Sellers suspended',
  'sellers.insuredShare': 'Share of sellers insured',
  'insurers.paid': 'Paid by insurers',
  'insurers.premiums': 'Insurer premiums earned',
  'insurers.lossRatio': 'Insurer loss ratio',
  'customers.paidTotal': 'Paid to customers',
  'customers.validPaidShare': 'Share of valid claims paid',
  'customers.daysToPayment': 'Days to payment',
  'customers.validDenied': 'Valid claims denied',
  'fraud.paidOut': 'Fraud paid out by anyone',
  'fraud.shareOfLosses': 'Fraud share of losses',
  'fraud.stopped': 'Fraud stopped by screening',
  'screening.returnPerDollar': 'Screening return per $1',
  'fraud.falselyFlagged': 'Genuine claims flagged as fraud',
};

function definition(metric: string): MetricDefinition | undefined {
  return (METRICS as Readonly<Record<string, MetricDefinition>>)[metric];
}

/** A metric's short label, or its name if it has none. */
export function metricLabel(metric: string): string {
  return (METRIC_LABELS as Readonly<Record<string, string>>)[metric] ?? metric;
}

/** The label inside a sentence: "the marketplace net cost". */
export function metricPhrase(metric: string): string {
  const label = metricLabel(metric);
  return label === metric ? metric : `the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

export function metricUnit(metric: string): string {
  return definition(metric)?.unit ?? '';
}

export function metricDescription(metric: string): string {
  return definition(metric)?.description ?? metric;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a claim ended, in a few words (short enough for an axis label). */
export const OUTCOME_LABELS: Readonly<Record<ClaimOutcome, string>> = {
  refusedLate: 'Refused: filed late',
  refusedBlocked: 'Refused: claimant blocked',
  screenedOut: 'Screened out as fraud',
  denied: 'Denied',
  unanswered: 'Unanswered',
  insurerDenied: 'Denied by insurer',
  paidBySeller: 'Paid by seller',
  paidByInsurer: 'Paid by insurer',
  waived: 'Reimbursement waived',
  recovered: 'Recovered from seller',
  partlyRecovered: 'Partly recovered',
  recoveredByWithholding: 'Withheld from payouts',
  partlyRecoveredByWithholding: 'Partly withheld from payouts',
  writtenOff: 'Written off',
  appealUpheld: 'Seller won appeal',
};
