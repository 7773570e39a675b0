/**
 * claimsim as a package: `npm pack` makes a tarball, an empty project
 * installs it, and the README's "Use as a library" example, taken from the
 * README as written, runs there importing `claimsim` by name. Its figures are
 * those the library gives here for the same scenario, replications and seed.
 * Needs the build (`npm run build`, which `npm test` does first).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/library/simulate.js';
import { BUNDLED_SCENARIOS_DIR, loadScenario } from '../../src/params/load.js';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const project = mkdtempSync(join(tmpdir(), 'claimsim-package-'));

/** The README's library example: the first js block after its marker. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('<!-- library example');
  expect(at).toBeGreaterThan(0);
  const block = /```js\n([\s\S]*?)```/.exec(readme.slice(at));
  return block![1]!;
}

beforeAll(async () => {
  expect(existsSync(join(ROOT, 'dist/index.js')), 'the package is packed from dist/: run `npm run build` first').toBe(true);
  // --ignore-scripts: packing would otherwise rebuild dist/ under the other tests' feet.
  await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: ROOT });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-claimsim', private: true, type: 'module' }));
  await run('npm', ['install', `./${tarball}`, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'], { cwd: project });
}, 600_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the package', () => {
  it('holds the build and the scenarios, not the tests or the benchmark', () => {
    const installed = join(project, 'node_modules/claimsim');
    expect(existsSync(join(installed, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(installed, 'dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(installed, 'scenarios/baseline.yaml'))).toBe(true);
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(existsSync(join(installed, 'dist/bench'))).toBe(false);
  });

  it("runs the README's example importing claimsim by name, to the library's own figures", async () => {
    writeFileSync(join(project, 'example.mjs'), readmeExample());
    const { stdout } = await run(process.execPath, ['example.mjs'], { cwd: project, timeout: 300_000 });
    const scenario = loadScenario(join(BUNDLED_SCENARIOS_DIR, 'baseline.yaml'), { set: ['policy.threshold=2500'] });
    const here = (await simulate(scenario, { replications: 5, seed: 1, workers: 2 })).summary['marketplace.netCost'];
    expect(stdout.trim()).toBe(`net cost $${here.mean.toFixed(0)} (95% CI $${here.ciLow!.toFixed(0)} to $${here.ciHigh!.toFixed(0)})`);
    const report = readFileSync(join(project, 'report.html'), 'utf8');
    expect(report).toMatch(/^<!doctype html>/i);
    expect(report).toContain('policy.threshold');
  }, 300_000);

  it('exports its front door and the core by name, and nothing else', async () => {
    const probe = `
      const lib = await import('claimsim');
      const core = await import('claimsim/core');
      let hidden = 'importable';
      try { await import('claimsim/dist/index.js'); } catch (e) { hidden = e.code; }
      console.log(JSON.stringify({ lib: ['simulate', 'compare', 'sweep', 'sensitivity', 'calibrate', 'fit', 'charts', 'renderReport', 'parseScenario', 'scenarioOf'].filter((n) => typeof lib[n] !== 'function'), core: typeof core.scenarioFromText, hidden }));`;
    writeFileSync(join(project, 'probe.mjs'), probe);
    const { stdout } = await run(process.execPath, ['probe.mjs'], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ lib: [], core: 'function', hidden: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  }, 120_000);
});
