/**
 * A UTF-8 byte-order mark (as Windows editors write) before a valid scenario.
 * Decision: the YAML spec allows a BOM at the start of a stream, so such a file
 * should load exactly as it would without one: same name (no U+FEFF in it),
 * same parameters, same line numbers in problems. That is what the loader does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/params/load.js';
import { ScenarioError } from '../../src/params/problems.js';
import { BASELINE, removeTempDirs, requireBuiltCli, sandbox, spawnCli, STACK_LINE, tempDir } from './harness.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const dir = tempDir('claimsim-hostile-bom-');
const withBom = (name: string, text: string | Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat([BOM, Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8')]));
  return file;
};

afterAll(removeTempDirs);

describe('a UTF-8 BOM before a scenario', () => {
  it('a BOM-prefixed copy of the baseline loads as the baseline does', () => {
    const file = withBom('bom-baseline.yaml', readFileSync(BASELINE));
    const s = loadScenario(file);
    expect(s.name).toBe('baseline');
    expect(s.parameters).toEqual(loadScenario(BASELINE).parameters);
  });

  it('a BOM-prefixed overlay loads, with no U+FEFF in its name', () => {
    const s = loadScenario(withBom('bom-overlay.yaml', 'name: bom\ndescription: saved by an editor that writes a BOM\nextends: baseline\nparameters:\n  policy:\n    threshold: 2500\n'));
    expect(s.name).toBe('bom');
    expect(s.parameters.policy.threshold).toBe(2500);
  });

  it('problems in a BOM-prefixed file keep their line numbers', () => {
    const file = withBom('bom-bad.yaml', 'name: bom-bad\ndescription: d\nextends: baseline\nparameters:\n  policy:\n    threshold: -5\n');
    try {
      loadScenario(file);
      expect.unreachable('a negative threshold loaded');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).problems).toEqual([expect.objectContaining({ file, line: 6, field: 'policy.threshold' })]);
    }
  });

  it('claimsim validate accepts it and prints the name without the BOM', () => {
    requireBuiltCli();
    const file = withBom('bom-cli.yaml', 'name: bom\ndescription: d\nextends: baseline\nparameters: {}\n');
    const box = sandbox();
    const r = spawnCli(['validate', file], box.cwd);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`ok: ${file} (bom)\n`);
  });
});
