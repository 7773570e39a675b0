/**
 * Problems found in scenario input, reported together: one line per problem,
 * naming the file, the line and the field, so an analyst can fix them all at once.
 */
import { InputError } from '../inputError.js';

export interface Problem {
  /** The file the problem is in, or `--set` for a command-line override. */
  readonly file: string;
  /** 1-based line, when the problem can be placed in the file. */
  readonly line?: number;
  /** Dotted field path inside `parameters`, or a top-level key. */
  readonly field?: string;
  readonly message: string;
}

/** Thrown when scenario input is refused: an input error that lists its problems (the CLI prints them and exits 2). */
export class ScenarioError extends InputError {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** `file:line: field: message`, leaving out what is unknown. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}
