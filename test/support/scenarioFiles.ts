/**
 * Helpers for tests that write scenario files and expect them refused:
 * temporary folders removed after each test, and the problems a load reports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { formatProblem, ScenarioError, type Problem } from '../../src/params/problems.js';

/** A maker of temporary folders named `prefix...`; every folder it made is removed after each test. */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** The problems `fn` is refused with: a ScenarioError with at least one, its message one line each. */
export function problemsOf(fn: () => unknown): readonly Problem[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    const problems = (e as ScenarioError).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect((e as ScenarioError).message).toBe(problems.map(formatProblem).join('\n'));
    return problems;
  }
  throw new Error('expected a ScenarioError, but loading succeeded');
}
