/**
 * The `@example`s of the rules (src/rules) and statistics (src/stats) are run
 * as tests, so the documentation cannot drift from the code.
 *
 * Convention (read by test/support/jsdocExamples.ts), one line per example:
 *
 *     @example isBuiltUp(0.2, { buildUpShare: 0.2 }) // false: the share is a strict bound
 *     @example confidenceHalfWidth(2, 10, 0.05) // ≈ 1.4307: 2.262 * 2 / sqrt(10)
 *
 * - before `//`: one call of the function the JSDoc documents, evaluated over
 *   the exports of its module (`Math` and literals may appear in arguments);
 * - after `//`, up to the first `:` outside brackets and quotes: the expected
 *   value, a JavaScript expression, compared deeply; numbers agree to 1e-12
 *   relative, and `≈ x` (anywhere in it) to the digits of `x`;
 * - after that `:`, prose: the working, the policy sentence, why it matters.
 *
 * A file fails if one of its `@example`s cannot be read this way, and if one of
 * its exported functions has no example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actualValue, difference, expectedValue, parseExampleLine, parseExamples } from '../support/jsdocExamples.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folders = ['src/rules', 'src/stats'];
const files = folders.flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => join(root, folder, name)),
);

describe.each(files.map((file) => [relative(root, file), file] as const))('%s', (name, file) => {
  const parsed = parseExamples(readFileSync(file, 'utf8'));

  it('has only @examples that can be read', () => {
    expect(parsed.errors.join('\n')).toBe('');
  });

  it('has an @example for every exported function', async () => {
    const exports = (await import(file)) as Record<string, unknown>;
    const functions = Object.keys(exports).filter((key) => typeof exports[key] === 'function');
    expect(functions.filter((fn) => !parsed.documented.has(fn))).toEqual([]);
  });

  for (const example of parsed.examples) {
    it(`line ${example.line}: ${example.call} // ${example.expected}`, async () => {
      const exports = (await import(file)) as Record<string, unknown>;
      const actual = actualValue(example.call, exports);
      const expected = expectedValue(example.expected);
      expect(difference(actual, expected), `${name}:${example.line}, ${example.call} returned ${JSON.stringify(actual)}`).toBeNull();
    });
  }
});

describe('the examples', () => {
  it('are found at all: at least one in every file that exports a function, 40 in all', () => {
    const counts = files.map((file) => parseExamples(readFileSync(file, 'utf8')).examples.length);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40);
  });
});

describe('the example reader', () => {
  const one = (body: string): ReturnType<typeof parseExamples> => parseExamples(`/**\n * Doc.\n${body}\n */\nexport function f(x: number): number {\n  return x;\n}\n`);

  it('reads a call, an expected value up to the first top-level colon, and a note', () => {
    const { examples, errors } = one(" * @example f({ a: 1 }) // { a: 1, b: 'x: y' }: a note: with colons");
    expect(errors).toEqual([]);
    expect(examples).toEqual([{ line: 3, documents: 'f', call: 'f({ a: 1 })', expected: "{ a: 1, b: 'x: y' }", note: 'a note: with colons' }]);
  });

  it('refuses what it cannot run, instead of skipping it', () => {
    expect(parseExampleLine('f(1) 1', 'f')).toMatch(/no "\/\/ expected"/);
    expect(parseExampleLine('g(1) // 1', 'f')).toMatch(/calls g, not f/);
    expect(parseExampleLine('f(1) + 1 // 2', 'f')).toMatch(/more than one call/);
    expect(parseExampleLine('f(1) //   : nothing', 'f')).toMatch(/no expected value/);
    expect(parseExampleLine('f(1) // 1', null)).toMatch(/documents no exported function/);
    expect(one(' * @example f(1) // 1\n *   continued').errors).toHaveLength(1);
    expect(one(' * @example f(1) // 1\n * @returns x').errors).toEqual([]);
    expect(parseExamples('// @example f(1) // 1\nexport function f(x: number) { return x; }\n').errors).toHaveLength(1);
  });

  it('compares deeply, numbers to 1e-12 relative, ≈ to the digits given', () => {
    expect(difference({ a: [0.1 + 0.2] }, expectedValue('{ a: [0.3] }'))).toBeNull();
    expect(difference({ a: 0.3001 }, expectedValue('{ a: 0.3 }'))).not.toBeNull();
    expect(difference({ a: 1 }, expectedValue('{ a: 1, b: undefined }'))).not.toBeNull();
    expect(difference(1.43071, expectedValue('≈ 1.4307'))).toBeNull();
    expect(difference(1.43076, expectedValue('≈ 1.4307'))).not.toBeNull();
    expect(difference({ low: -1.48414 }, expectedValue('{ low: ≈ -1.4841 }'))).toBeNull();
    expect(difference(NaN, expectedValue('NaN'))).toBeNull();
    expect(difference('flagged', expectedValue("'cleared'"))).not.toBeNull();
    expect(difference(null, expectedValue('0'))).not.toBeNull();
    expect(() => expectedValue('litigate')).toThrow(ReferenceError);
  });
});
