/**
 * XStateExecutor must be XState itself, only cheaper: the same snapshots, and
 * the same emits, delays and cancellations, as XState's public, pure
 * `initialTransition()`/`transition()` for the same events.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyStateMachine, type EventObject } from 'xstate';
import { createClaimMachine } from '../../../src/machines/claim.js';
import type { ActionSink, Executor } from '../../../src/sim/executor/index.js';
import { XStateExecutor } from '../../../src/sim/executor/xstateExecutor.js';
import { baselineParams, facts } from '../../support/claims.js';
import { lockstep, RecordingSink } from './harness.js';
import { checkEquivalence, MACHINE_CASES } from './machines.js';

/** XState's public API as an executor: the actions transition() returns, handed to the sink as XStateExecutor says it hands them. */
class PublicTransition implements Executor<AnyStateMachine> {
  constructor(readonly machine: AnyStateMachine) {}
  start(input: unknown, sink: ActionSink<unknown>) {
    const [snapshot, actions] = initialTransition(this.machine, input);
    this.hand(actions, sink);
    return snapshot as never;
  }
  send(snapshot: unknown, event: EventObject, sink: ActionSink<unknown>) {
    const [next, actions] = transition(this.machine, snapshot as never, event);
    this.hand(actions, sink);
    return next as never;
  }
  private hand(actions: readonly { type: string; params?: unknown }[], sink: ActionSink<unknown>) {
    for (const { type, params } of actions) {
      const p = params as { event: EventObject; delay?: number; id: string; sendId: string };
      if (type === 'xstate.emit') sink.emit(p.event);
      else if (type === 'xstate.raise' && p.delay !== undefined) sink.startTimer(p.id, p.delay, p.event);
      else if (type === 'xstate.cancel') sink.cancelTimer(p.sendId);
      // Anything else would be an action XStateExecutor drops: it must not exist in these machines.
      else throw new Error(`transition() asks for '${type}', which XStateExecutor does not pass on`);
    }
  }
}

describe('XStateExecutor', () => {
  it('matches xstate transition() on a claim that is paid, pursued and partly recovered', () => {
    const machine = createClaimMachine(baselineParams());
    const events = [
      { type: 'review.cleared' },
      { type: 'xstate.after.responseWindow.claim.concession' },
      { type: 'xstate.after.proofWindow.claim.awaitingProof' },
      { type: 'seller.reimbursed', amountUsd: 400 },
    ];
    const trace = lockstep(
      new PublicTransition(machine),
      new XStateExecutor(machine),
      facts({ claimedUsd: 800, genuineUsd: 800 }),
      events.map((e) => () => e),
    );
    expect(trace.values).toEqual(['screening', 'concession', 'awaitingProof', 'pursuing', 'partlyRecovered']);
    // $800 paid by the marketplace at once, half of it recovered.
    const paid = trace.calls.flatMap((c) => (c[0] === 'emit' && (c[1] as { type: string }).type === 'ledger.paid' ? [c[1]] : []));
    expect(paid).toMatchObject([{ payer: 'marketplace', amountUsd: 800 }]);
    const recovered = trace.calls.flatMap((c) => (c[0] === 'emit' && (c[1] as { type: string }).type === 'ledger.recovered' ? [c[1]] : []));
    expect(recovered).toMatchObject([{ how: 'partial', amountUsd: 400 }]);
    expect(trace.calls.filter((c) => c[0] === 'startTimer').map((c) => [c[1], c[2]])).toEqual([
      ['xstate.after.responseWindow.claim.concession', 2],
      ['xstate.after.proofWindow.claim.awaitingProof', 5],
    ]);
  });

  it('reports what it was asked for to the sink, in order', () => {
    const machine = createClaimMachine(baselineParams());
    const sink = new RecordingSink();
    const executor = new XStateExecutor(machine);
    const s = executor.send(executor.start(facts(), sink), { type: 'review.cleared' }, sink);
    expect(s.value).toBe('concession');
    expect(sink.calls.map((c) => c[0] + (c[0] === 'emit' ? `:${(c[1] as { type: string }).type}` : ''))).toEqual(['emit:intake.requested', 'emit:ledger.paid', 'emit:send', 'startTimer']);
  });

  describe.each(MACHINE_CASES)('on generated runs of the $name machine', (c) => {
    it('gives what transition() gives', () => {
      const runs = Math.min(c.runs, 150);
      expect(checkEquivalence(c, { candidate: (m) => new XStateExecutor(m), runs, reference: (m) => new PublicTransition(m) }).runs).toBe(runs);
    });
  });
});
