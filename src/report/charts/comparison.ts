/**
 * Chart: what each scenario changes against the base, metric by metric:
 * the paired difference (scenario minus base, on common random numbers) with
 * its 95% confidence interval as an error bar, and a rule at zero. Bars that
 * cross zero are changes within the noise.
 *
 * Scenario names are free text, and Vega-Lite writes a sort array or a field
 * title into a Vega expression as a string literal, which cannot hold every
 * character (U+2028, a backslash before a quote). So rows are ordered by
 * numeric fields, and the names reach the spec only as data, a scale domain
 * and the axis title, which Vega takes as plain values.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricName } from '../../collect/metrics.js';
import type { CompareResults } from '../../results/schema/analyses.js';
import { axisFormat, chartTitle, periodPhrase, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatChange, formatValue } from '../../format/values.js';
import { metricDescription, metricLabel, metricPhrase, metricUnit } from './labels.js';
import { PALETTE, REFERENCE_INK } from './palette.js';

/** The money metrics a comparison chart shows by default (each once: reimbursements equal recoveries, insurer premiums equal seller premiums). */
export const COMPARISON_USD_METRICS: readonly MetricName[] = [
  'marketplace.netCost',
  'marketplace.concessionsPaid',
  'marketplace.recovered',
  'marketplace.reviewCost',
  'marketplace.fraudPaid',
  'sellers.paidDirect',
  'sellers.premiums',
  'sellers.invalidCharges',
  'insurers.paid',
  'customers.paidTotal',
  'fraud.paidOut',
];

export interface DifferenceRow {
  readonly metric: string;
  readonly label: string;
  readonly description: string;
  readonly scenario: string;
  /** Where the metric and the scenario come in the chart (their indexes in the metrics and the differences). */
  readonly metricOrder: number;
  readonly scenarioOrder: number;
  readonly mean: number;
  /** The interval; equal to the mean when it is undefined (a single replication). */
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly hasInterval: boolean;
  readonly significant: boolean;
  readonly verdict: string;
  readonly text: string;
}

/** One row per metric per scenario; metrics no scenario changed are left out, unless none changed at all. */
export function differenceRows(results: CompareResults, metrics: readonly MetricName[]): DifferenceRow[] {
  const rows = metrics.flatMap((metric, metricOrder) =>
    results.differences.map((d, scenarioOrder) => {
      const diff = d.metrics[metric];
      const unit = metricUnit(metric);
      const hasInterval = diff.ciLow !== null && diff.ciHigh !== null;
      return {
        metric,
        label: metricLabel(metric),
        description: metricDescription(metric),
        scenario: d.scenario,
        metricOrder,
        scenarioOrder,
        mean: diff.mean,
        ciLow: diff.ciLow ?? diff.mean,
        ciHigh: diff.ciHigh ?? diff.mean,
        hasInterval,
        significant: diff.significant,
        verdict: diff.significant ? 'Outside the noise' : 'Within the noise',
        text: formatChange(diff.mean, unit),
      };
    }),
  );
  const changed = new Set(rows.filter((r) => r.mean !== 0 || r.ciLow !== 0 || r.ciHigh !== 0).map((r) => r.metric));
  return changed.size === 0 ? rows : rows.filter((r) => changed.has(r.metric));
}

/** The finding for the first metric: which scenario moves it most, by how much, and whether that is outside the noise. */
function finding(results: CompareResults, metric: MetricName): string {
  const unit = metricUnit(metric);
  const phrase = metricPhrase(metric);
  const filingDays = results.scenarios[0]?.parameters.horizon.filingDays ?? 365;
  const per = unit === 'USD' ? ` ${periodPhrase(filingDays).per}` : '';
  const ranked = [...results.differences].sort((a, b) => Math.abs(b.metrics[metric].mean) - Math.abs(a.metrics[metric].mean));
  const top = ranked[0];
  if (!top) return 'No scenario to compare';
  const d = top.metrics[metric];
  const interval = d.ciLow !== null && d.ciHigh !== null ? ` (95% CI ${formatChange(d.ciLow, unit)} to ${formatChange(d.ciHigh, unit)})` : '';
  const noise = d.significant ? '' : ', within the noise';
  if (results.differences.length > 1) {
    return `Of ${results.differences.length} scenarios against ${top.base}, ${top.scenario} moves ${phrase} most: ${formatChange(d.mean, unit)}${per}${interval}${noise}`;
  }
  if (d.mean === 0 && !d.significant) return `${top.scenario} leaves ${phrase} unchanged against ${top.base}${interval}`;
  if (!d.significant) return `${top.scenario} changes ${phrase} by ${formatChange(d.mean, unit)}${per} against ${top.base}${noise}${interval}`;
  return `${top.scenario} ${d.mean > 0 ? 'raises' : 'lowers'} ${phrase} by ${formatValue(Math.abs(d.mean), unit)}${per} against ${top.base}${interval}`;
}

export function comparison(results: CompareResults, metrics: readonly MetricName[] = COMPARISON_USD_METRICS): TopLevelSpec {
  const units = new Set(metrics.map(metricUnit));
  if (units.size !== 1) throw new RangeError(`a comparison chart shows metrics of one unit, got ${[...units].join(', ')}`);
  const unit = [...units][0]!;
  const rows = differenceRows(results, metrics);
  const scenarios = results.differences.map((d) => d.scenario);
  const labels = [...new Set(rows.map((r) => r.label))];
  const base = results.differences[0]?.base ?? results.scenarios[0]?.scenario.name ?? 'base';
  const several = scenarios.length > 1;
  const rowHeight = several ? 14 * scenarios.length + 10 : 24;
  const y = { field: 'label', type: 'nominal' as const, sort: { field: 'metricOrder', op: 'min' as const }, title: null, axis: { labelLimit: 280 } };
  const byScenario = { field: 'scenarioOrder', op: 'min' as const };
  const yOffset = several ? { yOffset: { field: 'scenario', type: 'nominal' as const, sort: byScenario } } : {};
  const colour = {
    field: 'scenario',
    type: 'nominal' as const,
    sort: byScenario,
    scale: { domain: scenarios, range: PALETTE.slice(0, Math.max(1, scenarios.length)) },
    legend: several ? { title: 'Scenario', orient: 'bottom' as const } : null,
  };
  // The names go in the axis title only: a field title is also written into the marks' aria descriptions as an expression.
  const x = {
    type: 'quantitative' as const,
    title: '95% CI from',
    axis: { title: `${several ? 'Scenario' : scenarios[0]} minus ${base}, mean per replication (${unit}); bars: 95% CI`, format: axisFormat(unit) },
  };
  const tooltip = [
    { field: 'scenario', type: 'nominal' as const, title: 'Scenario' },
    { field: 'description', type: 'nominal' as const, title: 'Metric' },
    { field: 'mean', type: 'quantitative' as const, title: 'Difference', format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
    { field: 'ciLow', type: 'quantitative' as const, title: '95% CI from', format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
    { field: 'ciHigh', type: 'quantitative' as const, title: '95% CI to', format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
    { field: 'verdict', type: 'nominal' as const, title: 'Verdict' },
  ];
  const lead = (metrics[0] ?? 'marketplace.netCost') as MetricName;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(finding(results, lead), [
      `Paired differences on common random numbers over ${results.replications} replications; filled dots are outside the noise (the 95% interval excludes zero)`,
      ...(rows.length < metrics.length * scenarios.length ? ['Metrics no scenario changed are left out'] : []),
    ]),
    width: WIDTH - 140,
    height: Math.max(60, rowHeight * labels.length),
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: REFERENCE_INK, strokeWidth: 1 },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
      {
        data: { values: rows.map((r) => ({ ...r })) },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, ...yOffset, x: { ...x, field: 'ciLow' }, x2: { field: 'ciHigh', title: '95% CI to' }, color: colour, tooltip } },
          // Filled dots outside the noise, hollow ones within it (a layer only for a kind that occurs: an empty one has no extent).
          ...[true, false]
            .filter((significant) => rows.some((r) => r.significant === significant))
            .map((significant) => ({
              transform: [{ filter: significant ? 'datum.significant' : '!datum.significant' }],
              mark: { type: 'point' as const, size: 60, strokeWidth: 2, opacity: 1, filled: significant, ...(significant ? {} : { fill: 'white' }) },
              encoding: { y, ...yOffset, x: { field: 'mean', type: 'quantitative' as const }, color: colour, tooltip },
            })),
          {
            mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 },
            encoding: { y, ...yOffset, x: { field: 'ciHigh', type: 'quantitative' }, text: { field: 'text', type: 'nominal' }, color: colour },
          },
        ],
      },
    ],
  };
}

/** How to read the comparison chart, and what is behind it, beyond its title. */
export function comparisonCaption(results: CompareResults): string {
  const base = results.scenarios[0]?.scenario.name ?? 'the base';
  return (
    `Each row is a money figure; each dot is a scenario's mean minus ${base}'s, replication by replication on the same claims, and the line through it its 95% interval. ` +
    'A line that crosses the zero rule is a change the replications cannot tell from noise. The table "Scenario by scenario" gives the same differences with the customer-side figures.'
  );
}
