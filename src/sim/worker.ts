/**
 * A worker thread's task: simulate one (replication, team) unit and return its
 * aggregates. Where a run names no executor, `CLAIMSIM_EXECUTOR` chooses.
 */
import type { Aggregates } from '../collect/aggregates.js';
import { environmentExecutor } from './executor/fromEnvironment.js';
import { simulateUnit, type UnitTask } from './unit.js';

export type { UnitTask } from './unit.js';

export default function simulateUnitTask(task: UnitTask): Aggregates {
  return simulateUnit({ ...task, executor: task.executor ?? environmentExecutor() });
}
