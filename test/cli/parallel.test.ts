/**
 * Splitting the work never changes the result: worker counts 1, 2 and 4, and
 * three shards run as separate processes then merged, all give the same
 * results.json as one process, byte for byte apart from the invocation block.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = ['run', 'scenarios/fraud-surge.yaml', '--claims', '4000', '-r', '3', '--seed', '77'];

function claimsim(args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`claimsim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}
const withoutInvocation = (file: string) => readFileSync(file, 'utf8').replace(/"invocation": \{[^}]*\}/, '');

describe('splitting the work', () => {
  it('gives identical results with 1, 2 and 4 workers', () => {
    for (const w of ['1', '2', '4']) claimsim([...base, '--workers', w, '--out', join(dir, `w${w}`)]);
    const one = withoutInvocation(join(dir, 'w1', 'results.json'));
    expect(withoutInvocation(join(dir, 'w2', 'results.json'))).toBe(one);
    expect(withoutInvocation(join(dir, 'w4', 'results.json'))).toBe(one);
  });

  it('merges shards run as separate processes into the single-process result', () => {
    const shards = join(dir, 'shards');
    for (const i of [3, 1, 2]) claimsim([...base, '--workers', '1', '--shard', `${i}/3`, '--out', shards]);
    const merged = claimsim(['merge', shards]);
    expect(merged.stdout).toContain('marketplace.netCost');
    expect(withoutInvocation(join(shards, 'results.json'))).toBe(withoutInvocation(join(dir, 'w1', 'results.json')));
  });

  it('refuses an incomplete or mixed set of shards', () => {
    const partial = join(dir, 'incomplete');
    claimsim([...base, '--workers', '1', '--shard', '1/2', '--out', partial]);
    const missing = spawnSync(process.execPath, ['dist/cli/main.js', 'merge', partial], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('shard 2 of 2 missing');
    // A shard of a run with another seed does not belong.
    const other = join(dir, 'other');
    claimsim([...base.slice(0, -1), '78', '--workers', '1', '--shard', '2/2', '--out', other]);
    const mixed = spawnSync(process.execPath, ['dist/cli/main.js', 'merge', partial, other], { encoding: 'utf8' });
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toContain('partials disagree on the seed');
    // A shard written by another version of the engine (its aggregates may be laid out differently).
    const stale = join(dir, 'stale');
    mkdirSync(stale);
    const file = join(partial, 'partial-1-of-2.json');
    const old = JSON.parse(readFileSync(file, 'utf8')) as { engine: { name: string; version: string }; units: { aggregates: { money: Record<string, number> } }[] };
    // Listed version first, and with a key the current layout lacks: the version is what the user needs to hear.
    old.engine = { version: '0.0.1', name: old.engine.name };
    old.units[0]!.aggregates.money.legacyUsd = 1;
    writeFileSync(join(stale, 'partial-1-of-2.json'), JSON.stringify(old));
    const versions = spawnSync(process.execPath, ['dist/cli/main.js', 'merge', stale], { encoding: 'utf8' });
    expect(versions.status).toBe(2);
    expect(versions.stderr).toMatch(/^error: \S*partial-1-of-2\.json: written by claimsim 0\.0\.1; this is claimsim \d+\.\d+\.\d+: merge with the version that wrote it, or run the shard again\n/);
    writeFileSync(join(other, 'partial-1-of-2.json'), '{"not":"a partial"');
    const broken = spawnSync(process.execPath, ['dist/cli/main.js', 'merge', other], { encoding: 'utf8' });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('not a readable partial result');
  });

  it('refuses a malformed --shard', () => {
    for (const bad of ['0/3', '4/3', '1-3', '2/0']) {
      const r = spawnSync(process.execPath, ['dist/cli/main.js', ...base, '--shard', bad, '--out', join(dir, 'bad')], { encoding: 'utf8' });
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/--shard/);
    }
  });
});
