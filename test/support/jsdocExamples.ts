/**
 * Reading the `@example`s of a source file's JSDoc, so that tests can run them.
 *
 * The convention (docs for it: test/docs/examples.test.ts):
 *
 *     @example fn(args) // expected: note
 *
 * - one line per `@example`; the working, if it needs more room, goes in the
 *   JSDoc text above the tags;
 * - `fn` is the function the JSDoc block documents (the `export function` that
 *   follows the comment), and the call is the whole of what precedes `//`;
 * - `expected` is a JavaScript expression (literals, arithmetic, `Math`), read up
 *   to the first `:` outside brackets and quotes; what follows that `:` is prose;
 * - `≈ 1.4307` stands for a number known to the digits given (here within
 *   0.00005); it may appear anywhere in `expected`, e.g. `{ low: ≈ 1.04 }`;
 *   other numbers must agree to 1e-12 relative (floating-point noise only).
 *
 * Anything else carrying `@example` is a parse error, never skipped.
 */

export interface JsdocExample {
  /** 1-based line of the `@example` in the file. */
  readonly line: number;
  /** The function the JSDoc block documents. */
  readonly documents: string;
  readonly call: string;
  readonly expected: string;
  readonly note: string;
}

export interface ParsedExamples {
  readonly examples: JsdocExample[];
  /** One message per `@example` that could not be read, with its line. */
  readonly errors: string[];
  /** Names of the functions whose JSDoc carries at least one readable example. */
  readonly documented: Set<string>;
}

/** Index of the first `target` outside quotes and brackets in `text`, or -1. */
export function topLevelIndexOf(text: string, target: string): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (depth === 0 && text.startsWith(target, i)) return i;
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return -1;
}

/** The index just after the bracket closing the one at `open`, or -1. */
function closingIndex(text: string, open: number): number {
  const rest = text.slice(open + 1);
  const at = topLevelIndexOf(rest, ')');
  return at < 0 ? -1 : open + 1 + at + 1;
}

const DECLARATION = /^\s*export\s+(?:async\s+)?function\s+([A-Za-z_$][\w$]*)/;
const CALL = /^([A-Za-z_$][\w$]*)\s*\(/;

/** Parses one `@example` line's text (after the tag) for a block documenting `documents`. */
export function parseExampleLine(text: string, documents: string | null): Omit<JsdocExample, 'line' | 'documents'> | string {
  if (documents === null) return 'an @example on a comment that documents no exported function';
  const slashes = topLevelIndexOf(text, '//');
  if (slashes < 0) return `no "// expected" after the call: ${text}`;
  const call = text.slice(0, slashes).trim();
  const match = CALL.exec(call);
  if (match === null) return `the example does not start with a call: ${call}`;
  if (match[1] !== documents) return `the example calls ${match[1]}, not ${documents}, the function it documents`;
  if (closingIndex(call, match[0].length - 1) !== call.length) return `the example is more than one call: ${call}`;
  const rest = text.slice(slashes + 2).trim();
  const colon = topLevelIndexOf(rest, ':');
  const expected = (colon < 0 ? rest : rest.slice(0, colon)).trim();
  const note = colon < 0 ? '' : rest.slice(colon + 1).trim();
  if (expected === '') return `no expected value after "//": ${text}`;
  return { call, expected, note };
}

/** Every `@example` of a TypeScript source, read or reported. */
export function parseExamples(source: string): ParsedExamples {
  const examples: JsdocExample[] = [];
  const errors: string[] = [];
  const documented = new Set<string>();
  let seen = 0;
  const lineOf = (index: number): number => source.slice(0, index).split('\n').length;
  for (const block of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const blockStart = block.index;
    const after = source.slice(blockStart + block[0].length);
    const documents = DECLARATION.exec(after)?.[1] ?? null;
    const lines = block[1]!.split('\n').map((l) => l.replace(/^\s*\*?\s?/, '').trimEnd());
    const firstLine = lineOf(blockStart);
    for (let i = 0; i < lines.length; i++) {
      const tagged = /^@example\b\s*(.*)$/.exec(lines[i]!.trim());
      if (tagged === null) continue;
      seen++;
      const line = firstLine + i;
      // An example is one line: any text after it before the next tag (or the end) is an error.
      let runOn: string | undefined;
      for (let j = i + 1; j < lines.length && !lines[j]!.trim().startsWith('@'); j++) runOn ??= lines[j]!.trim() || undefined;
      if (runOn !== undefined) {
        errors.push(`line ${line}: an @example runs on to the next lines ("${runOn}"); keep it to one line`);
        continue;
      }
      const parsed = parseExampleLine(tagged[1]!, documents);
      if (typeof parsed === 'string') {
        errors.push(`line ${line}: ${parsed}`);
        continue;
      }
      examples.push({ line, documents: documents!, ...parsed });
      documented.add(documents!);
    }
  }
  const everywhere = source.match(/@example\b/g)?.length ?? 0;
  if (everywhere !== seen) errors.push(`${everywhere - seen} @example(s) outside a JSDoc block (/** ... */)`);
  return { examples, errors, documented };
}

/** A number known to the digits an example gives. */
export class Approx {
  constructor(
    readonly value: number,
    readonly tolerance: number,
  ) {}
}

function approx(literal: string): Approx {
  const decimals = /\.(\d+)/.exec(literal)?.[1]?.length ?? 0;
  return new Approx(Number(literal), 0.5 * 10 ** -decimals);
}

/** The value an example expects: its expression evaluated, with `≈ x` made an {@link Approx}. */
export function expectedValue(expected: string): unknown {
  const source = expected.replace(/≈\s*(-?\d+(?:\.\d+)?)/g, '__approx("$1")');
  if (source.includes('≈')) throw new SyntaxError(`"≈" must be followed by a number literal: ${expected}`);
  return new Function('__approx', `"use strict"; return (${source});`)(approx);
}

/** The value of an example's call, evaluated over its module's exports. */
export function actualValue(call: string, exports: Record<string, unknown>): unknown {
  const names = Object.keys(exports).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  return new Function(...names, `"use strict"; return (${call});`)(...names.map((name) => exports[name]));
}

const RELATIVE = 1e-12;

/** Null when `actual` is what `expected` says, otherwise where and how they differ. */
export function difference(actual: unknown, expected: unknown, path = '(value)'): string | null {
  if (expected instanceof Approx) {
    if (typeof actual !== 'number' || !(Math.abs(actual - expected.value) <= expected.tolerance)) {
      return `${path}: ${String(actual)} is not ${expected.value} ± ${expected.tolerance}`;
    }
    return null;
  }
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: ${JSON.stringify(actual)} is not the number ${expected}`;
    if (Object.is(actual, expected)) return null;
    if (Number.isFinite(expected) && Math.abs(actual - expected) <= RELATIVE * Math.max(1, Math.abs(expected))) return null;
    return `${path}: ${actual} is not ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: ${JSON.stringify(actual)} is not an array`;
    if (actual.length !== expected.length) return `${path}: ${actual.length} elements, not ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = difference(actual[i], expected[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: ${JSON.stringify(actual)} is not an object`;
    const keys = (o: object): string[] => Object.keys(o).sort();
    const [a, e] = [keys(actual), keys(expected)];
    if (a.join() !== e.join()) return `${path}: keys ${a.join(', ')}, not ${e.join(', ')}`;
    for (const key of e) {
      const d = difference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
      if (d !== null) return d;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`;
}
