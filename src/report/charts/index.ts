/**
 * Phase: chart. Each builder is a pure function from results (or a part of
 * them) to a Vega-Lite spec with its data inlined, a fixed size and a title
 * that states the finding; `chartsFor` picks the charts for a results.json by
 * its kind, in the order a report shows them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { calibration } from './calibration.js';
import { claimAmounts } from './claimAmounts.js';
import { comparison } from './comparison.js';
import { costDistribution } from './costDistribution.js';
import { daysToPayment } from './daysToPayment.js';
import { fitDensity, fitDensityCaption } from './fitDensity.js';
import { fitQq, fitQqCaption } from './fitQq.js';
import { monthlyCashFlow } from './monthlyCashFlow.js';
import { sweepCurves } from './sweepCurves.js';
import { tornado } from './tornado.js';
import type { SavedResults } from '../../results/read.js';
import type { ChartEntry } from './types.js';
import { whoPays } from './whoPays.js';

export { calibration, calibrationRows, type CalibrationRow } from './calibration.js';
export { amountBins, claimAmounts, type AmountBin } from './claimAmounts.js';
export { COMPARISON_USD_METRICS, comparison, differenceRows, type DifferenceRow } from './comparison.js';
export { costDistribution, niceBins, type HistogramBin } from './costDistribution.js';
export { dayOfShare, daysToPayment, paymentEcdf, type EcdfPoint } from './daysToPayment.js';
export { densityBars, densityCurves, fitDensity, type DensityBar, type DensityPoint } from './fitDensity.js';
export { fitQq, qqPoints, worstFactor, type QqPoint } from './fitQq.js';
export { monthlyCashFlow, monthPoints, type MonthPoint } from './monthlyCashFlow.js';
export { sweepCurves, sweepRows, type SweepRow } from './sweepCurves.js';
export { tornado, tornadoBars, type TornadoBar } from './tornado.js';
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

const entry = (id: string, spec: TopLevelSpec): ChartEntry => ({ id, title: titleOf(spec), spec });

/**
 * The charts of a results object, by kind: a run gets its cost distribution,
 * claim amounts, who pays, monthly cash flow and days to payment; a comparison
 * its paired differences and the base scenario's cost distribution; a sweep
 * its net cost and valid-paid-share curves; a sensitivity run its tornado; a
 * calibration its targets against what it achieved; a fit the data's
 * histogram under both fitted densities, and its QQ plot.
 */
export function chartsFor(results: SavedResults): ChartEntry[] {
  switch (results.kind) {
    case 'run':
      return [
        entry('cost-distribution', costDistribution(results)),
        entry('claim-amounts', claimAmounts(results)),
        entry('who-pays', whoPays(results)),
        entry('monthly-cash-flow', monthlyCashFlow(results)),
        entry('days-to-payment', daysToPayment(results)),
      ];
    case 'compare': {
      const base = results.scenarios[0];
      return [entry('comparison', comparison(results)), ...(base ? [entry('cost-distribution-base', costDistribution(base))] : [])];
    }
    case 'sweep':
      return [entry('sweep-net-cost', sweepCurves(results, 'marketplace.netCost')), entry('sweep-valid-paid-share', sweepCurves(results, 'customers.validPaidShare'))];
    case 'sensitivity':
      return [entry('tornado', tornado(results))];
    case 'calibrate':
      return [entry('calibration', calibration(results))];
    case 'fit':
      return [
        { ...entry('fit-density', fitDensity(results)), caption: fitDensityCaption(results), section: FIT_SECTION },
        { ...entry('fit-qq', fitQq(results)), caption: fitQqCaption(results), section: FIT_SECTION },
      ];
  }
}
