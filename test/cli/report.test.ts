/**
 * `claimsim report` rebuilds a report from saved results, and `--charts`
 * writes each chart as its own SVG or PNG file; bad input is refused cleanly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function claimsim(...args: string[]) {
  return spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
}

describe('claimsim report', () => {
  it('rebuilds report.html from results.json, with each chart as SVG or PNG', () => {
    const run = join(dir, 'run');
    expect(claimsim('run', 'scenarios/baseline.yaml', '--claims', '1000', '-r', '2', '-w', '1', '--out', run).status).toBe(0);
    const saved = join(dir, 'saved');
    const svg = claimsim('report', join(run, 'results.json'), '--out', saved, '--charts', 'svg');
    expect(svg.status).toBe(0);
    expect(svg.stdout).toContain(join(saved, 'report.html'));
    const html = readFileSync(join(saved, 'report.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script[^>]+src=/);
    const charts = readdirSync(join(saved, 'charts')).sort();
    expect(charts).toEqual(['cash-flow-by-payer.svg', 'claim-amounts.svg', 'cost-distribution.svg', 'days-to-payment.svg', 'development-triangle.svg', 'monthly-cash-flow.svg', 'who-pays.svg']);
    expect(readFileSync(join(saved, 'charts', 'who-pays.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(claimsim('report', join(run, 'results.json'), '--out', saved, '--charts', 'png').status).toBe(0);
    // The PNG signature: 0x89 'P' 'N' 'G'.
    expect([...readFileSync(join(saved, 'charts', 'claim-amounts.png')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  }, 300_000);

  it("a report written into another run's folder brings its own results: the output never mixes two runs", () => {
    const a = join(dir, 'seed-1');
    const b = join(dir, 'seed-2');
    const small = ['--claims', '500', '-r', '2', '-w', '1'];
    expect(claimsim('run', 'scenarios/baseline.yaml', ...small, '--seed', '1', '--out', a).status).toBe(0);
    expect(claimsim('run', 'scenarios/baseline.yaml', ...small, '--seed', '2', '--out', b).status).toBe(0);
    const r = claimsim('report', join(a, 'results.json'), '--out', b);
    expect(r.status, r.stderr).toBe(0);
    const seedOf = (folder: string) => (JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')) as { seed: number }).seed;
    expect(seedOf(b)).toBe(1);
    // Run 2's tables were not carried into an output whose results are run 1's.
    expect(existsSync(join(b, 'summary.csv'))).toBe(false);
    // Beside its own results, a report keeps the output's other files.
    expect(claimsim('report', join(a, 'results.json')).status).toBe(0);
    expect(seedOf(a)).toBe(1);
    expect(existsSync(join(a, 'summary.csv'))).toBe(true);
  }, 300_000);

  it('refuses a file that is not claimsim results, writing nothing', () => {
    const bogus = join(dir, 'bogus.json');
    writeFileSync(bogus, '{"kind":"nonsense"}');
    const r = claimsim('report', bogus, '--out', join(dir, 'nothing'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not the results of a claimsim analysis');
    expect(existsSync(join(dir, 'nothing'))).toBe(false);
    writeFileSync(bogus, '{ not json');
    expect(claimsim('report', bogus).stderr).toContain('not a readable results file');
  });
});
