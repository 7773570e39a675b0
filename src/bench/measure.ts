/**
 * One measured engine run, in its own process so that its peak memory is its
 * own:
 *
 *   node dist/bench/measure.js SCENARIO CLAIMS WORKERS [EXECUTOR]
 *
 * loads SCENARIO with volume.claims=CLAIMS, runs one replication (seed 1) on
 * WORKERS threads (1: in this thread, no pool) with EXECUTOR (default: the
 * engine's default), and prints one JSON line: the engine's time (the
 * runScenario call only, not start-up or loading), claims per second, peak
 * resident memory (this process's maxRSS, worker threads included) and the
 * replication's net cost, so that runs of both executors on the same claims
 * can be checked to agree.
 */
import { loadScenario } from '../params/load.js';
import { keepHeapNearLive } from '../sim/memory.js';
import { closePools, onWorkers } from '../sim/pool.js';
import { runScenario, type RunOptions } from '../sim/run.js';

const [scenarioFile, claimsText, workersText, executorText] = process.argv.slice(2);
const claims = Number(claimsText);
const workers = Number(workersText);
if (!scenarioFile || !Number.isInteger(claims) || claims < 1 || !Number.isInteger(workers) || workers < 1) {
  process.stderr.write('usage: measure.js SCENARIO CLAIMS WORKERS [compiled|xstate]\n');
  process.exit(2);
}
const executor = executorText as RunOptions['executor'];

const scenario = loadScenario(scenarioFile, { set: [`volume.claims=${claims}`] });
// As the command line runs: the engine's figures are a user's.
keepHeapNearLive();
const t0 = performance.now();
const output = await runScenario(scenario.parameters, { seed: 1, replications: 1, runUnits: onWorkers(workers), ...(executor ? { executor } : {}) });
const seconds = (performance.now() - t0) / 1000;
await closePools();
const metrics = output.replications[0]!.metrics as Record<string, number>;
process.stdout.write(
  `${JSON.stringify({
    claims,
    workers,
    executor: executor ?? 'default',
    seconds,
    claimsPerSecond: claims / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    netCost: metrics['marketplace.netCost'],
  })}\n`,
);
