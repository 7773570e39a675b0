/**
 * Hostile inputs that currently get through, or are refused badly. Each test
 * states the right behaviour, checks that it does NOT hold today (so the suite
 * stays green while the bug is there), and fails, asking to be moved into the
 * main tables, once src is fixed. In process, to stay cheap; the command-line
 * equivalents are given in each test's name or comments.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareCommand } from '../../src/cli/commands/compare.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { validateCommand } from '../../src/cli/commands/validate.js';
import { reportFailure } from '../../src/cli/errors.js';
import { loadScenario } from '../../src/params/load.js';
import { ScenarioError } from '../../src/params/problems.js';
import { BASELINE, expectKnownBug, fixture, removeTempDirs, tempDir } from './harness.js';

const dir = tempDir('claimsim-hostile-bugs-');
const escName = join(dir, 'escape-name.yaml');

beforeAll(() => {
  // YAML double-quoted escapes: ESC ] 0 ; ... BEL sets the terminal title, ESC [ 2 J clears the screen.
  writeFileSync(escName, 'name: "pwned\\e]0;owned\\a\\e[2J\\e[31m"\ndescription: d\nextends: baseline\nparameters: {}\n');
});
afterAll(() => {
  vi.restoreAllMocks();
  removeTempDirs();
});

/** What a promise settles to: its value, or the error it rejects with. */
const settled = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** `fn()` as a promise, whether it throws or rejects. */
const call = (fn: () => unknown): Promise<unknown> => (async () => fn())();
/** Arguments as yargs would hand them to a command's handler. */
const argv = <T extends object>(a: T) => ({ _: [], $0: 'claimsim', ...a }) as never;

/** Runs `fn` with stdout and stderr captured instead of printed. */
async function captured(fn: () => unknown): Promise<{ stdout: string; stderr: string; error: unknown }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr, error };
}

describe('known bugs: bad input exits 1 (an internal error) instead of 2', () => {
  it('report on a results.json with a valid "kind" and nothing else: a TypeError', async () => {
    const out = join(dir, 'report-out');
    const e = await settled(call(() => reportCommand.handler(argv({ results: fixture('results-kind-only.json'), out }))));
    const exit = await captureExit(e);
    expectKnownBug(() => expect(exit.code, 'exit code').toBe(2), /exit code/);
    expect(exit).toEqual({ code: 1, stderr: expect.stringMatching(/^error: Cannot read properties of undefined/) });
    expect(readdirSync(dir)).not.toContain('report-out');
  });

  it('merge on a partial-*.json with kind "partial" and nothing else: a TypeError', async () => {
    const out = join(dir, 'merge-out');
    const e = await settled(call(() => mergeCommand.handler(argv({ dirs: [fixture('partial-1-of-2.json')], out }))));
    const exit = await captureExit(e);
    expectKnownBug(() => expect(exit.code, 'exit code').toBe(2), /exit code/);
    expect(exit).toEqual({ code: 1, stderr: expect.stringMatching(/^error: Cannot read properties of undefined/) });
    expect(readdirSync(dir)).not.toContain('merge-out');
  });
});

/** The exit code and stderr the CLI would give for `error` (main.ts hands it to reportFailure). */
async function captureExit(error: unknown): Promise<{ code: number; stderr: string }> {
  let code = -1;
  const { stderr } = await captured(() => {
    code = reportFailure(error);
  });
  return { code, stderr };
}
