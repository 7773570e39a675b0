/**
 * The Slurm files `claimsim jobs slurm` writes, submitted to a real scheduler:
 * a single-node Slurm cluster started in a temporary folder
 * (test/support/slurmCluster.ts) runs the baseline as a 4-task array and its
 * merge, which must equal the unsharded run; with one task failing, Slurm
 * records that task as failed, the merge names its shard and how to rerun it,
 * and nothing is merged. Needs root and Debian's Slurm and munge (.ci/run
 * installs them); elsewhere it is skipped saying why, and with CI=true it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlurmCluster, until, whyNoSlurm, type SlurmCluster } from '../support/slurmCluster.js';

const CLI = resolve('dist/cli/main.js');
const SHARDS = 4;
const RUN = ['--claims', '2000', '-r', '2', '--seed', '1'];
// Bounded, and wide: four tasks of a second or two each, on two cores that may be busy with other tests.
const JOB_TIMEOUT_MS = 240_000;

const cannot = whyNoSlurm();
const required = process.env.CI === 'true';
if (cannot !== null && !required) console.log(`Slurm tests skipped: ${cannot}`);

const withoutInvocation = (file: string) => readFileSync(file, 'utf8').replace(/"invocation": \{[^}]*\}/, '');

describe('claimsim jobs slurm on a single-node Slurm cluster', () => {
  if (cannot !== null) {
    if (required) {
      it('runs (CI=true: the Slurm test may not be skipped)', () => {
        throw new Error(`the Slurm test cannot run here: ${cannot}`);
      });
    } else {
      it.skip(`[SKIPPED: ${cannot}]`, () => undefined);
    }
    return;
  }

  const work = mkdtempSync(join(tmpdir(), 'claimsim-slurm-jobs-'));
  let cluster: SlurmCluster | undefined;
  let whole: string;

  beforeAll(async () => {
    const t0 = performance.now();
    cluster = await startSlurmCluster();
    console.log(`slurm: cluster up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // The unsharded run the merged result must equal.
    whole = join(work, 'whole');
    const r = spawnSync(process.execPath, [CLI, 'run', 'scenarios/baseline.yaml', ...RUN, '--out', whole], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status, r.stderr).toBe(0);
  }, 180_000);

  afterAll(async () => {
    try {
      await cluster?.stop();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);

  /**
   * Writes the job files for the baseline into NAME/jobs and runs their submit
   * script from the repository (where `npx claimsim` is this build), then
   * waits for the array and the merge to leave the queue.
   */
  async function submitAndWait(name: string, env: Record<string, string> = {}) {
    const c = cluster!;
    const jobs = join(work, name, 'jobs');
    const out = join(work, name, 'out');
    const generated = spawnSync(process.execPath, [CLI, 'jobs', 'slurm', 'scenarios/baseline.yaml', '--shards', String(SHARDS), ...RUN, '--out', out, '--job-dir', jobs], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(generated.status, generated.stderr).toBe(0);
    const t0 = performance.now();
    // The jobs get the submitter's environment (sbatch's default): node on PATH, no progress lines.
    const jobEnv = { ...c.env, PATH: `${dirname(process.execPath)}:${c.env.PATH}`, CI: 'true', ...env };
    const submitted = spawnSync('bash', [join(jobs, 'claimsim-baseline-submit.sh')], { cwd: process.cwd(), encoding: 'utf8', env: jobEnv });
    expect(submitted.status, submitted.stderr).toBe(0);
    const array = submitted.stdout.match(/^array job: (\d+) /m)?.[1];
    const merge = submitted.stdout.match(/^merge job: (\d+) /m)?.[1];
    expect([array, merge].every(Boolean), submitted.stdout).toBe(true);
    await until(
      `jobs ${array} and ${merge} to leave the queue`,
      JOB_TIMEOUT_MS,
      () => c.client('squeue', ['-h', '-j', `${array},${merge}`]).trim() === '',
      () => `${c.client('squeue', [])}\n${c.logs()}`,
    );
    console.log(`slurm: ${name}: submitted to merged in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Each job's log, beside the job files (the submit script's --output).
    const log = (file: string) => readFileSync(join(jobs, file), 'utf8');
    return { jobs, out, array: array!, merge: merge!, taskLog: (task: number) => log(`claimsim-baseline-${array}_${task}.out`), mergeLog: () => log(`claimsim-baseline-merge-${merge}.out`) };
  }

  /** Each job's state and exit code as the controller records them: array task (or 0 for a job) -> state. */
  function states(job: string): Map<number, { state: string; exit: string }> {
    const found = new Map<number, { state: string; exit: string }>();
    for (const line of cluster!.client('scontrol', ['-o', 'show', 'job', job]).split('\n').filter(Boolean)) {
      const field = (k: string) => line.match(new RegExp(`(?:^| )${k}=(\\S+)`))?.[1];
      found.set(Number(field('ArrayTaskId') ?? 0), { state: field('JobState')!, exit: field('ExitCode')! });
    }
    return found;
  }

  it("runs every shard as a task of the array, and the merge writes the unsharded run's results.json", async () => {
    const job = await submitAndWait('complete');
    const tasks = states(job.array);
    expect([...tasks.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const [task, s] of tasks) expect([task, s], job.taskLog(task)).toEqual([task, { state: 'COMPLETED', exit: '0:0' }]);
    expect(states(job.merge).get(0), job.mergeLog()).toEqual({ state: 'COMPLETED', exit: '0:0' });
    expect(
      readdirSync(job.out)
        .filter((f) => f.startsWith('partial-'))
        .sort(),
    ).toEqual(['partial-1-of-4.json', 'partial-2-of-4.json', 'partial-3-of-4.json', 'partial-4-of-4.json']);
    expect(withoutInvocation(join(job.out, 'results.json'))).toBe(withoutInvocation(join(whole, 'results.json')));
    expect(job.mergeLog()).toContain(join(job.out, 'results.json'));
  });

  it('a task that fails is recorded as failed, writes no partial, and the merge names its shard, says how to rerun it and merges nothing', async () => {
    // Task 2 finds the shared volume nearly full: room for claimsim's small files (its marker and lock),
    // none for a partial result (ENOSPC). A preload of the test's own, which reaches the jobs as
    // NODE_OPTIONS through sbatch's exported environment: claimsim's own handling of the failure is what
    // is tested, and nothing in claimsim knows about the test.
    const preload = join(work, 'full-volume-for-task-2.cjs');
    writeFileSync(
      preload,
      `if (process.env.SLURM_ARRAY_TASK_ID === '2') {
  const fs = require('node:fs');
  const writeFileSync = fs.writeFileSync;
  fs.writeFileSync = function (path, data, ...rest) {
    if (String(path).startsWith(process.env.FULL_VOLUME) && data.length > 4096) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });
    }
    return writeFileSync.call(this, path, data, ...rest);
  };
  require('node:module').syncBuiltinESMExports();
}
`,
    );
    const out = join(work, 'failing', 'out');
    const job = await submitAndWait('failing', { NODE_OPTIONS: `--require ${preload}`, FULL_VOLUME: out });
    const tasks = states(job.array);
    expect([...tasks.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const task of [1, 3, 4]) expect([task, tasks.get(task)], job.taskLog(task)).toEqual([task, { state: 'COMPLETED', exit: '0:0' }]);
    expect(tasks.get(2)!.state, job.taskLog(2)).toBe('FAILED');
    expect(tasks.get(2)!.exit).not.toBe('0:0');
    expect(job.taskLog(2)).toContain(`error: cannot write ${join(out, 'partial-2-of-4.json')}: no space left on the device (ENOSPC); no partial result was written\n`);
    // Nothing of shard 2, nothing merged: the merge job failed, naming the shard and the command that reruns it.
    expect(readdirSync(job.out).sort()).toEqual(['.claimsim', 'partial-1-of-4.json', 'partial-3-of-4.json', 'partial-4-of-4.json']);
    expect(readdirSync(join(job.out, '.claimsim', 'partials')).sort()).toEqual(['partial-1-of-4.json', 'partial-3-of-4.json', 'partial-4-of-4.json']);
    expect(existsSync(join(job.out, 'results.json'))).toBe(false);
    const merge = states(job.merge).get(0)!;
    expect(merge.state, job.mergeLog()).toBe('FAILED');
    expect(merge.exit).toBe('2:0');
    expect(job.mergeLog()).toContain('shard 2 of 4 missing');
    expect(job.mergeLog()).toContain(`\n  claimsim run scenarios/baseline.yaml --claims 2000 --replications 2 --seed 1 --shard 2/4 --out ${job.out}\n  claimsim merge ${job.out}\n`);
    expect(job.mergeLog()).toContain(`on Slurm, rather than on this node: bash ${join(job.jobs, 'claimsim-baseline-submit.sh')} SHARDS`);
  });
});
