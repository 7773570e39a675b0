/**
 * Mutation fuzzing of the scenario loader. Each bundled scenario's text is
 * mutated with a fixed seed (delete, duplicate or swap lines; replace a number
 * with -1, NaN, 1e999, "x", [] ...; insert a key; truncate; flip a byte), and
 * every mutant must either load, with parameters that pass parametersSchema,
 * or throw a ScenarioError whose every problem has a message and names a file
 * of the mutant's chain: never any other exception. A sample of the mutants
 * then goes through `claimsim validate`, which must agree, exit 0 or 2 (never
 * 1) and print no stack trace.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_SCENARIOS_DIR, loadScenario } from '../../src/params/load.js';
import { formatProblem, ScenarioError } from '../../src/params/problems.js';
import { parametersSchema } from '../../src/params/schema.js';
import { cpuNow } from '../support/cpu.js';
import { removeTempDirs, requireBuiltCli, sandbox, spawnCli, STACK_LINE, tempDir } from './harness.js';

const SEED = 20_211_101;
const MUTANTS_PER_SCENARIO = 32;
const CLI_SAMPLE = 20;
const CLI_BATCH = 10;

/** mulberry32: small, fast and reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const REPLACEMENTS = ['-1', '.nan', 'NaN', '1e999', '"x"', '[]', '{}', '~', '1e308', '-0', '0x7fffffff', '1.5', '-.inf', "''", '*nope', '&a 1', '"1000"', 'true'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'value', 'unit', 'tag', 'source', 'range', 'extends', 'name', 'threshold', 'zzz', 'ünïcødé', '"quoted key"', '? complex', '<<'];
const VALUES = ['1', '-1', 'x', '[]', '{}', '{ value: 1 }', '{ value: 1, source: s }', '[1, 2]', '*a', '&a 1', '"\\e[2J"', '|', '>-', '!!binary aGk=', '!tag x', ''];
const NUMBER = /(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/g;

const lines = (b: Buffer) => b.toString('utf8').split('\n');
const join_ = (ls: string[]) => Buffer.from(ls.join('\n'), 'utf8');

/** Each mutation takes the file's bytes and returns new bytes. */
const MUTATIONS: Record<string, (b: Buffer, r: Rng) => Buffer> = {
  deleteLine: (b, r) => {
    const ls = lines(b);
    ls.splice(r.int(ls.length), 1);
    return join_(ls);
  },
  duplicateLine: (b, r) => {
    const ls = lines(b);
    const i = r.int(ls.length);
    ls.splice(i, 0, ls[i]!);
    return join_(ls);
  },
  swapLines: (b, r) => {
    const ls = lines(b);
    const i = r.int(ls.length);
    const j = r.int(ls.length);
    [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    return join_(ls);
  },
  replaceNumber: (b, r) => {
    const text = b.toString('utf8');
    const hits = [...text.matchAll(NUMBER)];
    if (hits.length === 0) return b;
    const hit = r.pick(hits);
    return Buffer.from(text.slice(0, hit.index) + r.pick(REPLACEMENTS) + text.slice(hit.index! + hit[0].length), 'utf8');
  },
  insertKey: (b, r) => {
    const ls = lines(b);
    const i = r.int(ls.length);
    const indent = /^\s*/.exec(ls[i] ?? '')![0];
    ls.splice(i, 0, `${indent}${r.pick(KEYS)}: ${r.pick(VALUES)}`);
    return join_(ls);
  },
  truncate: (b, r) => b.subarray(0, r.int(b.length)),
  flipByte: (b, r) => {
    const copy = Buffer.from(b);
    if (copy.length > 0) copy[r.int(copy.length)]! ^= 1 << r.int(8);
    return copy;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

interface Mutant {
  readonly path: string;
  readonly from: string;
  readonly applied: readonly string[];
  readonly bytes: Buffer;
}

const dir = tempDir('claimsim-hostile-fuzz-');
const sources = readdirSync(BUNDLED_SCENARIOS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function makeMutants(): Mutant[] {
  const r = prng(SEED);
  const mutants: Mutant[] = [];
  for (const source of sources) {
    const original = readFileSync(join(BUNDLED_SCENARIOS_DIR, source));
    for (let k = 0; k < MUTANTS_PER_SCENARIO; k++) {
      let bytes: Buffer = original;
      const applied: string[] = [];
      for (let n = 1 + r.int(3); n > 0; n--) {
        const m = r.pick(MUTATION_NAMES);
        bytes = MUTATIONS[m]!(bytes, r);
        applied.push(m);
      }
      // Unique names, so no mutant can be found as another's base.
      const path = join(dir, `mutant-${String(mutants.length).padStart(4, '0')}.yaml`);
      writeFileSync(path, bytes);
      mutants.push({ path, from: source, applied, bytes });
    }
  }
  return mutants;
}

type Outcome = { kind: 'loaded'; name: string } | { kind: 'refused'; problems: readonly string[] };

const mutants = makeMutants();
const outcomes = new Map<string, Outcome>();

afterAll(removeTempDirs);

describe('fuzzing loadScenario with mutated bundled scenarios', () => {
  it(`${mutants.length} mutants: each loads validly or throws a ScenarioError naming its files`, () => {
    const counts = { loaded: 0, refused: 0 };
    const byMutation: Record<string, number> = Object.fromEntries(MUTATION_NAMES.map((m) => [m, 0]));
    let slowest = 0;
    for (const m of mutants) {
      for (const a of m.applied) byMutation[a]!++;
      const where = `${m.path} (from ${m.from} by ${m.applied.join(', ')})`;
      const t0 = cpuNow();
      let loaded: ReturnType<typeof loadScenario> | undefined;
      let error: unknown;
      try {
        loaded = loadScenario(m.path);
      } catch (e) {
        error = e;
      }
      slowest = Math.max(slowest, cpuNow() - t0);
      if (loaded) {
        counts.loaded++;
        expect(parametersSchema.safeParse(loaded.parameters).success, `${where}: loaded parameters fail the schema`).toBe(true);
        expect(loaded.name.length, `${where}: empty name`).toBeGreaterThan(0);
        expect(loaded.chain.at(-1), `${where}: chain`).toBe(m.path);
        outcomes.set(m.path, { kind: 'loaded', name: loaded.name });
        continue;
      }
      expect(error, `${where}: threw something other than a ScenarioError: ${String(error)}`).toBeInstanceOf(ScenarioError);
      const problems = (error as ScenarioError).problems;
      counts.refused++;
      expect(problems.length, `${where}: a ScenarioError with no problems`).toBeGreaterThan(0);
      // A mutant of an overlay may be refused in its base's terms (the bundled baseline), but in no other file.
      const chainFiles = new Set([m.path, ...sources.map((s) => join(BUNDLED_SCENARIOS_DIR, s))]);
      const lineCount = m.bytes.toString('utf8').split('\n').length;
      for (const p of problems) {
        expect(typeof p.message === 'string' && p.message.trim().length > 0, `${where}: a problem without a message: ${JSON.stringify(p)}`).toBe(true);
        expect(chainFiles.has(p.file), `${where}: a problem names ${p.file}`).toBe(true);
        if (p.line !== undefined) {
          expect(Number.isInteger(p.line) && p.line >= 1, `${where}: line ${p.line}`).toBe(true);
          if (p.file === m.path) expect(p.line, `${where}: line ${p.line} beyond the file's ${lineCount} lines`).toBeLessThanOrEqual(lineCount + 1);
        }
      }
      expect(
        problems.some((p) => p.file === m.path),
        `${where}: no problem names the mutant itself: ${problems.map(formatProblem).join(' | ')}`,
      ).toBe(true);
      outcomes.set(m.path, { kind: 'refused', problems: problems.map(formatProblem) });
    }
    // Nothing reached Object.prototype on the way.
    for (const key of ['changedBy', 'polluted', 'value', 'source', 'x']) expect(Object.hasOwn(Object.prototype, key), key).toBe(false);
    expect(counts.loaded + counts.refused).toBe(mutants.length);
    expect(mutants.length).toBeGreaterThanOrEqual(300);
    // Both outcomes occur, and every kind of mutation was exercised.
    expect(counts.loaded).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
    for (const m of MUTATION_NAMES) expect(byMutation[m], m).toBeGreaterThan(10);
    expect(slowest, 'slowest in-process load (CPU ms)').toBeLessThan(1000);
    console.info(
      `fuzz: ${mutants.length} mutants in process, ${counts.loaded} loaded, ${counts.refused} refused; slowest load ${slowest.toFixed(0)} ms of CPU; mutations applied ${JSON.stringify(byMutation)}`,
    );
  });
});

describe('fuzzing claimsim validate with a sample of the mutants', () => {
  beforeAll(requireBuiltCli);

  // Every (mutants.length / CLI_SAMPLE)-th mutant, so each bundled scenario is represented.
  const sample = Array.from({ length: CLI_SAMPLE }, (_, i) => mutants[Math.floor((i * mutants.length) / CLI_SAMPLE)]!);
  const batches = Array.from({ length: CLI_SAMPLE / CLI_BATCH }, (_, i) => sample.slice(i * CLI_BATCH, (i + 1) * CLI_BATCH));

  for (const [i, batch] of batches.entries()) {
    it(`batch ${i + 1}: ${batch.length} mutants through one validate; it agrees with loadScenario, exits 0 or 2, no stack trace`, () => {
      const box = sandbox();
      const r = spawnCli(['validate', ...batch.map((m) => m.path)], box.cwd);
      expect(r.signal).toBeNull();
      expect([0, 2], `exit ${r.status}: ${r.stderr.slice(0, 500)}`).toContain(r.status);
      expect(r.stderr).not.toMatch(STACK_LINE);
      const outs = batch.map((m) => outcomes.get(m.path));
      expect(outs.every(Boolean), 'the in-process fuzz ran first').toBe(true);
      expect(r.status).toBe(outs.every((o) => o!.kind === 'loaded') ? 0 : 2);
      for (const [k, m] of batch.entries()) {
        const o = outs[k]!;
        if (o.kind === 'loaded') expect(r.stdout).toContain(`ok: ${m.path} (${o.name})`);
        else for (const line of o.problems) expect(r.stderr).toContain(`error: ${line}\n`);
      }
      expect(readdirSync(box.cwd)).toEqual([]);
    });
  }
});
