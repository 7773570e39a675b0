/**
 * The built CLI refuses bad scenarios with exit code 2, one `file:line: field:`
 * line per problem and no stack trace, and `run` writes nothing. Needs dist/
 * (`npm run build`; `npm test` builds before running vitest).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { spawnTimed } from '../support/cpu.js';
import { tempDirs } from '../support/scenarioFiles.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'scenarios');
/** Each case spawns the CLI once; wide enough for a loaded two-core machine. */
const TIMEOUT = 120_000;

function claimsim(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT - 2000,
    env: { ...process.env, CLAIMSIM_DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDir = tempDirs('claimsim-cli-');

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
});

describe('claimsim validate', () => {
  it(
    'exits 2 listing every problem as file:line: field: message, with no stack trace',
    () => {
      const probability = 'test/fixtures/scenarios/bad-probability.yaml';
      const twoFields = join(FIXTURES, 'bad-two-fields.yaml');
      const empty = join(FIXTURES, 'bad-empty.yaml');
      const bomb = join(FIXTURES, 'bad-alias-bomb.yaml');
      const missing = join(FIXTURES, 'does-not-exist.yaml');
      const r = claimsim('validate', probability, twoFields, empty, bomb, missing);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${probability}:7: fraud.share: must be a probability`);
      expect(r.stderr).toContain(`${twoFields}:6: policy.threshold:`);
      expect(r.stderr).toContain(`${twoFields}:9: screening.falsePositiveRate:`);
      expect(r.stderr).toMatch(/2 problems/);
      // Whole-file problems have no line or field, but still name the file.
      for (const f of [empty, bomb, missing]) expect(r.stderr).toContain(`${f}: `);
      expect(r.stderr).not.toContain('    at ');
      expect(r.stdout).not.toContain('ok:');
    },
    TIMEOUT,
  );

  it(
    'exits 2 for a bad --set, naming --set and the field',
    () => {
      const r = claimsim('validate', 'scenarios/baseline.yaml', '--set', 'fraud.share=2');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--set: fraud.share:');
      expect(r.stderr).not.toContain('    at ');
    },
    TIMEOUT,
  );

  it(
    'a YAML tag in --set is a problem on one line, never a warning Node prints',
    () => {
      const r = claimsim('validate', 'scenarios/baseline.yaml', '--set', 'policy.threshold=!foo 5', '--set', 'fraud.share=!!float x');
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        'error: --set: policy.threshold: YAML tag !foo is not allowed (a --set value is a plain number, text, list or mapping)\n' +
          'error: --set: fraud.share: YAML tag !!float does not fit its value; write the value without a tag\n' +
          '2 problems found; nothing was run.\n',
      );
    },
    TIMEOUT,
  );

  it(
    'an overlay of 40,000 unknown keys: refused in seconds of CPU, 50 problems shown and the rest counted',
    () => {
      const dir = tempDir();
      const file = join(dir, 'many.yaml');
      const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: 1\n`).join('');
      writeFileSync(file, `name: many\ndescription: d\nextends: baseline\nparameters:\n${keys}`);
      const r = spawnTimed([CLI, 'validate', file], { cwd: ROOT, timeout: TIMEOUT - 2000, env: { ...process.env, CLAIMSIM_DEBUG: '' } });
      expect(r.status).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(52);
      // The groups known at the top, as the bundled baseline declares them, in its order.
      const groups = Object.keys((parseYaml(readFileSync(join(ROOT, 'scenarios/baseline.yaml'), 'utf8')) as { parameters: object }).parameters);
      expect(lines[0]).toBe(`error: ${file}:5: k0: unknown parameter (known here: ${groups.join(', ')})`);
      expect(lines[49]!.startsWith(`error: ${file}:54: k49: unknown parameter`), lines[49]).toBe(true);
      expect(lines[50]).toBe('error: ... and 39,950 more problems');
      expect(lines[51]).toBe('40,000 problems found; nothing was run.');
      // It took minutes when each key's line was found by a scan of every key (and YAML's own repeat check did the same).
      expect(r.cpuMs, 'CPU ms').toBeLessThan(5000);
    },
    TIMEOUT,
  );

  it(
    'exits 0 and says ok for good scenarios',
    () => {
      const r = claimsim('validate', 'scenarios/baseline.yaml', 'test/fixtures/scenarios/overlay-threshold.yaml');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('ok: scenarios/baseline.yaml (baseline)');
      expect(r.stdout).toContain('ok: test/fixtures/scenarios/overlay-threshold.yaml (overlay-threshold)');
    },
    TIMEOUT,
  );
});

describe('claimsim run', () => {
  it(
    'exits 2 for a bad scenario and writes nothing into the out dir',
    () => {
      const dir = tempDir();
      const out = join(dir, 'x');
      const file = join(FIXTURES, 'bad-negative-amount.yaml');
      const r = claimsim('run', file, '--out', out, '--replications', '1', '--claims', '100');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${file}:7: policy.threshold:`);
      expect(r.stderr).not.toContain('    at ');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    },
    TIMEOUT,
  );
});
