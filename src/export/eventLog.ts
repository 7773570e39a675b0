/**
 * The event log is built where events are collected, collect/eventLog.ts;
 * this path stays only because the library's front door (src/index.ts) still
 * names it.
 */
export { buildEventLog, type EventLog } from '../collect/eventLog.js';
