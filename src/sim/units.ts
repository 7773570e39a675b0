/**
 * The units of work of a run: one per (replication, team), in canonical
 * order. A shard I of N is every unit whose index in that order is I modulo N,
 * so shards are deterministic, disjoint, and together cover the run.
 */
import { InputError } from '../inputError.js';

export interface UnitKey {
  readonly replication: number;
  readonly team: number;
}

export interface ShardSpec {
  /** 0-based shard index. */
  readonly index: number;
  readonly count: number;
}

/**
 * Team-replications one run may have. Each keeps about 20 KB of aggregates
 * until the run is assembled (measured at the baseline's horizon), so this is
 * about 2 GB, half of Node's default heap.
 */
export const MAX_UNITS = 100_000;

/** Why `replications` of `teams` teams will not fit in memory, or `undefined` if they will. */
export function runSizeProblem(replications: number, teams: number): string | undefined {
  const units = replications * teams;
  if (units <= MAX_UNITS) return undefined;
  return `${replications} replications of ${teams} teams are ${units} team-replications; at most ${MAX_UNITS} fit in memory (use fewer replications, or fewer teams in world.teams)`;
}

/** Units of replications `first` .. `first + replications - 1`, optionally only shard `shard` of them. */
export function planUnits(replications: number, teams: number, shard?: ShardSpec, first = 0): UnitKey[] {
  const units: UnitKey[] = [];
  let i = 0;
  for (let replication = first; replication < first + replications; replication++) {
    for (let team = 0; team < teams; team++, i++) {
      if (!shard || i % shard.count === shard.index) units.push({ replication, team });
    }
  }
  return units;
}

/**
 * Parses `I/N` as given on the command line, I from 1 to N (a Kubernetes
 * Indexed Job's JOB_COMPLETION_INDEX is 0-based: pass $((JOB_COMPLETION_INDEX + 1))).
 * @example parseShard('2/4') // { index: 1, count: 4 }
 */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new InputError(`--shard must look like I/N (for example 1/4), got "${text}"`);
  const i = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new InputError(`--shard: N must be at least 1, got ${count}`);
  if (i < 1 || i > count) throw new InputError(`--shard: I must be from 1 to ${count}, got ${i}`);
  return { index: i - 1, count };
}
