/**
 * The interpreter must be XState itself, only cheaper: the same snapshots and
 * the same actions as XState's public, pure `transition()` for the same events.
 */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { createClaimMachine } from '../../src/machines/claim.js';
import { Interpreter } from '../../src/sim/interpreter.js';
import { baselineParams, facts } from '../support/claims.js';

describe('Interpreter', () => {
  it('matches xstate transition() on a claim that is paid, pursued and partly recovered', () => {
    const machine = createClaimMachine(baselineParams());
    const claim = facts({ claimedUsd: 800, genuineUsd: 800 });
    const events = [
      { type: 'review.cleared' },
      { type: 'xstate.after.responseWindow.claim.concession' },
      { type: 'xstate.after.proofWindow.claim.awaitingProof' },
      { type: 'seller.reimbursed', amountUsd: 400 },
    ] as const;
    const interpreter = new Interpreter(machine);
    let ours = interpreter.start(claim);
    let [theirs, theirActions] = initialTransition(machine, claim);
    const strip = (actions: { type: string; params: unknown }[]) => actions.map((a) => ({ type: a.type, params: a.params }));
    expect(ours.value).toEqual(theirs.value);
    expect(strip(interpreter.actions)).toEqual(strip(theirActions));
    for (const event of events) {
      interpreter.actions.length = 0;
      ours = interpreter.send(ours, event as never);
      [theirs, theirActions] = transition(machine, theirs, event as never);
      expect(ours.value).toEqual(theirs.value);
      expect(ours.context).toEqual(theirs.context);
      expect(ours.status).toEqual(theirs.status);
      expect(strip(interpreter.actions)).toEqual(strip(theirActions));
    }
    expect(ours.value).toBe('partlyRecovered');
  });
});
