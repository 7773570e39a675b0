/**
 * Outputs are replaced all at once (one run folder, one switch of
 * .claimsim/current), beside the user's files and never over them: a write
 * that fails part-way (here a disk that fills up on the second file) leaves
 * the previous output exactly as it was and says so.
 */
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const failures = vi.hoisted(() => ({ countdown: -1 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      if (failures.countdown === 0) {
        failures.countdown = -1;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      if (failures.countdown > 0) failures.countdown--;
      return real.writeFileSync(...args);
    },
  };
});

const { writeFileAtomic } = await import('../../src/io/writeFiles.js');
const { writeOutputs, writePartial } = await import('../../src/results/write.js');

const root = mkdtempSync(join(tmpdir(), 'claimsim-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  failures.countdown = -1;
});

const visible = (dir: string) =>
  readdirSync(dir)
    .filter((e) => !e.startsWith('.'))
    .sort();
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, '.claimsim', 'current', 'manifest.json'), 'utf8')) as { runId: string; files: Record<string, string> };

describe('writeOutputs', () => {
  it('replaces the whole output at once: the new files, and no name of the earlier output that this one lacks', () => {
    const dir = join(root, 'replace');
    const first = writeOutputs(dir, { 'results.json': 'old', 'summary.csv': 'old', 'baseline-calibrated.yaml': 'an overlay' });
    expect(manifest(dir).runId).toBe(first);
    const second = writeOutputs(dir, { 'results.json': 'new', 'summary.csv': 'new', 'charts/a.svg': '<svg/>' });
    expect(visible(dir)).toEqual(['charts', 'results.json', 'summary.csv']);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'charts', 'a.svg'), 'utf8')).toBe('<svg/>');
    expect(manifest(dir)).toMatchObject({ runId: second, files: { 'results.json': expect.any(String), 'charts/a.svg': expect.any(String) } });
    // Older run folders are gone once the new output is in force; the lock is released.
    expect(readdirSync(join(dir, '.claimsim', 'runs'))).toEqual([second]);
    expect(fs.existsSync(join(dir, '.claimsim', 'lock'))).toBe(false);
    expect(readdirSync(root).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('keeps shard partials, which are outputs of their own', () => {
    const dir = join(root, 'partials');
    writePartial(dir, 'partial-1-of-2.json', 'shard 1');
    writeOutputs(dir, { 'results.json': 'merged' });
    writePartial(dir, 'partial-2-of-2.json', 'shard 2');
    writeOutputs(dir, { 'results.json': 'merged again' });
    expect(visible(dir)).toEqual(['partial-1-of-2.json', 'partial-2-of-2.json', 'results.json']);
    expect(readFileSync(join(dir, 'partial-1-of-2.json'), 'utf8')).toBe('shard 1');
  });

  it('carries the files it is told to keep (report beside results.json)', () => {
    const dir = join(root, 'carry');
    writeOutputs(dir, { 'results.json': 'r', 'summary.csv': 's' });
    const id = writeOutputs(dir, { 'report.html': 'h' }, { carry: true });
    expect(visible(dir)).toEqual(['report.html', 'results.json', 'summary.csv']);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('r');
    expect(Object.keys(manifest(dir).files).sort()).toEqual(['report.html', 'results.json', 'summary.csv']);
    expect(manifest(dir).runId).toBe(id);
  });

  it("writes beside the user's files without touching them, and refuses a name that is the user's", () => {
    const dir = join(root, 'user');
    fs.mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const before = fs.statSync(join(dir, 'notes.txt'));
    writeOutputs(dir, { 'results.json': 'x' });
    const after = fs.statSync(join(dir, 'notes.txt'));
    expect([after.ino, after.mtimeMs, after.mode]).toEqual([before.ino, before.mtimeMs, before.mode]);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(() => writeOutputs(dir, { 'results.json': 'y', 'notes.txt': 'theirs' })).toThrow(/already holds notes\.txt, not written by claimsim/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('x');
  });

  it('refuses an empty --out and a second writer', () => {
    expect(() => writeOutputs('', { 'results.json': 'x' })).toThrow(/--out must name a folder/);
    const dir = join(root, 'locked');
    writeOutputs(dir, { 'results.json': 'x' });
    // A live process on this host holds the lock (here: the test's parent process).
    writeFileSync(join(dir, '.claimsim', 'lock'), JSON.stringify({ pid: process.ppid, startedAt: 'then', hostname: os.hostname() }));
    expect(() => writeOutputs(dir, { 'results.json': 'y' })).toThrow(new RegExp(`being written by another claimsim run \\(process ${process.ppid} `));
    // A lock whose process is gone is stale and taken over.
    writeFileSync(join(dir, '.claimsim', 'lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'then', hostname: os.hostname() }));
    writeOutputs(dir, { 'results.json': 'z' });
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('z');
  });

  it('leaves the previous output untouched when the disk fills part-way, and says so', () => {
    const dir = join(root, 'full');
    const previous = writeOutputs(dir, { 'results.json': 'previous', 'summary.csv': 'previous' });
    failures.countdown = 2; // the marker, the first file, then the second file fails
    expect(() => writeOutputs(dir, { 'results.json': 'next', 'summary.csv': 'next' })).toThrow(
      new RegExp(`no space left on the device \\(ENOSPC\\); .*full still holds the previous output \\(run ${previous}\\), unchanged`),
    );
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('previous');
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('previous');
    expect(readdirSync(join(dir, '.claimsim', 'runs'))).toEqual([previous]);
    expect(readdirSync(root).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('says why, naming the target and the cause, and leaves nothing where there was nothing', () => {
    failures.countdown = 1;
    expect(() => writeOutputs(join(root, 'why'), { 'results.json': 'x' })).toThrow(/cannot write .*why: no space left on the device \(ENOSPC\); no output was written to .*why/);
    expect(fs.existsSync(join(root, 'why'))).toBe(false);
  });

  it('refuses a directory under a regular file', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(() => writeOutputs(join(file, 'out'), { 'results.json': 'x' })).toThrow(/a part of the path is a file, not a directory \((ENOTDIR|EEXIST)\)/);
    expect(() => writeFileAtomic(join(file, 'x.json'), 'x')).toThrow(/a part of the path is a file, not a directory/);
  });
});

describe('a folder claimed for an output that never came', () => {
  // Released when the claiming process exits, so each case is a process of its own.
  const claimAndExit = (dir: string, meanwhile: string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `import { claimOutputs } from '${join(process.cwd(), 'dist/results/write.js')}'; claimOutputs(${JSON.stringify(dir)}); ${meanwhile}`], {
      encoding: 'utf8',
    });

  it('is removed whole when nothing else was written into it', () => {
    const dir = join(root, 'unused');
    const r = claimAndExit(dir, '');
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('keeps what another run wrote into it meanwhile (a shard beside this one), marker and all', () => {
    const dir = join(root, 'shared');
    const partial = join(dir, '.claimsim', 'partials', 'partial-2-of-2.json');
    const r = claimAndExit(
      dir,
      `import { mkdirSync, writeFileSync } from 'node:fs'; mkdirSync(${JSON.stringify(join(dir, '.claimsim', 'partials'))}); writeFileSync(${JSON.stringify(partial)}, '{}');`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(partial, 'utf8')).toBe('{}');
    expect(readdirSync(join(dir, '.claimsim')).sort()).toEqual(['MARKER', 'partials']);
  });
});
