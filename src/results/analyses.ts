/**
 * The machine-readable results of the analyses (compare, sweep, sensitivity,
 * calibrate), built from their library outputs. Like a run's, only the
 * `invocation` block differs between two runs with the same inputs.
 */
import type { Calibration } from '../analysis/calibrate.js';
import type { Comparison } from '../analysis/compare.js';
import type { Sensitivity } from '../analysis/sensitivity.js';
import type { Sweep } from '../analysis/sweep.js';
import type { ScenarioRun } from '../analysis/runs.js';
import type { Scenario } from '../params/load.js';
import type { ParamMeta } from '../params/meta.js';
import type { Parameters } from '../params/schema.js';
import { ENGINE } from '../version.js';
import { buildRunResults, scenarioRecord, type Invocation, type RunResults, type ScenarioRecord } from './results.js';

type InvocationInput = Omit<Invocation, 'claimsPerSecond'>;

interface Common {
  readonly engine: { readonly name: string; readonly version: string };
  readonly seed: number;
  readonly replications: number;
  readonly invocation: Invocation;
}

/** An analysis of one base scenario: which, and its resolved parameters with their metadata. */
interface OfScenario extends Common {
  readonly scenario: ScenarioRecord;
  readonly parameters: Parameters;
  readonly parameterMeta: Readonly<Record<string, ParamMeta>>;
}

export interface CompareResults extends Common {
  readonly kind: 'compare';
  /** Each scenario's full run results (base first), without their own invocation block. */
  readonly scenarios: readonly Omit<RunResults, 'invocation'>[];
  readonly differences: readonly { readonly scenario: string; readonly base: string; readonly metrics: Comparison['differences'][number] }[];
}

export interface SweepResults extends OfScenario {
  readonly kind: 'sweep';
  readonly axes: Sweep['axes'];
  readonly points: Sweep['points'];
}

export interface SensitivityResults extends OfScenario {
  readonly kind: 'sensitivity';
  readonly metric: string;
  readonly baseMean: number;
  readonly rows: Sensitivity['rows'];
  readonly skipped: Sensitivity['skipped'];
  readonly warnings: Sensitivity['warnings'];
}

export interface CalibrationResults extends OfScenario {
  readonly kind: 'calibrate';
  readonly calibration: Calibration;
  /** The overlay scenario written with the calibrated values; null when a target was missed and none was written. */
  readonly overlayFile: string | null;
}

function common(run: ScenarioRun, seed: number, invocation: InvocationInput, claims: number): Common {
  const n = run.output.replications.length;
  return { engine: ENGINE, seed, replications: n, invocation: { ...invocation, claimsPerSecond: claims / Math.max(invocation.wallSeconds, 1e-9) } };
}

export function buildCompareResults(c: Comparison, seed: number, invocation: InvocationInput): CompareResults {
  const claims = c.runs.reduce((sum, r) => sum + r.scenario.parameters.volume.claims * r.output.replications.length, 0);
  const scenarios = c.runs.map((r) => {
    const { invocation: _drop, ...rest } = buildRunResults(r.output, { scenario: scenarioRecord(r.scenario), parameters: r.scenario.parameters, parameterMeta: r.scenario.meta, seed, invocation });
    return rest;
  });
  return {
    kind: 'compare',
    ...common(c.runs[0]!, seed, invocation, claims),
    scenarios,
    differences: c.differences.map((metrics, i) => ({ scenario: c.runs[i + 1]!.scenario.name, base: c.runs[0]!.scenario.name, metrics })),
  };
}

export function buildSweepResults(s: Sweep, seed: number, invocation: InvocationInput): SweepResults {
  const claims = s.first.scenario.parameters.volume.claims * s.first.output.replications.length * s.points.length;
  return {
    kind: 'sweep',
    ...common(s.first, seed, invocation, claims),
    scenario: scenarioRecord(s.first.scenario),
    parameters: s.first.scenario.parameters,
    parameterMeta: s.first.scenario.meta,
    axes: s.axes,
    points: s.points,
  };
}

export function buildSensitivityResults(s: Sensitivity, seed: number, invocation: InvocationInput): SensitivityResults {
  const claims = s.base.scenario.parameters.volume.claims * s.base.output.replications.length * (1 + 2 * s.rows.length);
  return {
    kind: 'sensitivity',
    ...common(s.base, seed, invocation, claims),
    scenario: scenarioRecord(s.base.scenario),
    parameters: s.base.scenario.parameters,
    parameterMeta: s.base.scenario.meta,
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
    engine: ENGINE,
    seed,
    replications,
    invocation: { ...invocation, claimsPerSecond: claims / Math.max(invocation.wallSeconds, 1e-9) },
    scenario: scenarioRecord(scenario),
    parameters: scenario.parameters,
    parameterMeta: scenario.meta,
    calibration: c,
    overlayFile,
  };
}
