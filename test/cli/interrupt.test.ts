/**
 * Interrupted runs: Ctrl-C stops the workers and exits promptly with a message
 * and no output; SIGKILL at any moment leaves the output directory holding one
 * complete, self-consistent output (the previous one or the new one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { untilChildWorked } from '../support/cpu.js';

const root = mkdtempSync(join(tmpdir(), 'claimsim-interrupt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const CLI = 'dist/cli/main.js';

function start(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

/** A complete output: results.json parses and the tables were written from it. */
function completeSeed(dir: string): number {
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  const summary = readFileSync(join(dir, 'summary.csv'), 'utf8');
  const netCost = summary.split('\r\n').find((line) => line.startsWith('marketplace.netCost,'))!.split(',')[2];
  expect(Number(netCost)).toBe(results.summary['marketplace.netCost'].mean);
  expect(existsSync(join(dir, 'report.html'))).toBe(true);
  return results.seed;
}

describe('interruption', () => {
  it('Ctrl-C stops a run promptly, says so, and writes nothing', async () => {
    const out = join(root, 'sigint');
    const { child, exited } = start(['run', 'scenarios/baseline.yaml', '--claims', '200000', '-r', '4', '--out', out]);
    // Into the run (its start-up takes about half a second of CPU), by the child's CPU time: on a busy machine
    // a fixed wait could send Ctrl-C before claimsim has even loaded.
    await untilChildWorked(child.pid!, 2000, 2000);
    const t0 = performance.now();
    child.kill('SIGINT');
    const { code, stderr } = await exited;
    // Promptly: long before the run would end (minutes), with room for a loaded machine.
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(code).toBe(130);
    expect(stderr).toContain('interrupted');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  }, 300_000);

  it('SIGKILL at any moment leaves the previous complete output or the new one, never a mixture', async () => {
    const out = join(root, 'sigkill');
    const small = ['--claims', '2000', '-r', '3', '-w', '1', '--out', out];
    expect(spawnSync(process.execPath, [CLI, 'run', 'scenarios/baseline.yaml', '--seed', '1', ...small]).status).toBe(0);
    expect(completeSeed(out)).toBe(1);
    // Time a full run, then kill new runs at moments spread over it, including during the writing.
    const t0 = performance.now();
    expect(spawnSync(process.execPath, [CLI, 'run', 'scenarios/baseline.yaml', '--seed', '2', ...small]).status).toBe(0);
    const duration = performance.now() - t0;
    expect(completeSeed(out)).toBe(2);
    const seen = new Set<number>();
    for (let i = 0; i < 8; i++) {
      const { child, exited } = start(['run', 'scenarios/baseline.yaml', '--seed', String(3 + i), ...small]);
      await new Promise((r) => setTimeout(r, (duration * (i + 1)) / 8));
      child.kill('SIGKILL');
      await exited;
      seen.add(completeSeed(out));
      expect(readdirSync(out).filter((e) => e.startsWith('.') && e !== '.claimsim')).toEqual([]);
    }
    // Some kills came before the new output was in place, and the directory still held a complete one.
    expect(seen.size).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
