/**
 * Helpers for the output tests: spawning tiny runs, checking that an output
 * folder holds exactly one complete output (every file matching the run's
 * manifest), and snapshotting the user's own files to show they were not touched.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, linkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const CLI = resolve('dist/cli/main.js');
export const SCENARIO = resolve('scenarios/baseline.yaml');
export const TINY = ['--claims', '300', '-r', '1', '-w', '1', '--set', 'world.teams=1'];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function start(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true', ...options.env } });
  let stdout = '';
  let stderr = '';
  const listeners: ((text: string) => void)[] = [];
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const l of listeners) l(stderr);
  });
  const exited = new Promise<Exit>((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
  /** Resolves when stderr contains `text` (or the child exits). */
  const stderrHas = (text: string) =>
    new Promise<boolean>((done) => {
      if (stderr.includes(text)) return done(true);
      listeners.push((all) => all.includes(text) && done(true));
      void exited.then(() => done(stderr.includes(text)));
    });
  return { child, exited, stderrHas };
}

export function runTiny(out: string, seed: number, options: { cwd?: string; env?: Record<string, string> } = {}) {
  return start(['run', SCENARIO, ...TINY, '--seed', String(seed), '--out', out], options);
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The one complete output in `out`: every name the manifest lists is reachable
 * through its stable name with the hash the manifest records, results.json is
 * that run's; no stable name points anywhere else. Returns the run id and seed,
 * or null when `out` holds no claimsim output.
 */
export function completeOutput(out: string): { runId: string; seed: number } | null {
  const own = join(out, '.claimsim');
  if (!existsSync(join(own, 'current'))) {
    for (const e of existsSync(out) ? readdirSync(out) : []) {
      if (lstatSync(join(out, e)).isSymbolicLink()) expect(readlinkSync(join(out, e)).startsWith('.claimsim/current/')).toBe(false);
    }
    return null;
  }
  const manifest = JSON.parse(readFileSync(join(own, 'current', 'manifest.json'), 'utf8')) as { runId: string; files: Record<string, string> };
  expect(readlinkSync(join(own, 'current'))).toBe(`runs/${manifest.runId}`);
  for (const [name, hash] of Object.entries(manifest.files)) expect(sha(readFileSync(join(out, name))), `${name} belongs to run ${manifest.runId}`).toBe(hash);
  const top = new Set(Object.keys(manifest.files).map((f) => f.split('/')[0]!));
  for (const name of ['results.json', 'summary.csv', 'report.html']) expect(top.has(name), name).toBe(true);
  // Stable names claimsim made point into current/ and are all of this output.
  for (const e of readdirSync(out)) {
    const path = join(out, e);
    if (lstatSync(path).isSymbolicLink() && readlinkSync(path).startsWith('.claimsim/current/')) expect(top.has(e), `${e} is a name of run ${manifest.runId}`).toBe(true);
  }
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { seed: number; summary: Record<string, { mean: number }> };
  const summary = readFileSync(join(out, 'summary.csv'), 'utf8');
  const netCost = summary
    .split('\r\n')
    .find((line) => line.startsWith('marketplace.netCost,'))!
    .split(',')[2];
  expect(Number(netCost)).toBe(results.summary['marketplace.netCost']!.mean);
  return { runId: manifest.runId, seed: results.seed };
}

/** What claimsim keeps in `out/.claimsim` besides the output in force (leftovers of killed runs). */
export function leftovers(out: string): string[] {
  const own = join(out, '.claimsim');
  if (!existsSync(own)) return [];
  const current = existsSync(join(own, 'current')) ? readlinkSync(join(own, 'current')) : '';
  const runs = existsSync(join(own, 'runs'))
    ? readdirSync(join(own, 'runs'))
        .filter((r) => `runs/${r}` !== current)
        .map((r) => `runs/${r}`)
    : [];
  return [...runs, ...readdirSync(own).filter((e) => !['MARKER', 'current', 'runs', 'lock', 'partials'].includes(e))];
}

/** Plants a folder of the user's own files: plain files, a subfolder, a hard link, a relative symlink, a 0700 folder. */
export function plantUserFiles(dir: string): void {
  mkdirSync(join(dir, 'notes', 'private'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'todo.txt'), 'buy milk\n');
  writeFileSync(join(dir, 'notes', 'a.md'), '# mine\n', { mode: 0o600 });
  writeFileSync(join(dir, 'notes', 'private', 'key'), 'secret\n');
  linkSync(join(dir, 'todo.txt'), join(dir, 'notes', 'todo-link.txt'));
  symlinkSync('../todo.txt', join(dir, 'notes', 'relative-link'));
}

/** Every entry under `paths` (not following symlinks, skipping claimsim's names): inode, mtime, mode, owner, size, bytes or link. */
export function snapshot(paths: readonly string[], skip: (name: string, path: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string, top: boolean) => {
    const s = lstatSync(path);
    const what = s.isSymbolicLink() ? `link:${readlinkSync(path)}` : s.isFile() ? `file:${sha(readFileSync(path))}` : 'dir';
    // A folder's own mtime changes when claimsim adds its names beside the user's: compared for the folders below the top.
    out[path] = [s.ino, top && s.isDirectory() ? '' : s.mtimeMs, s.mode, s.uid, top && s.isDirectory() ? '' : s.nlink, s.isDirectory() ? '' : s.size, what].join(' ');
    if (s.isDirectory()) for (const e of readdirSync(path)) if (!skip(e, join(path, e))) visit(join(path, e), false);
  };
  for (const p of paths) visit(p, true);
  return out;
}

/** Skips claimsim's own names in an output folder: .claimsim and its stable symlinks. */
export function claimsimsOwn(name: string, path: string): boolean {
  if (name === '.claimsim') return true;
  try {
    return lstatSync(path).isSymbolicLink() && /^\.claimsim\/(current|partials)\//.test(readlinkSync(path));
  } catch {
    return false;
  }
}

export const isRoot = () => process.getuid?.() === 0;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const dirIno = (dir: string) => statSync(dir).ino;
