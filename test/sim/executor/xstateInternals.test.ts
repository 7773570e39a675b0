/**
 * The compiler reads XState's parsed machines, which XState marks internal:
 * this pins the version it was written against and checks, on the real
 * machines, that every internal it reads (`XSTATE_SHAPE`) is there in the
 * shape it expects. If this fails after an upgrade, XState's internals
 * changed: re-check src/sim/executor/compile.ts before upgrading.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { and, assign, emit, enqueueActions, not, or, type AnyStateMachine } from 'xstate';
import { createClaimMachine } from '../../../src/machines/claim.js';
import { createClaimsDeskMachine } from '../../../src/machines/claimsDesk.js';
import { createCustomerMachine } from '../../../src/machines/customer.js';
import { createFraudReviewMachine } from '../../../src/machines/fraudReview.js';
import { createInsurerMachine } from '../../../src/machines/insurer.js';
import { createSellerMachine } from '../../../src/machines/seller.js';
import { XSTATE_SHAPE } from '../../../src/sim/executor/compile.js';
import { baselineParams } from '../../support/claims.js';

const CHANGED = "XState's internals changed: re-check src/sim/executor/compile.ts before upgrading";
const because = (detail: string) => `${CHANGED} (${detail})`;

const params = baselineParams();
const MACHINES: AnyStateMachine[] = [
  createClaimMachine(params),
  createSellerMachine(params),
  createInsurerMachine(params),
  createCustomerMachine(params),
  createClaimsDeskMachine(),
  createFraudReviewMachine(params),
];

type Loose = Record<string, any>;
const nodesOf = (machine: AnyStateMachine): Loose[] => {
  const root = machine.root as unknown as Loose;
  return [root, ...Object.values(root.states as Record<string, Loose>)];
};

describe('the xstate the compiler was written against', () => {
  it('is installed at exactly the version package.json pins (5.33.3)', () => {
    const pinned = JSON.parse(readFileSync('package.json', 'utf8')).dependencies.xstate;
    expect(pinned, because('xstate must be pinned to one exact version in package.json')).toBe('5.33.3');
    const require = createRequire(import.meta.url);
    const installed = JSON.parse(readFileSync(require.resolve('xstate/package.json'), 'utf8')).version;
    expect(installed, because(`installed xstate is ${installed}, package.json pins ${pinned}`)).toBe(pinned);
  });
});

describe("XState's internals, as the compiler reads them", () => {
  it.each(MACHINES.map((m) => [m.id, m] as const))('machine %s has every field the compiler reads', (_id, machine) => {
    for (const field of XSTATE_SHAPE.machine) expect(field in machine, because(`a machine has no '${field}'`)).toBe(true);
    for (const node of nodesOf(machine)) {
      for (const field of XSTATE_SHAPE.stateNode) expect(field in node, because(`state node '${node.id}' has no '${field}'`)).toBe(true);
      expect(node.transitions instanceof Map, because(`'${node.id}'.transitions is not a Map`)).toBe(true);
      expect(Array.isArray(node.entry) && Array.isArray(node.exit) && Array.isArray(node.invoke), because(`'${node.id}' entry/exit/invoke are not arrays`)).toBe(true);
      for (const [eventType, transitions] of node.transitions as Map<string, Loose[]>) {
        expect(Array.isArray(transitions), because(`'${node.id}'.transitions.get('${eventType}') is not an array`)).toBe(true);
        for (const t of transitions) {
          for (const field of XSTATE_SHAPE.transition) expect(field in t, because(`a '${eventType}' transition of '${node.id}' has no '${field}'`)).toBe(true);
          expect(t.source, because(`a transition's source is not the node that holds it`)).toBe(node);
        }
      }
    }
    const root = machine.root as unknown as Loose;
    expect(Array.isArray(root.initial?.target) && Array.isArray(root.initial?.actions), because('root.initial is not { target: [], actions: [] }')).toBe(true);
  });

  it('after delays are raise actions on entry, cancel actions on exit, and transitions keyed xstate.after.<delay>.<id>', () => {
    const claim = createClaimMachine(params) as unknown as Loose;
    const concession = claim.root.states.concession as Loose;
    const key = 'xstate.after.responseWindow.claim.concession';
    expect(concession.id).toBe('claim.concession');
    expect([...concession.transitions.keys()], because(`no '${key}' in concession.transitions`)).toContain(key);
    expect(concession.transitions.get(key)[0].target[0], because('the after transition does not target its state node')).toBe(claim.root.states.settlingConcession);
    const raise = concession.entry.find((a: unknown) => typeof a === 'function' && (a as Loose).type === 'xstate.raise') as Loose | undefined;
    expect(raise, because('concession.entry holds no xstate.raise action for its after delay')).toBeDefined();
    for (const field of XSTATE_SHAPE.builtinActions['xstate.raise']) expect(field in raise!, because(`xstate.raise has no '${field}'`)).toBe(true);
    expect({ delay: raise!.delay, id: raise!.id, event: raise!.event }, because('the raise of an after delay has changed shape')).toEqual({ delay: 'responseWindow', id: key, event: { type: key } });
    const cancel = concession.exit.find((a: unknown) => typeof a === 'function' && (a as Loose).type === 'xstate.cancel') as Loose | undefined;
    expect(cancel, because('concession.exit holds no xstate.cancel action')).toBeDefined();
    expect(cancel!.sendId, because('the cancel of an after delay does not name it by sendId')).toBe(key);
  });

  it('the built-in guards carry .check and .guards; the built-in actions carry what the compiler reads', () => {
    const guard = and(['a', 'b']) as unknown as Loose;
    expect(typeof guard.check, because("and([...]) has no '.check' function")).toBe('function');
    expect(guard.guards, because("and([...]) has no '.guards'")).toEqual(['a', 'b']);
    expect((or(['a']) as unknown as Loose).guards, because("or([...]) has no '.guards'")).toEqual(['a']);
    expect((not('a') as unknown as Loose).guards, because("not(...) has no '.guards'")).toEqual(['a']);
    // The compiler tells and, or and not apart by their evaluator, one function per kind.
    expect((and(['x']) as unknown as Loose).check, because('and() evaluators differ between calls')).toBe(guard.check);
    expect(guard.check, because('and and or share an evaluator')).not.toBe((or(['a']) as unknown as Loose).check);
    const builtins: [string, Loose][] = [
      ['xstate.assign', assign({}) as unknown as Loose],
      ['xstate.emit', emit({ type: 'x' }) as unknown as Loose],
      ['xstate.enqueueActions', enqueueActions(() => {}) as unknown as Loose],
    ];
    for (const [type, action] of builtins) {
      expect(action.type, because(`${type} has another type`)).toBe(type);
      expect(typeof action.resolve, because(`${type} has no resolve (the compiler tells built-ins from custom actions by it)`)).toBe('function');
      for (const field of (XSTATE_SHAPE.builtinActions as Record<string, readonly string[]>)[type]!) expect(field in action, because(`${type} has no '${field}'`)).toBe(true);
    }
    const claim = createClaimMachine(params) as unknown as Loose;
    expect(typeof claim.implementations.actions.trimToGenuine.assignment, because('a named assign has no .assignment')).toBe('object');
    expect(typeof claim.implementations.actions.requestIntake.event, because('a named emit has no .event')).toBe('function');
    const seller = createSellerMachine(params) as unknown as Loose;
    expect(typeof seller.implementations.actions.answerClaim.collect, because('a named enqueueActions has no .collect')).toBe('function');
  });
});
