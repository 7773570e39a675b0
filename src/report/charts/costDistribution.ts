/**
 * Chart: the marketplace's net cost in each replication, as a histogram with
 * a rug of the individual replications, the mean and the P95 marked. The
 * finance question it answers: what does a year cost, and how bad is a bad year?
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartTitle, HEIGHT, periodPhrase, USD_FORMAT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatUsd } from '../../format/values.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import type { RunLike } from './types.js';

export interface HistogramBin {
  readonly fromUsd: number;
  readonly toUsd: number;
  readonly count: number;
}

/**
 * Equal-width bins with round edges (steps of 1, 2, 2.5 or 5 times a power of
 * ten) covering all values, at most about `maxBins` of them; each bin holds
 * values in [from, to). Identical values get one bin around them.
 * @example niceBins([1, 2, 3, 10], 5) // width 2 from 0 to 12: counts 1, 2, 0, 0, 0, 1 (raw step 9/5 = 1.8 rounds up to 2)
 */
export function niceBins(values: readonly number[], maxBins: number): HistogramBin[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  // Identical values (a scenario where the marketplace pays nothing) get one bin a tenth of their size, or $1,000, wide.
  const step = niceStep(max === min ? Math.max(Math.abs(min) / 10, 1000) : (max - min) / maxBins);
  const start = max === min ? min - step / 2 : Math.floor(min / step) * step;
  const n = Math.max(1, Math.floor((max - start) / step) + 1);
  const counts = new Array<number>(n).fill(0);
  for (const v of values) counts[Math.min(n - 1, Math.floor((v - start) / step))]!++;
  const edge = (i: number) => Number((start + i * step).toPrecision(12));
  return counts.map((count, i) => ({ fromUsd: edge(i), toUsd: edge(i + 1), count }));
}

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10;
  return multiple * magnitude;
}

export function costDistribution(run: RunLike): TopLevelSpec {
  const metric = 'marketplace.netCost';
  const values = run.perReplication[metric];
  const s = run.summary[metric];
  const n = values.length;
  const period = periodPhrase(run.parameters.horizon.filingDays);
  const bins = niceBins(values, Math.min(30, Math.max(5, Math.round(2 * Math.sqrt(n)))));
  const lo = bins[0]?.fromUsd ?? 0;
  const hi = bins[bins.length - 1]?.toUsd ?? 1;
  const rightHalf = (x: number) => (x - lo) / (hi - lo || 1) > 0.6;
  const marks = [
    { name: 'Mean', usd: s.mean, row: 0, dash: [] as number[] },
    { name: 'P95', usd: s.p95, row: 1, dash: [6, 4] },
  ].map((m) => ({ ...m, label: `${m.name} ${formatUsd(m.usd)}`, right: rightHalf(m.usd) }));

  const title = values.every((v) => v === 0)
    ? 'The marketplace bears no net cost in this scenario'
    : `The marketplace's net cost is ${formatUsd(s.mean)} ${period.per} on average; ${period.oneIn20} it exceeds ${formatUsd(s.p95)}`;
  const subtitle = [
    `Net cost (concessions plus screening, less recoveries) in each of ${n.toLocaleString('en-US')} simulated ${n === 1 ? 'replication' : 'replications'} of ${run.claimsPerReplication.toLocaleString('en-US')} claims`,
    s.es95 !== undefined ? `Dashed line: P95. Mean of the worst 5% of replications (expected shortfall): ${formatUsd(s.es95)}` : 'Dashed line: P95',
  ];
  const x = {
    field: 'fromUsd',
    bin: 'binned' as const,
    type: 'quantitative' as const,
    title: 'Marketplace net cost (USD)',
    axis: { format: USD_FORMAT },
    scale: { domain: [lo, hi], nice: false, zero: false },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, subtitle),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: bins.map((b) => ({ ...b })) },
        mark: { type: 'bar', color: OKABE_ITO.skyBlue, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x,
          x2: { field: 'toUsd' },
          y: { field: 'count', type: 'quantitative', title: 'Replications', axis: { tickMinStep: 1, format: ',d' } },
          tooltip: [
            { field: 'fromUsd', type: 'quantitative', title: 'From', format: USD_FORMAT },
            { field: 'toUsd', type: 'quantitative', title: 'To', format: USD_FORMAT },
            { field: 'count', type: 'quantitative', title: 'Replications' },
          ],
        },
      },
      {
        data: { values: values.map((usd, i) => ({ replication: i + 1, usd })) },
        mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 1 },
        encoding: {
          x: { field: 'usd', type: 'quantitative' },
          y: { value: HEIGHT },
          y2: { value: HEIGHT - 8 },
          tooltip: [
            { field: 'replication', type: 'ordinal', title: 'Replication' },
            { field: 'usd', type: 'quantitative', title: 'Net cost', format: '$,.0f' },
          ],
        },
      },
      {
        data: { values: marks.map(({ name, usd, label, row, right }) => ({ name, usd, label, row, right })) },
        layer: [
          {
            mark: { type: 'rule', color: REFERENCE_INK, strokeWidth: 1.5 },
            encoding: {
              x: { field: 'usd', type: 'quantitative' },
              strokeDash: { field: 'name', type: 'nominal', scale: { domain: marks.map((m) => m.name), range: marks.map((m) => m.dash) }, legend: null },
            },
          },
          // Labels left of their rule in the right part of the chart; a layer only for a side in use (an empty one has no extent).
          ...[false, true]
            .filter((right) => marks.some((m) => m.right === right))
            .map((right) => ({
              transform: [{ filter: right ? 'datum.right' : '!datum.right' }],
              mark: { type: 'text' as const, align: right ? ('right' as const) : ('left' as const), dx: right ? -4 : 4, baseline: 'top' as const, fontSize: 11, color: REFERENCE_INK },
              encoding: {
                x: { field: 'usd', type: 'quantitative' as const },
                y: { field: 'row', type: 'quantitative' as const, scale: { domain: [0, 12], range: [2, HEIGHT] }, axis: null },
                text: { field: 'label', type: 'nominal' as const },
              },
            })),
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
