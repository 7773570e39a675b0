/**
 * Where a calibrated overlay may be written: never into the bundled scenarios
 * folder or over its base, and only where its `extends` finds the base again.
 * And the overlay written loads, extending its base, with the values set.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Calibration } from '../../src/analysis/calibrate.js';
import { baseNameOf, calibrationOverlayYaml, defaultOverlayPath, overlayPlacementProblem } from '../../src/analysis/calibrationOverlay.js';
import { loadScenario } from '../../src/params/load.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-overlay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BUNDLED = resolve('scenarios');

describe('overlayPlacementProblem', () => {
  it('accepts a bundled base with the overlay anywhere outside the bundled folder', () => {
    expect(defaultOverlayPath('reports/calibrate-baseline', 'scenarios/baseline.yaml')).toBe(join('reports', 'calibrate-baseline', 'baseline-calibrated.yaml'));
    expect(overlayPlacementProblem('scenarios/baseline.yaml', join(dir, 'out', 'baseline-calibrated.yaml'), '--overlay')).toBeUndefined();
  });

  it('refuses the bundled scenarios folder, and a path through a link to it', () => {
    expect(overlayPlacementProblem('scenarios/baseline.yaml', 'scenarios/baseline-calibrated.yaml', '--overlay')).toBe(
      `--overlay scenarios/baseline-calibrated.yaml: is inside claimsim's bundled scenarios folder (${BUNDLED}), which calibrate does not write into; choose a path elsewhere`,
    );
    symlinkSync(BUNDLED, join(dir, 'link'));
    expect(overlayPlacementProblem('scenarios/baseline.yaml', join(dir, 'link', 'new', 'x.yaml'), '--overlay')).toMatch(/is inside claimsim's bundled scenarios folder/);
  });

  it('refuses to write over the base', () => {
    const base = join(dir, 'mine.yaml');
    copyFileSync('test/fixtures/scenarios/overlay-threshold.yaml', base);
    expect(overlayPlacementProblem(base, base, '--overlay')).toBe(`--overlay ${base}: is the base scenario itself; choose another path`);
  });

  it('refuses a place where extends would not find a user base, and says where it would', () => {
    const userDir = join(dir, 'user');
    mkdirSync(userDir);
    const base = join(userDir, 'mine.yaml');
    copyFileSync('test/fixtures/scenarios/overlay-threshold.yaml', base);
    const away = join(dir, 'elsewhere', 'mine-calibrated.yaml');
    expect(overlayPlacementProblem(base, away, 'the default overlay path (set by --out)')).toBe(
      `the default overlay path (set by --out) ${away}: the overlay would say "extends: mine", which from there finds no scenario ` +
        `(extends looks beside the overlay, then among the bundled scenarios); write it beside its base with --overlay ${join(userDir, 'mine-calibrated.yaml')}`,
    );
    expect(overlayPlacementProblem(base, join(userDir, 'mine-calibrated.yaml'), '--overlay')).toBeUndefined();
  });

  it('refuses a place where extends would find another file of the same name', () => {
    const decoy = join(dir, 'decoy');
    mkdirSync(decoy);
    writeFileSync(join(decoy, 'baseline.yaml'), 'name: not-the-baseline\n');
    expect(overlayPlacementProblem('scenarios/baseline.yaml', join(decoy, 'out.yaml'), '--overlay')).toMatch(
      new RegExp(`finds another file, ${join(decoy, 'baseline.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} `),
    );
  });

  it('refuses a base whose file name extends cannot name', () => {
    const odd = join(dir, 'my base.yaml');
    copyFileSync('test/fixtures/scenarios/overlay-threshold.yaml', odd);
    expect(baseNameOf(odd)).toBe('my base');
    expect(overlayPlacementProblem(odd, join(dir, 'x.yaml'), '--overlay')).toBe(
      `${odd}: an overlay's extends cannot name a file called "my base.yaml" (letters, digits, - _ . only); rename it to calibrate it`,
    );
  });
});

describe('calibrationOverlayYaml', () => {
  it('extends the base by name and sets each value, citing the calibration; it loads from beside the outputs', () => {
    const c: Calibration = {
      targets: [{ metric: 'claims.underThresholdShare', wanted: { low: 0.5, high: 0.99 } }],
      free: [{ path: 'policy.threshold', low: 500, high: 1500 }],
      values: { 'policy.threshold': 881.966 },
      achieved: [{ metric: 'claims.underThresholdShare', wanted: { low: 0.5, high: 0.99 }, simulated: 0.81234, miss: 0, within: true }],
      reached: true,
      objective: 0,
      evaluations: 1,
      trace: [{ values: { 'policy.threshold': 881.966 }, simulated: [0.81234], objective: 0 }],
    };
    const text = calibrationOverlayYaml(c, { name: 'baseline', file: 'scenarios/baseline.yaml' }, { date: '2025-01-02', seed: 7, replications: 3 });
    const file = join(dir, 'outputs', 'baseline-calibrated.yaml');
    mkdirSync(join(dir, 'outputs'));
    writeFileSync(file, text);
    const loaded = loadScenario(file);
    expect(loaded.name).toBe('baseline-calibrated');
    expect(loaded.chain.map((p) => resolve(p))).toEqual([resolve('scenarios/baseline.yaml'), resolve(file)]);
    expect(loaded.parameters.policy.threshold).toBe(881.966);
    expect(loaded.meta['policy.threshold']!.source).toBe('calibrated by claimsim 2025-01-02, seed 7, 3 replications: claims.underThresholdShare 0.8123 for 0.5 .. 0.99');
    expect(loaded.description).toBe('baseline with policy.threshold calibrated to claims.underThresholdShare 0.5 .. 0.99');
  });
});
