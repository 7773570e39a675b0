/**
 * What sensitivity varies and what it warns about: scale parameters are left
 * out unless named, and a base value outside its declared range is flagged.
 * (The ranking itself is tested in analyses.test.ts.)
 */
import { InputError } from '../../src/inputError.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSITIVITY_METRIC, rangeWarning, SCALE_SKIP_REASON, sensitivityCandidates } from '../../src/analysis/sensitivity.js';
import type { ParamMeta } from '../../src/params/meta.js';
import { loadScenario } from '../../src/params/load.js';

const leaf = (m: Partial<ParamMeta>): ParamMeta => ({ unit: 'x', description: 'd', tag: 'E', source: 's', ...m });
const META: Record<string, ParamMeta> = {
  'volume.claims': leaf({ range: [10000, 40000], scale: true }),
  'fraud.share': leaf({ range: [0.05, 0.2] }),
  'policy.threshold': leaf({ tag: 'S', range: [500, 2500] }),
  'world.teams': leaf({}),
};

describe('sensitivityCandidates', () => {
  it('by default varies every estimate with a range except scale parameters, and says why it left those out', () => {
    expect(sensitivityCandidates(META, [])).toEqual({
      vary: [{ path: 'fraud.share', range: [0.05, 0.2] }],
      skipped: [{ path: 'volume.claims', reason: SCALE_SKIP_REASON }],
    });
    expect(SCALE_SKIP_REASON).toContain('name it with --param');
  });

  it('varies a scale parameter that is named', () => {
    expect(sensitivityCandidates(META, ['volume.claims', 'policy.threshold'])).toEqual({
      vary: [
        { path: 'volume.claims', range: [10000, 40000] },
        { path: 'policy.threshold', range: [500, 2500] },
      ],
      skipped: [],
    });
  });

  it('refuses named parameters that are unknown or have no range', () => {
    expect(() => sensitivityCandidates(META, ['nope'])).toThrow(new InputError('unknown parameter: nope'));
    expect(() => sensitivityCandidates(META, ['world.teams'])).toThrow(/^no low-high range declared in the scenario for: world\.teams/);
  });

  it('the baseline marks the claim volume as its scale parameter', () => {
    const meta = loadScenario('scenarios/baseline.yaml').meta;
    expect(meta['volume.claims']!.scale).toBe(true);
    const c = sensitivityCandidates(meta, []);
    if (typeof c === 'string') throw new Error(c);
    expect(c.skipped.map((s) => s.path)).toEqual(['volume.claims']);
    expect(c.vary.map((v) => v.path)).not.toContain('volume.claims');
  });

  it('ranks by net cost per claim unless told otherwise', () => {
    expect(DEFAULT_SENSITIVITY_METRIC).toBe('marketplace.netCostPerGenuineClaim');
  });
});

describe('rangeWarning', () => {
  it.each([
    [0.1, [0.05, 0.2], false],
    [0.05, [0.05, 0.2], false],
    [0.2, [0.05, 0.2], false],
    [0.3, [0.05, 0.2], true],
    [0.01, [0.05, 0.2], true],
    [2000, [10000, 40000], true],
    // Not a number (a list, a mapping): nothing to compare.
    [[1, 2], [0, 1], false],
  ] as const)('base %j in %j: warned %s', (base, range, warned) => {
    const w = rangeWarning('p.q', base, range);
    expect(w !== undefined).toBe(warned);
    if (w) expect(w).toEqual({ path: 'p.q', reason: expect.stringMatching(new RegExp(`^base value ${base} lies outside its declared range \\[${range[0]}, ${range[1]}\\]`)) });
  });
});
