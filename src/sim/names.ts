/**
 * Names for sellers, customers and products, for event logs and reports.
 * Each name is drawn by a Faker instance seeded from the entity's address, so
 * the same seed always names the same seller the same way, and naming one
 * entity never shifts another's name. Names never enter the simulation.
 */
// The English build alone: the package's main entry loads every locale, which costs a quarter of a second per process.
import { faker } from '@faker-js/faker/locale/en';
import type { WorkUnit } from './population.js';
import { StreamKind } from '../random/streams.js';

const Kind = { seller: 1, customer: 2, product: 3 } as const;

function seeded(unit: WorkUnit, kind: number, id: number): typeof faker {
  faker.seed([unit.seed, StreamKind.names, unit.replication, unit.team, kind, id]);
  return faker;
}

export function sellerName(unit: WorkUnit, seller: number): string {
  return seeded(unit, Kind.seller, seller).company.name();
}

export function customerName(unit: WorkUnit, customer: number): string {
  return seeded(unit, Kind.customer, customer).person.fullName();
}

export function productName(unit: WorkUnit, claim: number): string {
  return seeded(unit, Kind.product, claim).commerce.productName();
}
