/**
 * `npm run bench` runs: a --quick pass (small sizes, one run per figure, no
 * 10M run, no sensitivity) prints every figure with a positive number, writes
 * the same figures to --json, and leaves nothing behind in the temporary
 * folder it was given. About 15 s of CPU on a two-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCH = join(ROOT, 'dist', 'bench', 'main.js');
const NUMBER = String.raw`(\d[\d,]*(?:\.\d+)?)`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function bench(args: string[]) {
  // The bench's own temporary folder goes under this one (os.tmpdir() follows TMPDIR), so what it leaves is seen.
  const tmp = mkdtempSync(join(tmpdir(), 'claimsim-bench-test-'));
  dirs.push(tmp);
  const r = spawnSync(process.execPath, [BENCH, ...args.map((a) => a.replace('$TMP', tmp))], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
  return { ...r, tmp };
}

const positive = (text: string) => {
  const x = Number(text.replace(/,/g, ''));
  expect(x, text).toBeGreaterThan(0);
  return x;
};

describe('npm run bench --quick', () => {
  let run: ReturnType<typeof bench>;
  beforeAll(() => {
    run = bench(['--quick', '--skip-10m', '--skip-sensitivity', '--runs', '1', '--json', '$TMP/figures.json']);
  });

  it('exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints each figure with its unit and a positive number', () => {
    const lines = run.stdout.split('\n');
    const expected: [string, RegExp][] = [
      ['header', new RegExp(String.raw`^claimsim benchmark .*Node v\d+\.\d+\.\d+, .*, ${NUMBER} workers \(os\.availableParallelism\(\)\), 1 run per figure$`)],
      ['load at start', new RegExp(String.raw`^load average at start: ${NUMBER}, ${NUMBER}, ${NUMBER} \(1, 5, 15 min\)$`)],
      ['xstate', new RegExp(String.raw`^executor xstate: ${NUMBER} claims/s \(median of 1, ${NUMBER} s, peak RSS ${NUMBER} MB\)$`)],
      ['compiled', new RegExp(String.raw`^executor compiled: ${NUMBER} claims/s \(median of 1, ${NUMBER} s, peak RSS ${NUMBER} MB\)$`)],
      ['ratio', new RegExp(String.raw`^executor ratio, compiled / xstate: ${NUMBER}x \(of the medians; results identical: yes\)$`)],
      ['whole process', new RegExp(String.raw`^baseline, whole process \(claimsim run\): ${NUMBER} s wall from spawn to exit, ${NUMBER} claims/s, peak RSS ${NUMBER} MB \(median of 1\)$`)],
      ['engine', new RegExp(String.raw`^baseline, engine in process: ${NUMBER} s, ${NUMBER} claims/s, peak RSS ${NUMBER} MB \(median of 1\)$`)],
      ['validate', new RegExp(String.raw`^command line, validate baseline: median ${NUMBER} s wall \(min ${NUMBER}, max ${NUMBER}, ${NUMBER} starts\)$`)],
      ['refused', new RegExp(String.raw`^command line, run of a refused scenario: median ${NUMBER} s wall \(min ${NUMBER}, max ${NUMBER}, ${NUMBER} starts\)$`)],
    ];
    for (const [name, pattern] of expected) {
      const line = lines.find((l) => pattern.test(l));
      expect(line, `${name} line (${pattern}) in:\n${run.stdout}`).toBeDefined();
      // Load averages may be 0 on an idle machine; every other figure is positive.
      if (name !== 'load at start') pattern.exec(line!)!.slice(1).forEach(positive);
    }
    expect(lines.some((l) => /^load average at end: /.test(l))).toBe(true);
    expect(run.stdout).toMatch(/^ {2}run 1: xstate .* claims\/s; compiled .* claims\/s; ratio .*x$/m);
    expect(run.stdout).toMatch(/^ {2}run 1: claimsim run .* s wall, peak RSS .* MB; engine .* claims\/s, peak RSS .* MB$/m);
    // Left out when asked.
    expect(run.stdout).not.toMatch(/^big run/m);
    expect(run.stdout).not.toMatch(/^sensitivity/m);
  });

  it('writes the same figures to --json', () => {
    const figures = JSON.parse(readFileSync(join(run.tmp, 'figures.json'), 'utf8'));
    expect(figures.node).toBe(process.version);
    expect(figures.workers).toBeGreaterThan(0);
    expect(figures.loadAverageStart).toHaveLength(3);
    expect(figures.loadAverageEnd).toHaveLength(3);
    expect(figures.executors.xstate.claimsPerSecond).toBeGreaterThan(0);
    expect(figures.executors.compiled.claimsPerSecond).toBeGreaterThan(0);
    expect(figures.executors.ratio).toBeCloseTo(figures.executors.compiled.claimsPerSecond / figures.executors.xstate.claimsPerSecond, 10);
    expect(figures.executors.identicalResults).toBe(true);
    expect(figures.baseline.wholeProcess.wallSeconds).toBeGreaterThan(0);
    expect(figures.baseline.wholeProcess.peakRssMb).toBeGreaterThan(0);
    expect(figures.baseline.engine.claimsPerSecond).toBeGreaterThan(0);
    expect(figures.baseline.engine.peakRssMb).toBeGreaterThan(0);
    expect(figures.big).toBeNull();
    expect(figures.sensitivity).toBeNull();
    expect(figures.commandLine.validate.wallSeconds).toBeGreaterThan(0);
    expect(figures.commands.some((c: string) => /dist\/cli\/main\.js run .*baseline\.yaml --claims 20000 -r 1 --out \$TMP\/run-1$/.test(c))).toBe(true);
  });

  it('leaves nothing behind but the --json file', () => {
    expect(readdirSync(run.tmp)).toEqual(['figures.json']);
  });
});

describe('npm run bench options', () => {
  it('refuses a bad option before measuring anything', () => {
    for (const args of [['--runs', '0'], ['--claims', 'many'], ['--fast']]) {
      const r = bench(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^bench: /);
      expect(r.stdout).toBe('');
      expect(readdirSync(r.tmp)).toEqual([]);
    }
  });

  it('--help', () => {
    const r = bench(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--skip-sensitivity/);
  });
});
