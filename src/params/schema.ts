/**
 * The shape of a resolved scenario: every parameter of a policy and its world,
 * as plain values. Scenario files add a unit, description, tag and source to
 * each leaf (see `meta.ts`); this schema checks the values alone.
 *
 * Phase: load scenario (pure). Nothing here knows about files or YAML.
 */
import { z } from 'zod';

const probability = z.number().min(0, 'must be a probability in [0, 1]').max(1, 'must be a probability in [0, 1]');
const money = z.number().min(0, 'must not be negative').max(1e12, 'is implausibly large (over 1e12)');
const days = z.number().min(0, 'must not be negative').max(36500, 'is over 100 years');
const positiveDays = z.number().positive('must be positive').max(36500, 'is over 100 years');
const wholeNumber = z.number().int('must be a whole number');
const count = (max: number) => wholeNumber.min(0, 'must not be negative').max(max, `must be at most ${max}`);
// Its own minimum rather than count's, so -5 is one problem, not "negative" and "below 1".
const positiveCount = (max: number) => wholeNumber.min(1, 'must be at least 1').max(max, `must be at most ${max}`);
const multiple = z.number().positive('must be positive').max(1e6, 'is implausibly large');

/** Shares of a categorical choice: each a probability, together summing to 1. */
function shares<K extends string>(keys: readonly [K, ...K[]]) {
  const shape = Object.fromEntries(keys.map((k) => [k, probability])) as Record<K, typeof probability>;
  return z.strictObject(shape).superRefine((value, ctx) => {
    const total = Object.values<number>(value as Record<string, number>).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 1) > 1e-9) {
      ctx.addIssue({ code: 'custom', message: `shares must sum to 1 (they sum to ${round(total)})` });
    }
  });
}

const lognormalComponent = z.strictObject({
  weight: probability,
  medianUsd: z.number().positive('must be positive').max(1e9, 'is implausibly large'),
  sigma: z.number().positive('must be positive').max(10, 'is implausibly large (over 10)'),
});

export const claimAmountSchema = z
  .array(lognormalComponent)
  .min(1, 'needs at least one component')
  .max(16, 'has more than 16 components')
  .superRefine((components, ctx) => {
    const total = components.reduce((a, c) => a + c.weight, 0);
    if (Math.abs(total - 1) > 1e-9) {
      ctx.addIssue({ code: 'custom', message: `component weights must sum to 1 (they sum to ${round(total)})` });
    }
  });

/**
 * Observed claim amounts (USD) to resample instead of the mixture, in
 * increasing order; empty means "use the mixture". Written by `claimsim fit --empirical`.
 */
export const empiricalAmountsSchema = z
  .array(z.number().positive('must be positive').max(1e12, 'is implausibly large (over 1e12)'))
  .max(100_000, 'has more than 100,000 values (store quantiles instead)')
  .superRefine((values, ctx) => {
    const i = values.findIndex((v, k) => k > 0 && v < values[k - 1]!);
    if (i > 0) ctx.addIssue({ code: 'custom', path: [i], message: `must be in increasing order (${values[i]} follows ${values[i - 1]})` });
  });

/** Deductibles of insured sellers' policies and the share of insured sellers holding each. */
const deductibleShares = z
  .array(z.strictObject({ usd: money, share: probability }))
  .min(1, 'needs at least one deductible')
  .max(64, 'has more than 64 deductibles')
  .superRefine((options, ctx) => {
    const total = options.reduce((a, o) => a + o.share, 0);
    if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', message: `shares must sum to 1 (they sum to ${round(total)})` });
  });

const parameterShape = z.strictObject({
  horizon: z.strictObject({
    filingDays: positiveDays,
    runoffDays: days,
  }),
  world: z.strictObject({
    teams: positiveCount(4096),
  }),
  volume: z.strictObject({
    claims: positiveCount(1e9),
    rateCv: z.number().min(0, 'must not be negative').max(2, 'is implausibly large (over 2)'),
    surge: z.strictObject({
      startDay: days,
      days: days,
      multiplier: multiple,
    }),
  }),
  filing: z.strictObject({
    windowDays: days,
    meanDelayDays: positiveDays,
  }),
  policy: z.strictObject({
    threshold: money,
    maxClaim: money,
    directPaymentUnderThreshold: z.boolean(),
    responseWindowDays: positiveDays,
    paymentLagDays: days,
    payFirstUnderThreshold: z.boolean(),
    stepIn: z.strictObject({
      onSilence: z.boolean(),
      onRejectedValid: z.boolean(),
      onInsurerDenial: z.boolean(),
      insurerWindowDays: positiveDays,
    }),
    reimbursement: z.strictObject({
      waiverForInsured: z.boolean(),
      proofWindowDays: positiveDays,
      appealWindowDays: days,
      appealDecisionDays: days,
      withholdFromPayouts: z.boolean(),
      withholdingDays: days,
    }),
    insurance: z.strictObject({
      requiredAboveMonthlySales: money,
      requiredOfAll: z.boolean(),
      onlyAcceleratorCounts: z.boolean(),
      maxDeductible: money,
    }),
  }),
  claimAmount: z.strictObject({
    mixture: claimAmountSchema,
    empirical: empiricalAmountsSchema,
  }),
  fraud: z.strictObject({
    // Fabricated claims come on top of genuine ones, share / (1 - share) of them: a share of 1 would be infinitely many.
    share: z.number().min(0, 'must be a probability in [0, 1)').lt(1, 'must be a probability below 1: fabricated claims come on top of the genuine ones'),
    buildUpShare: probability,
    buildUpInflation: z.number().min(0, 'must not be negative').max(100, 'is implausibly large'),
    claimsPerFraudster: z.number().min(1, 'must be at least 1').max(1e6, 'is implausibly large'),
    bunchingShare: probability,
    bunchingBand: probability,
  }),
  screening: z.strictObject({
    enabled: z.boolean(),
    detectionRate: probability,
    buildUpDetectionRate: probability,
    falsePositiveRate: probability,
    deskReviewCostUsd: money,
    fullReviewCostUsd: money,
    fullReviewAboveUsd: money,
    deskReviewDays: days,
    fullReviewDays: days,
    capacityMultiple: multiple,
    blockDetectedClaimants: z.boolean(),
  }),
  claimsDesk: z.strictObject({
    capacityMultiple: multiple,
  }),
  sellers: z.strictObject({
    perClaim: z.number().positive('must be positive').max(1e4, 'is implausibly large (over 10,000)'),
    monthlySalesMedianUsd: money,
    monthlySalesSigma: z.number().min(0, 'must not be negative').max(10, 'is implausibly large (over 10)'),
    defectSigma: z.number().min(0, 'must not be negative').max(10, 'is implausibly large (over 10)'),
    responses: shares(['accept', 'reject', 'silent'] as const),
    meanResponseDays: positiveDays,
    insuredShareWhenRequired: probability,
    insuredShareVoluntary: probability,
    acceleratorShare: probability,
    compliantShare: probability,
    deductibles: deductibleShares,
    proofShare: probability,
    meanProofDays: positiveDays,
    reimbursement: shares(['pays', 'partial', 'appeals', 'defaults'] as const),
    partialFraction: probability,
    meanPaymentDays: positiveDays,
    appealUpheldRate: probability,
    payoutsContinueShare: probability,
    payoutShare: probability,
    meanSettlementDays: positiveDays,
    suspendAfterDefaults: positiveCount(1e6),
  }),
  marketplace: z.strictObject({
    believesRejectedValid: z.strictObject({
      genuine: probability,
      fraudulent: probability,
    }),
  }),
  insurers: z.strictObject({
    perTeam: positiveCount(1000),
    acceleratorPartners: count(1000),
    annualPremiumUsd: money,
    denialRate: probability,
    meanDecisionDays: positiveDays,
    litigatedShare: probability,
    litigationDays: days,
  }),
  customers: z.strictObject({
    perClaim: z.number().positive('must be positive').max(1e6, 'is implausibly large (over 1,000,000)'),
  }),
});

type Values = z.output<typeof parameterShape>;
type Path = readonly [string, ...string[]];

/** One parameter's side of a broken rule: where it is, and the rule said from there. */
export interface TieSide {
  readonly path: Path;
  readonly message: string;
}

/**
 * A rule between the parameters at `paths`: `broken` returns, when the rule is
 * broken, its wording from each of them, in the same order. The loader reports
 * it once, on whichever the scenario set last (an overlay that lowers
 * `sellers.perClaim` is blamed, not the base file that set `world.teams`), and on
 * the first when none was changed. It is checked only once each is valid on
 * its own: a negative count is one problem, not also a conflict with
 * everything it bounds.
 */
function tie(paths: readonly [Path, ...Path[]], broken: (p: Values) => readonly string[] | undefined) {
  // An issue touches a parameter if either path contains the other (a missing `insurers` group touches `insurers.perTeam`).
  const touches = (issuePath: readonly PropertyKey[] = []) => paths.some((p) => p.slice(0, issuePath.length).every((key, i) => issuePath[i] === key));
  return z.superRefine<Values>(
    (p, ctx) => {
      const messages = broken(p);
      if (!messages) return;
      const sides: TieSide[] = paths.map((path, i) => ({ path, message: messages[i]! }));
      ctx.addIssue({ code: 'custom', path: [...paths[0]], message: sides[0]!.message, params: { sides } });
    },
    { when: (payload) => !payload.issues.some((issue) => touches(issue.path)) },
  );
}

export const parametersSchema = parameterShape.check(
  tie(
    [
      ['insurers', 'acceleratorPartners'],
      ['insurers', 'perTeam'],
    ],
    ({ insurers }) =>
      insurers.acceleratorPartners > insurers.perTeam
        ? [`must not exceed insurers.perTeam (${insurers.perTeam})`, `must be at least insurers.acceleratorPartners (${insurers.acceleratorPartners})`]
        : undefined,
  ),
  tie(
    [
      ['world', 'teams'],
      ['sellers', 'perClaim'],
      ['volume', 'claims'],
    ],
    (p) => {
      const sellers = sellerCount(p);
      if (p.world.teams <= sellers) return undefined;
      const short = `gives ${sellers} sellers (volume.claims x sellers.perClaim), fewer than world.teams (${p.world.teams}): every team needs a seller`;
      return [`must not exceed the ${sellers} sellers that volume.claims x sellers.perClaim gives: every team needs a seller`, short, short];
    },
  ),
  tie(
    [
      ['volume', 'surge', 'days'],
      ['volume', 'surge', 'startDay'],
      ['horizon', 'filingDays'],
    ],
    ({ volume, horizon }) => {
      const surgeEnd = volume.surge.startDay + volume.surge.days;
      const late = `the surge ends on day ${surgeEnd}, after the filing horizon (${horizon.filingDays} days)`;
      return surgeEnd > horizon.filingDays ? [late, late, `must cover the surge, which ends on day ${surgeEnd}`] : undefined;
    },
  ),
);

/** Sellers in the world: they scale with the expected volume of genuine claims, so per-claim figures do not depend on it. */
export function sellerCount(p: { readonly volume: { readonly claims: number }; readonly sellers: { readonly perClaim: number } }): number {
  return Math.round(p.volume.claims * p.sellers.perClaim);
}

/** Honest customers in the world, who may file a genuine claim; they scale like sellers. */
export function honestCustomerCount(p: { readonly volume: { readonly claims: number }; readonly customers: { readonly perClaim: number } }): number {
  return Math.max(1, Math.round(p.volume.claims * p.customers.perClaim));
}

function round(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

export type Parameters = z.infer<typeof parametersSchema>;

/** Whether the parameter at dotted `path` takes whole numbers only (a count), which a continuous search cannot set. */
export function isWholeNumberParameter(path: string): boolean {
  let node: unknown = parametersSchema;
  for (const key of path.split('.')) node = (node as { shape?: Record<string, unknown> } | undefined)?.shape?.[key];
  return node instanceof z.ZodNumber && node.isInt === true;
}

/**
 * Text a scenario shows as a title or a paragraph (its name and description)
 * reaches terminals, HTML, SVG and PNG charts. A control character there is
 * never meant (it arrives through a YAML "\0" or "\e" escape): NUL makes the
 * PNG renderer fail and makes SVG invalid XML, ESC drives a terminal. Refused
 * here; the reports still escape what a hand-edited results.json carries.
 */
const C0_C1_DEL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/u;
/** A name is one line read in one direction: also no tab or line feed, no U+2028/U+2029, no bidi controls. */
const NOT_IN_A_NAME = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Why `text` is not plain text (`what` is "a name" or "a description"), or undefined. */
export function controlCharacterProblem(text: string, kind: 'name' | 'description'): string | undefined {
  const match = (kind === 'name' ? NOT_IN_A_NAME : C0_C1_DEL).exec(text);
  if (!match) return undefined;
  const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const at = [...text.slice(0, match.index)].length + 1;
  const rule = kind === 'name' ? 'a name is plain text on one line' : 'a description is plain text (tabs and line breaks are fine)';
  return `contains the control character ${code} (character ${at}); ${rule}`;
}

/** A scenario's name or description, refusing control characters (see controlCharacterProblem). */
export const plainText = (kind: 'name' | 'description') =>
  z.string().superRefine((text, ctx) => {
    const problem = controlCharacterProblem(text, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
