/** Seeded names: the same entity always gets the same name, whatever else was named first. */
import { describe, expect, it } from 'vitest';
import { customerName, productName, sellerName } from '../../src/sim/names.js';

const unit = { seed: 1, replication: 0, team: 2 };

describe('names', () => {
  it('are a pure function of the entity address', () => {
    const first = sellerName(unit, 17);
    customerName(unit, 3);
    productName(unit, 99);
    expect(sellerName(unit, 17)).toBe(first);
  });

  it('differ between entities, replications and seeds', () => {
    const names = new Set(Array.from({ length: 200 }, (_, i) => customerName(unit, i)));
    // 200 draws of first and last names: a few collisions are possible, dozens are not.
    expect(names.size).toBeGreaterThan(180);
    expect(sellerName({ ...unit, seed: 2 }, 17)).not.toBe(sellerName(unit, 17));
    expect(productName({ ...unit, replication: 1 }, 5)).not.toBe(productName(unit, 5));
  });

  it('look like names', () => {
    expect(customerName(unit, 1)).toMatch(/^\S+( \S+)+$/);
    expect(productName(unit, 1).length).toBeGreaterThan(3);
  });
});
