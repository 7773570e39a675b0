/**
 * Chart: how much customers claim, on a log scale (amounts span $10 to
 * $1M), with the policy threshold marked, so that claims bunching just under
 * it (fraudsters learning the limit) show as a step at the line.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, USD_FORMAT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatShare, formatUsd } from '../../format/values.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import type { RunLike } from './types.js';

export interface AmountBin {
  readonly fromUsd: number;
  readonly toUsd: number;
  /** Claims in the bin, all replications pooled. */
  readonly count: number;
  /** Mean claims in the bin per replication. */
  readonly perReplication: number;
  readonly side: 'Under the threshold' | 'At or over the threshold';
}

/**
 * The non-empty bins of the claimed-amount histogram, each from its lower
 * edge to the next bin's; the first bin (which starts at $0) and the last
 * (everything larger) are drawn as wide as their neighbours on the log scale.
 */
export function amountBins(run: RunLike): AmountBin[] {
  const { binLowerUsd: lower, counts } = run.distributions.claimedUsd;
  const threshold = run.parameters.policy.threshold;
  const ratioAt = (i: number) => {
    const a = lower[i];
    const b = lower[i + 1];
    return a !== undefined && b !== undefined && a > 0 ? b / a : 10 ** 0.1;
  };
  const bins: AmountBin[] = [];
  counts.forEach((count, i) => {
    if (count <= 0) return;
    const next = lower[i + 1];
    const toUsd = next ?? lower[i]! * ratioAt(i - 1);
    const fromUsd = lower[i]! > 0 ? lower[i]! : toUsd / ratioAt(i + 1);
    const middle = Math.sqrt(fromUsd * toUsd);
    bins.push({ fromUsd, toUsd, count, perReplication: count / run.replications, side: middle < threshold ? 'Under the threshold' : 'At or over the threshold' });
  });
  return bins;
}

/** Claims in the bin just under `usd` and just at or over it, when `usd` is a bin edge; otherwise null. */
function aroundEdge(run: RunLike, usd: number): { below: number; above: number } | null {
  const { binLowerUsd: lower, counts } = run.distributions.claimedUsd;
  const i = lower.findIndex((edge) => Math.abs(edge - usd) <= usd * 1e-9);
  if (i < 1) return null;
  return { below: counts[i - 1] ?? 0, above: counts[i] ?? 0 };
}

const DECADES = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

export function claimAmounts(run: RunLike): TopLevelSpec {
  const threshold = run.parameters.policy.threshold;
  const bins = amountBins(run);
  const under = run.summary['claims.underThresholdShare'].mean;
  const edge = aroundEdge(run, threshold);
  const bunching = edge && edge.above > 0 && edge.below > 0 ? `; just under it there are ${(edge.below / edge.above).toFixed(1)}× as many as just over` : '';
  const title = `${formatShare(under)} of claims are under the ${formatUsd(threshold)} threshold${bunching}`;
  const pooled = bins.reduce((sum, b) => sum + b.count, 0);
  const lo = Math.min(bins[0]?.fromUsd ?? 1, threshold / 2);
  const hi = Math.max(bins[bins.length - 1]?.toUsd ?? 10, threshold * 2);
  const reps = run.replications;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [
      `Amounts claimed, ${pooled.toLocaleString('en-US')} claims from ${reps} ${reps === 1 ? 'replication' : 'replications'} pooled; bins are a tenth of a decade wide`,
      'Log scale: each step along the axis multiplies the amount by ten',
    ]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: bins.map((b) => ({ ...b })) },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: {
            field: 'fromUsd',
            bin: 'binned',
            type: 'quantitative',
            title: 'Amount claimed (USD, log scale)',
            scale: { type: 'log', domain: [lo, hi], nice: false },
            axis: { format: USD_FORMAT, values: DECADES.filter((d) => d >= lo && d <= hi), grid: true },
          },
          x2: { field: 'toUsd' },
          y: { field: 'count', type: 'quantitative', title: 'Claims (pooled)', axis: { format: ',d' } },
          color: {
            field: 'side',
            type: 'nominal',
            scale: { domain: ['Under the threshold', 'At or over the threshold'], range: [OKABE_ITO.orange, OKABE_ITO.blue] },
            legend: { title: null, orient: 'top-right', labelLimit: LEGEND_LABEL_LIMIT },
          },
          tooltip: [
            { field: 'fromUsd', type: 'quantitative', title: 'From', format: '$,.0f' },
            { field: 'toUsd', type: 'quantitative', title: 'To', format: '$,.0f' },
            { field: 'count', type: 'quantitative', title: 'Claims (pooled)', format: ',d' },
            { field: 'perReplication', type: 'quantitative', title: 'Claims per replication', format: ',.1f' },
          ],
        },
      },
      {
        data: { values: [{ usd: threshold, label: `Threshold ${formatUsd(threshold)}` }] },
        layer: [
          { mark: { type: 'rule', color: REFERENCE_INK, strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { x: { field: 'usd', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 2, fontSize: 11, color: REFERENCE_INK },
            encoding: { x: { field: 'usd', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
