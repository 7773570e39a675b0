/**
 * The built command line, as the merge tests drive it: a run that must
 * succeed, a run whose failure is the point, and results compared without
 * the one block that differs between runs. Needs dist/ (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(process.cwd(), 'dist', 'cli', 'main.js');

/** Spawns the CLI; a kill timeout far above what a merge takes, so a hang fails rather than stalls. */
export function claimsim(args: readonly string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL', env: { ...process.env, CI: 'true' } });
}

/** Spawns the CLI and requires exit 0. */
export function ok(args: readonly string[]) {
  const r = claimsim(args);
  if (r.status !== 0) throw new Error(`claimsim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r;
}

/** A results.json's text without its invocation block. */
export const withoutInvocation = (file: string) => readFileSync(file, 'utf8').replace(/"invocation": \{[^}]*\}/, '');
