/**
 * `claimsim jobs` as a user meets it: it writes the job files for a validated
 * run, from the same options as `run`, and refuses (exit 2, nothing written) a
 * bad scenario, a bad shard count, or a name that is already a file. Runs the
 * built CLI (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jobFiles, shellQuote } from '../../src/cli/jobs.js';

const CLI = 'dist/cli/main.js';
const dir = mkdtempSync(join(tmpdir(), 'claimsim-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function claimsim(...args: string[]) {
  return claimsimIn(process.cwd(), ...args);
}

function claimsimIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(process.cwd(), CLI), ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A scenario at a path with a space, a single quote and a dollar sign.
const awkward = join(dir, "my scen'ario $HOME", 'baseline.yaml');
mkdirSync(join(dir, "my scen'ario $HOME"));
copyFileSync('scenarios/baseline.yaml', awkward);

describe('claimsim jobs slurm', () => {
  it('writes the array, merge and submit scripts, with the values as given, and says how to submit', () => {
    const jobs = join(dir, 'slurm');
    const r = claimsim(
      'jobs',
      'slurm',
      awkward,
      '--shards',
      '4',
      '--claims',
      '3000',
      '-r',
      '40',
      '--seed',
      '7',
      '--set',
      'policy.threshold=2500',
      '--executor',
      'compiled',
      '--out',
      '/results/big',
      '--job-dir',
      jobs,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const names = ['claimsim-baseline.sbatch', 'claimsim-baseline-merge.sbatch', 'claimsim-baseline-submit.sh'];
    expect(readdirSync(jobs).sort()).toEqual([...names].sort());
    expect(r.stdout).toContain(`wrote ${join(jobs, names[0]!)}\n`);
    expect(r.stdout).toContain(`submit: bash ${join(jobs, names[2]!)}`);
    const expected = jobFiles('slurm', {
      name: 'baseline',
      scenario: awkward,
      claims: 3000,
      replications: 40,
      seed: 7,
      set: ['policy.threshold=2500'],
      executor: 'compiled',
      shards: 4,
      out: '/results/big',
    });
    for (const f of expected) expect(readFileSync(join(jobs, f.name), 'utf8')).toBe(f.text);
    const submit = readFileSync(join(jobs, names[2]!), 'utf8');
    expect(submit).toContain(`SCENARIO=${shellQuote(awkward)}\nCLAIMS=3000\nREPLICATIONS=40\nSEED=7\nSETS=(policy.threshold=2500)\nEXECUTOR=compiled\nSHARDS=4\nOUT=/results/big\n`);
    for (const name of names) expect(spawnSync('bash', ['-n', join(jobs, name)]).status).toBe(0);
    // The quoted scenario path comes back as typed.
    const printed = spawnSync('bash', ['-c', `${submit.split('\n').find((l) => l.startsWith('SCENARIO='))}; printf %s "$SCENARIO"`], { encoding: 'utf8' });
    expect(printed.stdout).toBe(awkward);
  });

  it('writes the job files into --out when no --job-dir is given', () => {
    const out = join(dir, 'out-default');
    expect(claimsim('jobs', 'slurm', 'scenarios/baseline.yaml', '--shards', '2', '-r', '2', '--out', out).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['claimsim-baseline-merge.sbatch', 'claimsim-baseline-submit.sh', 'claimsim-baseline.sbatch']);
  });

  it('writes Kubernetes manifests into the current directory, not at --out (a path inside the container)', () => {
    const here = mkdtempSync(join(dir, 'cwd-'));
    const inContainer = join(dir, 'in-container');
    const r = claimsimIn(here, 'jobs', 'kubernetes', join(process.cwd(), 'scenarios/baseline.yaml'), '--shards', '2', '-r', '2', '--out', inContainer);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(here).sort()).toEqual(['claimsim-baseline-merge.job.yaml', 'claimsim-baseline.job.yaml']);
    expect(existsSync(inContainer)).toBe(false);
  });

  it.each([
    [['--shards', '0'], '--shards must be a whole number from 1'],
    [['--shards', '1.5'], '--shards must be a whole number from 1'],
    [['--shards', '81'], '--shards: 81 shards of 80 team-replications'],
    [['--shards', '2', '-r', '0'], '--replications must be a whole number'],
    [['--shards', '2', '--seed', '-1'], '--seed must be a whole number'],
    [['--shards', '2', '--claims', '2.5'], '--claims must be a whole number'],
  ])('refuses %j with exit 2 and writes nothing', (options, message) => {
    const jobs = join(dir, `bad-${options.join('')}`);
    const r = claimsim('jobs', 'slurm', 'scenarios/baseline.yaml', '-r', '10', ...options, '--out', jobs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(jobs)).toBe(false);
  });

  it('refuses a bad scenario, naming the file and field, and writes nothing', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync('scenarios/baseline.yaml', 'utf8').replace(/^name: baseline$/m, 'name: baseline\nvolume_typo: 3'));
    const jobs = join(dir, 'bad-scenario');
    const r = claimsim('jobs', 'slurm', bad, '--shards', '2', '--out', jobs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('volume_typo');
    expect(existsSync(jobs)).toBe(false);
    const overridden = claimsim('jobs', 'slurm', 'scenarios/baseline.yaml', '--shards', '2', '--set', 'policy.nope=1', '--out', jobs);
    expect(overridden.code).toBe(2);
    expect(overridden.stderr).toContain('policy.nope');
    const missing = claimsim('jobs', 'slurm', join(dir, 'none.yaml'), '--shards', '2', '--out', jobs);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.yaml');
    expect(existsSync(jobs)).toBe(false);
  });

  it('refuses to overwrite a file that is already there, and writes none of the others', () => {
    const jobs = join(dir, 'exists');
    mkdirSync(jobs);
    writeFileSync(join(jobs, 'claimsim-baseline-submit.sh'), 'my own script\n');
    const r = claimsim('jobs', 'slurm', 'scenarios/baseline.yaml', '--shards', '2', '--out', jobs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(jobs, 'claimsim-baseline-submit.sh')} already exists`);
    expect(readdirSync(jobs)).toEqual(['claimsim-baseline-submit.sh']);
    expect(readFileSync(join(jobs, 'claimsim-baseline-submit.sh'), 'utf8')).toBe('my own script\n');
    // Its own files, a second time, too: a regenerated file must be removed first, on purpose.
    const again = join(dir, 'again');
    expect(claimsim('jobs', 'slurm', 'scenarios/baseline.yaml', '--shards', '2', '--out', again).code).toBe(0);
    expect(claimsim('jobs', 'slurm', 'scenarios/baseline.yaml', '--shards', '2', '--out', again).code).toBe(2);
  });

  it('has examples in its help', () => {
    const r = claimsim('jobs', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('claimsim jobs slurm scenarios/baseline.yaml');
    expect(r.stdout).toContain('then: bash jobs/claimsim-baseline-submit.sh');
    expect(r.stdout).toContain('afterany');
    expect(r.stdout).toContain('merge.job.yaml');
  });
});

describe('the README', () => {
  it('shows the files claimsim jobs writes for the baseline, as it writes them', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Parallel runs and clusters'), readme.indexOf('## Performance'));
    const spec = {
      name: 'baseline',
      scenario: 'scenarios/baseline.yaml',
      replications: 40,
      seed: 1,
      set: [],
      executor: 'compiled',
      shards: 4,
      out: '/results',
      image: `claimsim:${VERSION}`,
      pvc: 'claimsim-results',
    };
    for (const scheduler of ['slurm', 'kubernetes'] as const) {
      for (const f of jobFiles(scheduler, spec)) expect(section, f.name).toContain(`\n\`\`\`${f.name.endsWith('.yaml') ? 'yaml' : 'bash'}\n${f.text}\`\`\`\n`);
    }
    expect(section).toContain('npx claimsim jobs slurm scenarios/baseline.yaml --shards 4 -r 40 --seed 1 --out /results');
    expect(section).toContain('npx claimsim jobs kubernetes scenarios/baseline.yaml --shards 4 -r 40 --seed 1 --out /results');
  });
});

describe('claimsim jobs kubernetes', () => {
  it('writes an Indexed Job and a merge Job that validate against kubernetes-models, image and claim as asked', () => {
    const jobs = join(dir, 'k8s');
    const r = claimsim('jobs', 'kubernetes', 'scenarios/baseline.yaml', '--shards', '4', '-r', '40', '--seed', '1', '--out', '/results', '--job-dir', jobs, '--pvc', 'big-disk');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`kubectl apply -f ${join(jobs, 'claimsim-baseline.job.yaml')}`);
    const job = parse(readFileSync(join(jobs, 'claimsim-baseline.job.yaml'), 'utf8')) as Record<string, any>;
    const merge = parse(readFileSync(join(jobs, 'claimsim-baseline-merge.job.yaml'), 'utf8')) as Record<string, any>;
    expect(() => new Job(job).validate()).not.toThrow();
    expect(() => new Job(merge).validate()).not.toThrow();
    expect(job.spec).toMatchObject({ completions: 4, parallelism: 4, completionMode: 'Indexed' });
    expect(job.spec.template.spec.containers[0].image).toBe(`claimsim:${VERSION}`);
    expect(job.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe('big-disk');
    expect(merge.spec.template.spec.containers[0].args[0]).toBe('exec npx claimsim merge "$CLAIMSIM_OUT"');
  });

  it('refuses an --out that is not an absolute path in the container', () => {
    const jobs = join(dir, 'k8s-relative');
    const r = claimsim('jobs', 'kubernetes', 'scenarios/baseline.yaml', '--shards', '4', '--out', 'results', '--job-dir', jobs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out must be an absolute path');
    expect(existsSync(jobs)).toBe(false);
  });
});
