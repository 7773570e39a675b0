/**
 * The analyses' answers as the results they write (compare, sweep,
 * sensitivity, calibrate). The persisted shapes are results/schema/analyses.ts's;
 * what turns each answer into its record lives here, beside the analyses.
 */
import type { Calibration } from './calibrate.js';
import type { Comparison } from './compare.js';
import type { Sensitivity } from './sensitivity.js';
import type { Sweep } from './sweep.js';
import type { Scenario } from '../params/load.js';
import { ENGINE } from '../version.js';
import { buildRunResults, scenarioRecord, type Invocation } from '../results/results.js';
import type { CalibrationResults, CompareResults, SensitivityResults, SweepResults } from '../results/schema/analyses.js';

type InvocationInput = Omit<Invocation, 'claimsPerSecond'>;

/** The fields every analysis's results share. */
type Common = Pick<CompareResults, 'engine' | 'seed' | 'replications' | 'invocation'>;

function common(replications: number, seed: number, invocation: InvocationInput, claims: number): Common {
  return { engine: ENGINE, seed, replications, invocation: { ...invocation, claimsPerSecond: claims / Math.max(invocation.wallSeconds, 1e-9) } };
}

/** Which base scenario an analysis ran, with its resolved parameters and their metadata. */
function described(scenario: Scenario): Pick<SweepResults, 'scenario' | 'parameters' | 'parameterMeta'> {
  return { scenario: scenarioRecord(scenario), parameters: scenario.parameters, parameterMeta: scenario.meta };
}

export function buildCompareResults(c: Comparison, seed: number, invocation: InvocationInput): CompareResults {
  const claims = c.runs.reduce((sum, r) => sum + r.scenario.parameters.volume.claims * r.output.replications.length, 0);
  const scenarios = c.runs.map((r) => {
    const { invocation: _drop, ...rest } = buildRunResults(r.output, { scenario: scenarioRecord(r.scenario), parameters: r.scenario.parameters, parameterMeta: r.scenario.meta, seed, invocation });
    return rest;
  });
  return {
    kind: 'compare',
    ...common(c.runs[0]!.output.replications.length, seed, invocation, claims),
    scenarios,
    differences: c.differences.map((metrics, i) => ({ scenario: c.runs[i + 1]!.scenario.name, base: c.runs[0]!.scenario.name, metrics })),
  };
}

export function buildSweepResults(s: Sweep, seed: number, invocation: InvocationInput): SweepResults {
  const claims = s.first.scenario.parameters.volume.claims * s.first.output.replications.length * s.points.length;
  return {
    kind: 'sweep',
    ...common(s.first.output.replications.length, seed, invocation, claims),
    ...described(s.first.scenario),
    axes: s.axes,
    points: s.points,
  };
}

export function buildSensitivityResults(s: Sensitivity, seed: number, invocation: InvocationInput): SensitivityResults {
  const claims = s.base.scenario.parameters.volume.claims * s.base.output.replications.length * (1 + 2 * s.rows.length);
  return {
    kind: 'sensitivity',
    ...common(s.base.output.replications.length, seed, invocation, claims),
    ...described(s.base.scenario),
    metric: s.metric,
    baseMean: s.baseMean,
    rows: s.rows,
    skipped: s.skipped,
    warnings: s.warnings,
  };
}

export function buildCalibrationResults(scenario: Scenario, replications: number, c: Calibration, overlayFile: string | null, seed: number, invocation: InvocationInput): CalibrationResults {
  const claims = scenario.parameters.volume.claims * replications * c.evaluations;
  return {
    kind: 'calibrate',
    ...common(replications, seed, invocation, claims),
    ...described(scenario),
    calibration: c,
    overlayFile,
  };
}
