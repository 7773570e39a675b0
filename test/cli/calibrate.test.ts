/**
 * `claimsim calibrate` as a user meets it: a target it cannot reach ends with
 * exit code 1, a plain statement of what missed and by how much, results and
 * report for the trace, and no overlay (not even one left from an earlier
 * run); a target it reaches writes the overlay beside the outputs, where it
 * loads; the bundled scenarios folder is never written, and an overlay that
 * could not find its base is refused before anything is simulated.
 * Runs the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/params/load.js';
import { spawnTimed } from '../support/cpu.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SMALL = ['--claims', '1000', '-r', '2', '--set', 'world.teams=2', '-w', '1'];
/**
 * More than any threshold from $500 to $1,500 (the search range) puts under it, with a tight absolute
 * tolerance (--tolerance applies only to targets without one of their own).
 */
const UNREACHABLE = ['--target', 'claims.underThresholdShare=0.999±0.0005', '--tolerance', '0.5', '--free', 'policy.threshold'];
/** Any threshold in the range meets it. */
const REACHABLE = ['--target', 'claims.underThresholdShare=0.5..0.99', '--free', 'policy.threshold'];

function claimsim(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The bundled scenarios' file names, to see that calibrate wrote nothing there. */
const bundled = () => readdirSync('scenarios').sort();

describe('claimsim calibrate', () => {
  it('exits 1 on a target it cannot reach, says which missed and by how much, and writes no overlay', () => {
    const out = join(dir, 'missed');
    const before = bundled();
    const r = claimsim('calibrate', 'scenarios/baseline.yaml', ...UNREACHABLE, ...SMALL, '--max-evaluations', '5', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NOT CALIBRATED: 1 of 1 target outside its tolerance after 5 evaluations:');
    // 0.999 ± 0.0005 accepts 0.9985 to 0.9995; the simulated share is below.
    expect(r.stdout).toMatch(/^ {2}claims\.underThresholdShare is 0\.\d+, 0\.\d+ below the lowest value its target 0\.999 ± 0\.0005 accepts \(\d+\.\d\d% of 0\.999\)$/m);
    expect(r.stdout).toContain(`No overlay was written. results.json (with every evaluation of the search) and report.html are in ${out}`);
    expect(
      readdirSync(out)
        .filter((e) => !e.startsWith('.'))
        .sort(),
    ).toEqual(['calibration.csv', 'report.html', 'results.json']);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.overlayFile).toBeNull();
    expect(results.calibration.reached).toBe(false);
    expect(results.calibration.achieved[0]).toMatchObject({ metric: 'claims.underThresholdShare', wanted: { value: 0.999, tolerance: 0.0005 }, within: false });
    // The miss in the table is the one in words: (simulated - 0.9985) / 0.999.
    const a = results.calibration.achieved[0];
    expect(a.miss).toBeCloseTo((a.simulated - 0.9985) / 0.999, 12);
    expect(r.stdout).toContain(`${(a.miss * 100).toFixed(2)}%`);
    expect(results.calibration.trace).toHaveLength(5);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('The calibration did NOT reach its targets');
    expect(bundled()).toEqual(before);
  }, 300_000);

  it('meets a target, writes the overlay beside its outputs, where it loads; a later miss removes it', () => {
    const out = join(dir, 'met');
    const before = bundled();
    const r = claimsim('calibrate', 'scenarios/baseline.yaml', ...REACHABLE, ...SMALL, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const overlay = join(out, 'baseline-calibrated.yaml');
    expect(r.stdout).toContain(`Every target is within its tolerance after 1 evaluations.\noverlay: ${overlay}\n`);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.overlayFile).toBe(overlay);
    // The first point golden-section search tries: 500 + (1 - 0.618034) * 1000.
    const loaded = loadScenario(overlay);
    expect(loaded.parameters.policy.threshold).toBe(881.966);
    expect(loaded.chain[0]).toMatch(/scenarios[\\/]baseline\.yaml$/);
    expect(bundled()).toEqual(before);
    // The same output directory, now with a target missed: the overlay from before goes.
    const again = claimsim('calibrate', 'scenarios/baseline.yaml', ...UNREACHABLE, ...SMALL, '--max-evaluations', '2', '--out', out);
    expect(again.code).toBe(1);
    expect(existsSync(overlay)).toBe(false);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  }, 300_000);

  it('refuses an overlay inside the bundled scenarios folder, before simulating', () => {
    const before = bundled();
    const out = join(dir, 'bundled');
    const r = spawnTimed(['dist/cli/main.js', 'calibrate', 'scenarios/baseline.yaml', ...REACHABLE, ...SMALL, '--overlay', 'scenarios/baseline-calibrated.yaml', '--out', out], {
      env: { ...process.env, CI: 'true' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^error: --overlay scenarios\/baseline-calibrated\.yaml: is inside claimsim's bundled scenarios folder \(.*scenarios\), which calibrate does not write into; choose a path elsewhere\n$/,
    );
    // Before simulating: the CLI's start-up and no more (CPU time, which a busy machine does not stretch).
    expect(r.cpuMs, 'CPU ms').toBeLessThan(3000);
    expect(existsSync(out)).toBe(false);
    expect(bundled()).toEqual(before);
  });

  it('refuses to put the overlay where extends would not find a user base, and writes it beside the base when told', () => {
    const userDir = join(dir, 'user');
    mkdirSync(userDir);
    const base = join(userDir, 'mine.yaml');
    copyFileSync('test/fixtures/scenarios/overlay-threshold.yaml', base);
    const out = join(dir, 'user-out');
    const refused = claimsim('calibrate', base, ...REACHABLE, ...SMALL, '--out', out);
    expect(refused.code).toBe(2);
    const beside = join(userDir, 'mine-calibrated.yaml');
    expect(refused.stderr).toContain(`error: the default overlay path (set by --out) ${join(out, 'mine-calibrated.yaml')}: the overlay would say "extends: mine", which from there finds no scenario`);
    expect(refused.stderr).toContain(`write it beside its base with --overlay ${beside}`);
    expect(existsSync(out)).toBe(false);

    const written = claimsim('calibrate', base, ...REACHABLE, ...SMALL, '--out', out, '--overlay', beside);
    expect(written.code).toBe(0);
    expect(loadScenario(beside).chain.map((p) => p.split(/[\\/]/).pop())).toEqual(['baseline.yaml', 'mine.yaml', 'mine-calibrated.yaml']);
    expect(
      readdirSync(out)
        .filter((e) => !e.startsWith('.'))
        .sort(),
    ).toEqual(['calibration.csv', 'report.html', 'results.json']);
  }, 300_000);

  it.each([
    [['--tolerance', '-0.1'], /^error: --tolerance must be a share from 0 up to 1 \(0\.02 accepts ±2% of each METRIC=VALUE target\), got -0\.1$/m],
    [['--target', 'claims.underThresholdShare=0.9..0.8'], /^error: --target claims\.underThresholdShare: LOW \(0\.9\) is above HIGH \(0\.8\)$/m],
    [['--max-evaluations', '1'], /^error: --max-evaluations must be a whole number from 2 to 10000, got 1$/m],
  ])('refuses %j with exit 2', (extra, message) => {
    const out = join(dir, 'refused');
    const r = claimsim('calibrate', 'scenarios/baseline.yaml', ...REACHABLE, ...SMALL, ...extra, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('--help documents the targets, the tolerance and the exit codes', () => {
    const r = claimsim('calibrate', '--help');
    expect(r.code).toBe(0);
    for (const text of [
      'METRIC=VALUE±TOL',
      'METRIC=LOW..HIGH',
      '--tolerance',
      '--max-evaluations',
      'Exit status: 0 when every target is within its tolerance',
      '1 when the search ran but a target is outside its tolerance',
      '2 for bad input',
    ]) {
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(text);
    }
  });
});
