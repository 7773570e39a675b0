/**
 * A liability insurer: decides each claim tendered to it (pay, deny, or fight
 * it in court and pay when litigation ends) and answers after its own delay.
 * Premiums are earned per insured seller and counted by the collectors.
 */
import { enqueueActions, setup } from 'xstate';
import type { Parameters } from '../params/schema.js';
import { insurerDecision } from '../rules/insurerDecision.js';
import { Draw, toClaim, type Effect, type InsurerEvent } from '../domain/types.js';

export interface InsurerContext {
  readonly id: number;
}

export function createInsurerMachine(params: Parameters) {
  const { insurers } = params;
  return setup({
    types: {
      context: {} as InsurerContext,
      input: {} as InsurerContext,
      events: {} as InsurerEvent,
      emitted: {} as Effect,
    },
    actions: {
      decideClaim: enqueueActions(({ event, enqueue }) => {
        const { draws } = event.claim;
        const d = insurerDecision(draws.at(Draw.litigation)!, draws.at(Draw.insurer)!, draws.at(Draw.insurerDelay)!, insurers);
        if (d.decision === 'litigate') {
          enqueue.emit(toClaim(event.claim, d.afterDays, { type: 'insurer.litigating' }));
          enqueue.emit(toClaim(event.claim, d.paysAfterDays, { type: 'insurer.paid' }));
        } else {
          enqueue.emit(toClaim(event.claim, d.afterDays, { type: d.decision === 'pay' ? 'insurer.paid' : 'insurer.denied' }));
        }
      }),
    },
  }).createMachine({
    id: 'insurer',
    context: ({ input }) => input,
    initial: 'underwriting',
    states: {
      underwriting: { on: { 'claim.tendered': { actions: 'decideClaim' } } },
    },
  });
}

export type InsurerMachine = ReturnType<typeof createInsurerMachine>;
