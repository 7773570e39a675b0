/**
 * Chart: who pays, by claim path. For each path that moved money, a
 * horizontal bar split by payer: what the marketplace kept paying after
 * recoveries, what it recovered from sellers (seller reimbursements), what
 * sellers paid customers directly, and what insurers paid.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CLAIM_OUTCOMES, type ClaimOutcome } from '../../machines/claim.js';
import { chartTitle, LEGEND_LABEL_LIMIT, periodPhrase, USD_FORMAT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatShare, formatUsd } from '../../format/values.js';
import { OUTCOME_LABELS } from './labels.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import type { RunLike } from './types.js';

/**
 * Who ends up bearing what customers were paid on a path: the marketplace's
 * payments split into what it kept paying and what sellers reimbursed, beside
 * what sellers and insurers paid directly (domain/types.ts's `Payer` is who
 * hands the money to the customer, before any recovery).
 */
export const BEARERS = ['Marketplace, net of recoveries', 'Recovered from sellers', 'Sellers directly', 'Insurers'] as const;
export type Bearer = (typeof BEARERS)[number];
const BEARER_COLOURS: readonly string[] = [OKABE_ITO.vermillion, OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen];

/** What a claim path cost and who bore it (collect/aggregates.ts's `PathMoney` is the raw sums it is read from). */
export interface PathBurden {
  readonly outcome: ClaimOutcome;
  readonly path: string;
  /** Mean claims per replication that ended on this path. */
  readonly claims: number;
  /** Paid to customers on this path by anyone, mean per replication. */
  readonly totalUsd: number;
  /** By who bears it, in the order of BEARERS. */
  readonly byBearer: readonly number[];
}

/** Claim paths that moved money, largest first, with what each payer bore (mean per replication). */
export function pathBurdens(run: RunLike): PathBurden[] {
  return CLAIM_OUTCOMES.map((outcome) => {
    const o = run.outcomes[outcome];
    return {
      outcome,
      path: OUTCOME_LABELS[outcome],
      claims: o.count,
      totalUsd: o.marketplaceUsd + o.sellerUsd + o.insurerUsd,
      byBearer: [o.marketplaceUsd - o.recoveredUsd, o.recoveredUsd, o.sellerUsd, o.insurerUsd],
    };
  })
    .filter((p) => p.totalUsd > 0)
    .sort((a, b) => b.totalUsd - a.totalUsd);
}

export function whoPays(run: RunLike): TopLevelSpec {
  const paths = pathBurdens(run);
  const segments = paths.flatMap((p) => BEARERS.map((payer, i) => ({ path: p.path, payer, payerOrder: i, usd: p.byBearer[i]!, claims: p.claims })).filter((s) => Math.abs(s.usd) > 1e-6));
  const [marketplace, recovered, direct, insurers] = BEARERS.map((_, i) => paths.reduce((sum, p) => sum + p.byBearer[i]!, 0)) as [number, number, number, number];
  const paid = marketplace + recovered + direct + insurers;
  const period = periodPhrase(run.parameters.horizon.filingDays);
  const title =
    paid > 0
      ? `Of ${formatUsd(paid)} paid to customers ${period.per}, the marketplace bears ${formatShare(marketplace / paid, 0)} after recoveries, sellers ${formatShare((recovered + direct) / paid, 0)}, insurers ${formatShare(insurers / paid, 0)}`
      : 'No claim was paid by anyone';
  const order = paths.map((p) => p.path);
  const largest = Math.max(1, ...paths.map((p) => p.totalUsd));
  const y = { field: 'path', type: 'nominal' as const, sort: order, title: 'Where the claim ended', axis: { labelLimit: 240 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [
      `Mean per replication; "recovered from sellers" is what the marketplace paid and got back (seller reimbursements).`,
      `Its net cost also includes fraud screening (${formatUsd(run.summary['marketplace.reviewCost'].mean)}), not tied to a path.`,
    ]),
    width: WIDTH - 120,
    height: Math.max(60, 26 * paths.length),
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          y,
          x: { field: 'usd', type: 'quantitative', stack: 'zero', title: 'Paid to customers, mean per replication (USD)', scale: { domain: [0, largest * 1.2] }, axis: { format: USD_FORMAT } },
          color: {
            field: 'payer',
            type: 'nominal',
            scale: { domain: [...BEARERS], range: [...BEARER_COLOURS] },
            legend: { title: 'Who pays', orient: 'bottom', columns: 2, labelLimit: LEGEND_LABEL_LIMIT },
          },
          order: { field: 'payerOrder', type: 'quantitative' },
          tooltip: [
            { field: 'path', type: 'nominal', title: 'Claim path' },
            { field: 'payer', type: 'nominal', title: 'Payer' },
            { field: 'usd', type: 'quantitative', title: 'Amount', format: '$,.0f' },
            { field: 'claims', type: 'quantitative', title: 'Claims on the path', format: ',.1f' },
          ],
        },
      },
      {
        data: { values: paths.map((p) => ({ path: p.path, totalUsd: p.totalUsd, label: `${Math.round(p.claims).toLocaleString('en-US')} ${Math.round(p.claims) === 1 ? 'claim' : 'claims'}` })) },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: REFERENCE_INK },
        encoding: { y, x: { field: 'totalUsd', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
