/**
 * Running units of work, in this thread or on a pool of worker threads
 * (Piscina). Results come back keyed by unit and are merged by the caller in
 * canonical order, so the number of workers never changes a result.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Aggregates } from '../collect/aggregates.js';
import type { Parameters } from '../params/schema.js';
import { environmentExecutor } from './executor/fromEnvironment.js';
import type { UnitOptions, UnitResult, UnitRunner, UnitTask } from './unit.js';
import type { UnitKey } from './units.js';

export type { UnitResult } from './unit.js';

export interface PoolOptions extends UnitOptions {
  /** Worker threads; 1 runs in this thread. Default: the number of cores. */
  readonly workers?: number;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * The compiled worker module: beside this one, or, run from the sources (the
 * tests), the build in dist/ if it is newer than every source. From sources
 * not built since they changed there is none, and units run in this thread
 * (the number of workers never changes a result): a stale build must not run
 * old code in the threads while the sources run in this one.
 */
function workerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return resolve(dirname(here), 'worker.js');
  builtWorker ??= { file: freshBuild(resolve(dirname(here), '..'), resolve(dirname(here), '../../dist/sim/worker.js')) };
  return builtWorker.file;
}
let builtWorker: { file: string | undefined } | undefined;

/** `built` if it exists and no file under `sources` was changed after it. */
function freshBuild(sources: string, built: string): string | undefined {
  if (!existsSync(built)) return undefined;
  const builtAt = statSync(built).mtimeMs;
  const stale = readdirSync(sources, { recursive: true, withFileTypes: true }).some((e) => e.isFile() && statSync(join(e.parentPath, e.name)).mtimeMs > builtAt);
  return stale ? undefined : built;
}

export async function simulateUnits(params: Parameters, seed: number, units: readonly UnitKey[], options: PoolOptions = {}): Promise<UnitResult[]> {
  // Chosen here, in this thread: an input error from CLAIMSIM_EXECUTOR must not lose its class crossing into a worker.
  const executor = options.executor ?? environmentExecutor();
  const file = workerFile();
  const workers = file === undefined ? 1 : Math.max(1, Math.min(options.workers ?? defaultWorkers(), units.length));
  let done = 0;
  const finished = () => options.onUnitDone?.(++done, units.length);
  if (workers === 1) {
    // Loaded here, not at the top: the CLI imports this module for closePools, and the engine is heavy.
    const { simulateUnitsHere } = await import('./unit.js');
    // Between units, let signals (Ctrl-C) and progress output through.
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    return simulateUnitsHere(params, seed, units, { ...options, executor, pause });
  }
  // Held for the run, so that a caller's own run beside a library call keeps its threads.
  return usingPools(() => {
    const pool = poolOf(file!, workers);
    return Promise.all(
      units.map(async (unit) => {
        const aggregates = await pool.run({ params, seed, ...unit, executor });
        finished();
        return { ...unit, aggregates };
      }),
    );
  });
}

/** A runner for `runScenario` on `workers` threads (default: the number of cores). */
export function onWorkers(workers?: number): UnitRunner {
  return (params, seed, units, options) => simulateUnits(params, seed, units, { ...options, workers });
}

/**
 * Analyses run many scenarios in a row; starting threads (and loading the
 * engine in each) for every run would cost more than a small run itself, so
 * one pool per worker count is kept until `closePools()`.
 */
const pools = new Map<number, Piscina<UnitTask, Aggregates>>();

function poolOf(filename: string, workers: number): Piscina<UnitTask, Aggregates> {
  let pool = pools.get(workers);
  if (!pool) {
    pool = new Piscina<UnitTask, Aggregates>({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
    pools.set(workers, pool);
  }
  return pool;
}

/**
 * Runs `work` with the pools open, and closes them when the last such work
 * still running is done: a notebook's process then exits when its last
 * `simulate` returns, while calls made side by side share the threads.
 */
export async function usingPools<T>(work: () => Promise<T>): Promise<T> {
  users++;
  try {
    return await work();
  } finally {
    if (--users === 0) await closePools();
  }
}
let users = 0;

/** Stops every worker thread; call when done simulating, or the process will not exit. */
export async function closePools(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((p) => p.destroy()));
}
