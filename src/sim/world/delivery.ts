/**
 * Message delivery to the actors other than claims: sellers, insurers and
 * customers, each stepped by its machine when a message reaches it. Most
 * sellers never see a claim, so a seller's machine starts on first contact.
 * What they answer goes back to the world as effects, carried out after the step.
 */
import type { Collector } from '../../collect/collector.js';
import type { InsurerMachine } from '../../machines/insurer.js';
import type { SellerMachine } from '../../machines/seller.js';
import type { CustomerEvent, Effect, InsurerEvent, SellerEvent, SellerProfile } from '../../machines/types.js';
import type { SnapshotOf } from '../executor/index.js';
import { StepAsks } from './asks.js';
import type { CustomerStates } from './customers.js';
import type { Machines } from './machines.js';

export class Delivery {
  private readonly sellerSnapshots: (SnapshotOf<SellerMachine> | undefined)[];
  private readonly insurerSnapshots: SnapshotOf<InsurerMachine>[];
  private readonly asks = new StepAsks<Effect>();

  constructor(
    private readonly machines: Machines,
    private readonly sellers: readonly SellerProfile[],
    insurers: number,
    private readonly customers: CustomerStates,
    private readonly collector: Collector,
  ) {
    this.sellerSnapshots = new Array(sellers.length);
    this.insurerSnapshots = Array.from({ length: insurers }, (_, id) => machines.insurer.start({ id }, this.asks));
    this.asks.clear();
  }

  toSeller(id: number, event: SellerEvent, carryOut: (effect: Effect) => void): void {
    const { machines, asks } = this;
    let before = this.sellerSnapshots[id];
    if (before === undefined) {
      before = machines.seller.start(this.sellers[id]!, asks);
      this.flush(carryOut);
    }
    const after = machines.seller.send(before, event, asks);
    this.sellerSnapshots[id] = after;
    this.flush(carryOut);
    if (after.value !== before.value && after.value === 'suspended') this.collector.sellerSuspended();
  }

  toInsurer(id: number, event: InsurerEvent, carryOut: (effect: Effect) => void): void {
    this.insurerSnapshots[id] = this.machines.insurer.send(this.insurerSnapshots[id]!, event, this.asks);
    this.flush(carryOut);
  }

  toCustomer(id: number, event: CustomerEvent): void {
    this.customers.send(id, event);
  }

  private flush(carryOut: (effect: Effect) => void): void {
    const items = this.asks.items;
    for (let i = 0; i < items.length; i++) {
      const ask = items[i]!;
      if (ask.type !== 'timer.started' && ask.type !== 'timer.cancelled') carryOut(ask);
    }
    this.asks.clear();
  }
}
