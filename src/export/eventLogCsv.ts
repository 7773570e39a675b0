/**
 * The event log as CSV: one row per event, with the claim, seller and
 * customer it concerns by id and by name, and the money it moved. Payments
 * and recoveries of one step are summed, their payers or kinds joined by `+`
 * (the claim machine makes at most one of each per step).
 */
import { writeFileAtomic } from '../io/writeFiles.js';
import { toCsv, type Cell } from './csv.js';
import type { EventLog } from '../sim/eventLog.js';

export const EVENT_LOG_CSV_HEADER = [
  'eventId',
  'claimId',
  'activity',
  'event',
  'fromState',
  'state',
  'day',
  'timestamp',
  'sellerId',
  'seller',
  'customerId',
  'customer',
  'paidUsd',
  'payer',
  'recoveredUsd',
  'recovery',
  'messages',
] as const;

const sum = (values: readonly { amountUsd: number }[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v.amountUsd, 0));

export function eventLogCsv(log: EventLog): string {
  const sellers = new Map(log.sellers.map((s) => [s.id, s.name]));
  const customers = new Map(log.customers.map((c) => [c.id, c.name]));
  const rows = log.events.map((e): Cell[] => [
    e.id,
    e.claimId,
    e.activity,
    e.event,
    e.fromState,
    e.state,
    e.day,
    e.time,
    e.sellerId,
    sellers.get(e.sellerId),
    e.customerId,
    customers.get(e.customerId),
    sum(e.payments),
    e.payments.map((p) => p.payer).join('+'),
    sum(e.recoveries),
    e.recoveries.map((r) => r.how).join('+'),
    e.messages.join(' '),
  ]);
  return toCsv(EVENT_LOG_CSV_HEADER, rows);
}

/** Writes `eventLogCsv(log)` to `file`, atomically. */
export function writeEventLogCsv(log: EventLog, file: string): void {
  writeFileAtomic(file, eventLogCsv(log));
}
