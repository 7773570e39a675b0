/**
 * A scenario from a file, from YAML text and from a plain object is one and
 * the same scenario; `withOverrides` rebuilds it as `loadScenario` with the
 * combined overrides would, from the bytes first read, never from a file
 * changed since.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, scenarioOf } from '../../src/params/load.js';
import { ScenarioError } from '../../src/params/problems.js';
import { withOverrides } from '../../src/params/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'claimsim-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const THRESHOLD_2500 = readFileSync('scenarios/threshold-2500.yaml', 'utf8');

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.field ?? ''}: ${p.message}`);
    throw e;
  }
  throw new Error('no problem was found');
}

describe('a scenario from text or an object', () => {
  it('YAML text is the file it holds: the same parameters and the same hash', () => {
    const fromFile = loadScenario('scenarios/threshold-2500.yaml');
    const fromText = parseScenario(THRESHOLD_2500, { name: 'threshold-2500.yaml' });
    expect(fromText.parameters).toEqual(fromFile.parameters);
    expect(fromText.hash).toBe(fromFile.hash);
    expect(fromText.parameters.policy.threshold).toBe(2500);
  });

  it('a plain object is read as a file would be, with its problems placed by line and field', () => {
    const object = { name: 'high', description: 'a $5,000 threshold', extends: 'baseline', parameters: { policy: { threshold: { value: 5000, source: 'a what-if' } } } };
    const s = scenarioOf(object);
    expect(s.parameters.policy.threshold).toBe(5000);
    expect({ ...s.parameters, policy: { ...s.parameters.policy, threshold: 1000 } }).toEqual(loadScenario('scenarios/baseline.yaml').parameters);
    const bad = { ...object, parameters: { policy: { threshold: { value: -5, source: 'a typo' } } } };
    expect(problemsOf(() => scenarioOf(bad))).toEqual([expect.stringMatching(/^scenario\.yaml:\d+: policy\.threshold: /)]);
  });

  it('bases given in memory may themselves extend the bundled scenarios', () => {
    const bases = { 'mine.yaml': 'name: mine\ndescription: x\nextends: baseline\nparameters:\n  policy:\n    threshold:\n      value: 1500\n      source: x\n' };
    expect(parseScenario('name: top\ndescription: y\nextends: mine\nparameters: {}\n', { bases }).parameters.policy.threshold).toBe(1500);
  });

  it('a circular extends in memory is named by the files, not by internal names', () => {
    const bases = { 'a.yaml': 'name: a\ndescription: x\nextends: scenario\nparameters: {}\n' };
    expect(problemsOf(() => parseScenario('name: s\ndescription: y\nextends: a\nparameters: {}\n', { bases }))).toEqual([
      expect.stringContaining('circular extends: scenario.yaml -> a.yaml -> scenario.yaml'),
    ]);
  });

  it('text larger than a scenario file may be is refused', () => {
    const huge = `name: big\ndescription: x\nextends: baseline\nparameters: {}\n# ${'x'.repeat(1_000_001)}\n`;
    expect(problemsOf(() => parseScenario(huge))).toEqual([expect.stringMatching(/scenario files are limited to 1000000/)]);
  });
});

describe('withOverrides', () => {
  it('is loadScenario with the overrides added: the same parameters, hash and overrides', () => {
    const base = loadScenario('scenarios/baseline.yaml', { set: ['volume.claims=5000'] });
    const direct = loadScenario('scenarios/baseline.yaml', { set: ['volume.claims=5000', 'policy.threshold=2500'] });
    const rebuilt = withOverrides(base, ['policy.threshold=2500']);
    expect(rebuilt.parameters).toEqual(direct.parameters);
    expect(rebuilt.hash).toBe(direct.hash);
    expect(rebuilt.overrides).toEqual(direct.overrides);
  });

  it('rebuilds from the bytes first read, not from a file changed since', () => {
    const file = join(dir, 'mine.yaml');
    copyFileSync('scenarios/threshold-2500.yaml', file);
    const loaded = loadScenario(file);
    writeFileSync(file, THRESHOLD_2500.replace('value: 2500', 'value: 9999'));
    const rebuilt = withOverrides(loaded, ['fraud.share=0.2']);
    expect(rebuilt.parameters.policy.threshold).toBe(2500);
    expect(rebuilt.parameters.fraud.share).toBe(0.2);
    expect(loadScenario(file).parameters.policy.threshold).toBe(9999);
  });
});
