/**
 * Customers hold no context, so all customers in one state share one
 * snapshot. Only customers who have left the initial state are kept (a few per
 * thousand claims): memory follows the customers who were flagged, not the
 * millions who could claim.
 */
import type { CustomerMachine } from '../../machines/customer.js';
import type { CustomerEvent } from '../../domain/types.js';
import { IGNORE, type Executor, type SnapshotOf } from '../executor/index.js';

export class CustomerStates {
  private readonly initial: SnapshotOf<CustomerMachine>;
  private readonly moved = new Map<number, SnapshotOf<CustomerMachine>>();
  private readonly shared = new Map<string, SnapshotOf<CustomerMachine>>();

  constructor(private readonly executor: Executor<CustomerMachine>) {
    this.initial = executor.start(undefined, IGNORE);
  }

  isBlocked(customer: number): boolean {
    return (this.moved.get(customer) ?? this.initial).value === 'blocked';
  }

  send(customer: number, event: CustomerEvent): void {
    const next = this.executor.send(this.moved.get(customer) ?? this.initial, event, IGNORE);
    if (next.value === this.initial.value) {
      this.moved.delete(customer);
      return;
    }
    let snapshot = this.shared.get(next.value);
    if (snapshot === undefined) this.shared.set(next.value, (snapshot = next));
    this.moved.set(customer, snapshot);
  }
}
