/**
 * Units of work: one per (replication, team), shards as residues of their
 * canonical index, and the cap on how many one run may hold in memory.
 */
import { InputError } from '../../src/inputError.js';
import { describe, expect, it } from 'vitest';
import { MAX_UNITS, parseShard, planUnits, runSizeProblem } from '../../src/sim/units.js';

describe('planUnits', () => {
  it('lists every (replication, team) once, replication-major', () => {
    expect(planUnits(2, 3)).toEqual([
      { replication: 0, team: 0 },
      { replication: 0, team: 1 },
      { replication: 0, team: 2 },
      { replication: 1, team: 0 },
      { replication: 1, team: 1 },
      { replication: 1, team: 2 },
    ]);
  });

  it('gives shard I of N the units whose index is I modulo N: disjoint, and together the whole run', () => {
    // Indexes 0..5; shard 2 of 3 (index 1) holds 1 and 4: (0, 1) and (1, 1).
    expect(planUnits(2, 3, { index: 1, count: 3 })).toEqual([
      { replication: 0, team: 1 },
      { replication: 1, team: 1 },
    ]);
    const shards = [0, 1, 2, 3].flatMap((index) => planUnits(5, 3, { index, count: 4 }));
    expect(shards).toHaveLength(15);
    expect(new Set(shards.map((u) => `${u.replication}/${u.team}`)).size).toBe(15);
  });

  it('numbers replications from `first` when a run is extended', () => {
    expect(planUnits(1, 2, undefined, 7)).toEqual([
      { replication: 7, team: 0 },
      { replication: 7, team: 1 },
    ]);
  });
});

describe('parseShard', () => {
  it('reads I/N, I from 1', () => {
    expect(parseShard('2/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 0, count: 1 });
  });

  it.each(['0/3', '4/3', '1-3', '2/0', 'x', ''])('refuses %j with a message naming --shard', (text) => {
    expect(() => parseShard(text)).toThrow(/^--shard/);
    expect(() => parseShard(text)).toThrow(InputError);
  });
});

describe('runSizeProblem', () => {
  it('allows up to MAX_UNITS team-replications and refuses one replication more', () => {
    expect(MAX_UNITS).toBe(100_000);
    // 12,500 x 8 = 100,000 exactly; 12,501 x 8 = 100,008.
    expect(runSizeProblem(12_500, 8)).toBeUndefined();
    expect(runSizeProblem(12_501, 8)).toBe('12501 replications of 8 teams are 100008 team-replications; at most 100000 fit in memory (use fewer replications, or fewer teams in world.teams)');
    expect(runSizeProblem(100_000, 1)).toBeUndefined();
    expect(runSizeProblem(25, 4096)).toMatch(/^25 replications of 4096 teams are 102400 team-replications/);
  });
});
