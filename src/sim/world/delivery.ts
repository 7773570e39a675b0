/**
 * Message delivery to the actors other than claims: sellers, insurers and
 * customers, each stepped by its machine when a message reaches it; what they
 * answer is carried out as they emit it.
 *
 * A world has five sellers per expected claim and most never see one. A
 * seller's machine starts from its profile when a claim against it is filed
 * and is kept while it has claims open; once it has none, it is let go if it
 * is still as it started (it never defaulted, nothing was withheld), since
 * starting it again gives the same snapshot. Memory follows the sellers with
 * claims in flight or a history, not the sellers in the world.
 */
import type { Collector } from '../../collect/collector.js';
import type { InsurerMachine } from '../../machines/insurer.js';
import type { SellerMachine } from '../../machines/seller.js';
import type { CustomerEvent, Effect, InsurerEvent, SellerEvent } from '../../domain/types.js';
import { emitOnlySink, type ActionSink, type SnapshotOf } from '../executor/index.js';
import type { Sellers } from '../population.js';
import type { CustomerStates } from './customers.js';
import type { Machines } from './machines.js';

interface SellerSlot {
  snapshot: SnapshotOf<SellerMachine>;
  /** The snapshot it started with, while it still has it; null once it has a history, which is kept. */
  started: SnapshotOf<SellerMachine> | null;
  openClaims: number;
}

export class Delivery {
  private readonly sellerSlots = new Map<number, SellerSlot>();
  private readonly insurerSnapshots: SnapshotOf<InsurerMachine>[];
  private readonly sink: ActionSink<Effect>;

  constructor(
    private readonly machines: Machines,
    private readonly sellers: Sellers,
    insurers: number,
    private readonly customers: CustomerStates,
    private readonly collector: Collector,
    carryOut: (effect: Effect) => void,
  ) {
    this.sink = emitOnlySink(carryOut, 'sellers and insurers');
    this.insurerSnapshots = Array.from({ length: insurers }, (_, id) => machines.insurer.start({ id }, this.sink));
  }

  /** A claim against seller `id` was filed. */
  claimOpened(seller: number): void {
    this.slot(seller).openClaims++;
  }

  /** A claim against seller `id` closed. */
  claimClosed(seller: number): void {
    const slot = this.sellerSlots.get(seller)!;
    slot.openClaims--;
    this.release(seller, slot);
  }

  toSeller(id: number, event: SellerEvent): void {
    const slot = this.slot(id);
    const before = slot.snapshot;
    const after = this.machines.seller.send(before, event, this.sink);
    slot.snapshot = after;
    if (after !== slot.started) slot.started = null;
    if (after.value !== before.value && after.value === 'suspended') this.collector.sellerSuspended();
    this.release(id, slot);
  }

  toInsurer(id: number, event: InsurerEvent): void {
    this.insurerSnapshots[id] = this.machines.insurer.send(this.insurerSnapshots[id]!, event, this.sink);
  }

  toCustomer(id: number, event: CustomerEvent): void {
    this.customers.send(id, event);
  }

  private slot(id: number): SellerSlot {
    let slot = this.sellerSlots.get(id);
    if (slot === undefined) {
      const started = this.machines.seller.start(this.sellers.profile(id), this.sink);
      slot = { snapshot: started, started, openClaims: 0 };
      this.sellerSlots.set(id, slot);
    }
    return slot;
  }

  private release(id: number, slot: SellerSlot): void {
    if (slot.openClaims === 0 && slot.started !== null) this.sellerSlots.delete(id);
  }
}
