/**
 * The statechart compiler: turns an XState machine, as XState itself parsed
 * it (`machine.root` and its state nodes, `machine.implementations`), into
 * transition tables keyed by state and event whose entries call the machine's
 * named guards, actions and delays directly.
 *
 * It keeps XState v5's semantics for what claimsim's machines use: guarded
 * candidate lists tried in order, a child's handler before the root's,
 * `always` after every step, `after` delays (named, numeric or computed from
 * context) armed on entry and cancelled on exit, exit → transition → entry
 * order, `assign` in both forms, `emit`, `enqueueActions`, final states (whose
 * entry ends the machine and runs the exit actions of what is left), and
 * root-level `on` with child targets. Anything else is refused here, with the
 * machine, the state and the feature named, rather than run differently.
 *
 * What it reads of XState's internals is listed in `XSTATE_SHAPE` and checked
 * by `test/sim/executor/xstateInternals.test.ts`; xstate is pinned to one
 * exact version in package.json for that reason (an upgrade is a deliberate
 * change that must pass that test and the equivalence tests).
 */
import { and, not, or, stateIn, type AnyStateMachine, type EventObject } from 'xstate';
import type { ActionSink } from './executor.js';

/** A machine that uses something the compiler does not support, or an XState whose internals changed. */
export class CompileError extends Error {
  override name = 'CompileError';
}

/** The mutable registers of one step: ops read and replace the context, and ask the sink. */
export interface Run {
  // biome-ignore lint/suspicious/noExplicitAny: a machine's context, typed by its machine; the compiler only carries it
  context: any;
  event: EventObject;
  sink: ActionSink<unknown>;
  /** Passed to assignments as XState does; spawning is refused. */
  readonly spawn: () => never;
}

export type Op = (run: Run) => void;
// biome-ignore lint/suspicious/noExplicitAny: a machine's context, typed by its machine; the compiler only carries it
export type Guard = (context: any, event: EventObject) => boolean;

export interface CompiledTransition {
  readonly guard: Guard | null;
  /** Exit actions of what is left, the transition's actions, entry actions of what is entered, in XState's order. */
  readonly ops: readonly Op[];
  /** The state after the transition; null for a targetless transition (actions only). */
  readonly target: CompiledState | null;
}

export interface CompiledState {
  readonly key: string;
  readonly final: boolean;
  /** Candidates per event type: the state's own first, then the root's. */
  readonly on: ReadonlyMap<string, readonly CompiledTransition[]>;
  /** Eventless candidates (the state's own, then the root's), or null. */
  readonly always: readonly CompiledTransition[] | null;
}

export interface CompiledMachine {
  readonly id: string;
  readonly states: ReadonlyMap<string, CompiledState>;
  readonly initial: CompiledState;
  /** Root entry, root initial actions and the initial state's entry. */
  readonly initialOps: readonly Op[];
  // biome-ignore lint/suspicious/noExplicitAny: a machine's context, typed by its machine; the compiler only carries it
  initialContext(input: unknown): any;
}

/** The XState internals the compiler reads, by the name it reads them under. */
export const XSTATE_SHAPE = {
  stateNode: ['type', 'states', 'entry', 'exit', 'transitions', 'always', 'initial', 'invoke', 'history', 'output', 'id', 'key'],
  transition: ['target', 'guard', 'actions', 'reenter', 'source'],
  builtinActions: { 'xstate.assign': ['assignment'], 'xstate.emit': ['event'], 'xstate.raise': ['event', 'id', 'delay'], 'xstate.cancel': ['sendId'], 'xstate.enqueueActions': ['collect'] },
  builtinGuards: ['check', 'guards'],
  machine: ['root', 'implementations', 'config', 'id'],
} as const;

// Built-in guards carry their evaluator as `.check`; the evaluator is one function per kind.
const checkOf = (guard: unknown) => (guard as { check: unknown }).check;
const AND = checkOf(and([]));
const OR = checkOf(or([]));
const NOT = checkOf(not(() => true));
const STATE_IN = checkOf(stateIn('x'));

// Loose views of XState's parsed nodes (its own types mark these internal).
interface Node {
  type: string;
  key: string;
  id: string;
  states: Record<string, Node>;
  entry: unknown[];
  exit: unknown[];
  transitions: Map<string, TransitionDef[]>;
  always?: TransitionDef[];
  initial: { target: Node[]; actions: unknown[] };
  invoke: unknown[];
  history: unknown;
  output: unknown;
}
interface TransitionDef {
  target?: Node[];
  guard?: unknown;
  actions: unknown[];
  reenter: boolean;
  source: Node;
}
type Implementations = { guards: Record<string, unknown>; actions: Record<string, unknown>; delays: Record<string, unknown> };

export const refuseSpawn = (): never => {
  throw new CompileError('spawning actors is not supported by the compiled executor');
};

export function compileMachine(machine: AnyStateMachine): CompiledMachine {
  return new Compiler(machine).compile();
}

class Compiler {
  private readonly root: Node;
  private readonly impl: Implementations;
  private readonly id: string;
  /** One argument object per machine, refilled for each call: guards and actions only read it. */
  private readonly args: { context: unknown; event: EventObject } = { context: undefined, event: { type: '' } };

  constructor(private readonly machine: AnyStateMachine) {
    const m = machine as unknown as Record<string, unknown>;
    for (const field of XSTATE_SHAPE.machine) if (!(field in m)) throw new CompileError(`XState internals changed: a machine has no '${field}' (the compiler reads it)`);
    this.root = m.root as Node;
    this.impl = m.implementations as Implementations;
    this.id = String(m.id);
  }

  private refuse(where: Node, feature: string): never {
    throw new CompileError(`cannot compile machine '${this.id}', state '${where.id}': ${feature} is not supported by the compiled executor (use --executor xstate, or express it with what is)`);
  }

  compile(): CompiledMachine {
    const root = this.root;
    this.checkNode(root);
    if (root.type !== 'compound') this.refuse(root, `a root of type '${root.type}' (only a compound root with atomic and final children)`);
    if (root.output !== undefined) this.refuse(root, 'machine output');
    const children = Object.values(root.states);
    for (const child of children) {
      this.checkNode(child);
      if (child.type !== 'atomic' && child.type !== 'final') this.refuse(child, `a state of type '${child.type}' (nested, parallel and history states)`);
      if (child.output !== undefined) this.refuse(child, 'final state output');
    }
    // States first, so transitions can point at them; tables filled in below.
    const states = new Map<string, CompiledState & { on: Map<string, CompiledTransition[]>; always: CompiledTransition[] | null }>();
    for (const child of children) states.set(child.key, { key: child.key, final: child.type === 'final', on: new Map(), always: null });
    const compiledOf = (node: Node) => states.get(node.key)!;

    for (const child of children) {
      const state = compiledOf(child);
      if (state.final) continue; // a finished machine takes no more events
      const eventTypes = new Set([...child.transitions.keys(), ...root.transitions.keys()]);
      for (const eventType of eventTypes) {
        if (eventType === '*' || eventType.endsWith('.*')) this.refuse(child.transitions.has(eventType) ? child : root, `the wildcard event descriptor '${eventType}'`);
        const candidates = [...(child.transitions.get(eventType) ?? []), ...(root.transitions.get(eventType) ?? [])];
        state.on.set(
          eventType,
          candidates.map((t) => this.transition(t, child, compiledOf)),
        );
      }
      const always = [...(child.always ?? []), ...(root.always ?? [])];
      if (always.length > 0) state.always = always.map((t) => this.transition(t, child, compiledOf));
    }

    const [initialNode] = root.initial.target;
    if (!initialNode || root.initial.target.length !== 1) this.refuse(root, 'a root without exactly one initial state');
    const initialOps = [...this.ops(root.entry, root), ...this.ops(root.initial.actions, root), ...this.entryOf(initialNode)];
    const contextConfig = (this.machine as unknown as { config: { context?: unknown } }).config.context;
    return {
      id: this.id,
      states,
      initial: compiledOf(initialNode),
      initialOps,
      // As XState's pre-initial state: a context function gets the input and, being an assign, its result is copied
      // into a new object (so a context that is the input is not the input itself); a missing context is {}.
      initialContext: typeof contextConfig === 'function' ? (input) => Object.assign({}, contextConfig({ input, spawn: refuseSpawn, self: undefined })) : () => contextConfig ?? {},
    };
  }

  private checkNode(node: Node): void {
    for (const field of XSTATE_SHAPE.stateNode) {
      if (!(field in node)) throw new CompileError(`XState internals changed: state node '${node.id}' has no '${field}' (the compiler reads it)`);
    }
    if (node.invoke.length > 0) this.refuse(node, 'invoke');
    if (node.history) this.refuse(node, 'history');
  }

  /** Entering `node` from the root: its entry actions, and if it is final, the exits of what remains (itself, then the root). */
  private entryOf(node: Node): Op[] {
    const ops = this.ops(node.entry, node);
    if (node.type === 'final') ops.push(...this.ops(node.exit, node), ...this.ops(this.root.exit, this.root));
    return ops;
  }

  /** A transition of `source` (the active child or the root) taken while `active` is the active child. */
  private transition(t: TransitionDef, active: Node, compiledOf: (node: Node) => CompiledState): CompiledTransition {
    const where = t.source;
    for (const field of XSTATE_SHAPE.transition) if (!(field in t)) throw new CompileError(`XState internals changed: a transition of '${where.id}' has no '${field}'`);
    if (t.reenter) this.refuse(where, 'a reentering transition (reenter: true)');
    const guard = t.guard === undefined ? null : this.guard(t.guard, where);
    const actions = this.ops(t.actions, where);
    if (!t.target || t.target.length === 0) return { guard, ops: actions, target: null };
    if (t.target.length > 1) this.refuse(where, 'a transition with several targets');
    const target = t.target[0]!;
    if (target === this.root) this.refuse(where, 'a transition to the root');
    // XState v5: a transition to its own source without reenter leaves and enters nothing;
    // any other target (a sibling, or a child from the root) leaves the active child and enters the target.
    if (target === where) return { guard, ops: actions, target: compiledOf(target) };
    return { guard, ops: [...this.ops(active.exit, active), ...actions, ...this.entryOf(target)], target: compiledOf(target) };
  }

  private guard(spec: unknown, where: Node): Guard {
    if (typeof spec === 'string') {
      const implementation = this.impl.guards?.[spec];
      if (implementation === undefined) this.refuse(where, `the guard '${spec}', which is not implemented,`);
      return this.guard(implementation, where);
    }
    if (typeof spec === 'function') {
      if (!('check' in spec)) return this.plainGuard(spec as GuardFn, undefined);
      const builtin = spec as unknown as { check: unknown; guards?: unknown[] };
      if (!Array.isArray(builtin.guards) && builtin.check !== STATE_IN) throw new CompileError(`XState internals changed: a built-in guard in '${where.id}' has no 'guards'`);
      if (builtin.check === AND) {
        const parts = builtin.guards!.map((g) => this.guard(g, where));
        return (context, event) => parts.every((p) => p(context, event));
      }
      if (builtin.check === OR) {
        const parts = builtin.guards!.map((g) => this.guard(g, where));
        return (context, event) => parts.some((p) => p(context, event));
      }
      if (builtin.check === NOT) {
        const part = this.guard(builtin.guards![0], where);
        return (context, event) => !part(context, event);
      }
      this.refuse(where, builtin.check === STATE_IN ? 'the stateIn guard' : 'an unknown built-in guard');
    }
    if (spec !== null && typeof spec === 'object' && 'type' in spec) {
      const { type, params } = spec as { type: string; params?: unknown };
      const implementation = this.impl.guards?.[type];
      if (typeof implementation !== 'function' || 'check' in implementation) this.refuse(where, `the guard '${type}' with parameters (it must be a plain function)`);
      return this.plainGuard(implementation as GuardFn, params);
    }
    this.refuse(where, `the guard ${JSON.stringify(spec)}`);
  }

  /** A guard function called as XState calls it; `params` may be a value or a function of the context and event. */
  private plainGuard(fn: GuardFn, params: unknown): Guard {
    const args = this.args;
    const paramsOf = typeof params === 'function' ? (params as (a: { context: unknown; event: EventObject }) => unknown) : null;
    return (context, event) => {
      args.context = context;
      args.event = event;
      return fn(args, paramsOf === null ? params : paramsOf({ context, event }));
    };
  }

  private ops(actions: readonly unknown[], where: Node): Op[] {
    return actions.map((a) => this.op(a, where));
  }

  /** One action of a state or transition, as XState would resolve it: named, built-in or parameterised. */
  private op(action: unknown, where: Node): Op {
    if (typeof action === 'string') {
      const implementation = this.impl.actions?.[action];
      if (implementation === undefined) this.refuse(where, `the action '${action}', which is not implemented,`);
      return this.builtin(implementation, undefined, where, action);
    }
    if (typeof action === 'function') return this.builtin(action, undefined, where, action.name || '(inline)');
    if (action !== null && typeof action === 'object' && 'type' in action) {
      const { type, params } = action as { type: string; params?: unknown };
      const implementation = this.impl.actions?.[type];
      if (implementation === undefined) this.refuse(where, `the action '${type}', which is not implemented,`);
      return this.builtin(implementation, params, where, type);
    }
    this.refuse(where, `the action ${JSON.stringify(action)}`);
  }

  private builtin(implementation: unknown, params: unknown, where: Node, name: string): Op {
    const action = implementation as { type?: string; resolve?: unknown } & Record<string, unknown>;
    if (typeof implementation !== 'function' || !('resolve' in implementation)) {
      this.refuse(where, `the custom action '${name}' (the world carries out only assign, emit, enqueueActions and after delays)`);
    }
    const fields = (XSTATE_SHAPE.builtinActions as Record<string, readonly string[]>)[action.type ?? ''];
    if (!fields) this.refuse(where, `the built-in action '${action.type}' in '${name}'`);
    for (const field of fields) if (!(field in action)) throw new CompileError(`XState internals changed: built-in action '${action.type}' has no '${field}'`);
    const paramsOf = typeof params === 'function' ? (run: Run) => (params as (a: unknown) => unknown)({ context: run.context, event: run.event }) : () => params;
    switch (action.type) {
      case 'xstate.assign':
        return assignOp(action.assignment as Assignment, paramsOf);
      case 'xstate.emit': {
        const event = action.event as unknown;
        if (typeof event !== 'function') return (run) => run.sink.emit(event);
        const expr = event as (a: Run, p: unknown) => unknown;
        return (run) => run.sink.emit(expr(run, paramsOf(run)));
      }
      case 'xstate.raise':
        return this.raise(action, paramsOf, where);
      case 'xstate.cancel': {
        const sendId = action.sendId;
        if (typeof sendId !== 'string') this.refuse(where, 'a cancel with a computed id');
        return (run) => run.sink.cancelTimer(sendId);
      }
      default:
        return this.enqueue(action.collect as Collect, paramsOf, where);
    }
  }

  /** A delayed event (XState's `after`): the delay is resolved on entry, from the context at that moment. */
  private raise(action: Record<string, unknown>, paramsOf: (run: Run) => unknown, where: Node): Op {
    const { event, id, delay } = action;
    if (delay === undefined) this.refuse(where, 'raise without a delay (an internal event)');
    if (typeof event !== 'object' || event === null) this.refuse(where, 'a raised event computed at run time');
    if (typeof id !== 'string') this.refuse(where, 'a delayed event without a fixed id');
    let resolved: unknown = delay;
    if (typeof delay === 'string') {
      resolved = this.impl.delays?.[delay];
      if (resolved === undefined) this.refuse(where, `the delay '${delay}', which is not implemented,`);
    }
    const raised = event as EventObject;
    if (typeof resolved === 'number') {
      const days = resolved;
      return (run) => run.sink.startTimer(id, days, raised);
    }
    if (typeof resolved !== 'function') this.refuse(where, `the delay ${JSON.stringify(delay)}`);
    const fn = resolved as (args: Run, params: unknown) => unknown;
    return (run) => {
      const days = fn(run, paramsOf(run));
      if (typeof days !== 'number') throw new CompileError(`machine '${this.id}': delay '${String(delay)}' gave ${String(days)}, not a number of days`);
      run.sink.startTimer(id, days, raised);
    };
  }

  /**
   * `enqueueActions`: the body runs at step time; what it enqueues runs right after, in order,
   * each seeing the context the ones before it left. The queue and the `enqueue` object are
   * built once per action and reused (a nested run works on the part of the queue it added).
   */
  private enqueue(collect: Collect, paramsOf: (run: Run) => unknown, where: Node): Op {
    const kinds: Queued[] = [];
    const values: unknown[] = [];
    const guards = new Map<unknown, Guard>();
    const queue = (kind: Queued, value: unknown): void => {
      kinds.push(kind);
      values.push(value);
    };
    const enqueue = ((action: unknown) => queue(Queued.op, this.op(action, where))) as unknown as Enqueue;
    enqueue.assign = (assignment: Assignment) => queue(Queued.assign, assignment);
    enqueue.emit = (event: unknown) => queue(Queued.emit, event);
    for (const refused of ['cancel', 'raise', 'sendTo', 'sendParent', 'spawnChild', 'stopChild', 'log'] as const) {
      enqueue[refused] = () => this.refuse(where, `enqueue.${refused} inside enqueueActions`);
    }
    // `check` judges a guard on the context and event the body was given, as XState's does.
    const args = {
      context: undefined as unknown,
      event: undefined as unknown as EventObject,
      enqueue,
      check: (g: unknown): boolean => {
        let guard = guards.get(g);
        if (guard === undefined) guards.set(g, (guard = this.guard(g, where)));
        return guard(args.context, args.event);
      },
      self: undefined,
      system: undefined,
    };
    return (run) => {
      const first = kinds.length;
      args.context = run.context;
      args.event = run.event;
      collect(args, paramsOf(run));
      const last = kinds.length;
      try {
        for (let i = first; i < last; i++) {
          const value = values[i];
          switch (kinds[i]) {
            case Queued.emit:
              run.sink.emit(typeof value === 'function' ? value(run, undefined) : value);
              break;
            case Queued.assign:
              applyAssignment(run, value as Assignment, undefined);
              break;
            default:
              (value as Op)(run);
          }
        }
      } finally {
        kinds.length = first;
        values.length = first;
      }
    };
  }
}

// biome-ignore lint/suspicious/noConstEnum: tsc inlines these numbers into the step loop; nothing outside this file sees them
const enum Queued {
  emit,
  assign,
  op,
}

type GuardFn = (args: { context: unknown; event: EventObject }, params: unknown) => boolean;
type Assignment = ((args: Run, params: unknown) => Record<string, unknown>) | Record<string, unknown>;
type Collect = (args: Record<string, unknown>, params: unknown) => void;
type Enqueue = ((action: unknown) => void) & Record<string, (...args: never[]) => void>;

/** `assign` in both forms (a function of the context, or an object of values and functions), as XState merges it: a new context object. */
function assignOp(assignment: Assignment, paramsOf: (run: Run) => unknown): Op {
  return (run) => applyAssignment(run, assignment, paramsOf(run));
}

function applyAssignment(run: Run, assignment: Assignment, params: unknown): void {
  // The run itself is the argument: it has the context, the event and `spawn`, as XState's does.
  if (typeof assignment === 'function') {
    run.context = Object.assign({}, run.context, assignment(run, params));
    return;
  }
  const partial: Record<string, unknown> = {};
  for (const key of Object.keys(assignment)) {
    const value = assignment[key];
    partial[key] = typeof value === 'function' ? value(run, params) : value;
  }
  run.context = Object.assign({}, run.context, partial);
}
