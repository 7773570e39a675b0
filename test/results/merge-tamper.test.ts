/**
 * Merge verifies content, not only layout: each tampering of a partial result
 * found by hand is a row of this table, and each is refused with exit 2 and a
 * message naming the file and what is wrong, with nothing written. The checks
 * are results/verify.ts: the parameters' hash recomputed from the parameters
 * the partial carries, each unit's invariants, and each unit's fingerprint
 * recomputed from (seed, replication, team) and the parameters alone. An
 * untampered merge still gives the unsharded run's results.json.
 *
 * Needs dist/ (`npm run build`).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsim, ok, withoutInvocation } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-tamper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = ['run', 'scenarios/baseline.yaml', '--claims', '3000', '-r', '2', '--workers', '1'];

const good = join(dir, 'good');
const seed2 = join(dir, 'seed2');
beforeAll(() => {
  ok([...run, '--seed', '1', '--out', join(dir, 'whole')]);
  for (const i of [1, 2]) ok([...run, '--seed', '1', '--shard', `${i}/2`, '--out', good]);
  ok([...run, '--seed', '2', '--shard', '2/2', '--out', seed2]);
}, 300_000);

type Partial = any;
const read = (file: string): Partial => JSON.parse(readFileSync(file, 'utf8'));
let cases = 0;

/** A copy of the good shards with `edit` applied to each (`which`: both, or shard 1 only); returns the folder. */
function tampered(edit: (p: Partial, shard: number) => void, which: 'first' | 'both' = 'first'): string {
  const to = join(dir, `case-${cases++}`);
  mkdirSync(to);
  for (const shard of [1, 2]) {
    const name = `partial-${shard}-of-2.json`;
    const p = read(join(good, name));
    if (which === 'both' || shard === 1) edit(p, shard);
    writeFileSync(join(to, name), JSON.stringify(p));
  }
  return to;
}

/** The first unit's aggregates (of shard 1). */
const agg = (p: Partial, unit = 0) => p.units[unit].aggregates;

const TABLE: [string, () => string, RegExp][] = [
  [
    'a money total x1000',
    () => tampered((p) => (agg(p).money.paidByMarketplaceUsd *= 1000)),
    /units\[0\]\.aggregates\.money\.paidByMarketplaceUsd: is \$[\d.]+, but the outcomes and open claims add up to \$[\d.]+/,
  ],
  ['claims.filed -5000', () => tampered((p) => (agg(p).claims.filed = -5000)), /units\[0\]\.aggregates\.claims\.filed: must be a whole number of claims, at least 0 \(got -5000\)/],
  ['claims.filed 0.5', () => tampered((p) => (agg(p).claims.filed = 0.5)), /units\[0\]\.aggregates\.claims\.filed: must be a whole number of claims, at least 0 \(got 0\.5\)/],
  [
    'claims.filed one more (whole and plausible)',
    () => tampered((p) => (agg(p).claims.filed += 1)),
    /units\[0\]\.aggregates\.claims\.filed: is \d+, but the outcomes hold \d+ claims and openMoney \d+/,
  ],
  ['a histogram bin of 1e15', () => tampered((p) => (agg(p).histograms.claimedUsd[20] = 1e15)), /units\[0\]\.aggregates\.histograms\.claimedUsd: holds \d+ claims, but claims\.filed is \d+/],
  [
    'a days-to-payment bin moved to a count it cannot have',
    () => tampered((p) => (agg(p).histograms.daysToPayment[3] += 7)),
    /units\[0\]\.aggregates\.histograms\.daysToPayment: holds \d+ claims, but customers\.validPaid is \d+/,
  ],
  [
    'a shard of seed 2 relabelled seed 1',
    () => {
      const to = tampered(() => undefined);
      const p = read(join(seed2, 'partial-2-of-2.json'));
      p.seed = 1;
      writeFileSync(join(to, 'partial-2-of-2.json'), JSON.stringify(p));
      return to;
    },
    /partial-2-of-2\.json: units\[0\]\.fingerprint: does not match the claims that seed 1, replication \d+, team \d+ of these parameters brings/,
  ],
  [
    'a threshold changed in every shard, the hash left alone',
    () => tampered((p) => (p.parameters.policy.threshold = 2500), 'both'),
    /partial-1-of-2\.json: scenario\.parametersHash: does not match the parameters this partial carries/,
  ],
  [
    'aggregates swapped between units',
    () =>
      tampered((p) => {
        [p.units[0].aggregates, p.units[1].aggregates] = [p.units[1].aggregates, p.units[0].aggregates];
      }),
    /partial-1-of-2\.json: units\[0\]\.aggregates\.(claims\.incidents: is \d+, but seed 1|largest\[0\]: is a claim of replication)/,
  ],
  [
    'units swapped with their fingerprints, labels kept',
    () =>
      tampered((p) => {
        const [a, b] = [p.units[0], p.units[1]];
        [a.aggregates, a.fingerprint, b.aggregates, b.fingerprint] = [b.aggregates, b.fingerprint, a.aggregates, a.fingerprint];
      }),
    /partial-1-of-2\.json: units\[0\]\.fingerprint: does not match the claims that seed 1, replication \d+, team \d+/,
  ],
  [
    'an invented state name',
    () =>
      tampered((p) => {
        const open = agg(p).openByState as Record<string, number>;
        const [name, count] = Object.entries(open)[0] ?? ['(none)', 0];
        delete open[name];
        open.limbo = count;
      }),
    /partial-1-of-2\.json: units\[0\]\.aggregates\.openByState\.limbo: is not a state of the claim machine/,
  ],
];

describe('merge refuses tampered partials, naming the file and what is wrong', () => {
  it.each(TABLE)('%s', (_name, make, message) => {
    const folder = make();
    const out = join(folder, 'out');
    const r = claimsim(['merge', folder, '--out', out]);
    expect(r.signal, 'killed (hung)').toBeNull();
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^error: \S*partial-[12]-of-2\.json: /);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out), 'nothing is written').toBe(false);
  });

  it('an untampered merge still gives the unsharded result', () => {
    const folder = tampered(() => undefined);
    ok(['merge', folder]);
    expect(withoutInvocation(join(folder, 'results.json'))).toBe(withoutInvocation(join(dir, 'whole', 'results.json')));
  });

  it('results record the parameters hash that merge checks', () => {
    const whole = read(join(dir, 'whole', 'results.json'));
    const shard = read(join(good, 'partial-1-of-2.json'));
    expect(whole.scenario.parametersHash).toMatch(/^[0-9a-f]{64}$/);
    expect(shard.scenario.parametersHash).toBe(whole.scenario.parametersHash);
  });

  it('two partials of the same shard that disagree are named by their files, not twice by their shard', () => {
    const a = join(dir, 'same-a');
    const b = join(dir, 'same-b');
    cpSync(good, a, { recursive: true });
    ok([...run, '--seed', '1', '--shard', '1/3', '--out', b]);
    const r = claimsim(['merge', join(a, 'partial-1-of-2.json'), join(b, 'partial-1-of-3.json'), '--out', join(dir, 'same-out')]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`partials disagree on the number of shards: ${join(a, 'partial-1-of-2.json')} has 2, ${join(b, 'partial-1-of-3.json')} has 3`);
  });
});
