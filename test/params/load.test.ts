import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemsOf, tempDirs } from '../support/scenarioFiles.js';
import { parse } from 'yaml';
import { BUNDLED_SCENARIOS_DIR, loadScenario } from '../../src/params/load.js';
import { getIn } from '../../src/params/overlay.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASELINE = join(ROOT, 'scenarios', 'baseline.yaml');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'scenarios');

/**
 * The baseline's leaves read straight from the YAML with the yaml library
 * (not through the loader): dotted path -> the leaf object { value, unit, ... }.
 */
function leavesOfYaml(file: string): Map<string, Record<string, unknown>> {
  const doc = parse(readFileSync(file, 'utf8')) as { parameters: Record<string, unknown> };
  const leaves = new Map<string, Record<string, unknown>>();
  const walk = (node: unknown, keys: string[]): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`not a leaf or group at ${keys.join('.')}`);
    if ('value' in node) {
      leaves.set(keys.join('.'), node as Record<string, unknown>);
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, [...keys, k]);
  };
  walk(doc.parameters, []);
  return leaves;
}

const baselineLeaves = leavesOfYaml(BASELINE);

const tempDir = tempDirs('claimsim-load-');

describe('loading scenarios/baseline.yaml', () => {
  const s = loadScenario(BASELINE);

  it('has the name and description written in the file', () => {
    expect(s.name).toBe('baseline');
    expect(s.description).toMatch(/^The 2021 policy - marketplace pays claims under \$1,000/);
    expect(s.file).toBe(BASELINE);
    expect(s.chain).toEqual([BASELINE]);
    expect(s.overrides).toEqual({});
  });

  it('gives the values written in the YAML', () => {
    const p = s.parameters;
    expect(p.policy.threshold).toBe(1000);
    expect(p.policy.maxClaim).toBe(1_000_000);
    expect(p.policy.responseWindowDays).toBe(2);
    expect(p.policy.paymentLagDays).toBe(2);
    expect(p.policy.directPaymentUnderThreshold).toBe(true);
    expect(p.policy.stepIn).toEqual({ onSilence: true, onRejectedValid: true, onInsurerDenial: true, insurerWindowDays: 60 });
    expect(p.policy.reimbursement.proofWindowDays).toBe(7);
    expect(p.policy.reimbursement.appealWindowDays).toBe(30);
    expect(p.policy.insurance).toEqual({ requiredAboveMonthlySales: 10000, requiredOfAll: false, onlyAcceleratorCounts: false, maxDeductible: 10000 });
    expect(p.horizon).toEqual({ filingDays: 365, runoffDays: 180 });
    expect(p.world.teams).toBe(8);
    expect(p.volume).toEqual({ claims: 20000, rateCv: 0.1, surge: { startDay: 0, days: 0, multiplier: 1 } });
    expect(p.policy.payFirstUnderThreshold).toBe(true);
    expect(p.filing).toEqual({ windowDays: 90, meanDelayDays: 12 });
    expect(p.fraud).toEqual({ share: 0.08, buildUpShare: 0.2, buildUpInflation: 0.94, claimsPerFraudster: 3, bunchingShare: 0.5, bunchingBand: 0.2 });
    expect(p.claimAmount.mixture).toEqual([
      { weight: 0.85, medianUsd: 200, sigma: 1.0 },
      { weight: 0.15, medianUsd: 5000, sigma: 1.5 },
    ]);
    expect(p.screening.detectionRate).toBe(0.6);
    expect(p.screening.falsePositiveRate).toBe(0.03);
    expect(p.screening.capacityMultiple).toBe(1.45);
    expect(p.claimsDesk.capacityMultiple).toBe(1.4);
    expect(p.sellers.perClaim).toBe(5);
    expect(p.sellers.responses).toEqual({ accept: 0.6, reject: 0.25, silent: 0.15 });
    expect(p.sellers.reimbursement).toEqual({ pays: 0.65, partial: 0.1, appeals: 0.1, defaults: 0.15 });
    expect(p.sellers.suspendAfterDefaults).toBe(3);
    expect(p.marketplace.believesRejectedValid).toEqual({ genuine: 0.8, fraudulent: 0.3 });
    expect(p.insurers.perTeam).toBe(6);
    expect(p.insurers.acceleratorPartners).toBe(3);
    expect(p.insurers.litigatedShare).toBe(0.05);
    expect(p.customers.perClaim).toBe(250);
  });

  it('gives every leaf of the YAML its value, and nothing else', () => {
    // 81 leaves: counted with `grep -c '^ *value:' scenarios/baseline.yaml`.
    expect(baselineLeaves.size).toBe(81);
    for (const [path, leaf] of baselineLeaves) {
      expect(getIn(s.parameters, path), path).toEqual(leaf.value);
    }
    expect(Object.keys(s.meta).sort()).toEqual([...baselineLeaves.keys()].sort());
  });

  it('gives every leaf meta with a unit, description, tag and source as written', () => {
    for (const [path, leaf] of baselineLeaves) {
      const meta = s.meta[path];
      expect(meta, path).toBeDefined();
      expect(meta!.unit, path).toBe(leaf.unit);
      expect(meta!.description, path).toBe(leaf.description);
      expect(meta!.source, path).toBe(leaf.source);
      expect(['S', 'E'], path).toContain(meta!.tag);
      expect(meta!.tag, path).toBe(leaf.tag);
      for (const text of [meta!.unit, meta!.description, meta!.source]) expect(text.length, path).toBeGreaterThan(0);
      expect(meta!.range, path).toEqual(leaf.range);
      expect(meta!.changedBy, path).toBeUndefined();
      expect(meta, path).not.toHaveProperty('value');
    }
  });

  it('keeps specific meta as written', () => {
    expect(s.meta['policy.threshold']).toMatchObject({ unit: 'USD', tag: 'S' });
    expect(s.meta['policy.threshold']!.source).toContain('[amazon-2021-announcement]');
    expect(s.meta['fraud.share']).toMatchObject({ unit: 'expected share of filed claims', tag: 'E', range: [0.05, 0.2] });
    expect(s.meta['policy.responseWindowDays']).toMatchObject({ unit: 'days', tag: 'E', range: [1, 7] });
    expect(s.meta['claimAmount.mixture']).toMatchObject({ unit: 'lognormal mixture (USD)', tag: 'E' });
  });

  it('gives the same hash for the same file and a 64-hex-digit SHA-256', () => {
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loadScenario(BASELINE).hash).toBe(s.hash);
  });

  it('is the scenario the bundled directory holds', () => {
    expect(resolve(BUNDLED_SCENARIOS_DIR)).toBe(resolve(ROOT, 'scenarios'));
  });
});

describe('--set overrides', () => {
  it('changes the value and marks the leaf as changed by --set', () => {
    const s = loadScenario(BASELINE, { set: ['policy.threshold=2500'] });
    expect(s.parameters.policy.threshold).toBe(2500);
    expect(s.meta['policy.threshold']!.changedBy).toBe('--set');
    expect(s.meta['policy.threshold']!.unit).toBe('USD');
    expect(s.overrides).toEqual({ 'policy.threshold': 2500 });
    // Everything else is untouched.
    expect(s.parameters.policy.maxClaim).toBe(1_000_000);
    expect(s.parameters.fraud.share).toBe(0.08);
    expect(s.meta['policy.maxClaim']!.changedBy).toBeUndefined();
    expect(loadScenario(BASELINE).hash).not.toBe(s.hash);
  });

  it('reads values as YAML scalars: numbers, booleans, flow mappings', () => {
    const s = loadScenario(BASELINE, {
      set: ['policy.directPaymentUnderThreshold=false', 'fraud.share = 0.25', 'sellers.responses={ accept: 0.5, reject: 0.3, silent: 0.2 }'],
    });
    expect(s.parameters.policy.directPaymentUnderThreshold).toBe(false);
    expect(s.parameters.fraud.share).toBe(0.25);
    expect(s.parameters.sellers.responses).toEqual({ accept: 0.5, reject: 0.3, silent: 0.2 });
  });

  it('applies later overrides of the same path over earlier ones', () => {
    const s = loadScenario(BASELINE, { set: ['policy.threshold=2500', 'policy.threshold=3000'] });
    expect(s.parameters.policy.threshold).toBe(3000);
  });

  it('does not leak into a later load without overrides', () => {
    loadScenario(BASELINE, { set: ['policy.threshold=2500'] });
    const plain = loadScenario(BASELINE);
    expect(plain.parameters.policy.threshold).toBe(1000);
    expect(plain.meta['policy.threshold']!.changedBy).toBeUndefined();
  });

  it('can reach inside a leaf (sellers.responses.accept) and marks the whole leaf', () => {
    const s = loadScenario(BASELINE, { set: ['sellers.responses.accept=0.5', 'sellers.responses.reject=0.35'] });
    // 0.5 + 0.35 + 0.15 = 1, so this is valid.
    expect(s.parameters.sellers.responses).toEqual({ accept: 0.5, reject: 0.35, silent: 0.15 });
    expect(s.meta['sellers.responses']!.changedBy).toBe('--set');
    expect(s.overrides).toEqual({ 'sellers.responses.accept': 0.5, 'sellers.responses.reject': 0.35 });
  });

  it('can reach into a list inside a leaf (claimAmount.mixture.0.weight)', () => {
    const s = loadScenario(BASELINE, { set: ['claimAmount.mixture.0.weight=0.75', 'claimAmount.mixture.1.weight=0.25'] });
    expect(s.parameters.claimAmount.mixture).toEqual([
      { weight: 0.75, medianUsd: 200, sigma: 1.0 },
      { weight: 0.25, medianUsd: 5000, sigma: 1.5 },
    ]);
    expect(s.meta['claimAmount.mixture']!.changedBy).toBe('--set');
  });

  it('validates a value inside a leaf like any other value', () => {
    const problems = problemsOf(() => loadScenario(BASELINE, { set: ['sellers.responses.accept=1.5'] }));
    expect(problems).toContainEqual(expect.objectContaining({ file: '--set', field: 'sellers.responses.accept', message: expect.stringMatching(/probability/) }));
  });

  it('applies after an overlay, and wins over it', () => {
    const overlay = join(FIXTURES, 'overlay-threshold.yaml');
    const s = loadScenario(overlay, { set: ['policy.threshold=4000'] });
    expect(s.parameters.policy.threshold).toBe(4000);
    expect(s.meta['policy.threshold']!.changedBy).toBe('--set');
    expect(s.parameters.fraud.share).toBe(0.2);
    expect(s.meta['fraud.share']!.changedBy).toBe(overlay);
  });
});

describe('an overlay with extends: baseline', () => {
  const overlay = join(FIXTURES, 'overlay-threshold.yaml');
  const base = loadScenario(BASELINE);
  const s = loadScenario(overlay);

  it('finds the bundled baseline and reports the chain root first', () => {
    expect(s.chain).toHaveLength(2);
    expect(resolve(s.chain[0]!)).toBe(BASELINE);
    expect(s.chain[1]).toBe(overlay);
    expect(s.name).toBe('overlay-threshold');
    expect(s.description).toBe('The baseline with a $2,500 threshold and a 20% fraud share');
  });

  it('changes the two values it names', () => {
    expect(s.parameters.policy.threshold).toBe(2500);
    expect(s.parameters.fraud.share).toBe(0.2);
    expect(s.meta['policy.threshold']!.changedBy).toBe(overlay);
    expect(s.meta['fraud.share']!.changedBy).toBe(overlay);
    // The overlay restates the source of fraud.share; the rest of its meta is the baseline's.
    expect(s.meta['fraud.share']!.source).toBe('test fixture (a what-if)');
    expect(s.meta['fraud.share']!.unit).toBe('expected share of filed claims');
    expect(s.meta['policy.threshold']!.source).toBe(base.meta['policy.threshold']!.source);
  });

  it('leaves every other parameter and its meta as in the baseline', () => {
    const changed = new Set(['policy.threshold', 'fraud.share']);
    for (const [path, leaf] of baselineLeaves) {
      if (changed.has(path)) continue;
      expect(getIn(s.parameters, path), path).toEqual(leaf.value);
      expect(s.meta[path], path).toEqual(base.meta[path]);
    }
  });

  it('has a hash different from the baseline', () => {
    expect(s.hash).not.toBe(base.hash);
  });

  it('resolves extends beside the file before the bundled scenarios', () => {
    const dir = tempDir();
    const localBase = readFileSync(BASELINE, 'utf8')
      .replace(/^name: baseline$/m, 'name: local-baseline')
      .replace(/(\n {4}threshold:\n {6}value: )1000\n/, '$11234\n');
    expect(localBase).toContain('value: 1234');
    writeFileSync(join(dir, 'baseline.yaml'), localBase);
    const file = join(dir, 'variant.yaml');
    writeFileSync(file, 'name: variant\ndescription: uses the local baseline\nextends: baseline\nparameters:\n  fraud:\n    share: 0.15\n');
    const v = loadScenario(file);
    expect(v.chain).toEqual([join(dir, 'baseline.yaml'), file]);
    expect(v.parameters.policy.threshold).toBe(1234);
    expect(v.parameters.fraud.share).toBe(0.15);
    expect(v.meta['policy.threshold']!.changedBy).toBeUndefined();
  });

  it('falls back to the bundled scenarios when nothing is beside the file', () => {
    const dir = tempDir();
    const file = join(dir, 'variant.yaml');
    writeFileSync(file, 'name: variant\ndescription: uses the bundled baseline\nextends: baseline\nparameters:\n  fraud:\n    share: 0.15\n');
    const v = loadScenario(file);
    expect(resolve(v.chain[0]!)).toBe(BASELINE);
    expect(v.parameters.policy.threshold).toBe(1000);
  });

  it('chains: an overlay of an overlay applies both, the later one last', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mid.yaml'), 'name: mid\ndescription: m\nextends: baseline\nparameters:\n  policy:\n    threshold: 2000\n    paymentLagDays: 3\n');
    const top = join(dir, 'top.yaml');
    writeFileSync(top, 'name: top\ndescription: t\nextends: mid\nparameters:\n  policy:\n    threshold: 3000\n');
    const v = loadScenario(top);
    expect(v.chain.map((p) => resolve(p))).toEqual([BASELINE, join(dir, 'mid.yaml'), top]);
    expect(v.parameters.policy.threshold).toBe(3000);
    expect(v.parameters.policy.paymentLagDays).toBe(3);
    expect(v.meta['policy.threshold']!.changedBy).toBe(top);
    expect(v.meta['policy.paymentLagDays']!.changedBy).toBe(join(dir, 'mid.yaml'));
    expect(v.name).toBe('top');
  });
});
