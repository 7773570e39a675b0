/**
 * The analyses as the tests call them: on scenario files, with `set` lines
 * loaded into each (the command line's --set and --claims), as the analyses
 * took them before they took loaded scenarios.
 */
import { calibrate } from '../../src/analysis/calibrate.js';
import { compareScenarios } from '../../src/analysis/compare.js';
import type { Axis } from '../../src/analysis/grid.js';
import { runAt, type AnalysisOptions, type Point } from '../../src/analysis/runs.js';
import { sensitivityOf } from '../../src/analysis/sensitivity.js';
import { sweepScenario } from '../../src/analysis/sweep.js';
import type { Target } from '../../src/analysis/targets.js';
import { loadScenario } from '../../src/params/load.js';

export type FileOptions = AnalysisOptions & { readonly set?: readonly string[] };

const load = (file: string, options: FileOptions) => loadScenario(file, { set: options.set ?? [] });

export async function runFile(file: string, options: FileOptions, point?: Point) {
  return runAt(load(file, options), options, point);
}

export async function compareFiles(files: readonly string[], options: FileOptions & Parameters<typeof compareScenarios>[1]) {
  return compareScenarios(
    files.map((f) => load(f, options)),
    options,
  );
}

export async function sweepFile(file: string, axes: readonly Axis[], options: FileOptions & Parameters<typeof sweepScenario>[2]) {
  return sweepScenario(load(file, options), axes, options);
}

export async function sensitivityOfFile(file: string, options: FileOptions & Parameters<typeof sensitivityOf>[1]) {
  return sensitivityOf(load(file, options), options);
}

export async function calibrateFile(file: string, targets: readonly Target[], free: readonly string[], options: FileOptions & Parameters<typeof calibrate>[3]) {
  return calibrate(load(file, options), targets, free, options);
}
