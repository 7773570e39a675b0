/**
 * The event log in OCEL 2.0 JSON (Object-Centric Event Log, ocel-standard.org):
 * object types claim, seller and customer; one event type per activity; each
 * event related to its claim, seller and customer with a qualifier; each
 * claim related to its seller and customer.
 *
 * The published JSON schema (test/fixtures/ocel/) types every attribute value
 * as a string; the declared attribute type (string, time, integer, float,
 * boolean, the specification's five) says how to read it. Object attributes
 * carry the time they took their value: a seller's and a customer's at day 0,
 * a claim's at filing, a claim's status and money when it closed (or at its
 * last event, if still open), its payable amount whenever screening changed it.
 */
import { writeFileAtomic } from '../io/writeFiles.js';
import { isoTime, type ClaimObject, type CustomerObject, type EventLog, type LogEvent, type SellerObject } from '../sim/eventLog.js';

export type OcelAttributeType = 'string' | 'time' | 'integer' | 'float' | 'boolean';

export interface OcelTypeAttribute {
  readonly name: string;
  readonly type: OcelAttributeType;
}

export interface OcelType {
  readonly name: string;
  readonly attributes: readonly OcelTypeAttribute[];
}

export interface OcelRelationship {
  readonly objectId: string;
  readonly qualifier: string;
}

export interface OcelObjectAttribute {
  readonly name: string;
  readonly value: string;
  readonly time: string;
}

export interface OcelObject {
  readonly id: string;
  readonly type: string;
  readonly attributes: readonly OcelObjectAttribute[];
  readonly relationships: readonly OcelRelationship[];
}

export interface OcelEvent {
  readonly id: string;
  readonly type: string;
  readonly time: string;
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
  readonly relationships: readonly OcelRelationship[];
}

export interface OcelLog {
  readonly objectTypes: readonly OcelType[];
  readonly eventTypes: readonly OcelType[];
  readonly objects: readonly OcelObject[];
  readonly events: readonly OcelEvent[];
}

type Value = string | number | boolean;

/** Attributes of each object type, in the order they are written. */
const OBJECT_TYPES: readonly OcelType[] = [
  {
    name: 'claim',
    attributes: [
      { name: 'product', type: 'string' },
      { name: 'incidentDay', type: 'float' },
      { name: 'filedDay', type: 'float' },
      { name: 'claimedUsd', type: 'float' },
      { name: 'genuineUsd', type: 'float' },
      { name: 'fraud', type: 'string' },
      { name: 'claimantBlocked', type: 'boolean' },
      { name: 'payableUsd', type: 'float' },
      { name: 'status', type: 'string' },
      { name: 'paidUsd', type: 'float' },
      { name: 'paidByMarketplaceUsd', type: 'float' },
      { name: 'paidBySellerUsd', type: 'float' },
      { name: 'paidByInsurerUsd', type: 'float' },
      { name: 'recoveredUsd', type: 'float' },
    ],
  },
  {
    name: 'seller',
    attributes: [
      { name: 'name', type: 'string' },
      { name: 'monthlySalesUsd', type: 'float' },
      { name: 'insuranceRequired', type: 'boolean' },
      { name: 'insured', type: 'boolean' },
      { name: 'insuranceChannel', type: 'string' },
      { name: 'insurer', type: 'integer' },
      { name: 'deductibleUsd', type: 'float' },
      { name: 'compliant', type: 'boolean' },
    ],
  },
  {
    name: 'customer',
    attributes: [
      { name: 'name', type: 'string' },
      { name: 'pool', type: 'string' },
    ],
  },
];

/** Attributes an event may carry, in the order they are written; each event type declares those its events use. */
const EVENT_ATTRIBUTES: readonly OcelTypeAttribute[] = [
  { name: 'event', type: 'string' },
  { name: 'fromState', type: 'string' },
  { name: 'state', type: 'string' },
  { name: 'day', type: 'float' },
  { name: 'paidUsd', type: 'float' },
  { name: 'payer', type: 'string' },
  { name: 'recoveredUsd', type: 'float' },
  { name: 'recovery', type: 'string' },
  { name: 'messages', type: 'string' },
];

function eventAttributes(e: LogEvent): { name: string; value: string }[] {
  const values: Record<string, Value | null> = {
    event: e.event,
    fromState: e.fromState,
    state: e.state,
    day: e.day,
    paidUsd: e.payments.length ? e.payments.reduce((s, p) => s + p.amountUsd, 0) : null,
    payer: e.payments.length ? e.payments.map((p) => p.payer).join('+') : null,
    recoveredUsd: e.recoveries.length ? e.recoveries.reduce((s, r) => s + r.amountUsd, 0) : null,
    recovery: e.recoveries.length ? e.recoveries.map((r) => r.how).join('+') : null,
    messages: e.messages.length ? e.messages.join(' ') : null,
  };
  return EVENT_ATTRIBUTES.filter((a) => values[a.name] !== null).map((a) => ({ name: a.name, value: String(values[a.name]) }));
}

function claimObject(c: ClaimObject, epoch: string): OcelObject {
  const filed = isoTime(c.filedDay, epoch);
  const settled = isoTime(c.closedDay ?? c.lastDay, epoch);
  const at = (time: string) => (name: string, value: Value) => ({ name, value: String(value), time });
  const atFiling = at(filed);
  const atSettlement = at(settled);
  return {
    id: c.id,
    type: 'claim',
    attributes: [
      atFiling('product', c.product),
      atFiling('incidentDay', c.incidentDay),
      atFiling('filedDay', c.filedDay),
      atFiling('claimedUsd', c.claimedUsd),
      atFiling('genuineUsd', c.genuineUsd),
      atFiling('fraud', c.fraud),
      atFiling('claimantBlocked', c.claimantBlocked),
      ...c.payable.map((p) => at(isoTime(p.day, epoch))('payableUsd', p.usd)),
      atFiling('status', 'open'),
      ...(c.outcome !== null ? [at(isoTime(c.closedDay!, epoch))('status', c.outcome)] : []),
      atSettlement('paidUsd', c.paidUsd),
      atSettlement('paidByMarketplaceUsd', c.paidByMarketplaceUsd),
      atSettlement('paidBySellerUsd', c.paidBySellerUsd),
      atSettlement('paidByInsurerUsd', c.paidByInsurerUsd),
      atSettlement('recoveredUsd', c.recoveredUsd),
    ],
    relationships: [
      { objectId: c.sellerId, qualifier: 'against seller' },
      { objectId: c.customerId, qualifier: 'filed by' },
    ],
  };
}

function sellerObject(s: SellerObject, epoch: string): OcelObject {
  const time = isoTime(0, epoch);
  const values: [string, Value | null][] = [
    ['name', s.name],
    ['monthlySalesUsd', s.monthlySalesUsd],
    ['insuranceRequired', s.insuranceRequired],
    ['insured', s.insured],
    ['insuranceChannel', s.insuranceChannel],
    ['insurer', s.insurer],
    ['deductibleUsd', s.deductibleUsd],
    ['compliant', s.compliant],
  ];
  return {
    id: s.id,
    type: 'seller',
    attributes: values.filter(([, v]) => v !== null).map(([name, value]) => ({ name, value: String(value), time })),
    relationships: [],
  };
}

function customerObject(c: CustomerObject, epoch: string): OcelObject {
  const time = isoTime(0, epoch);
  return {
    id: c.id,
    type: 'customer',
    attributes: [
      { name: 'name', value: c.name, time },
      { name: 'pool', value: c.pool, time },
    ],
    relationships: [],
  };
}

export function toOcel(log: EventLog): OcelLog {
  const events = log.events.map((e): OcelEvent => ({ id: e.id, type: e.activity, time: e.time, attributes: eventAttributes(e), relationships: e.relationships }));
  // Event types in order of first appearance, each declaring the attributes its events carry.
  const used = new Map<string, Set<string>>();
  for (const e of events) {
    let names = used.get(e.type);
    if (!names) used.set(e.type, (names = new Set()));
    for (const a of e.attributes) names.add(a.name);
  }
  const eventTypes = [...used].map(([name, names]): OcelType => ({ name, attributes: EVENT_ATTRIBUTES.filter((a) => names.has(a.name)) }));
  return {
    objectTypes: OBJECT_TYPES,
    eventTypes,
    objects: [...log.claims.map((c) => claimObject(c, log.epoch)), ...log.sellers.map((s) => sellerObject(s, log.epoch)), ...log.customers.map((c) => customerObject(c, log.epoch))],
    events,
  };
}

/** Writes `toOcel(log)` to `file` as JSON, atomically. */
export function writeOcelJson(log: EventLog, file: string): void {
  writeFileAtomic(file, `${JSON.stringify(toOcel(log), null, 2)}\n`);
}
