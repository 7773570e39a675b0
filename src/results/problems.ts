/**
 * A results or partial file refused in words: one line per problem, each
 * naming the file and the JSON path, with zod's messages rewritten for
 * someone who has not read the schema.
 */
import type { z } from 'zod';
import { InputError } from '../inputError.js';

/** A results or partial file that cannot be used; the message names the file and what is wrong. */
export class ResultsFileError extends InputError {
  override name = 'ResultsFileError';
}

/** How many problems a refusal lists before saying how many more there are. */
const PROBLEMS_SHOWN = 5;

/** The first few problems, one line each, every line naming the file. */
export function refusal(file: string, issues: readonly z.core.$ZodIssue[]): ResultsFileError {
  const lines = issues.slice(0, PROBLEMS_SHOWN).map((issue) => `${file}: ${problemText(issue)}`);
  const more = issues.length - PROBLEMS_SHOWN;
  if (more > 0) lines.push(`${file}: and ${more} more problem${more === 1 ? '' : 's'}`);
  return new ResultsFileError(lines.join('\n'));
}

/** `path: what is wrong`, in words rather than zod's. */
export function problemText(issue: z.core.$ZodIssue): string {
  const at = jsonPath(issue.path);
  const message = issueMessage(issue);
  return at ? `${at}: ${message}` : message;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A JSON path as a reader would write it, quoting keys that are not identifiers.
 * @example jsonPath(['metrics', 'marketplace.netCost', 'mean']) // 'metrics."marketplace.netCost".mean'
 * @example jsonPath(['units', 3, 'team']) // 'units[3].team'
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return `${i === 0 ? '' : '.'}${IDENTIFIER.test(name) ? name : JSON.stringify(name)}`;
    })
    .join('');
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: 'an array',
};

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      // zod reports an infinite number (1e400 in JSON) as received "Infinity", with no usable input.
      const received = (issue as { received?: unknown }).received;
      if (received !== undefined) return `expected ${expected} (got ${String(received)})`;
      return issue.input === undefined ? `missing (expected ${expected})` : `expected ${expected} (got ${describeValue(issue.input)})`;
    }
    case 'too_small':
      if (issue.origin === 'array') return Number(issue.minimum) === 1 ? 'must not be empty' : `must have at least ${issue.minimum} entries`;
      return `must be at least ${issue.minimum} (got ${describeValue(issue.input)})`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      return `must be at most ${issue.maximum} (got ${describeValue(issue.input)})`;
    case 'invalid_value':
      if (issue.values.length > 4)
        return `is not one of the ${issue.values.length} names the engine knows here (such as ${issue.values
          .slice(0, 2)
          .map((v) => JSON.stringify(v))
          .join(', ')})`;
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')} (got ${describeValue(issue.input)})`;
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** What a JSON value is, without echoing a long string or a whole object. */
function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
