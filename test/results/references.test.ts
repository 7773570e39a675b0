/**
 * The references a result records of its scenario (scenario.references in
 * results.json and in a shard's partial), checked by src/results/read.ts as
 * strictly as the loader checks a scenario's: known fields, keys of the
 * documented shape, web addresses only, and every `[key]` a parameter's
 * source cites defined. Results written before references existed have none
 * and still pass.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { BUNDLED_SCENARIOS_DIR } from '../../src/params/load.js';
import { partialResult } from '../../src/results/partial.js';
import { checkPartial, checkResults, ResultsFileError } from '../../src/results/read.js';
import { buildRunResults, scenarioRecord } from '../../src/results/results.js';
import { simulateUnits } from '../../src/sim/pool.js';
import { planUnits } from '../../src/sim/units.js';
import { runFile } from '../support/analysisFiles.js';

type Json = Record<string, any>;
const dir = mkdtempSync(join(tmpdir(), 'claimsim-results-references-'));
let run: Json;
let partial: Json;

beforeAll(async () => {
  const doc = parseDocument(readFileSync(join(BUNDLED_SCENARIOS_DIR, 'baseline.yaml'), 'utf8'));
  doc.setIn(['references', 'test-source'], doc.createNode({ title: 'T', publisher: 'P', url: 'https://example.org/t', accessed: 'for the tests' }));
  doc.setIn(['parameters', 'policy', 'threshold', 'source'], '[test-source]');
  const file = join(dir, 'with-references.yaml');
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  const options = { seed: 2, replications: 1, workers: 1, set: ['volume.claims=200', 'world.teams=1'] };
  const r = await runFile(file, options);
  const invocation = { command: ['claimsim', 'test'], startedAt: '2025-01-01T00:00:00.000Z', wallSeconds: 1, workers: 1 };
  run = JSON.parse(JSON.stringify(buildRunResults(r.output, { scenario: scenarioRecord(r.scenario), parameters: r.scenario.parameters, parameterMeta: r.scenario.meta, seed: 2, invocation })));
  const shard = { index: 0, count: 1 };
  const units = await simulateUnits(r.scenario.parameters, 2, planUnits(1, r.scenario.parameters.world.teams, shard), { workers: 1 });
  partial = JSON.parse(
    JSON.stringify(partialResult({ scenario: scenarioRecord(r.scenario), parameters: r.scenario.parameters, parameterMeta: r.scenario.meta, seed: 2, replications: 1, shard, units, wallSeconds: 1 })),
  );
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function edited(value: Json, edit: (copy: Json) => void): Json {
  const copy = structuredClone(value);
  edit(copy);
  return copy;
}

function refusal(check: () => unknown): string {
  try {
    check();
  } catch (e) {
    expect(e).toBeInstanceOf(ResultsFileError);
    return (e as Error).message;
  }
  return '';
}

describe('references in saved results', () => {
  it('are written in the scenario block and pass the check, in results and in partials', () => {
    expect(run.scenario.references['test-source']).toEqual({ title: 'T', publisher: 'P', url: 'https://example.org/t', accessed: 'for the tests' });
    expect(run.parameterMeta['policy.threshold'].source).toBe('[test-source]');
    expect(checkResults(run, 'results.json')).toBe(run);
    expect(partial.scenario.references).toEqual(run.scenario.references);
    expect(checkPartial(partial, 'partial.json')).toBe(partial);
  });

  it('may be absent, as in results written before references existed', () => {
    expect(
      refusal(() =>
        checkResults(
          edited(run, (r) => delete r.scenario.references),
          'results.json',
        ),
      ),
    ).toBe('');
  });

  it.each([
    [
      'a script address',
      (r: Json) => (r.scenario.references['test-source'].url = 'javascript:alert(1)'),
      /^results\.json: scenario\.references\."test-source"\.url: url must be a web address starting with https:\/\/ or http:\/\//,
    ],
    ['an unknown field', (r: Json) => (r.scenario.references['test-source'].author = 'x'), /^results\.json: scenario\.references\."test-source": unknown key "author"$/],
    ['a missing title', (r: Json) => delete r.scenario.references['test-source'].title, /^results\.json: scenario\.references\."test-source"\.title: missing \(expected a string\)$/],
    [
      'a key of the wrong shape',
      (r: Json) => (r.scenario.references['Bad Key'] = { title: 'T', publisher: 'P', accessed: 'a' }),
      /^results\.json: scenario\.references\."Bad Key": a reference key is lower-case letters/,
    ],
    ['a list for the block', (r: Json) => (r.scenario.references = []), /^results\.json: scenario\.references: expected an object \(got an array\)$/],
    [
      'a citation of a key it does not define',
      (r: Json) => (r.parameterMeta['policy.threshold'].source = '[test-source] and [gone]'),
      /^results\.json: parameterMeta\."policy\.threshold"\.source: cites \[gone\], which scenario\.references does not define$/,
    ],
    [
      'a reference\u2019s note citing a key it does not define',
      (r: Json) => (r.scenario.references['test-source'].note = 'with [gone]'),
      /^results\.json: scenario\.references\."test-source"\.note: cites \[gone\], which scenario\.references does not define$/,
    ],
    [
      'a citation of Object.prototype\u2019s constructor',
      (r: Json) => (r.parameterMeta['policy.threshold'].source = '[constructor]'),
      /^results\.json: parameterMeta\."policy\.threshold"\.source: cites \[constructor\], which scenario\.references does not define$/,
    ],
  ])('are refused with %s, naming the file and path', (_, edit, message) => {
    expect(refusal(() => checkResults(edited(run, edit), 'results.json'))).toMatch(message);
  });

  it('are checked in a partial too', () => {
    expect(
      refusal(() =>
        checkPartial(
          edited(partial, (p) => (p.scenario.references['test-source'].url = 'file:///etc/passwd')),
          'partial.json',
        ),
      ),
    ).toMatch(/^partial\.json: scenario\.references\."test-source"\.url: /);
    expect(
      refusal(() =>
        checkPartial(
          edited(partial, (p) => (p.parameterMeta['policy.threshold'].source = '[gone]')),
          'partial.json',
        ),
      ),
    ).toMatch(/^partial\.json: parameterMeta\."policy\.threshold"\.source: cites \[gone\]/);
  });
});
