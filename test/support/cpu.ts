/**
 * CPU time, for tests whose point is "refused before doing the work": on a
 * busy machine wall time measures the machine, while the CPU time a process
 * used measures what it did. `cpuNow` is this process's (the test worker's,
 * with any threads it started); `spawnTimed` runs node with a --require'd hook
 * that reports the child's own CPU time when it exits.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** CPU time (user + system) this process has used so far, ms. */
export function cpuNow(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

const HOOK = `const { writeFileSync } = require('node:fs');
const file = process.env.CLAIMSIM_TEST_CPU_FILE;
if (file) process.on('exit', () => {
  const c = process.cpuUsage();
  writeFileSync(file, String((c.user + c.system) / 1000));
});
`;

let hookDir: string | undefined;
let spawns = 0;

/**
 * spawnSync(node, args) that also returns the child's CPU time in ms
 * (`undefined` when it did not exit normally, e.g. killed by a signal).
 */
export function spawnTimed(args: readonly string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}) {
  if (!hookDir || !existsSync(join(hookDir, 'hook.cjs'))) {
    hookDir = mkdtempSync(join(tmpdir(), 'claimsim-cpu-hook-'));
    writeFileSync(join(hookDir, 'hook.cjs'), HOOK);
    process.once('exit', () => rmSync(hookDir!, { recursive: true, force: true }));
  }
  const file = join(hookDir, `cpu-${process.pid}-${spawns++}.txt`);
  const r = spawnSync(process.execPath, ['--require', join(hookDir, 'hook.cjs'), ...args], {
    ...options,
    encoding: 'utf8',
    env: { ...(options.env ?? process.env), CLAIMSIM_TEST_CPU_FILE: file },
  });
  let cpuMs: number | undefined;
  if (existsSync(file)) {
    cpuMs = Number(readFileSync(file, 'utf8'));
    rmSync(file);
  }
  return { ...r, cpuMs };
}

/**
 * CPU time a running child has used so far, ms, from /proc (all its threads);
 * `undefined` where there is no /proc or the child is gone.
 */
function runningCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Waits until a child has done `cpuMs` of work (so it is past its start-up and
 * into the job, however busy the machine), or `fallbackMs` of wall time where
 * /proc cannot tell; gives up after `maxMs`.
 */
export async function untilChildWorked(pid: number, cpuMs: number, fallbackMs: number, maxMs = 120_000): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    const used = runningCpuMs(pid);
    if (used === undefined ? performance.now() - t0 >= fallbackMs : used >= cpuMs) return;
    if (performance.now() - t0 >= maxMs) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
