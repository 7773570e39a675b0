/**
 * The report's first screen: what the results say, in plain words, and the
 * headline figures. Pure functions of the results; the numbers are written
 * as everywhere else (format/values.ts).
 */
import { formatUsd, formatValue, noiseVerdict } from '../format/values.js';
import { choiceReason, chosenName, fitRow, overlaySets } from '../analysis/fit/fitText.js';
import { ksCriticalValue1Percent } from '../analysis/fit/kolmogorovSmirnov.js';
import { wantedText } from '../analysis/targets.js';
import { METRICS, REPORT_DIFFERENCE_COUNT, REPORT_HEADLINE_METRICS, type MetricDefinition, type MetricName } from '../collect/metrics.js';
import type { CalibrationResults, CompareResults, SensitivityResults, SweepResults } from '../results/schema/analyses.js';
import type { FitResults } from '../results/schema/fit.js';
import type { SavedResults } from '../results/read.js';
import type { RunResults } from '../results/results.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL, shownInterval, TOO_FEW_FOR_INTERVAL } from '../stats/interval.js';
import type { PairedDifference } from '../stats/paired.js';
import type { Summary } from '../stats/summary.js';
import { axisUnitPhrase, formatRate, sweepSteps } from './analysisTables.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const unitOf = (m: string) => (METRICS[m as MetricName] as MetricDefinition | undefined)?.unit ?? '';
/** A metric's interval in words, or nothing: too few replications give none worth stating. Metrics are non-negative, so a bound below zero is clipped. */
const interval = (s: Summary, unit: string) => {
  const shown = shownInterval(s, { nonNegative: true });
  return shown.kind === 'too-few' ? '' : ` (95% interval ${formatValue(shown.low, unit)}${shown.clipped ? ' (clipped at zero)' : ''} to ${formatValue(shown.high, unit)})`;
};
/** The interval cell of a headline row. */
const intervalCell = (s: Summary | PairedDifference, unit: string, nonNegative: boolean) => {
  const shown = shownInterval(s, { nonNegative });
  return shown.kind === 'too-few' ? TOO_FEW_FOR_INTERVAL : `${formatValue(shown.low, unit)}${shown.clipped ? ' (clipped)' : ''} to ${formatValue(shown.high, unit)}`;
};
/** The sentence a summary ends with when its runs had too few replications for intervals, or nothing. */
const tooFew = (n: number): string[] =>
  enoughForInterval(n)
    ? []
    : [
        `With ${n} replication${n === 1 ? '' : 's'} per run, no confidence intervals are given and no change is called outside or within the noise: an interval from fewer than ${MIN_REPLICATIONS_FOR_INTERVAL} replications is too wide and too unsure to mean anything. Run ${MIN_REPLICATIONS_FOR_INTERVAL} or more.`,
      ];

/** Paragraphs of plain text (escaped by the page). */
export function summaryParagraphs(r: SavedResults): string[] {
  switch (r.kind) {
    case 'run':
      return runSummary(r);
    case 'compare':
      return compareSummary(r);
    case 'sweep':
      return sweepSummary(r);
    case 'sensitivity':
      return sensitivitySummary(r);
    case 'calibrate':
      return calibrationSummary(r);
    case 'fit':
      return fitSummary(r);
  }
}

function runSummary(r: Omit<RunResults, 'invocation'>): string[] {
  const s = r.summary;
  const days = r.parameters.horizon.filingDays;
  const period = days === 365 ? 'a year of claims' : `${days} days of claims`;
  return [
    `Under "${r.scenario.name}", ${period} costs the marketplace ${formatUsd(s['marketplace.netCost'].mean)} net${interval(s['marketplace.netCost'], 'USD')}: ` +
      `it pays ${formatUsd(s['marketplace.concessionsPaid'].mean)} to customers, spends ${formatUsd(s['marketplace.reviewCost'].mean)} on fraud screening and recovers ${formatUsd(s['marketplace.recovered'].mean)} from sellers.` +
      (enoughForInterval(r.replications) ? ` In 1 run in 20 the net cost exceeds ${formatUsd(s['marketplace.netCost'].p95)}.` : ''),
    `The rest is borne by sellers and their insurers: sellers reimburse ${formatUsd(s['sellers.reimbursed'].mean)} and pay ${formatUsd(s['sellers.paidDirect'].mean)} directly, ` +
      `and insurers pay ${formatUsd(s['insurers.paid'].mean)} against ${formatUsd(s['insurers.premiums'].mean)} of premiums (a loss ratio of ${s['insurers.lossRatio'].mean.toFixed(2)}).`,
    `${pct(s['customers.validPaidShare'].mean)} of valid claims are paid, ${s['customers.daysToPayment'].mean.toFixed(1)} days after filing on average; ` +
      `${Math.round(s['customers.validDenied'].mean).toLocaleString('en-US')} valid claims end unpaid.`,
    `${pct(s['claims.fraudulentShare'].mean)} of claims are fabricated. The marketplace pays out ${formatUsd(s['marketplace.fraudPaid'].mean)} of fraud and build-up that it does not recover; ` +
      `${formatUsd(s['fraud.paidOut'].mean)} gets through to anyone, and screening wrongly flags ${Math.round(s['fraud.falselyFlagged'].mean).toLocaleString('en-US')} genuine claims.`,
    `Figures are means over ${r.replications} replication${r.replications === 1 ? '' : 's'} of ${r.claimsPerReplication.toLocaleString('en-US')} claims each.`,
    ...tooFew(r.replications),
  ];
}

function compareSummary(r: CompareResults): string[] {
  const lines = r.differences.map((d) => {
    const base = r.scenarios.find((s) => s.scenario.name === d.base)!;
    const other = r.scenarios.find((s) => s.scenario.name === d.scenario)!;
    const cost = d.metrics['marketplace.netCost'];
    const direction = cost.mean >= 0 ? 'raises' : 'lowers';
    const enough = enoughForInterval(cost.n);
    const noise = !enough ? 'too few replications to tell from the noise' : cost.significant ? 'a change outside the noise' : 'within the noise: the interval includes zero';
    const ci = !enough || cost.ciLow === null ? '' : ` (95% interval ${formatUsd(cost.ciLow)} to ${formatUsd(cost.ciHigh!)})`;
    return (
      `Against "${d.base}", "${d.scenario}" ${direction} the marketplace's net cost by ${formatUsd(Math.abs(cost.mean))}${ci}, ${noise}: ` +
      `from ${formatUsd(base.summary['marketplace.netCost'].mean)} to ${formatUsd(other.summary['marketplace.netCost'].mean)}. ` +
      `Sellers reimburse ${formatUsd(other.summary['sellers.reimbursed'].mean)} instead of ${formatUsd(base.summary['sellers.reimbursed'].mean)}; ` +
      `valid claims paid go from ${pct(base.summary['customers.validPaidShare'].mean)} to ${pct(other.summary['customers.validPaidShare'].mean)}.`
    );
  });
  return [
    ...lines,
    `Every scenario faced the same ${r.replications} replications of claims (common random numbers), so each difference is paired replication by replication.`,
    ...runSummary(r.scenarios[0]!).slice(0, 1),
    ...tooFew(r.replications),
  ];
}

function sweepSummary(r: SweepResults): string[] {
  const path = r.axes[0]!.path;
  const at = (p: SweepResults['points'][number]) => r.axes.map((a) => `${a.path} = ${p.values[a.path]}`).join(', ');
  const cost = r.points.map((p) => ({ at: at(p), y: p.summary['marketplace.netCost'].mean }));
  const lo = cost.reduce((a, b) => (b.y < a.y ? b : a));
  const hi = cost.reduce((a, b) => (b.y > a.y ? b : a));
  const second = r.axes[1] ? ` and ${r.axes[1].path}` : '';
  const paid = r.points.map((p) => p.summary['customers.validPaidShare'].mean);
  return [
    `Over ${path}${second} (${r.points.length} runs on the same claims), the marketplace's net cost ranges from ${formatUsd(lo.y)} at ${lo.at} to ${formatUsd(hi.y)} at ${hi.at}.`,
    ...marginalSentence(r),
    `Valid claims paid range from ${pct(Math.min(...paid))} to ${pct(Math.max(...paid))}.`,
    enoughForInterval(r.replications)
      ? `Each point is the mean of ${r.replications} replications; the tables and charts give 95% intervals.`
      : `Each point is the mean of ${r.replications} replication${r.replications === 1 ? '' : 's'}.`,
    ...tooFew(r.replications),
  ];
}

/** What a step along the first axis costs, from the cheapest step to the dearest, or nothing for a grid of one value. */
function marginalSentence(r: SweepResults): string[] {
  const steps = sweepSteps(r);
  if (steps.length === 0) return [];
  const first = r.axes[0]!.path;
  const per = axisUnitPhrase(first, r.parameterMeta[first]?.unit);
  const rates = steps.map((s) => s.marginal);
  const low = Math.min(...rates);
  const high = Math.max(...rates);
  const within =
    r.axes.length > 1
      ? ` (within each value of ${r.axes
          .slice(1)
          .map((a) => a.path)
          .join(' and ')})`
      : '';
  return [
    low === high
      ? `Each step along ${first}${within} changes the net cost by ${formatRate(low)} per ${per}.`
      : `Each step along ${first}${within} changes the net cost by between ${formatRate(low)} and ${formatRate(high)} per ${per}; the table "Step by step" gives each.`,
  ];
}

function sensitivitySummary(r: SensitivityResults): string[] {
  const unit = unitOf(r.metric);
  const top = r.rows.slice(0, 3).map((row) => `${row.path} (from ${formatValue(row.atLow, unit)} at ${row.low} to ${formatValue(row.atHigh, unit)} at ${row.high})`);
  return [
    `At the base, ${r.metric} is ${formatValue(r.baseMean, unit)}. Of the ${r.rows.length} estimated parameters varied one at a time over their declared ranges, the largest effects come from ${top.join('; ')}.`,
    (enoughForInterval(r.replications)
      ? `${r.rows.filter((row) => !row.swing.significant).length} of them move it by less than the noise of ${r.replications} replications.`
      : `With ${r.replications} replication${r.replications === 1 ? '' : 's'} no swing is called outside or within the noise: that needs ${MIN_REPLICATIONS_FOR_INTERVAL} or more.`) +
      (r.skipped.length ? ` ${r.skipped.length} ${r.skipped.length === 1 ? 'was' : 'were'} not varied: ${r.skipped.map((s) => `${s.path} (${s.reason})`).join('; ')}.` : ''),
    ...r.warnings.map((w) => `Caution: ${w.path}: ${w.reason}.`),
  ];
}

function calibrationSummary(r: CalibrationResults): string[] {
  const c = r.calibration;
  const values = c.free.map((f) => `${f.path} to ${Number(c.values[f.path]!.toPrecision(4))} (searched ${f.low} to ${f.high})`).join(', ');
  const outcome = (a: CalibrationResults['calibration']['achieved'][number]) =>
    `${a.metric} is ${Number(a.simulated.toPrecision(4))} against a target of ${wantedText(a.wanted)}${a.within ? '' : `, ${(Math.abs(a.miss) * 100).toFixed(2)}% ${a.miss > 0 ? 'above' : 'below'} what it accepts`}`;
  if (c.reached) {
    return [
      `Calibrated ${values}, so that every target is within its tolerance: ${c.achieved.map(outcome).join('; ')}.`,
      `${c.evaluations} simulations (each in the search trace below); the calibrated values are written as an overlay scenario, ${r.overlayFile ?? '(none)'}.`,
    ];
  }
  const missed = c.achieved.filter((a) => !a.within);
  return [
    `The calibration did NOT reach its targets: ${missed.length} of ${c.achieved.length} ${missed.length === 1 ? 'is' : 'are'} outside tolerance at the best values found (${values}) after ${c.evaluations} simulations: ${missed.map(outcome).join('; ')}.`,
    ...(missed.length < c.achieved.length
      ? [
          `Within tolerance: ${c.achieved
            .filter((a) => a.within)
            .map(outcome)
            .join('; ')}.`,
        ]
      : []),
    'No overlay scenario was written. The search trace below lists every evaluation, to see whether the search closed in or stalled; a wider range for the free parameters, other free parameters or a looser tolerance may be needed, or the targets cannot hold together in this model.',
  ];
}

/** The headline table: rows of [label, value, interval or detail]. */
export function headlineRows(r: SavedResults): string[][] {
  const row = (s: Summary, m: MetricName): string[] => {
    const unit = unitOf(m);
    return [(METRICS[m] as MetricDefinition).description, formatValue(s.mean, unit), intervalCell(s, unit, true), formatValue(s.p95, unit)];
  };
  switch (r.kind) {
    case 'run':
      return REPORT_HEADLINE_METRICS.map((m) => row(r.summary[m], m));
    case 'compare':
      return r.differences.flatMap((d) =>
        REPORT_HEADLINE_METRICS.slice(0, REPORT_DIFFERENCE_COUNT).map((m) => {
          const diff = d.metrics[m];
          const unit = unitOf(m);
          return [`${d.scenario}: ${(METRICS[m] as MetricDefinition).description}`, formatValue(diff.mean, unit), intervalCell(diff, unit, false), noiseVerdict(diff)];
        }),
      );
    case 'sweep':
      return r.points.map((p) => [
        Object.entries(p.values)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', '),
        formatUsd(p.summary['marketplace.netCost'].mean),
        intervalCell(p.summary['marketplace.netCost'], 'USD', true),
        pct(p.summary['customers.validPaidShare'].mean),
      ]);
    case 'sensitivity':
      return r.rows.map((x, i) => [
        `${i + 1}. ${x.path}`,
        `${x.low} to ${x.high}`,
        `${formatValue(x.atLow, unitOf(r.metric))} to ${formatValue(x.atHigh, unitOf(r.metric))}`,
        formatValue(x.swing.mean, unitOf(r.metric)),
      ]);
    case 'calibrate':
      return [
        ...r.calibration.free.map((f) => [f.path, String(Number(r.calibration.values[f.path]!.toPrecision(6))), `${f.low} to ${f.high}`, 'calibrated']),
        ...r.calibration.achieved.map((a) => [
          a.metric,
          String(Number(a.simulated.toPrecision(5))),
          `target ${wantedText(a.wanted)}`,
          a.within ? 'within tolerance' : `${a.miss > 0 ? '+' : ''}${(a.miss * 100).toFixed(2)}% outside tolerance`,
        ]),
      ];
    case 'fit':
      return [r.comparison.lognormal, r.comparison.mixture].map((f) => [...fitRow(f), f.kind === r.comparison.chosen ? 'chosen' : '']);
  }
}

export function headlineHeader(r: SavedResults): string[] {
  switch (r.kind) {
    case 'run':
      return ['Figure', 'Mean', '95% interval of the mean', 'P95 across replications'];
    case 'compare':
      return ['Difference against the base', 'Mean', '95% interval', 'Verdict'];
    case 'sweep':
      return ['Point', 'Net cost', '95% interval', 'Valid claims paid'];
    case 'sensitivity':
      return ['Parameter', 'Range', `${r.metric} from low to high`, 'Swing'];
    case 'calibrate':
      return ['Parameter or target', 'Value', 'Range or target', ''];
    case 'fit':
      return ['Fit', 'Parameters', 'lnL (USD)', 'AIC', 'KS D', 'Chosen'];
  }
}

function fitSummary(r: FitResults): string[] {
  const c = r.comparison;
  const n = r.input.amounts;
  const skipped = r.input.skippedRows > 0 ? `, ${r.input.skippedRows} bad row${r.input.skippedRows === 1 ? '' : 's'} skipped` : '';
  const critical = ksCriticalValue1Percent(n);
  const beyond = (['lognormal', 'mixture'] as const).filter((k) => c[k].ks > critical);
  const shape =
    beyond.length === 0
      ? "neither gap is past it, so neither fit is refuted by the data's shape"
      : `the ${beyond.map((k) => `${k}'s`).join(' and the ')} ${beyond.length === 1 ? 'gap is' : 'gaps are'} past it, so the data's shape differs from ${beyond.length === 1 ? 'that fit' : 'both fits'} by more than chance explains`;
  const caution = [
    ...(c.mixture.collapsed ? ['The mixture collapsed: one of its components settled on a few repeated amounts, so it was not chosen whatever its AIC.'] : []),
    ...(!c.mixture.converged && !c.mixture.collapsed ? [`The mixture's fit did not converge in ${c.mixture.iterations} iterations; its figures are those it stopped at.`] : []),
  ];
  return [
    `${n.toLocaleString('en-US')} claim amounts from column "${r.input.column}" of ${r.input.file}${skipped} were fitted by maximum likelihood with a lognormal (2 parameters) and a two-component lognormal mixture (5). ` +
      `Chosen: ${chosenName(c.chosen)} (${choiceReason(c)}); AIC = 2k - 2 lnL, so the lower AIC fits better once the mixture's three extra parameters are paid for.`,
    `The largest gap between the data's cumulative share and a fit's (the KS D) is ${c.lognormal.ks.toFixed(4)} for the lognormal and ${c.mixture.ks.toFixed(4)} for the mixture. ` +
      `For ${n.toLocaleString('en-US')} amounts the 1% critical value is 1.63/\u221an = ${critical.toFixed(4)} (conservative, since each fit was estimated from the same amounts): ${shape}.`,
    `The overlay scenario ${r.overlayFile} extends ${r.base} and ${overlaySets(c.chosen, r.empirical)}; "claimsim run ${r.overlayFile}" simulates the policy on these amounts.`,
    ...caution,
  ];
}
