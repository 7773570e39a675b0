/**
 * Shards that did not make it: merge names the missing and unreadable ones
 * and prints the `claimsim run` lines that rerun just those, rebuilt from
 * what the partials record (the expected lines are written out by hand); run
 * as printed, they complete the run, and the merge equals the unsharded run.
 * A shard that fails exits non-zero and leaves no partial behind.
 *
 * Needs dist/ (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartialResult } from '../../src/results/partial.js';
import { shardRunArguments } from '../../src/results/partial.js';
import { CLI, claimsim, ok, withoutInvocation } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-merge-missing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RUN = ['scenarios/baseline.yaml', '--set', 'policy.threshold=2500', '--set', 'fraud.share=0.2', '--claims', '1000', '-r', '2', '--seed', '5', '--workers', '1'];

const partialsIn = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.startsWith('partial-'))
    .sort();

const whole = join(dir, 'whole');
const shards = join(dir, 'shards');
beforeAll(() => {
  ok(['run', ...RUN, '--out', whole]);
  for (const i of [1, 3]) ok(['run', ...RUN, '--shard', `${i}/4`, '--out', shards]);
}, 300_000);

describe('merge with shards missing', () => {
  // What a user typed, rebuilt: the scenario as given, --claims (the last override, as --claims makes it),
  // the --set lines in their order; no --workers (not part of the run) and no --executor (not recorded).
  const rerun = (i: number, out: string) =>
    `  claimsim run scenarios/baseline.yaml --claims 1000 --replications 2 --seed 5 --set policy.threshold=2500 --set fraud.share=0.2 --shard ${i}/4 --out ${out}\n`;

  it('names them, prints the commands that run just those and merge again, and writes nothing', () => {
    const r = claimsim(['merge', shards]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `to run just the missing shards (from the folder the shards ran in), then merge again:\n${rerun(2, shards)}${rerun(4, shards)}  claimsim merge ${shards}\nerror: shards 2, 4 of 4 missing\n`,
    );
    expect(existsSync(join(shards, 'results.json'))).toBe(false);
  });

  it('one shard missing: that shard, and the merge as it was typed (several folders, --out)', () => {
    const more = join(dir, 'more');
    for (const i of [2, 4]) ok(['run', ...RUN, '--shard', `${i}/4`, '--out', more]);
    const only = join(dir, 'only-1-2-4');
    mkdirSync(only);
    copyFileSync(join(shards, 'partial-1-of-4.json'), join(only, 'partial-1-of-4.json'));
    const r = claimsim(['merge', only, join(more, 'partial-2-of-4.json'), join(more, 'partial-4-of-4.json'), '--out', join(dir, 'merged')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `to run just the missing shard (from the folder the shards ran in), then merge again:\n${rerun(3, only)}  claimsim merge ${only} ${more}/partial-2-of-4.json ${more}/partial-4-of-4.json --out ${dir}/merged\nerror: shard 3 of 4 missing\n`,
    );
  });

  it("an unreadable partial is named, and its shard rerun with the missing ones, after moving it away when it is not claimsim's", () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    copyFileSync(join(shards, 'partial-1-of-4.json'), join(broken, 'partial-1-of-4.json'));
    copyFileSync(join(shards, 'partial-3-of-4.json'), join(broken, 'partial-3-of-4.json'));
    // A copy cut short on its way from a node: a regular file, which a rerun would not write over.
    writeFileSync(join(broken, 'partial-4-of-4.json'), readFileSync(join(shards, 'partial-3-of-4.json'), 'utf8').slice(0, 100));
    const r = claimsim(['merge', broken]);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^error: ${join(broken, 'partial-4-of-4.json')}: not a readable partial result \\(`));
    expect(lines.slice(1).join('\n')).toBe(
      `to run just the missing shards (from the folder the shards ran in), then merge again:\n` +
        `  (first move away ${join(broken, 'partial-4-of-4.json')}: claimsim does not write over a file it did not write)\n` +
        `${rerun(2, broken)}${rerun(4, broken)}  claimsim merge ${broken}\nerror: shards 2, 4 of 4 missing\n`,
    );
  });

  it('the printed commands, run as printed, complete the run: the merge then equals the unsharded run', () => {
    const r = claimsim(['merge', shards]);
    const commands = r.stderr.split('\n').filter((l) => l.startsWith('  claimsim '));
    expect(commands).toHaveLength(3);
    // As a user would paste them, with claimsim this build.
    const script = `claimsim() { ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"; }\nset -e\n${commands.join('\n')}\n`;
    const pasted = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(pasted.status, pasted.stderr).toBe(0);
    expect(partialsIn(shards)).toEqual(['partial-1-of-4.json', 'partial-2-of-4.json', 'partial-3-of-4.json', 'partial-4-of-4.json']);
    expect(withoutInvocation(join(shards, 'results.json'))).toBe(withoutInvocation(join(whole, 'results.json')));
  });
});

describe('shardRunArguments', () => {
  const partial = (overrides: Record<string, unknown>, chain = ['base.yaml', 'scenarios/child.yaml']) =>
    ({ scenario: { chain, overrides }, replications: 7, seed: 0, shard: { index: 0, count: 3 } }) as unknown as PartialResult;

  it('writes --claims only for the last override (where --claims puts it), and each value so that it reads back the same', () => {
    expect(shardRunArguments(partial({ 'policy.threshold': 2500, 'seller.name': 'a b', code: '007', flag: 'true', list: [1, 2], 'volume.claims': 500 }), 1, 'out dir')).toEqual([
      'run',
      'scenarios/child.yaml',
      '--claims',
      '500',
      '--replications',
      '7',
      '--seed',
      '0',
      '--set',
      'policy.threshold=2500',
      '--set',
      'seller.name=a b',
      '--set',
      'code="007"',
      '--set',
      'flag="true"',
      '--set',
      'list=[1,2]',
      '--shard',
      '2/3',
      '--out',
      'out dir',
    ]);
    // volume.claims set before another override came from --set, and stays one (the order is in the scenario's hash).
    expect(shardRunArguments(partial({ 'volume.claims': 500, 'policy.threshold': 2500 }), 2, 'o')).toEqual([
      'run',
      'scenarios/child.yaml',
      '--replications',
      '7',
      '--seed',
      '0',
      '--set',
      'volume.claims=500',
      '--set',
      'policy.threshold=2500',
      '--shard',
      '3/3',
      '--out',
      'o',
    ]);
    expect(shardRunArguments(partial({}, ['only.yaml']), 0, 'o')).toEqual(['run', 'only.yaml', '--replications', '7', '--seed', '0', '--shard', '1/3', '--out', 'o']);
  });
});

describe('a shard that fails', () => {
  it("exits non-zero and writes no partial: its stable name is the user's file (exit 2, the file untouched)", () => {
    const out = join(dir, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'partial-2-of-4.json'), "the user's notes\n");
    const r = claimsim(['run', ...RUN, '--shard', '2/4', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('partial-2-of-4.json');
    expect(readFileSync(join(out, 'partial-2-of-4.json'), 'utf8')).toBe("the user's notes\n");
    expect(existsSync(join(out, '.claimsim', 'partials')) ? readdirSync(join(out, '.claimsim', 'partials')) : []).toEqual([]);
  });

  it('exits non-zero and writes no partial: its folder cannot be made (a file in the way, exit 1)', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const r = claimsim(['run', ...RUN, '--shard', '2/4', '--out', join(dir, 'a-file', 'out')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^error: .*a-file/);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('');
  });
});
