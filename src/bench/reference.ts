/**
 * The bare-XState reference: record every actor's inputs and events during a
 * run of one replication on one thread, then replay exactly those transitions
 * through the same machines with nothing else (no calendar, no ledger, no
 * population) and time the replay. Engine throughput divided by this rate says
 * how much the simulator adds on top of XState itself.
 */
import type { AnyStateMachine, EventObject } from 'xstate';
import type { Parameters as ScenarioParameters } from '../params/schema.js';
import { Interpreter } from '../sim/interpreter.js';
import { seedKey } from '../sim/random/streams.js';
import { createMachines, simulateTeam, type Machines } from '../sim/world.js';

interface Lifeline {
  readonly interpreter: Interpreter<AnyStateMachine>;
  readonly input: unknown;
  readonly events: EventObject[];
}

/** An interpreter that notes, per entity, the input it started from and every event it received. */
class RecordingInterpreter<M extends AnyStateMachine> extends Interpreter<M> {
  constructor(
    machine: M,
    private readonly lifelines: Lifeline[],
    private readonly bySnapshot: WeakMap<object, Lifeline>,
    private readonly replayWith: Interpreter<AnyStateMachine>,
  ) {
    super(machine);
  }
  override start(input?: Parameters_<M>) {
    const snapshot = super.start(input as never);
    const line: Lifeline = { interpreter: this.replayWith, input, events: [] };
    this.lifelines.push(line);
    this.bySnapshot.set(snapshot as object, line);
    return snapshot;
  }
  override send(snapshot: Parameters<Interpreter<M>['send']>[0], event: Parameters<Interpreter<M>['send']>[1]) {
    const line = this.bySnapshot.get(snapshot as object);
    const next = super.send(snapshot, event);
    if (line) {
      line.events.push(event as EventObject);
      this.bySnapshot.set(next as object, line);
    }
    return next;
  }
}
type Parameters_<M extends AnyStateMachine> = Parameters<Interpreter<M>['start']>[0];

export interface ReferenceResult {
  readonly claims: number;
  readonly transitionsPerClaim: number;
  /** Seconds for the engine (one thread) and for the bare replay of the same transitions. */
  readonly engineSeconds: number;
  readonly bareSeconds: number;
  readonly engineClaimsPerSecond: number;
  readonly bareClaimsPerSecond: number;
  /** Engine throughput as a share of bare XState's. */
  readonly ratio: number;
}

export function measureReference(params: ScenarioParameters, seed: number): ReferenceResult {
  const claims = params.volume.claims;
  // The engine alone, one thread, machines already built.
  const plain = createMachines(params);
  const t0 = performance.now();
  for (let team = 0; team < params.world.teams; team++) simulateTeam(params, { seed: seedKey(seed), replication: 0, team }, plain);
  const engineSeconds = (performance.now() - t0) / 1000;

  // The same run again, recording lifelines; customers share interned snapshots, so theirs replay from the start each time.
  const lifelines: Lifeline[] = [];
  const bySnapshot = new WeakMap<object, Lifeline>();
  const replay = createMachines(params);
  const recorder = <M extends AnyStateMachine>(machine: M, replayWith: Interpreter<AnyStateMachine>) => new RecordingInterpreter(machine, lifelines, bySnapshot, replayWith);
  const recording: Machines = {
    claim: recorder(plain.claim.machine, replay.claim as never),
    seller: recorder(plain.seller.machine, replay.seller as never),
    insurer: recorder(plain.insurer.machine, replay.insurer as never),
    customer: recorder(plain.customer.machine, replay.customer as never),
    desk: recorder(plain.desk.machine, replay.desk as never),
    review: recorder(plain.review.machine, replay.review as never),
  } as unknown as Machines;
  for (let team = 0; team < params.world.teams; team++) simulateTeam(params, { seed: seedKey(seed), replication: 0, team }, recording);

  let transitions = 0;
  const t1 = performance.now();
  for (const line of lifelines) {
    const interpreter = line.interpreter;
    let snapshot = interpreter.start(line.input as never);
    interpreter.actions.length = 0;
    for (const event of line.events) {
      snapshot = interpreter.send(snapshot, event as never);
      interpreter.actions.length = 0;
    }
    transitions += 1 + line.events.length;
  }
  const bareSeconds = (performance.now() - t1) / 1000;
  return {
    claims,
    transitionsPerClaim: transitions / claims,
    engineSeconds,
    bareSeconds,
    engineClaimsPerSecond: claims / engineSeconds,
    bareClaimsPerSecond: claims / bareSeconds,
    ratio: bareSeconds / engineSeconds,
  };
}
