/**
 * Chart: money paid out month by month, by who paid it. Three flows reach
 * customers (the marketplace's concessions and step-ins, sellers' direct
 * payments and deductibles, insurers' payments) and one moves between payers
 * (sellers reimbursing the marketplace, dashed), so nothing is counted twice:
 * the three solid lines add up to all paid to customers. Each is its mean
 * across replications with a 5th-95th percentile band.
 *
 * Phase: chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatShare, formatUsd } from '../../format/values.js';
import type { Band } from '../../results/results.js';
import { filingEndsLayer, monthAxis, monthBandTooltip, monthStartDay } from './months.js';
import { OKABE_ITO } from './palette.js';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, USD_FORMAT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import type { RunLike } from './types.js';

/** The flows, in legend order; `toCustomers` says whether the money reaches a customer (colours as in the who-pays chart). */
export const PAYER_FLOWS = [
  { key: 'concessionsUsd', label: 'Marketplace to customers', colour: OKABE_ITO.vermillion, toCustomers: true },
  { key: 'sellerPaidUsd', label: 'Sellers to customers', colour: OKABE_ITO.skyBlue, toCustomers: true },
  { key: 'insurerPaidUsd', label: 'Insurers to customers', colour: OKABE_ITO.bluishGreen, toCustomers: true },
  { key: 'recoveriesUsd', label: 'Sellers to the marketplace', colour: OKABE_ITO.orange, toCustomers: false },
] as const;

export interface PayerPoint extends Band {
  readonly month: number;
  readonly startDay: number;
  readonly flow: string;
}

/** Each flow's bands, or undefined for results written before sellers' and insurers' months were kept. */
function flowBands(run: RunLike): (readonly Band[])[] | undefined {
  const bands = PAYER_FLOWS.map((f) => run.monthlyBands[f.key]);
  return bands.every((b) => b !== undefined) ? bands : undefined;
}

/** Every flow, one row per month (numbered from 1) with its mean and band; empty for results without the payers' series. */
export function payerPoints(run: RunLike): PayerPoint[] {
  const bands = flowBands(run) ?? [];
  return bands.flatMap((series, f) => series.map((b, i) => ({ month: i + 1, startDay: monthStartDay(i), flow: PAYER_FLOWS[f]!.label, mean: b.mean, p5: b.p5, p50: b.p50, p95: b.p95 })));
}

/** Over the whole run, mean per replication: what each flow moved, in the order of PAYER_FLOWS. */
export function flowTotals(run: RunLike): number[] {
  return (flowBands(run) ?? []).map((series) => series.reduce((s, b) => s + b.mean, 0));
}

/** The chart, or undefined for results written before sellers' and insurers' months were kept. */
export function cashFlowByPayer(run: RunLike): TopLevelSpec | undefined {
  if (!flowBands(run)) return undefined;
  const points = payerPoints(run);
  const [marketplace, sellers, insurers, recovered] = flowTotals(run) as [number, number, number, number];
  const toCustomers = marketplace + sellers + insurers;
  const title =
    toCustomers > 0
      ? `Of ${formatUsd(toCustomers)} paid to customers, the marketplace hands over ${formatShare(marketplace / toCustomers, 0)}, sellers ${formatShare(sellers / toCustomers, 0)} and insurers ${formatShare(insurers / toCustomers, 0)}; sellers pay the marketplace back ${formatUsd(recovered)}`
      : 'No one pays customers anything in this scenario';
  const months = run.monthlyBands.filed.length;
  const labels = PAYER_FLOWS.map((f) => f.label);
  const legend = { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2, labelLimit: LEGEND_LABEL_LIMIT };
  const colour = { field: 'flow', type: 'nominal' as const, scale: { domain: labels, range: PAYER_FLOWS.map((f) => f.colour) }, legend };
  const dash = { field: 'flow', type: 'nominal' as const, scale: { domain: labels, range: PAYER_FLOWS.map((f) => (f.toCustomers ? [1, 0] : [5, 3])) }, legend };
  const x = monthAxis(months);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [`Lines: mean of ${run.replications} replications; bands: 5th to 95th percentile of the month across replications; dashed: money between payers, not to customers`]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: points.map((p) => ({ ...p })) },
        layer: [
          {
            mark: { type: 'area', opacity: 0.15 },
            encoding: { x, y: { field: 'p5', type: 'quantitative', title: 'Paid in the month (USD)', axis: { format: USD_FORMAT } }, y2: { field: 'p95' }, color: colour },
          },
          {
            mark: { type: 'line', point: true, strokeWidth: 2 },
            encoding: {
              x,
              y: { field: 'mean', type: 'quantitative' },
              color: colour,
              strokeDash: dash,
              tooltip: monthBandTooltip('flow', 'Flow'),
            },
          },
        ],
      },
      filingEndsLayer(run.parameters.horizon.filingDays),
    ],
  };
}
