/**
 * One measured run, in its own process so that its peak memory is its own:
 * `node dist/bench/measure.js engine CLAIMS WORKERS` runs the baseline and
 * `node dist/bench/measure.js reference CLAIMS` measures bare XState on the
 * same claims. Prints one JSON line.
 */
import { loadScenario } from '../params/load.js';
import { closePools } from '../sim/pool.js';
import { runScenario } from '../sim/run.js';
import { measureReference } from './reference.js';

const [mode, claimsText, workersText] = process.argv.slice(2);
const claims = Number(claimsText);
const scenario = loadScenario('scenarios/baseline.yaml', { set: [`volume.claims=${claims}`] });

if (mode === 'engine') {
  const t0 = performance.now();
  await runScenario(scenario.parameters, { seed: 1, replications: 1, workers: Number(workersText) });
  const seconds = (performance.now() - t0) / 1000;
  await closePools();
  process.stdout.write(`${JSON.stringify({ claims, seconds, claimsPerSecond: claims / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} else if (mode === 'reference') {
  process.stdout.write(`${JSON.stringify(measureReference(scenario.parameters, 1))}\n`);
} else {
  process.stderr.write('usage: measure.js engine CLAIMS WORKERS | reference CLAIMS\n');
  process.exitCode = 2;
}
