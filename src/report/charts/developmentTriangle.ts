/**
 * Chart: the payment development triangle as a heat map. One row per month
 * in which claims were filed, one column per month of development; each cell
 * is shaded by the share of the row's final marketplace payments made by the
 * end of that month and labelled with the cumulative dollars. Cells past the
 * horizon are left out, so the unobserved corner is blank.
 *
 * Phase: chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { cumulativeDevelopment, horizonDays, lastDevelopmentMonth, monthLabel } from '../../export/tables.js';
import { formatShare, formatUsd } from '../../format/values.js';
import { OKABE_ITO } from './palette.js';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import type { RunLike } from './types.js';

export interface DevelopmentCell {
  /** Month of filing, from 1, and its label ("Month 1 (days 0-30)"). */
  readonly monthFiled: number;
  readonly filed: string;
  /** Months from the filing month to the end of the month counted. */
  readonly after: number;
  /** Paid by the marketplace on the row's claims by then, mean per replication. */
  readonly cumulativeUsd: number;
  /** That as a share of the row's last observed cumulative payment (0 when the row pays nothing). */
  readonly developed: number;
  readonly text: string;
}

/** The observed cells of the triangle's rows that had claims filed, up to the last month any payment was made. */
export function developmentCells(run: RunLike): DevelopmentCell[] {
  const cumulative = cumulativeDevelopment(run.development);
  const columns = lastDevelopmentMonth(run.development) + 1;
  const end = horizonDays(run);
  return cumulative.flatMap((row, m) => {
    if (!((run.monthlyBands.filed[m]?.mean ?? 0) > 0)) return [];
    const shown = row.slice(0, columns);
    const final = shown.reduce<number>((last, v) => (v === null ? last : v), 0);
    return shown.flatMap((v, k) => (v === null ? [] : [{ monthFiled: m + 1, filed: monthLabel(m, end), after: k, cumulativeUsd: v, developed: final > 0 ? v / final : 0, text: formatUsd(v) }]));
  });
}

/**
 * Of the marketplace's payments on the rows observed through every shown
 * column, the share paid by the end of the filing month and of the month after.
 */
export function paidWithin(run: RunLike): { readonly months: number; readonly rows: number; readonly byMonth: readonly number[] } {
  const columns = lastDevelopmentMonth(run.development) + 1;
  const full = cumulativeDevelopment(run.development).filter((row) => row[columns - 1] !== null && row[columns - 1]! > 0);
  const total = full.reduce((s, row) => s + row[columns - 1]!, 0);
  const byMonth = Array.from({ length: columns }, (_, k) => (total > 0 ? full.reduce((s, row) => s + row[k]!, 0) / total : 0));
  return { months: columns, rows: full.length, byMonth };
}

export function developmentTriangle(run: RunLike): TopLevelSpec {
  const cells = developmentCells(run);
  const within = paidWithin(run);
  const [first, second] = within.byMonth;
  const title =
    within.rows === 0
      ? 'The marketplace pays nothing on any month of claims observed to the end of its development'
      : within.months === 1 || second === undefined
        ? `The marketplace pays all it pays on a month's claims in the month they are filed`
        : `${formatShare(first!, 0)} of what the marketplace pays on a month's claims is paid in the month of filing, ${formatShare(second, 0)} by the end of the next`;
  const subtitle = [
    `Rows: month of filing; columns: months after it. Cells: cumulative marketplace payments, mean of ${run.replications} replications, shaded by the share of the row's last figure. Blank: past the horizon`,
  ];
  const shade = {
    field: 'developed',
    type: 'quantitative' as const,
    title: 'Share of the row',
    scale: { domain: [0, 1], range: ['white', OKABE_ITO.blue] },
    legend: { format: '.0%', titleLimit: LEGEND_LABEL_LIMIT },
  };
  const y = { field: 'filed', type: 'ordinal' as const, title: null, sort: { field: 'monthFiled', order: 'ascending' as const }, axis: { labelLimit: LEGEND_LABEL_LIMIT } };
  const x = { field: 'after', type: 'ordinal' as const, title: 'Months after the month of filing', axis: { labelAngle: 0 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, subtitle),
    width: WIDTH - 200,
    height: Math.max(HEIGHT, 18 * new Set(cells.map((c) => c.monthFiled)).size),
    data: { values: cells.map((c) => ({ ...c })) },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: shade,
          tooltip: [
            { field: 'filed', type: 'nominal', title: 'Filed in' },
            { field: 'after', type: 'ordinal', title: 'Months after' },
            { field: 'cumulativeUsd', type: 'quantitative', title: 'Paid by then', format: '$,.0f' },
            { field: 'developed', type: 'quantitative', title: 'Share of the row', format: '.0%' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { condition: { test: 'datum.developed > 0.6', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
