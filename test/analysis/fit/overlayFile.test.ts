/**
 * The overlay a fit writes: it loads with loadScenario on top of its base,
 * sets exactly the one parameter, says where its numbers came from, and a
 * short run with it works.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareFits } from '../../../src/analysis/fit/compareFits.js';
import { empiricalAmounts } from '../../../src/analysis/fit/empiricalAmounts.js';
import { fitOverlay, scenarioMixture } from '../../../src/analysis/fit/overlayFile.js';
import { parseClaimAmounts, type ClaimAmounts } from '../../../src/analysis/fit/readAmounts.js';
import { loadScenario } from '../../../src/params/load.js';
import { writeFileAtomic } from '../../../src/io/writeFiles.js';
import { runScenario } from '../../../src/sim/run.js';
import { onWorkers } from '../../../src/sim/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-fit-overlay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Two humps, spread by a fixed pattern (no randomness needed): 0.7 around $100 and 0.3 around $10,000. */
function twoHumps(n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const wiggle = Math.exp(0.5 * Math.sin(i * 12.9898) * 1.7);
    return i % 10 < 7 ? 100 * wiggle : 10_000 * wiggle;
  });
}

function dataOf(values: number[], file = 'claims.csv'): ClaimAmounts {
  const text = ['amount', ...values.map((v) => v.toFixed(2))].join('\n');
  return { ...parseClaimAmounts(text, file), sha256: createHash('sha256').update(text).digest('hex') };
}

function written(text: string, name: string): string {
  const file = join(dir, name);
  writeFileAtomic(file, text);
  return file;
}

describe('fitOverlay', () => {
  const data = dataOf(twoHumps(600));
  const comparison = compareFits(data.values);
  const overlay = fitOverlay({ name: 'claims-fit', base: 'baseline', data, comparison });

  it('extends the base and sets claimAmount.mixture to the chosen fit, tagged E with its source', () => {
    expect(comparison.chosen).toBe('mixture');
    const doc = parse(overlay.text);
    expect(doc.name).toBe('claims-fit');
    expect(doc.extends).toBe('baseline');
    expect(Object.keys(doc.parameters)).toEqual(['claimAmount']);
    expect(Object.keys(doc.parameters.claimAmount)).toEqual(['mixture']);
    const leaf = doc.parameters.claimAmount.mixture;
    expect(leaf.tag).toBe('E');
    expect(leaf.value).toEqual(scenarioMixture(comparison.mixture.components));
    expect(leaf.source).toContain('claims.csv');
    expect(leaf.source).toContain(`sha256 ${data.sha256}`);
    expect(leaf.source).toContain(`AIC ${comparison.mixture.aic.toFixed(2)}`);
    expect(leaf.source).toContain(`KS D ${comparison.mixture.ks.toFixed(4)}`);
    expect(leaf.source).toContain(`lnL ${comparison.lognormal.logLikelihood.toFixed(2)}`);
    expect(leaf.source).toContain('lnL of the amounts in USD');
  });

  it('loads with loadScenario, giving the fitted mixture over the baseline', () => {
    const s = loadScenario(written(overlay.text, 'claims-fit.yaml'));
    expect(s.name).toBe('claims-fit');
    expect(s.chain).toHaveLength(2);
    expect(s.parameters.claimAmount.mixture).toEqual(overlay.value);
    expect(s.parameters.claimAmount.empirical).toEqual([]);
    expect(s.parameters.policy.threshold).toBe(1000);
    expect(s.meta['claimAmount.mixture']).toMatchObject({ tag: 'E', changedBy: join(dir, 'claims-fit.yaml') });
    expect(s.meta['claimAmount.mixture']!.source).toContain(data.sha256);
  });

  it('writes a single lognormal as a one-component mixture with weight 1 and median exp(mu)', () => {
    // Amounts at the normal scores of 50 evenly spaced probabilities: as lognormal as 50 amounts can be.
    const one = compareFits(Array.from({ length: 50 }, (_, i) => Math.exp(5 + normalQuantile((i + 0.5) / 50, 0, 1))));
    expect(one.chosen).toBe('lognormal');
    const o = fitOverlay({ name: 'one', base: 'baseline', data: dataOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), comparison: one });
    const [c] = one.lognormal.components;
    expect(o.value).toEqual([{ weight: 1, medianUsd: Number(Math.exp(c!.mu).toPrecision(6)), sigma: Number(c!.sigma.toPrecision(6)) }]);
    expect(loadScenario(written(o.text, 'one.yaml')).parameters.claimAmount.mixture).toEqual(o.value);
  });

  it('is the same text for the same data (no dates)', () => {
    expect(fitOverlay({ name: 'claims-fit', base: 'baseline', data, comparison }).text).toBe(overlay.text);
  });

  it('extends another base by name', () => {
    const o = fitOverlay({ name: 'x', base: 'threshold-2500', data, comparison });
    const s = loadScenario(written(o.text, 'x.yaml'));
    expect(s.parameters.policy.threshold).toBe(2500);
    expect(s.parameters.claimAmount.mixture).toEqual(o.value);
  });

  it('with empirical amounts, sets claimAmount.empirical instead, and loads', () => {
    const e = fitOverlay({ name: 'claims-fit', base: 'baseline', data, comparison, empirical: empiricalAmounts(data.values) });
    const doc = parse(e.text);
    expect(Object.keys(doc.parameters.claimAmount)).toEqual(['empirical']);
    expect(doc.parameters.claimAmount.empirical.tag).toBe('E');
    expect(doc.parameters.claimAmount.empirical.source).toContain(data.sha256);
    const s = loadScenario(written(e.text, 'empirical.yaml'));
    expect(s.parameters.claimAmount.empirical).toEqual([...data.values].sort((a, b) => a - b));
    expect(s.parameters.claimAmount.empirical).toHaveLength(600);
  });

  it('stores 1,001 quantiles of a large sample, and the file stays small', () => {
    const big = dataOf(twoHumps(20_000));
    const e = fitOverlay({ name: 'big', base: 'baseline', data: big, comparison: compareFits(big.values), empirical: empiricalAmounts(big.values) });
    expect(e.text.length).toBeLessThan(30_000);
    const s = loadScenario(written(e.text, 'big.yaml'));
    expect(s.parameters.claimAmount.empirical).toHaveLength(1001);
    expect(s.parameters.claimAmount.empirical[0]).toBe(Math.min(...big.values));
    expect(s.parameters.claimAmount.empirical[1000]).toBe(Math.max(...big.values));
  });

  it('a short run with either overlay works', async () => {
    for (const text of [overlay.text, fitOverlay({ name: 'e', base: 'baseline', data, comparison, empirical: empiricalAmounts(data.values) }).text]) {
      const file = written(text, 'run.yaml');
      const params = loadScenario(file, { set: ['volume.claims=500', 'volume.rateCv=0', 'fraud.share=0'] }).parameters;
      const out = await runScenario(params, { seed: 3, replications: 1, runUnits: onWorkers(1) });
      expect(out.replications).toHaveLength(1);
      const m = out.replications[0]!.metrics;
      // A Poisson count around 500 (SD 22), less the few filed after the run: [400, 600] is over 4 SD each way.
      expect(m['claims.filed']).toBeGreaterThan(400);
      expect(m['claims.filed']).toBeLessThan(600);
      expect(m['marketplace.netCost']).toBeGreaterThan(0);
    }
  });

  it('is refused by the loader if hand-edited into nonsense (the loader, not the writer, is the judge)', () => {
    const file = join(dir, 'edited.yaml');
    writeFileSync(file, overlay.text.replace(/weight: 0\.\d+/, 'weight: 0.2'));
    expect(() => loadScenario(file)).toThrow(/weights must sum to 1/);
  });
});
