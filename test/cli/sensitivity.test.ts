/**
 * `claimsim sensitivity` as a user meets it: ranked by net cost per claim
 * unless told otherwise, scale parameters left out (and said so) unless named,
 * and a warning, printed, saved and in the report, when a base value lies
 * outside its declared range. Runs the built CLI on a root scenario made from
 * the baseline with only two ranges left, so that it runs 5 small simulations.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPair, isScalar, parseDocument, visit } from 'yaml';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-sensitivity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOY = join(dir, 'toy.yaml');
/** The two estimates the toy keeps ranges for, and the scale parameter. */
const KEPT = ['screening.fullReviewCostUsd', 'policy.paymentLagDays', 'volume.claims'];
const SMALL = ['--claims', '1000', '-r', '2', '--set', 'world.teams=2', '-w', '1'];
let fullReviewRange: [number, number];

beforeAll(() => {
  const doc = parseDocument(readFileSync('scenarios/baseline.yaml', 'utf8'));
  visit(doc, {
    Pair(_, pair, path) {
      if (!isScalar(pair.key) || pair.key.value !== 'range') return undefined;
      // The pairs above this one spell its path: parameters, group..., leaf.
      const leaf = path
        .filter(isPair)
        .map((p) => String((p.key as { value: unknown }).value))
        .slice(1)
        .join('.');
      if (leaf === 'screening.fullReviewCostUsd') fullReviewRange = (pair.value as { toJSON(): [number, number] }).toJSON();
      return KEPT.includes(leaf) ? undefined : visit.REMOVE;
    },
  });
  // A small range for the claim volume, so that varying it stays cheap.
  doc.setIn(['parameters', 'volume', 'claims', 'range'], doc.createNode([1500, 3000], { flow: true }));
  doc.set('name', 'toy');
  writeFileSync(TOY, doc.toString());
});

function claimsim(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('claimsim sensitivity', () => {
  it('ranks by net cost per claim and leaves the scale parameter out, saying so', () => {
    const out = join(dir, 'default');
    const r = claimsim('sensitivity', TOY, ...SMALL, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.metric).toBe('marketplace.netCostPerGenuineClaim');
    expect(results.rows.map((row: { path: string }) => row.path).sort()).toEqual(['policy.paymentLagDays', 'screening.fullReviewCostUsd']);
    expect(results.skipped).toEqual([{ path: 'volume.claims', reason: expect.stringContaining('a scale parameter') }]);
    expect(results.warnings).toEqual([]);
    expect(r.stdout).toMatch(/^toy: marketplace\.netCostPerGenuineClaim is \$\d+ at the base; 2 parameters, 2 replications each/);
    expect(r.stdout).toContain('skipped volume.claims: a scale parameter: it sets the size of the simulated world');
    // Two replications: no verdict on the noise.
    expect(r.stdout).toContain('outside noise: n/a with fewer than 5 replications');
    // A price raises the review cost per claim: the swing of the full-review price is positive.
    expect(results.rows.find((row: { path: string }) => row.path === 'screening.fullReviewCostUsd').swing.mean).toBeGreaterThan(0);
  }, 300_000);

  it('warns when a base value lies outside its range, and varies a scale parameter that is named', () => {
    const out = join(dir, 'warned');
    // --claims 1000 puts volume.claims below its range; --set puts the full-review price above its own.
    const above = fullReviewRange[1] * 2;
    const r = claimsim('sensitivity', TOY, ...SMALL, '--set', `screening.fullReviewCostUsd=${above}`, '--param', 'screening.fullReviewCostUsd', '--param', 'volume.claims', '--out', out);
    expect(r.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.rows.map((row: { path: string }) => row.path).sort()).toEqual(['screening.fullReviewCostUsd', 'volume.claims']);
    expect(results.skipped).toEqual([]);
    expect(results.warnings.map((w: { path: string }) => w.path)).toEqual(['screening.fullReviewCostUsd', 'volume.claims']);
    expect(results.warnings[0].reason).toMatch(new RegExp(`^base value ${above} lies outside its declared range \\[${fullReviewRange[0]}, ${fullReviewRange[1]}\\]`));
    expect(results.warnings[1].reason).toMatch(/^base value 1000 lies outside its declared range \[1500, 3000\]/);
    expect(r.stdout).toContain(`warning: screening.fullReviewCostUsd: base value ${above} lies outside its declared range`);
    expect(r.stdout).toContain('warning: volume.claims: base value 1000 lies outside its declared range');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('Caution: volume.claims: base value 1000 lies outside its declared range [1500, 3000]');
  }, 300_000);
});
