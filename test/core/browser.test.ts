/**
 * The engine core runs where there is no Node: bundled for the browser by
 * esbuild (which refuses any Node built-in), then run in a bare JavaScript
 * realm (no process, Buffer, require or file system, as in a Web Worker), it
 * gives exactly the metrics the Node engine gives for the same scenario,
 * claims, replications and seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build, type BuildFailure } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/params/load.js';
import { runScenario } from '../../src/sim/run.js';
import { simulateUnitsHere } from '../../src/sim/unit.js';
import type * as Core from '../../src/core.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SET = ['volume.claims=2000', 'world.teams=2'];

async function bundle(contents: string) {
  return build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'browser', format: 'iife', globalName: 'claimsim', write: false, metafile: true, logLevel: 'silent' });
}

describe('the engine core in a browser', () => {
  it('bundles for the browser with no Node built-in among its inputs', async () => {
    const out = await bundle("export * from './src/core.ts';");
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs).toContain('src/sim/world/team.ts');
    expect(inputs.filter((i) => /^node:|^(fs|path|os|url|crypto|worker_threads|v8)$/.test(i))).toEqual([]);
    // Nothing the core does not need: no fake names (faker), no worker pool, no chart renderer.
    expect(inputs.filter((i) => /node_modules\/(@faker-js|piscina|@resvg|vega)/.test(i))).toEqual([]);
  }, 60_000);

  it("names none of Node's globals in the core's own sources (which a bundler would not refuse)", () => {
    const rules = (createRequire(import.meta.url)(resolve(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string; from: { path: string } }[] }).forbidden;
    const core = new RegExp(rules.find((r) => r.name === 'core-without-node')!.from.path);
    const files = readdirSync(resolve(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .map((f) => `src/${f}`)
      .filter((f) => f.endsWith('.ts') && core.test(f));
    expect(files).toContain('src/sim/world/team.ts');
    const uses = files.flatMap((f) => {
      // Comments may speak of Node; code may not use it.
      const code = readFileSync(resolve(ROOT, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      return [...code.matchAll(/\b(process\.|Buffer\b|setImmediate|__dirname|__filename|require\(|import\.meta)/g)].map((m) => `${f}: ${m[0]}`);
    });
    expect(uses).toEqual([]);
  });

  it('a Node built-in planted in the core fails the bundle, naming it', async () => {
    const failure = await bundle("export * from './src/core.ts'; export { readFileSync } from 'node:fs';").then(
      () => undefined,
      (e: BuildFailure) => e,
    );
    expect(failure?.errors.map((e) => e.text).join('\n')).toMatch(/node:fs/);
  }, 60_000);

  it('in a realm without Node, gives the metrics Node gives, to the last digit', async () => {
    const out = await bundle("export * from './src/core.ts';");
    // What a Web Worker has and a bare V8 realm lacks: text encoding and URL parsing (zod's url check).
    const realm = createContext({ TextEncoder, TextDecoder, URL });
    runInContext(out.outputFiles[0]!.text, realm);
    expect(runInContext('typeof process + typeof Buffer + typeof require', realm)).toBe('undefinedundefinedundefined');
    const core = (realm as unknown as { claimsim: typeof Core }).claimsim;

    const text = readFileSync(resolve(ROOT, 'scenarios/baseline.yaml'), 'utf8');
    const inPage = core.scenarioFromText(text, { name: 'baseline.yaml', set: SET });
    const pageRun = await core.runScenario(inPage.parameters, { seed: 9, replications: 2, runUnits: core.simulateUnitsHere });

    const onDisk = loadScenario(resolve(ROOT, 'scenarios/baseline.yaml'), { set: SET });
    const nodeRun = await runScenario(onDisk.parameters, { seed: 9, replications: 2, runUnits: simulateUnitsHere });

    expect(inPage.hash).toBe(onDisk.hash);
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    expect(plain(pageRun.replications.map((r) => r.metrics))).toEqual(plain(nodeRun.replications.map((r) => r.metrics)));
    expect(nodeRun.replications[0]!.metrics['claims.filed']).toBeGreaterThan(1500);
  }, 120_000);
});
