/**
 * The command line as a user meets it: `run` writes a complete results.json
 * that is identical for the same seed (apart from its timing block), and
 * refuses bad options cleanly. Runs the built CLI (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = 'dist/cli/main.js';
const dir = mkdtempSync(join(tmpdir(), 'claimsim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function claimsim(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('claimsim run', () => {
  const out = join(dir, 'det');
  const args = ['run', 'scenarios/baseline.yaml', '--claims', '3000', '-r', '3', '--seed', '42', '--out', out];

  it('writes results.json with the resolved parameters, seed, version and every required metric', () => {
    const r = claimsim(...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('marketplace.netCost');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.seed).toBe(42);
    expect(results.engine.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(results.parameters.policy.threshold).toBe(1000);
    expect(results.parameters.volume.claims).toBe(3000);
    expect(results.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    for (const metric of [
      'claims.filed',
      'claims.underThresholdShare',
      'claims.fraudulentShare',
      'marketplace.concessionsPaid',
      'marketplace.recovered',
      'marketplace.netCost',
      'marketplace.reviewCost',
      'marketplace.fraudPaid',
      'sellers.reimbursed',
      'insurers.paid',
      'customers.validPaidShare',
      'customers.daysToPayment',
      'customers.validDenied',
    ]) {
      // Cost metrics also carry their expected shortfall at 95%.
      const cost = ['marketplace.concessionsPaid', 'marketplace.netCost', 'marketplace.reviewCost', 'marketplace.fraudPaid'].includes(metric);
      expect(Object.keys(results.summary[metric]).sort()).toEqual(['mean', 'ciLow', 'ciHigh', 'p5', 'p50', 'p95', 'p99', 'n', ...(cost ? ['es95'] : [])].sort());
      expect(results.summary[metric].n).toBe(3);
    }
    // 3,000 expected genuine claims a year and a ninth as many fabricated on top (a 10% fraud share), each
    // count drawn anew every replication: the mean of three lies well within 3,333 +- 25%.
    expect(results.claimsPerReplication).toBe(3000);
    expect(results.summary['claims.filed'].mean).toBeGreaterThan(2500);
    expect(results.summary['claims.filed'].mean).toBeLessThan(4200);
    // The tables come with it, and no temporary file is left behind.
    expect(
      readdirSync(out)
        .filter((e) => !e.startsWith('.'))
        .sort(),
    ).toEqual(['development-cumulative.csv', 'development.csv', 'monthly.csv', 'open-claims.csv', 'replications.csv', 'report.html', 'results.json', 'summary.csv']);
  });

  it('gives byte-identical results for the same seed, apart from its invocation block', () => {
    const first = readFileSync(join(out, 'results.json'), 'utf8');
    expect(claimsim(...args).code).toBe(0);
    const second = readFileSync(join(out, 'results.json'), 'utf8');
    const untimed = (text: string) => text.replace(/"invocation": \{[^}]*\}/, '"invocation": {}');
    expect(untimed(second)).toBe(untimed(first));
    expect(untimed(first)).not.toBe(first);
  });

  it('defaults the output directory to reports/<scenario-name>', () => {
    const r = spawnSync(process.execPath, [join(process.cwd(), CLI), 'run', join(process.cwd(), 'scenarios/threshold-500.yaml'), '--claims', '500', '-r', '1'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'reports', 'threshold-500', 'results.json'))).toBe(true);
  });

  it.each([
    [['--seed', '-1'], '--seed must be a whole number'],
    [['--replications', '0'], '--replications must be a whole number'],
    [['--claims', '2.5'], '--claims must be a whole number'],
    [['--bogus'], 'Unknown argument'],
  ])('refuses %j with exit 2 and no output', (extra, message) => {
    const target = join(dir, 'refused');
    const r = claimsim('run', 'scenarios/baseline.yaml', '--out', target, ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(target)).toBe(false);
  });
});

describe('claimsim scenarios and help', () => {
  it('lists every bundled scenario with its description', () => {
    const r = claimsim('scenarios');
    expect(r.code).toBe(0);
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.yaml'))) expect(r.stdout).toContain(`scenarios/${f}`);
    expect(r.stdout.split('\n')[0]).toMatch(/^scenarios\/baseline\.yaml\s+The 2021 policy/);
  });

  it('run --help shows options and examples', () => {
    const r = claimsim('run', '--help');
    expect(r.code).toBe(0);
    for (const word of ['--claims', '--replications', '--seed', '--set', '--out', 'Examples:']) expect(r.stdout).toContain(word);
  });

  it('no command is a usage error', () => {
    const r = claimsim();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Name a command');
  });
});
