/**
 * Simulating units of work in this thread: each (replication, team) on its
 * own streams, with machines built (and compiled) once per parameter set and
 * executor and then reused. The pool's worker threads run `simulateUnit`
 * (worker.ts); a browser's Web Worker can run `simulateUnitsHere` as it is.
 *
 * Phase: simulate. Pure apart from the machines it keeps for the next unit.
 */
import type { Aggregates } from '../collect/aggregates.js';
import type { Parameters } from '../params/schema.js';
import { seedKey } from '../random/streams.js';
import { DEFAULT_EXECUTOR, type ExecutorKind } from './executor/index.js';
import type { UnitKey } from './units.js';
import { createMachines, simulateTeam, type Machines } from './world.js';

export interface UnitTask extends UnitKey {
  readonly params: Parameters;
  readonly seed: number;
  readonly executor?: ExecutorKind;
}

export interface UnitResult extends UnitKey {
  readonly aggregates: Aggregates;
}

export interface UnitOptions {
  readonly onUnitDone?: (done: number, total: number) => void;
  /** How machines are stepped (default: compiled); results are the same either way. */
  readonly executor?: ExecutorKind;
}

/** Simulates `units` of a run somewhere (this thread, a pool) and returns them keyed, in any order. */
export type UnitRunner = (params: Parameters, seed: number, units: readonly UnitKey[], options: UnitOptions) => Promise<UnitResult[]>;

let cached: { key: string; machines: Machines } | undefined;

/** The aggregates of one unit. */
export function simulateUnit(task: UnitTask): Aggregates {
  const executor = task.executor ?? DEFAULT_EXECUTOR;
  const key = `${executor} ${JSON.stringify(task.params)}`;
  if (cached?.key !== key) cached = { key, machines: createMachines(task.params, executor) };
  return simulateTeam(task.params, { seed: seedKey(task.seed), replication: task.replication, team: task.team }, cached.machines);
}

export interface HereOptions extends UnitOptions {
  /** Awaited between units, so that the host can deliver signals and draw progress (Node: `setImmediate`). */
  readonly pause?: () => Promise<void>;
}

/** Simulates `units` one after another in this thread. */
export async function simulateUnitsHere(params: Parameters, seed: number, units: readonly UnitKey[], options: HereOptions = {}): Promise<UnitResult[]> {
  const results: UnitResult[] = [];
  for (const unit of units) {
    results.push({ ...unit, aggregates: simulateUnit({ params, seed, ...unit, executor: options.executor }) });
    options.onUnitDone?.(results.length, units.length);
    await options.pause?.();
  }
  return results;
}
