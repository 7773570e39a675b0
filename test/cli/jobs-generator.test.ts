/**
 * The job files `claimsim jobs` writes, from the generator alone: shell quoting
 * survives any path, each of the run's values is written once, the scripts
 * parse and, run against a stand-in sbatch and npx, pass the values through
 * intact; the Kubernetes manifests validate against Kubernetes' own models.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jobFiles, kubernetesName, shellQuote, writeJobFiles, type JobFile, type JobSpec } from '../../src/cli/jobs.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-jobs-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AWKWARD = ['my scenario\'s $HOME `x` "q" \\ !.yaml', '', 'plain.yaml', 'a\nb', "'", '$(touch /tmp/claimsim-pwned)', '*', '-n'];

const spec: JobSpec = {
  name: 'Base line',
  scenario: "scen dir/it's $x.yaml",
  claims: 1234,
  replications: 37,
  seed: 98765,
  set: ['policy.threshold=2500', 'world.note=a b'],
  executor: 'compiled',
  shards: 6,
  out: "/data/out dir/it's",
  image: 'registry.example/claimsim:9.9.9',
  pvc: 'my-results',
};

/** Occurrences of `value` not inside a longer word or number. */
function occurrences(text: string, value: string): number {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.match(new RegExp(`(?<![\\w.])${escaped}(?![\\w.])`, 'g'))?.length ?? 0;
}

/** A folder with stand-ins for sbatch and npx that log their arguments, one per line, NUL-free. */
function standIns(npxExit = 0): { bin: string; log: string } {
  const bin = mkdtempSync(join(dir, 'bin-'));
  const log = join(bin, 'log');
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/bash\n{ echo "${name}"; for a in "$@"; do printf '[%s]\\n' "$a"; done; } >> "${log}"\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool('sbatch', `echo "$((999 + $(grep -c ^sbatch "${log}")));cluster"`);
  tool('npx', `exit ${npxExit}`);
  return { bin, log };
}

describe('shellQuote', () => {
  it.each(AWKWARD)('round-trips %j through bash and sh', (text) => {
    for (const shell of ['bash', 'sh']) {
      const r = spawnSync(shell, ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(text);
    }
  });
  it('leaves plain words bare', () => {
    expect(shellQuote('scenarios/baseline.yaml')).toBe('scenarios/baseline.yaml');
    expect(shellQuote('a b')).toBe("'a b'");
  });
});

describe('slurm files', () => {
  const files = jobFiles('slurm', spec);
  const all = files.map((f) => f.text).join('\n');

  it('are an array script, a merge script and a submit script, named after the scenario', () => {
    expect(files.map((f) => f.name)).toEqual(['claimsim-Base-line.sbatch', 'claimsim-Base-line-merge.sbatch', 'claimsim-Base-line-submit.sh']);
    for (const f of files) expect(f.text.startsWith('#!/bin/bash\n')).toBe(true);
  });

  it("write each of the run's values once", () => {
    expect(occurrences(all, shellQuote(spec.scenario))).toBe(1);
    expect(all.split(spec.scenario.slice(0, 8)).length - 1).toBe(1);
    for (const value of ['1234', '37', '98765', '6', shellQuote(spec.out), 'policy.threshold=2500', "'world.note=a b'"]) expect([value, occurrences(all, value)]).toEqual([value, 1]);
  });

  it('use set -euo pipefail, afterany and sbatch --parsable, never afterok or --wait', () => {
    for (const f of files) expect(f.text).toContain('set -euo pipefail');
    expect(all).toContain('--dependency=afterany:"$array"');
    expect(all).toContain('sbatch --parsable');
    expect(all).not.toMatch(/afterok|--wait/);
  });

  it('parse with bash -n', () => {
    writeJobFiles(join(dir, 'parse'), files);
    for (const f of files) {
      const r = spawnSync('bash', ['-n', join(dir, 'parse', f.name)], { encoding: 'utf8' });
      expect([f.name, r.status, r.stderr]).toEqual([f.name, 0, '']);
    }
  });

  it('submit the array, then the merge after it, and each task runs its shard with the values intact', () => {
    const jobs = join(dir, 'submit');
    writeJobFiles(jobs, files);
    const { bin, log } = standIns();
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const out = spec.out; // absolute, as a cluster's output folder is
    // The submit script makes OUT; point it somewhere writable by running it with OUT relative to a temporary cwd.
    const submit = readFileSync(join(jobs, 'claimsim-Base-line-submit.sh'), 'utf8').replace(`OUT=${shellQuote(spec.out)}`, `OUT=${shellQuote(`.${out}`)}`);
    writeFileSync(join(jobs, 'claimsim-Base-line-submit.sh'), submit);
    const r = spawnSync('bash', [join(jobs, 'claimsim-Base-line-submit.sh')], { encoding: 'utf8', env, cwd });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `array job: 1000 (shards 1-6 of 6; logs ${jobs}/claimsim-Base-line-1000_TASK.out)\n` +
        `merge job: 1001 (runs after every shard; writes .${out}/results.json; log ${jobs}/claimsim-Base-line-merge-1001.out)\n`,
    );
    const calls = readFileSync(log, 'utf8')
      .split(/^sbatch\n/m)
      .filter(Boolean);
    expect(calls).toHaveLength(2);
    const args = (call: string) =>
      call
        .trim()
        .split('\n')
        .map((l) => l.slice(1, -1));
    const arrayArgs = args(calls[0]!);
    // Each job's log beside the job files, not in the folder it was submitted from.
    expect(arrayArgs.slice(0, 4)).toEqual(['--parsable', '--array=1-6', `--output=${jobs}/claimsim-Base-line-%A_%a.out`, join(jobs, 'claimsim-Base-line.sbatch')]);
    const taskArgs = arrayArgs.slice(4);
    expect(taskArgs).toEqual([
      '6',
      `.${out}`,
      spec.scenario,
      '--claims',
      '1234',
      '--replications',
      '37',
      '--seed',
      '98765',
      '--executor',
      'compiled',
      '--set',
      'policy.threshold=2500',
      '--set',
      'world.note=a b',
    ]);
    expect(args(calls[1]!)).toEqual([
      '--parsable',
      '--dependency=afterany:1000',
      `--output=${jobs}/claimsim-Base-line-merge-%j.out`,
      join(jobs, 'claimsim-Base-line-merge.sbatch'),
      `.${out}`,
      join(jobs, 'claimsim-Base-line-submit.sh'),
    ]);

    // A task, as Slurm would start it: the script with the arguments sbatch was given.
    rmSync(log);
    const task = spawnSync('bash', [join(jobs, 'claimsim-Base-line.sbatch'), ...taskArgs], { encoding: 'utf8', env: { ...env, SLURM_ARRAY_TASK_ID: '3' } });
    expect(task.status).toBe(0);
    expect(args(readFileSync(log, 'utf8').replace(/^npx\n/, ''))).toEqual(['claimsim', 'run', spec.scenario, ...taskArgs.slice(3), '--shard', '3/6', '--out', `.${out}`]);
    rmSync(log);
    const merge = spawnSync('bash', [join(jobs, 'claimsim-Base-line-merge.sbatch'), `.${out}`, join(jobs, 'claimsim-Base-line-submit.sh')], { encoding: 'utf8', env });
    expect(merge.status).toBe(0);
    expect(args(readFileSync(log, 'utf8').replace(/^npx\n/, ''))).toEqual(['claimsim', 'merge', `.${out}`]);
  });

  it('a task whose shard fails exits non-zero; a rerun of some shards submits just those', () => {
    const jobs = join(dir, 'fail');
    writeJobFiles(jobs, jobFiles('slurm', { ...spec, out: 'rel out' }));
    const { bin, log } = standIns(3);
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const task = spawnSync('bash', [join(jobs, 'claimsim-Base-line.sbatch'), '6', 'o', 'x.yaml'], { encoding: 'utf8', env: { ...env, SLURM_ARRAY_TASK_ID: '2' } });
    expect(task.status).toBe(3);
    const noTask = spawnSync('bash', [join(jobs, 'claimsim-Base-line.sbatch'), '6', 'o', 'x.yaml'], { encoding: 'utf8', env });
    expect(noTask.status).not.toBe(0);
    // A merge that refuses (shards missing) fails the merge job, and says how to resubmit them on Slurm.
    const submitPath = join(jobs, 'claimsim-Base-line-submit.sh');
    const merge = spawnSync('bash', [join(jobs, 'claimsim-Base-line-merge.sbatch'), 'rel out', submitPath], { encoding: 'utf8', env });
    expect(merge.status).toBe(3);
    expect(merge.stderr).toBe(`on Slurm, rather than on this node: bash ${submitPath} SHARDS (the missing shards, comma-separated), which merges again\n`);
    rmSync(log);
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const r = spawnSync('bash', [join(jobs, 'claimsim-Base-line-submit.sh'), '2,4'], { encoding: 'utf8', env, cwd });
    expect(r.status).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('[--array=2,4]');
    expect(r.stdout).toContain('(shards 2,4 of 6; logs ');
  });
});

describe('kubernetes files', () => {
  const [run, merge] = jobFiles('kubernetes', spec) as [JobFile, JobFile];
  const job = parse(run.text) as Record<string, any>;
  const mergeJob = parse(merge.text) as Record<string, any>;

  it('validate as batch/v1 Jobs against kubernetes-models', () => {
    expect(run.name).toBe('claimsim-Base-line.job.yaml');
    expect(merge.name).toBe('claimsim-Base-line-merge.job.yaml');
    expect(() => new Job(job).validate()).not.toThrow();
    expect(() => new Job(mergeJob).validate()).not.toThrow();
  });

  it('are refused by the same validation when broken', () => {
    const sideways = parse(run.text.replace('completionMode: Indexed', 'completionMode: Sideways'));
    expect(() => new Job(sideways).validate()).toThrow(/completionMode/);
    const noContainers = parse(run.text) as Record<string, any>;
    delete noContainers.spec.template.spec.containers;
    expect(() => new Job(noContainers).validate()).toThrow(/containers/);
    const wordy = parse(run.text.replace('completions: &shards 6', 'completions: &shards six'));
    expect(() => new Job(wordy).validate()).toThrow();
  });

  it('are an Indexed Job of N completions, run N at a time, never restarted, with the volume and image asked for', () => {
    expect(job.metadata.name).toBe(kubernetesName(spec.name));
    expect(job.metadata.name).toBe('claimsim-base-line');
    expect(job.spec).toMatchObject({ completions: 6, parallelism: 6, completionMode: 'Indexed', backoffLimitPerIndex: 1 });
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.containers[0].image).toBe('registry.example/claimsim:9.9.9');
    expect(pod.volumes).toEqual([{ name: 'results', persistentVolumeClaim: { claimName: 'my-results' } }]);
    expect(pod.containers[0].volumeMounts).toEqual([{ name: 'results', mountPath: spec.out }]);
    expect(mergeJob.spec.template.spec.volumes).toEqual(pod.volumes);
    expect(mergeJob.metadata.name).toBe('claimsim-base-line-merge');
  });

  it("write each of the run's values once, in the container's environment", () => {
    const env = job.spec.template.spec.containers[0].env as { name: string; value: string }[];
    expect(env).toEqual([
      { name: 'CLAIMSIM_SCENARIO', value: spec.scenario },
      { name: 'CLAIMSIM_CLAIMS', value: '1234' },
      { name: 'CLAIMSIM_REPLICATIONS', value: '37' },
      { name: 'CLAIMSIM_SEED', value: '98765' },
      { name: 'CLAIMSIM_SET_1', value: 'policy.threshold=2500' },
      { name: 'CLAIMSIM_SET_2', value: 'world.note=a b' },
      { name: 'CLAIMSIM_EXECUTOR', value: 'compiled' },
      { name: 'CLAIMSIM_SHARDS', value: '6' },
      { name: 'CLAIMSIM_OUT', value: spec.out },
    ]);
    for (const value of ['1234', '37', '98765']) expect(occurrences(run.text, value)).toBe(1);
    // The shard count: the environment's and completions' (parallelism is an alias of it).
    expect(occurrences(run.text, '6')).toBe(2);
    expect(occurrences(run.text, '"6"')).toBe(1);
    expect(run.text).toContain('completions: &shards 6\n  parallelism: *shards\n');
  });

  it("run shard index + 1 of N with the values intact (the container's sh -c, with a stand-in npx)", () => {
    const container = job.spec.template.spec.containers[0];
    expect(container.command).toEqual(['sh', '-c']);
    const { bin, log } = standIns();
    const env = Object.fromEntries((container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
    const r = spawnSync('sh', ['-c', container.args[0]], { encoding: 'utf8', env: { ...env, PATH: `${bin}:${process.env.PATH}`, JOB_COMPLETION_INDEX: '2' } });
    expect(r.status).toBe(0);
    const args = readFileSync(log, 'utf8')
      .replace(/^npx\n/, '')
      .trim()
      .split('\n')
      .map((l) => l.slice(1, -1));
    expect(args).toEqual([
      'claimsim',
      'run',
      spec.scenario,
      '--claims',
      '1234',
      '--replications',
      '37',
      '--seed',
      '98765',
      '--set',
      'policy.threshold=2500',
      '--set',
      'world.note=a b',
      '--executor',
      'compiled',
      '--shard',
      '3/6',
      '--out',
      spec.out,
    ]);
  });
});

describe('writeJobFiles', () => {
  it('refuses, writing nothing, when any of the names exists', () => {
    const jobs = join(dir, 'exists');
    const files = jobFiles('slurm', spec);
    writeJobFiles(jobs, [files[1]!]);
    writeFileSync(join(jobs, files[1]!.name), 'mine');
    expect(() => writeJobFiles(jobs, files)).toThrow(/claimsim-Base-line-merge\.sbatch already exists/);
    expect(readFileSync(join(jobs, files[1]!.name), 'utf8')).toBe('mine');
    expect(spawnSync('ls', ['-A', jobs], { encoding: 'utf8' }).stdout).toBe(`${files[1]!.name}\n`);
  });
});
