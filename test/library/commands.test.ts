/**
 * The library gives what the commands write: each command's results.json
 * (apart from its invocation) equals the library call with the same
 * scenario, options and seed, and fit's overlay is the text the library
 * states. Needs dist/ (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAxis } from '../../src/analysis/grid.js';
import { readClaimAmounts } from '../../src/analysis/fit/readAmounts.js';
import { parseTarget } from '../../src/analysis/targets.js';
import { calibrate, compare, sensitivity, sweep } from '../../src/library/analyses.js';
import { fit } from '../../src/library/fit.js';
import { simulate } from '../../src/library/simulate.js';
import { loadScenario } from '../../src/params/load.js';

const CLI = resolve('dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'claimsim-library-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = ['volume.claims=1200', 'world.teams=2'];
const cliArgs = ['--set', 'volume.claims=1200', '--set', 'world.teams=2', '--seed', '4', '--workers', '2'];
const options = { seed: 4, workers: 2 };

/** The results.json `claimsim ARGS --out DIR/NAME` writes, without its invocation. */
function command(name: string, args: readonly string[]): unknown {
  const out = join(dir, name);
  const r = spawnSync(process.execPath, [CLI, ...args, '--out', out], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  expect(r.status, r.stderr).not.toBe(2);
  return withoutInvocation(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
}

function withoutInvocation(results: unknown): unknown {
  const { invocation: _, ...rest } = JSON.parse(JSON.stringify(results)) as Record<string, unknown>;
  return rest;
}

const baseline = () => loadScenario('scenarios/baseline.yaml', { set: SMALL });

describe('the library and the commands', () => {
  it('simulate is claimsim run', async () => {
    const written = command('run', ['run', 'scenarios/baseline.yaml', ...cliArgs, '-r', '3']);
    expect(withoutInvocation(await simulate(baseline(), { ...options, replications: 3 }))).toEqual(written);
  });

  it('compare is claimsim compare', async () => {
    const written = command('compare', ['compare', 'scenarios/baseline.yaml', 'scenarios/threshold-2500.yaml', ...cliArgs, '-r', '3']);
    const other = loadScenario('scenarios/threshold-2500.yaml', { set: SMALL });
    expect(withoutInvocation(await compare(baseline(), [other], { ...options, replications: 3 }))).toEqual(written);
  });

  it('sweep is claimsim sweep', async () => {
    const written = command('sweep', ['sweep', 'scenarios/baseline.yaml', '--param', 'policy.threshold=500,2500', ...cliArgs, '-r', '2']);
    expect(withoutInvocation(await sweep(baseline(), [parseAxis('policy.threshold=500,2500')], { ...options, replications: 2 }))).toEqual(written);
  });

  it('sensitivity is claimsim sensitivity', async () => {
    const written = command('sensitivity', ['sensitivity', 'scenarios/baseline.yaml', '--param', 'fraud.share', ...cliArgs, '-r', '2']);
    expect(withoutInvocation(await sensitivity(baseline(), { ...options, replications: 2, params: ['fraud.share'] }))).toEqual(written);
  });

  it('calibrate is claimsim calibrate', async () => {
    const overlay = join(dir, 'calibrate', 'baseline-calibrated.yaml');
    const written = command('calibrate', [
      'calibrate',
      'scenarios/baseline.yaml',
      '--target',
      'claims.fraudulentShare=0.05..0.15',
      '--free',
      'fraud.share',
      '--max-evaluations',
      '4',
      ...cliArgs,
      '-r',
      '2',
    ]);
    const { results } = await calibrate(baseline(), [parseTarget('claims.fraudulentShare=0.05..0.15')], ['fraud.share'], { ...options, replications: 2, maxEvaluations: 4, overlayFile: overlay });
    expect(withoutInvocation(results)).toEqual(written);
  });

  it("fit is claimsim fit, and its overlay is the library's", () => {
    const overlayFile = join(dir, 'claims-fit.yaml');
    const r = spawnSync(process.execPath, [CLI, 'fit', 'test/fixtures/fit/claims.csv', '--column', 'paid_usd', '--out', overlayFile, '--report-dir', join(dir, 'fit')], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    });
    expect(r.status, r.stderr).toBe(0);
    const fitted = fit(readClaimAmounts('test/fixtures/fit/claims.csv', { column: 'paid_usd' }), { name: 'claims-fit', overlayFile });
    expect(withoutInvocation(fitted.results)).toEqual(withoutInvocation(JSON.parse(readFileSync(join(dir, 'fit', 'results.json'), 'utf8'))));
    expect(fitted.overlay.text).toBe(readFileSync(overlayFile, 'utf8'));
  });
});
