/**
 * What a run keeps: counts, sums, fixed-size histograms and per-month series,
 * never one record per claim. A team's aggregates and a replication's have the
 * same shape; `mergeAggregates` adds them in a fixed order so that results do
 * not depend on how the work was split.
 */
import { z } from 'zod';
import { CLAIM_OUTCOMES, type ClaimOutcome } from '../machines/claim.js';

/** Claim amounts are binned by log10 in tenths of a decade, from $1 to $10^7. */
export const AMOUNT_BINS = { fromLog10: 0, toLog10: 7, perDecade: 10 } as const;
export const AMOUNT_BIN_COUNT = (AMOUNT_BINS.toLog10 - AMOUNT_BINS.fromLog10) * AMOUNT_BINS.perDecade;
/** Days to payment in whole days, 0..DAYS_BIN_COUNT-1; the last bin holds everything later. */
export const DAYS_BIN_COUNT = 366;
/** Months of the horizon are twelfths of a 365-day year. */
export const DAYS_PER_MONTH = 365 / 12;

/** Lengths of the time series a team's aggregates hold for a horizon: its months, and its days counted from day 0. */
export function seriesLengths(horizon: { readonly filingDays: number; readonly runoffDays: number }): { months: number; days: number } {
  const end = horizon.filingDays + horizon.runoffDays;
  return { months: Math.ceil(end / DAYS_PER_MONTH), days: Math.floor(end) + 1 };
}

const num = z.number();
const numbers = z.array(num);

/** One schema per key, typed by the keys: every claim outcome, every monthly series. */
function each<K extends string, T extends z.ZodType>(keys: readonly K[], value: T): Record<K, T> {
  return Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>;
}

/** The monthly series every run's results have held from the start. */
export const FIRST_MONTHLY_SERIES = ['filed', 'concessionsUsd', 'recoveriesUsd', 'backlog'] as const;
/**
 * Paid to customers each month by sellers directly (deductibles included) and
 * by their insurers, in the month the money moved; the marketplace's part is
 * `concessionsUsd`, so the three add up to all paid to customers, and
 * `recoveriesUsd` is money moving from sellers to the marketplace, not to
 * customers. Results written before these were kept lack them.
 */
export const PAYER_MONTHLY_SERIES = ['sellerPaidUsd', 'insurerPaidUsd'] as const;
/** The series a team's aggregates keep per month. */
export const MONTHLY_SERIES = [...FIRST_MONTHLY_SERIES, ...PAYER_MONTHLY_SERIES] as const;
export type MonthlySeries = (typeof MONTHLY_SERIES)[number];

/*
 * The schemas below are the one description of the aggregates: their types
 * are inferred from them, and results/read.ts checks a partial's aggregates
 * against them before `mergeAggregates` adds them up key by key. They are
 * strict, since an unknown key holding a list would have no place to be added
 * into, and `emptyAggregates` must build a value of their type.
 */

export const pathMoneySchema = z.strictObject({ count: num, marketplaceUsd: num, sellerUsd: num, insurerUsd: num, recoveredUsd: num });
/** Claims that ended on one path (or are still open), and who paid what on them. */
export type PathMoney = z.infer<typeof pathMoneySchema>;

/** A notable claim, kept by identity so reports can name its parties (see `sim/names.ts`). */
export const claimExampleSchema = z.object({
  replication: z.number().int().min(0),
  team: z.number().int().min(0),
  claim: z.number().int().min(0),
  seller: z.number().int().min(0),
  customer: z.number().int().min(0),
  claimedUsd: num,
  fraud: z.string(),
  outcome: z.string(),
  paidBy: z.object({ marketplaceUsd: num, sellerUsd: num, insurerUsd: num }),
});
export type ClaimExample = z.infer<typeof claimExampleSchema>;

/** How many of the largest claims a run keeps. */
export const LARGEST_KEPT = 5;

/** Claim states are counted by name into a plain object, so no name may be one of Object.prototype's. */
const stateName = z.string().refine((k) => !(k in Object.prototype), 'is not a claim state');

export const aggregatesSchema = z.strictObject({
  claims: z.strictObject({
    /** Incidents that lead to a claim (the scenario's volume for the team). */
    incidents: num,
    filed: num,
    /** Incidents whose claim would be filed after the run ended. */
    unfiledAtEnd: num,
    /** Sum of the amounts claimed by every filed claim. */
    claimedUsd: num,
    underThreshold: num,
    fabricated: num,
    builtUp: num,
    /** Claims still open when the run ends. */
    open: num,
    /** Claims the marketplace paid (as a concession or by stepping in), closed or still open. */
    paidByMarketplace: num,
  }),
  outcomes: z.strictObject(each(CLAIM_OUTCOMES, pathMoneySchema)),
  /** Money on claims still open when the run ends. */
  openMoney: pathMoneySchema,
  openByState: z.record(stateName, num),
  /** Per state of the claims still open when the run ends: the sum of their claimed amounts less all paid to their customers so far (by anyone). */
  openAtStakeByState: z.record(stateName, num),
  money: z.strictObject({
    /** Sum over recovered dollars of the days since the marketplace paid them (for the mean lag). */
    recoveryLagUsdDays: num,
    paidByMarketplaceUsd: num,
    paidBySellersUsd: num,
    paidByInsurersUsd: num,
    recoveredUsd: num,
    recoveredWithheldUsd: num,
    reviewCostUsd: num,
    fraudPaidUsd: num,
    fraudPaidByMarketplaceUsd: num,
    /** What screening kept from being paid: the amounts of flagged fabricated claims and the inflation trimmed from built-up ones. */
    fraudStoppedUsd: num,
    invalidChargesToSellersUsd: num,
    premiumsUsd: num,
  }),
  customers: z.strictObject({
    validClosed: num,
    validPaid: num,
    validDenied: num,
    daysToPaymentSum: num,
    /** Genuine claims that screening wrongly flagged as fraud. */
    falselyFlagged: num,
  }),
  sellers: z.strictObject({ count: num, insured: num, insuranceRequired: num, suspended: num }),
  /** Days to payment of valid claims, and days from the marketplace's payment to a recovery (weighted by dollars). */
  histograms: z.strictObject({ claimedUsd: numbers, daysToPayment: numbers, recoveryLagUsd: numbers }),
  /**
   * The payment development triangle: marketplace payments in dollars by month of filing (rows)
   * and months from the filing month to the payment month (columns).
   */
  development: z.array(numbers),
  /** Claims waiting for the desk or for review after each day's intake, by day; summed over teams it is the marketplace's queue. */
  daily: z.strictObject({ backlog: numbers }),
  monthly: z.strictObject(each(MONTHLY_SERIES, numbers)),
  /** The largest claims, largest first (at most LARGEST_KEPT). */
  largest: z.array(claimExampleSchema),
});
export type Aggregates = z.infer<typeof aggregatesSchema>;

const emptyPath = (): PathMoney => ({ count: 0, marketplaceUsd: 0, sellerUsd: 0, insurerUsd: 0, recoveredUsd: 0 });

export function emptyAggregates(months: number, days: number): Aggregates {
  const outcomes = {} as Record<ClaimOutcome, PathMoney>;
  for (const o of CLAIM_OUTCOMES) outcomes[o] = emptyPath();
  const zeros = (n: number) => new Array<number>(n).fill(0);
  return {
    claims: { incidents: 0, filed: 0, unfiledAtEnd: 0, claimedUsd: 0, underThreshold: 0, fabricated: 0, builtUp: 0, open: 0, paidByMarketplace: 0 },
    outcomes,
    openMoney: emptyPath(),
    openByState: {},
    openAtStakeByState: {},
    money: {
      recoveryLagUsdDays: 0,
      paidByMarketplaceUsd: 0,
      paidBySellersUsd: 0,
      paidByInsurersUsd: 0,
      recoveredUsd: 0,
      recoveredWithheldUsd: 0,
      reviewCostUsd: 0,
      fraudPaidUsd: 0,
      fraudPaidByMarketplaceUsd: 0,
      fraudStoppedUsd: 0,
      invalidChargesToSellersUsd: 0,
      premiumsUsd: 0,
    },
    customers: { validClosed: 0, validPaid: 0, validDenied: 0, daysToPaymentSum: 0, falselyFlagged: 0 },
    sellers: { count: 0, insured: 0, insuranceRequired: 0, suspended: 0 },
    histograms: { claimedUsd: zeros(AMOUNT_BIN_COUNT + 2), daysToPayment: zeros(DAYS_BIN_COUNT), recoveryLagUsd: zeros(DAYS_BIN_COUNT) },
    development: Array.from({ length: months }, () => zeros(months)),
    daily: { backlog: zeros(days) },
    monthly: Object.fromEntries(MONTHLY_SERIES.map((k) => [k, zeros(months)])) as Record<MonthlySeries, number[]>,
    largest: [],
  };
}

/** The sum of `parts`, added in the order given. */
export function mergeAggregates(parts: readonly Aggregates[]): Aggregates {
  const first = parts[0];
  if (!first) throw new RangeError('nothing to merge');
  const total = emptyAggregates(first.monthly.filed.length, first.daily.backlog.length);
  for (const part of parts) {
    const { largest, ...sums } = part;
    addInto(total as unknown as Record<string, unknown>, sums as unknown as Record<string, unknown>);
    for (const example of largest) keepLargest(total.largest, example);
  }
  return total;
}

/** Inserts `example` into `list` (largest first, ties by identity) if it is among the largest. */
export function keepLargest(list: ClaimExample[], example: ClaimExample): void {
  const before = (a: ClaimExample, b: ClaimExample) =>
    a.claimedUsd !== b.claimedUsd ? a.claimedUsd > b.claimedUsd : a.replication !== b.replication ? a.replication < b.replication : a.team !== b.team ? a.team < b.team : a.claim < b.claim;
  if (list.length === LARGEST_KEPT && !before(example, list[list.length - 1]!)) return;
  let i = list.length;
  while (i > 0 && before(example, list[i - 1]!)) i--;
  list.splice(i, 0, example);
  if (list.length > LARGEST_KEPT) list.pop();
}

/** Adds every number in `from` into the same place in `into`, creating keys `into` lacks. */
function addInto(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === 'number') {
      into[key] = ((into[key] as number | undefined) ?? 0) + value;
    } else if (Array.isArray(value)) {
      const target = into[key] as unknown[];
      for (let i = 0; i < value.length; i++) {
        if (Array.isArray(value[i])) addInto(target[i] as Record<string, unknown>, value[i] as Record<string, unknown>);
        else target[i] = ((target[i] as number | undefined) ?? 0) + (value[i] as number);
      }
    } else if (typeof value === 'object' && value !== null) {
      into[key] ??= {};
      addInto(into[key] as Record<string, unknown>, value as Record<string, unknown>);
    }
  }
}

/** Bin of a claimed amount on the log scale: 0 is under $1, the last is $10^7 and over. */
export function amountBin(usd: number): number {
  if (usd < 10 ** AMOUNT_BINS.fromLog10) return 0;
  const bin = Math.floor((Math.log10(usd) - AMOUNT_BINS.fromLog10) * AMOUNT_BINS.perDecade) + 1;
  return Math.min(bin, AMOUNT_BIN_COUNT + 1);
}

/** Lower edge (USD) of amount bin `i` (bin 0 starts at 0). */
export function amountBinLowerUsd(i: number): number {
  return i === 0 ? 0 : 10 ** (AMOUNT_BINS.fromLog10 + (i - 1) / AMOUNT_BINS.perDecade);
}
