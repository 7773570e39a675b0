/**
 * Ctrl-C in the middle of a long run stops the workers and exits promptly with
 * a message and no output. (Kills at every moment of a run, SIGKILL and SIGINT,
 * are the kill harness's: `outputs-kill.test.ts`.)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { untilChildWorked } from '../support/cpu.js';
import { SCENARIO, start } from '../support/outputs.js';

const root = mkdtempSync(join(tmpdir(), 'claimsim-interrupt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('interruption', () => {
  it('Ctrl-C stops a run promptly, says so, and writes nothing', async () => {
    const out = join(root, 'sigint');
    const { child, exited } = start(['run', SCENARIO, '--claims', '200000', '-r', '4', '--out', out]);
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
});
