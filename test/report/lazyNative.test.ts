/**
 * The PNG rasteriser (@resvg/resvg-js) is a native module: a report without
 * PNG charts never loads it, and one with them does. Checked in a process of
 * its own, through the shared objects it has mapped (Linux's /proc/self/maps).
 * Needs dist/ (`npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Whether a process that builds a small run's report (with `charts`) ends with resvg loaded. */
function resvgLoaded(charts: 'none' | 'png'): boolean {
  const script = `
    import { readFileSync } from 'node:fs';
    import { reportFiles } from './dist/report/write.js';
    import { buildRunResults, scenarioRecord } from './dist/results/results.js';
    import { loadScenario } from './dist/params/load.js';
    import { runScenario } from './dist/sim/run.js';
    import { simulateUnitsHere } from './dist/sim/unit.js';
    const scenario = loadScenario('scenarios/baseline.yaml', { set: ['volume.claims=300', 'world.teams=1'] });
    const output = await runScenario(scenario.parameters, { seed: 1, replications: 1, runUnits: simulateUnitsHere });
    const results = buildRunResults(output, { scenario: scenarioRecord(scenario), parameters: scenario.parameters, parameterMeta: scenario.meta, seed: 1, invocation: { command: [], startedAt: '', wallSeconds: 1, workers: 1 } });
    await reportFiles(results, ${charts === 'png' ? "{ charts: 'png' }" : '{}'});
    console.log(readFileSync('/proc/self/maps', 'utf8').includes('resvg') ? 'loaded' : 'not loaded');`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return out.trim().split('\n').at(-1) === 'loaded';
}

describe.runIf(process.platform === 'linux')('the native PNG rasteriser', () => {
  it('is not loaded by a report without PNG charts', () => {
    expect(resvgLoaded('none')).toBe(false);
  });
  it('is loaded when PNG charts are asked for (so the check above can fail)', () => {
    expect(resvgLoaded('png')).toBe(true);
  });
});
