/**
 * Readers read only files: every command that reads a user-named file
 * (report a results.json, merge partial results, validate and run a
 * scenario, fit a claims CSV) refuses a FIFO, /dev/zero, a symlink to
 * /dev/zero, a directory and a file over its size cap with exit 2, at once:
 * without waiting for a writer on the FIFO or reading the device. Each spawn
 * has a kill timeout far above the time limit, so a hang fails the "killed by
 * a signal" check rather than the suite; the limit itself is the harness's
 * CPU-time limit (see harness.ts), which holds on a loaded machine.
 *
 * Needs dist/ (`npm run build`).
 */
import { closeSync, mkdirSync, openSync, symlinkSync, ftruncateSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, listings, removeTempDirs, requireBuiltCli, sandbox, spawnCli, tempDir } from './harness.js';

let inputs: string;
beforeAll(() => {
  requireBuiltCli();
  inputs = tempDir('claimsim-readers-');
});
afterAll(() => removeTempDirs());

/** The size caps of the readers (src/results/read.ts, src/params/source.ts, src/analysis/fit/readAmounts.ts). */
const CAPS = { results: 500 * 1024 * 1024, scenario: 1_000_000, csv: 512 * 1024 * 1024 };

type Kind = 'fifo' | 'dev-zero' | 'symlink-to-dev-zero' | 'directory' | 'over-the-cap';
const KINDS: Kind[] = ['fifo', 'dev-zero', 'symlink-to-dev-zero', 'directory', 'over-the-cap'];
const WHY: Record<Kind, RegExp> = {
  fifo: /is not a file \(it is a FIFO, a named pipe\)/,
  'dev-zero': /is not a file \(it is a device\)/,
  'symlink-to-dev-zero': /is not a file \(it is a device\)/,
  directory: /is not a file \(it is a directory\)/,
  'over-the-cap': /is \d+ bytes; .* are limited to \d+/,
};

let made = 0;
/** A path of `kind` named `name` in a folder of its own; a file over the cap is sparse, so it costs no disk. */
function make(kind: Kind, name: string, cap: number): string {
  const dir = join(inputs, `case-${made++}`);
  mkdirSync(dir);
  const path = join(dir, name);
  if (kind === 'dev-zero') return '/dev/zero';
  if (kind === 'fifo') execFileSync('mkfifo', [path]);
  else if (kind === 'symlink-to-dev-zero') symlinkSync('/dev/zero', path);
  else if (kind === 'directory') mkdirSync(path);
  else {
    const fd = openSync(path, 'w');
    ftruncateSync(fd, cap + 1);
    closeSync(fd);
  }
  return path;
}

/** `skip`: kinds that mean something else to the command (merge searches a folder for partials; see below). */
const COMMANDS: { name: string; file: string; cap: number; skip?: Kind[]; args: (path: string, out: string) => string[] }[] = [
  { name: 'report', file: 'results.json', cap: CAPS.results, args: (p, out) => ['report', p, '--out', out] },
  { name: 'merge (a file)', file: 'partial-1-of-1.json', cap: CAPS.results, skip: ['directory'], args: (p, out) => ['merge', p, '--out', out] },
  { name: 'validate', file: 'scenario.yaml', cap: CAPS.scenario, args: (p) => ['validate', p] },
  { name: 'run', file: 'scenario.yaml', cap: CAPS.scenario, args: (p, out) => ['run', p, '--out', out] },
  { name: 'fit', file: 'claims.csv', cap: CAPS.csv, args: (p, out) => ['fit', p, '--out', out] },
];

describe('readers refuse what is not a regular file, at once', () => {
  for (const command of COMMANDS) {
    it.each(KINDS.filter((k) => !command.skip?.includes(k)))(`${command.name}: %s`, (kind) => {
      const path = make(kind, command.file, command.cap);
      const box = sandbox();
      const r = spawnCli(command.args(path, box.out), box.cwd);
      expectRefused(r, box, { stderr: new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ${WHY[kind].source}`) });
    });
  }

  // A folder given to merge is searched for partial-*.json; one of those that is not a file is refused the same way.
  it.each(KINDS.filter((k) => k !== 'dev-zero'))('merge (a folder holding a partial-1-of-1.json that is a %s)', (kind) => {
    const path = make(kind, 'partial-1-of-1.json', CAPS.results);
    const folder = join(path, '..');
    const before = listings([folder]);
    const box = sandbox();
    const r = spawnCli(['merge', folder], box.cwd);
    expectRefused(r, box, { stderr: new RegExp(`partial-1-of-1\\.json: ${WHY[kind].source}`) }, before);
  });

  it('a symlink to a regular file is still read', () => {
    const dir = join(inputs, 'link-ok');
    mkdirSync(dir);
    const link = join(dir, 'baseline.yaml');
    symlinkSync(join(process.cwd(), 'scenarios', 'baseline.yaml'), link);
    const box = sandbox();
    const r = spawnCli(['validate', link], box.cwd);
    expect(r.status, r.stderr).toBe(0);
  });
});
