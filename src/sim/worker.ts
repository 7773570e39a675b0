/**
 * A worker thread's task: simulate one (replication, team) unit and return its
 * aggregates. Machines are built (and compiled) once per parameter set and
 * executor, and reused.
 */
import type { Aggregates } from '../collect/aggregates.js';
import type { Parameters } from '../params/schema.js';
import type { ExecutorKind } from './executor/index.js';
import { environmentExecutor } from './executor/fromEnvironment.js';
import { seedKey } from '../random/streams.js';
import { createMachines, simulateTeam, type Machines } from './world.js';

export interface UnitTask {
  readonly params: Parameters;
  readonly seed: number;
  readonly replication: number;
  readonly team: number;
  readonly executor?: ExecutorKind;
}

let cached: { key: string; machines: Machines } | undefined;

export default function simulateUnit(task: UnitTask): Aggregates {
  const executor = task.executor ?? environmentExecutor();
  const key = `${executor} ${JSON.stringify(task.params)}`;
  if (cached?.key !== key) cached = { key, machines: createMachines(task.params, executor) };
  return simulateTeam(task.params, { seed: seedKey(task.seed), replication: task.replication, team: task.team }, cached.machines);
}

