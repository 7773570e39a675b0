/**
 * Phase: chart. Each builder is a pure function from results (or a part of
 * them) to a Vega-Lite spec with its data inlined, a fixed size and a title
 * that states the finding; `chartsFor` picks the charts for a results.json by
 * its kind, in the order a report shows them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { cashFlowByPayerCaption, claimAmountsCaption, costDistributionCaption, daysToPaymentCaption, developmentTriangleCaption, monthlyCashFlowCaption, whoPaysCaption } from './captions.js';
import { cashFlowByPayer } from './cashFlowByPayer.js';
import { calibration, calibrationCaption } from './calibration.js';
import { calibrationTrace, calibrationTraceCaption } from './calibrationTrace.js';
import { claimAmounts } from './claimAmounts.js';
import { comparison, comparisonCaption } from './comparison.js';
import { costDistribution } from './costDistribution.js';
import { daysToPayment } from './daysToPayment.js';
import { developmentTriangle } from './developmentTriangle.js';
import { FINANCE_SECTION } from '../financeTables.js';
import { fitDensity, fitDensityCaption } from './fitDensity.js';
import { fitQq, fitQqCaption } from './fitQq.js';
import { monthlyCashFlow } from './monthlyCashFlow.js';
import { sweepCurves, sweepCurvesCaption } from './sweepCurves.js';
import { sweepHeatmap, sweepHeatmapCaption } from './sweepHeatmap.js';
import { tornado, tornadoCaption } from './tornado.js';
import type { SavedResults } from '../../results/read.js';
import type { ChartEntry } from './types.js';
import { whoPays } from './whoPays.js';

export { cashFlowByPayer, flowTotals, PAYER_FLOWS, payerPoints, type PayerPoint } from './cashFlowByPayer.js';
export { developmentCells, developmentTriangle, paidWithin, type DevelopmentCell } from './developmentTriangle.js';
export { calibration, calibrationCaption, calibrationRows, type CalibrationRow } from './calibration.js';
export { calibrationTrace, calibrationTraceCaption, tracePoints, type TracePoint } from './calibrationTrace.js';
export { amountBins, claimAmounts, type AmountBin } from './claimAmounts.js';
export { COMPARISON_USD_METRICS, comparison, comparisonCaption, differenceRows, type DifferenceRow } from './comparison.js';
export { costDistribution, niceBins, type HistogramBin } from './costDistribution.js';
export { dayOfShare, daysToPayment, paymentEcdf, type EcdfPoint } from './daysToPayment.js';
export { densityBars, densityCurves, fitDensity, type DensityBar, type DensityPoint } from './fitDensity.js';
export { fitQq, qqPoints, worstFactor, type QqPoint } from './fitQq.js';
export { monthlyCashFlow, monthPoints, type MonthPoint } from './monthlyCashFlow.js';
export { sweepCurves, sweepCurvesCaption, sweepRows, type SweepRow } from './sweepCurves.js';
export { heatmapCells, sweepHeatmap, sweepHeatmapCaption, type HeatmapCell } from './sweepHeatmap.js';
export { tornado, tornadoBars, tornadoCaption, ZOOM_RATIO, zoomedRanks, type TornadoBar } from './tornado.js';
export { BEARERS, pathBurdens, whoPays, type PathBurden, type Bearer } from './whoPays.js';
export { MUTED_INK, OKABE_ITO, PALETTE, REFERENCE_INK } from './palette.js';
export { wrapText } from './spec.js';
export type { ChartEntry, RunLike } from './types.js';

/** The title text of a spec (the finding), whichever form the title takes. */
export function titleOf(spec: TopLevelSpec): string {
  const t = spec.title;
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  const text = (t as { text?: unknown }).text;
  return typeof text === 'string' ? text : Array.isArray(text) ? text.join(' ') : '';
}

/** Where a fit's charts sit in its report. */
const FIT_SECTION = 'Fit against the data';

const entry = (id: string, spec: TopLevelSpec, more: Pick<ChartEntry, 'caption' | 'section'> = {}): ChartEntry => ({ id, title: titleOf(spec), spec, ...more });

/**
 * The charts of a results object, by kind: a run gets its cost distribution,
 * claim amounts, who pays, monthly cash flow and days to payment, and for
 * finance its cash flow by payer and development triangle; a comparison
 * its paired differences and the base scenario's cost distribution; a sweep
 * its net cost and valid-paid-share curves (and, over two parameters, a
 * heatmap first); a sensitivity run its tornado; a calibration its search
 * trace (and, with several targets, each target's miss at the end); a fit
 * the data's histogram under both fitted densities, and its QQ plot.
 */
export function chartsFor(results: SavedResults): ChartEntry[] {
  switch (results.kind) {
    case 'run': {
      const byPayer = cashFlowByPayer(results);
      const finance = { section: FINANCE_SECTION };
      return [
        entry('cost-distribution', costDistribution(results), { caption: costDistributionCaption(results) }),
        entry('claim-amounts', claimAmounts(results), { caption: claimAmountsCaption(results) }),
        entry('who-pays', whoPays(results), { caption: whoPaysCaption() }),
        entry('monthly-cash-flow', monthlyCashFlow(results), { caption: monthlyCashFlowCaption() }),
        entry('days-to-payment', daysToPayment(results), { caption: daysToPaymentCaption() }),
        ...(byPayer ? [entry('cash-flow-by-payer', byPayer, { ...finance, caption: cashFlowByPayerCaption() })] : []),
        entry('development-triangle', developmentTriangle(results), { ...finance, caption: developmentTriangleCaption() }),
      ];
    }
    case 'compare': {
      const base = results.scenarios[0];
      return [
        entry('comparison', comparison(results), { caption: comparisonCaption(results) }),
        ...(base ? [entry('cost-distribution-base', costDistribution(base), { caption: costDistributionCaption(base) })] : []),
      ];
    }
    case 'sweep':
      return [
        ...(results.axes.length === 2 ? [entry('sweep-heatmap', sweepHeatmap(results), { caption: sweepHeatmapCaption(results) })] : []),
        entry('sweep-net-cost', sweepCurves(results, 'marketplace.netCost'), { caption: sweepCurvesCaption(results, 'marketplace.netCost') }),
        entry('sweep-valid-paid-share', sweepCurves(results, 'customers.validPaidShare'), { caption: sweepCurvesCaption(results, 'customers.validPaidShare') }),
      ];
    case 'sensitivity':
      return [entry('tornado', tornado(results), { caption: tornadoCaption(results) })];
    case 'calibrate':
      // The targets chart of one target is a single dot: the trace says more, and the headline table gives the miss.
      return [
        entry('calibration-trace', calibrationTrace(results), { caption: calibrationTraceCaption(results) }),
        ...(results.calibration.achieved.length > 1 ? [entry('calibration', calibration(results), { caption: calibrationCaption(results) })] : []),
      ];
    case 'fit':
      return [
        entry('fit-density', fitDensity(results), { caption: fitDensityCaption(results), section: FIT_SECTION }),
        entry('fit-qq', fitQq(results), { caption: fitQqCaption(results), section: FIT_SECTION }),
      ];
  }
}
