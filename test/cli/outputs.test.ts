/**
 * Outputs beside the user's files: `--out .` from inside a folder of them,
 * `--out ''`, a folder that already holds a name claimsim writes, a symlink to
 * a folder, two and three runs at once into one folder, and a full disk (a
 * small tmpfs mounted as --out, which is also a mount point).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnTimed } from '../support/cpu.js';
import { CLI, SCENARIO, TINY, claimsimsOwn, completeOutput, dirIno, isRoot, leftovers, plantUserFiles, runTiny, snapshot } from '../support/outputs.js';

const root = mkdtempSync(join(tmpdir(), 'claimsim-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function claimsim(args: string[], cwd?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

describe("outputs beside the user's files", () => {
  it("--out . from inside a folder of user files: writes beside them, twice, and the folder (the shell's cwd) stays", () => {
    const home = join(root, 'notes');
    mkdirSync(home);
    plantUserFiles(home);
    const ino = dirIno(home);
    const before = snapshot([home], claimsimsOwn);
    for (const seed of [1, 2]) {
      const r = claimsim(['run', SCENARIO, ...TINY, '--seed', String(seed), '--out', '.'], home);
      expect(r.status, r.stderr).toBe(0);
      expect(completeOutput(home)!.seed).toBe(seed);
    }
    expect(existsSync(home)).toBe(true);
    expect(dirIno(home)).toBe(ino);
    expect(snapshot([home], claimsimsOwn)).toEqual(before);
    expect(leftovers(home)).toEqual([]);
  });

  it("--out '' is a usage error and writes nothing", () => {
    const home = join(root, 'empty-out');
    mkdirSync(home);
    plantUserFiles(home);
    const before = snapshot([home]);
    const r = claimsim(['run', SCENARIO, ...TINY, '--out', ''], home);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out must name a folder');
    expect(snapshot([home])).toEqual(before);
  });

  it("refuses (exit 2) a folder whose names claimsim would write are the user's, naming the folder and the files, and touches nothing", () => {
    const out = join(root, 'theirs');
    mkdirSync(out);
    writeFileSync(join(out, 'results.json'), '{"mine": true}\n');
    writeFileSync(join(out, 'report.html'), '<p>my report</p>\n');
    const before = snapshot([out]);
    const r = claimsim(['run', SCENARIO, ...TINY, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${out} already holds report.html, results.json, not written by claimsim`);
    expect(snapshot([out])).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'results.json']);
  });

  it("refuses the user's files before simulating: a 200,000-claim run is turned away within start-up's CPU time", () => {
    const out = join(root, 'theirs-early');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.csv'), 'mine\n');
    const r = spawnTimed([CLI, 'run', SCENARIO, '--claims', '200000', '-r', '2', '-w', '1', '--out', out], { env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${out} already holds summary.csv, not written by claimsim`);
    // Simulating 400,000 claims takes tens of seconds of CPU; starting and refusing takes about one.
    expect(r.cpuMs!).toBeLessThan(5000);
    expect(readdirSync(out)).toEqual(['summary.csv']);
  });

  it("every name a run writes is refused before simulating when it is the user's (charts and event log included)", () => {
    const extras = ['--charts', 'svg', '--event-log', '3'];
    const full = join(root, 'all-names');
    expect(claimsim(['run', SCENARIO, ...TINY, ...extras, '--out', full]).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(full, '.claimsim', 'current', 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    const written = [...new Set(Object.keys(manifest.files).map((f) => f.split('/')[0]!))].sort();
    expect(written).toEqual(expect.arrayContaining(['charts', 'events.csv', 'report.html', 'results.json', 'summary.csv']));
    for (const name of written) {
      const out = join(root, `theirs-${name}`);
      mkdirSync(out);
      writeFileSync(join(out, name), 'mine\n');
      const r = spawnTimed([CLI, 'run', SCENARIO, '--claims', '200000', '-r', '2', '-w', '1', ...extras, '--out', out], { env: { ...process.env, CI: 'true' } });
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(`already holds ${name}, not written by claimsim`);
      expect(r.cpuMs!, name).toBeLessThan(5000);
    }
  });

  it('a symlink to a folder as --out: writes into its target and leaves the link as it was', () => {
    const target = join(root, 'target');
    mkdirSync(target);
    plantUserFiles(target);
    const link = join(root, 'link');
    symlinkSync('target', link);
    const before = snapshot([target, link], claimsimsOwn);
    for (const seed of [1, 2]) expect(claimsim(['run', SCENARIO, ...TINY, '--seed', String(seed), '--out', link]).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('target');
    expect(completeOutput(target)!.seed).toBe(2);
    expect(snapshot([target, link], claimsimsOwn)).toEqual(before);
  });

  it('merge reads the partials at their stable names and writes beside them', () => {
    const out = join(root, 'shards');
    for (const i of [1, 2]) expect(claimsim(['run', SCENARIO, '--claims', '300', '-r', '2', '-w', '1', '--set', 'world.teams=1', '--shard', `${i}/2`, '--out', out]).status).toBe(0);
    expect(
      readdirSync(out)
        .filter((e) => e.startsWith('partial-'))
        .sort(),
    ).toEqual(['partial-1-of-2.json', 'partial-2-of-2.json']);
    const merged = claimsim(['merge', out]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(completeOutput(out)).not.toBeNull();
    // A later run into the folder keeps the partials: they are outputs of their own.
    expect(claimsim(['run', SCENARIO, ...TINY, '--out', out]).status).toBe(0);
    expect(readdirSync(out).filter((e) => e.startsWith('partial-')).length).toBe(2);
  });
});

describe('one writer at a time', () => {
  it('2 and 3 runs at once into one folder (20 trials): each either writes a complete output or exits 2 naming the other process', async () => {
    const parent = join(root, 'concurrent');
    const out = join(parent, 'out');
    mkdirSync(out, { recursive: true });
    plantUserFiles(out);
    writeFileSync(join(parent, 'beside.txt'), 'mine\n');
    const before = snapshot([out, join(parent, 'beside.txt')], claimsimsOwn);
    const tally = { written: 0, refused: 0 };
    for (let trial = 0; trial < 20; trial++) {
      const n = trial % 2 === 0 ? 2 : 3;
      const seeds = Array.from({ length: n }, (_, k) => 1000 + trial * 10 + k);
      const runs = seeds.map((s) => runTiny(out, s));
      const pids = runs.map((r) => r.child.pid!);
      const exits = await Promise.all(runs.map((r) => r.exited));
      const winners: number[] = [];
      exits.forEach((e, k) => {
        if (e.code === 0) {
          winners.push(seeds[k]!);
          tally.written++;
          return;
        }
        expect(e.code, e.stderr).toBe(2);
        const holder = Number(e.stderr.match(/being written by another claimsim run \(process (\d+) /)?.[1]);
        expect(pids.filter((p) => p !== pids[k])).toContain(holder);
        tally.refused++;
      });
      expect(winners.length).toBeGreaterThan(0);
      expect(winners).toContain(completeOutput(out)!.seed);
      expect(leftovers(out)).toEqual([]);
      expect(existsSync(join(out, '.claimsim', 'lock'))).toBe(false);
      expect(snapshot([out, join(parent, 'beside.txt')], claimsimsOwn)).toEqual(before);
    }
    console.log(`concurrent trials: 20 (10 of 2 runs, 10 of 3); outputs written ${tally.written}, refused with exit 2 naming the writer ${tally.refused}; mixtures or lost user files 0`);
    expect(tally.refused).toBeGreaterThan(0);
  }, 600_000);
});

/** A tmpfs of `size` mounted at a new folder (a mount point as --out), with one user file in it. */
function withTmpfs(name: string, size: string, body: (mount: string) => void): void {
  const mount = join(root, name);
  mkdirSync(mount);
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount]);
  try {
    writeFileSync(join(mount, 'mine.txt'), "the user's file on the small disk\n");
    body(mount);
  } finally {
    execFileSync('umount', [mount]);
  }
}

/** Why a tmpfs cannot be mounted here (not root, or a container without the right to mount), or null if it can. */
function whyNoTmpfs(): string | null {
  if (!isRoot()) return 'not running as root';
  const probe = join(tmpdir(), `claimsim-mount-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `mount -t tmpfs failed (${
      String((e as { stderr?: unknown }).stderr ?? e)
        .trim()
        .split('\n')[0]
    })`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe('a full disk', () => {
  // A full disk is made by mounting a small tmpfs, which needs root and the right to mount. Where the
  // test cannot mount one (not root, or a container that forbids it) it says so in its title and skips.
  const cannot = whyNoTmpfs();
  const title = cannot === null ? '' : ` [SKIPPED: ${cannot}, cannot mount a tmpfs]`;
  if (cannot !== null) console.log(`full-disk tests skipped: ${cannot}, so no tmpfs can be mounted`);
  const run = cannot === null ? it : it.skip;

  run(`a 200 KB tmpfs as --out: exit 1, says no space and that nothing was written, and leaves only the user's file${title}`, () => {
    withTmpfs('tiny-disk', '200k', (mount) => {
      const before = snapshot([mount]);
      const r = claimsim(['run', SCENARIO, ...TINY, '--out', mount]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('no space left on the device (ENOSPC)');
      expect(r.stderr).toContain(`no output was written to ${mount}`);
      expect(snapshot([mount])).toEqual(before);
      expect(readdirSync(mount)).toEqual(['mine.txt']);
    });
  });

  run(`a tmpfs with room for one output: the second run fails, says the previous output is there, and it is${title}`, () => {
    // One output of this run is about 2.1 MB (its report carries the charts' libraries and the what-if engine): room for one, not two.
    withTmpfs('one-output-disk', '3000k', (mount) => {
      const first = claimsim(['run', SCENARIO, ...TINY, '--seed', '1', '--out', mount]);
      expect(first.status, first.stderr).toBe(0);
      const previous = completeOutput(mount)!;
      const before = snapshot([mount], claimsimsOwn);
      const r = claimsim(['run', SCENARIO, ...TINY, '--seed', '2', '--out', mount]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('no space left on the device (ENOSPC)');
      expect(r.stderr).toContain(`${mount} still holds the previous output (run ${previous.runId}), unchanged`);
      expect(completeOutput(mount)).toEqual(previous);
      expect(snapshot([mount], claimsimsOwn)).toEqual(before);
      expect(readFileSync(join(mount, 'mine.txt'), 'utf8')).toContain('the user');
      expect(leftovers(mount)).toEqual([]);
    });
  });
});
