/** CSV tables of the analyses: comparisons, sweeps, sensitivity and calibration. */
import type { CalibrationResults, CompareResults, SensitivityResults, SweepResults } from '../results/schema/analyses.js';
import { acceptedRange, wantedText } from '../analysis/targets.js';
import { toCsv } from './csv.js';

export function comparisonsCsv(r: CompareResults): string {
  const rows = r.differences.flatMap((d) => {
    const base = r.scenarios.find((s) => s.scenario.name === d.base)!;
    const other = r.scenarios.find((s) => s.scenario.name === d.scenario)!;
    return Object.entries(d.metrics).map(([metric, diff]) => {
      const m = metric as keyof typeof base.summary;
      return [metric, base.metrics[m].unit, d.base, d.scenario, base.summary[m].mean, other.summary[m].mean, diff.mean, diff.ciLow, diff.ciHigh, diff.significant, diff.varianceReduction];
    });
  });
  return toCsv(['metric', 'unit', 'base', 'scenario', 'baseMean', 'scenarioMean', 'difference', 'ciLow', 'ciHigh', 'outsideNoise', 'varianceReduction'], rows);
}

export function sweepCsv(r: SweepResults): string {
  const paths = r.axes.map((a) => a.path);
  const rows = r.points.flatMap((p) => Object.entries(p.summary).map(([metric, s]) => [...paths.map((path) => p.values[path]), metric, s.mean, s.ciLow, s.ciHigh, s.p5, s.p50, s.p95, s.es95]));
  return toCsv([...paths, 'metric', 'mean', 'ciLow', 'ciHigh', 'p5', 'p50', 'p95', 'es95'], rows);
}

export function sensitivityCsv(r: SensitivityResults): string {
  return toCsv(
    ['rank', 'parameter', 'unit', 'base', 'low', 'high', 'metric', 'atLow', 'atHigh', 'swing', 'swingCiLow', 'swingCiHigh', 'description'],
    r.rows.map((row, i) => [
      i + 1,
      row.path,
      row.unit,
      typeof row.base === 'number' ? row.base : JSON.stringify(row.base),
      row.low,
      row.high,
      r.metric,
      row.atLow,
      row.atHigh,
      row.swing.mean,
      row.swing.ciLow,
      row.swing.ciHigh,
      row.description,
    ]),
  );
}

/**
 * One row per free parameter (its calibrated value and the range searched,
 * low and high) and per target (the simulated mean, what it accepts, low
 * and high, its miss and whether it is within tolerance).
 */
export function calibrationCsv(r: CalibrationResults): string {
  const c = r.calibration;
  return toCsv(
    ['kind', 'name', 'value', 'wanted', 'low', 'high', 'miss', 'within'],
    [
      ...c.free.map((f) => ['parameter', f.path, c.values[f.path], null, f.low, f.high, null, null]),
      ...c.achieved.map((a) => ['target', a.metric, a.simulated, wantedText(a.wanted), ...acceptedRange(a.wanted), a.miss, a.within]),
    ],
  );
}
