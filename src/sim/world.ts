/**
 * The world: one team of one replication, simulated by its modules in
 * `src/sim/world/` (the team's calendar loop, the ledger, intake, delivery,
 * timers, the observer). This file is the door to them.
 *
 * Phase: simulate.
 */
export { simulateTeam } from './world/team.js';
export { createMachines, type Machines } from './world/machines.js';
export { LedgerError } from './world/ledger.js';
export type { ClaimObserver, ClaimStep } from './world/observer.js';
