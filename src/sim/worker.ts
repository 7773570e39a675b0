/**
 * A worker thread's task: simulate one (replication, team) unit and return its
 * aggregates. The pool (pool.ts) names the executor in every task.
 */
import type { Aggregates } from '../collect/aggregates.js';
import { simulateUnit, type UnitTask } from './unit.js';

export type { UnitTask } from './unit.js';

export default function simulateUnitTask(task: UnitTask): Aggregates {
  return simulateUnit(task);
}
