/**
 * The terminal tables of run, compare and sweep with too few replications for
 * an interval (fewer than 5): the interval is "n/a", the verdict on the noise
 * too, and a lower bound below zero is clipped and marked. Runs the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/format/values.js';
import { headlineTable } from '../../src/cli/format.js';
import type { RunResults } from '../../src/results/results.js';
import { summarise } from '../../src/stats/summary.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-intervals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SMALL = ['--claims', '1000', '--set', 'world.teams=2', '-w', '1'];

function claimsim(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const rowOf = (stdout: string, metric: string) => stdout.split('\n').find((l) => l.startsWith(`${metric} `))!;

describe('run', () => {
  it('with 3 replications prints no interval', () => {
    const r = claimsim('run', 'scenarios/baseline.yaml', ...SMALL, '-r', '3', '--out', join(dir, 'r3'));
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'r3', 'results.json'), 'utf8'));
    const s = results.summary['marketplace.netCost'];
    // results.json keeps the interval; the table does not print it.
    expect(s.ciLow).toEqual(expect.any(Number));
    const row = rowOf(r.stdout, 'marketplace.netCost');
    expect(row).toContain('n/a (fewer than 5 replications)');
    expect(row).not.toContain(formatUsd(s.ciLow));
  });

  it('with 5 replications prints the interval in results.json', () => {
    const r = claimsim('run', 'scenarios/baseline.yaml', ...SMALL, '-r', '5', '--out', join(dir, 'r5'));
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'r5', 'results.json'), 'utf8')).summary['marketplace.netCost'];
    expect(rowOf(r.stdout, 'marketplace.netCost')).toContain(`${formatUsd(s.ciLow)} .. ${formatUsd(s.ciHigh)}`);
    expect(r.stdout).not.toContain('n/a');
  });

  it('clips a lower bound below zero and says so', () => {
    const results = JSON.parse(readFileSync(join(dir, 'r5', 'results.json'), 'utf8')) as RunResults;
    // 0, 0, 0, 0, 5,000: mean 1,000, 95% interval -1,776 to 3,776 (worked in test/report/summary.test.ts).
    const skewed = { ...results, summary: { ...results.summary, 'marketplace.netCost': summarise([0, 0, 0, 0, 5000]) } };
    expect(rowOf(headlineTable(skewed), 'marketplace.netCost')).toMatch(/\$1,000 +\$0 \(clipped\) \.\. \$3,776 /);
  });
});

describe('run --precision', () => {
  it('does not call precision reached on fewer than 5 replications, and says why', () => {
    const r = claimsim('run', 'scenarios/baseline.yaml', ...SMALL, '-r', '2', '--precision', '0.9', '--max-replications', '4', '--out', join(dir, 'p4'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Precision NOT reached: the cap of 4 replications is fewer than the 5 an interval needs to mean anything.');
    expect(JSON.parse(readFileSync(join(dir, 'p4', 'results.json'), 'utf8')).replications).toBe(4);
  });
});

describe('compare and sweep', () => {
  it('compare with 2 replications gives neither interval nor verdict', () => {
    const r = claimsim('compare', 'scenarios/baseline.yaml', 'scenarios/threshold-2500.yaml', ...SMALL, '-r', '2', '--out', join(dir, 'c2'));
    expect(r.code).toBe(0);
    const row = rowOf(r.stdout, 'marketplace.concessionsPaid');
    expect(row).toMatch(/n\/a \(fewer than 5 replications\) +n\/a /);
    expect(r.stdout).not.toMatch(/ (yes|no) /);
  });

  it('sweep with 2 replications prints means only, and says why', () => {
    const r = claimsim('sweep', 'scenarios/baseline.yaml', '--param', 'policy.threshold=500,1500', ...SMALL, '-r', '2', '--out', join(dir, 's2'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No intervals: 2 replications are fewer than the 5 an interval needs');
    const results = JSON.parse(readFileSync(join(dir, 's2', 'results.json'), 'utf8'));
    const point = results.points[0].summary['marketplace.netCost'];
    expect(r.stdout.split('\n').find((l) => l.startsWith('500 '))).toMatch(new RegExp(`^500 +\\${formatUsd(point.mean)} +[\\d.]+%$`));
  });
});
