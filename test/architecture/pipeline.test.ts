/**
 * The pipeline, enforced (.dependency-cruiser.cjs): the sources pass, and a
 * copy of them with one backward import planted fails, naming the rule. The
 * copy lives in a temporary folder; the repository's own files are never
 * changed.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');
const run = promisify(execFile);

async function cruise(cwd: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout } = await run(DEPCRUISE, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd });
    return { ok: true, output: stdout };
  } catch (e) {
    const { stdout = '', stderr = '' } = e as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the sources with `planted` prepended to `file`. */
function copyWith(file: string, planted: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimsim-pipeline-'));
  copies.push(dir);
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  for (const f of ['tsconfig.json', '.dependency-cruiser.cjs', 'package.json']) cpSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, file), `${planted}\n${readFileSync(join(dir, file), 'utf8')}`);
  return dir;
}

describe('the pipeline', () => {
  it('the sources import only from their own phase and the phases before it', async () => {
    const result = await cruise(ROOT);
    expect(result.output).not.toMatch(/error/);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('a rule importing from the command line fails, naming the rule and both files', async () => {
    const result = await cruise(copyWith('src/rules/isBuiltUp.ts', "import type { UsageError } from '../cli/errors.js';"));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/pipeline-rules: src\/rules\/isBuiltUp\.ts → src\/cli\/errors\.ts/);
  }, 120_000);

  it('a module outside every phase fails', async () => {
    const dir = copyWith('src/index.ts', '');
    writeFileSync(join(dir, 'src/helpers.ts'), "export { ENGINE } from './version.js';\n");
    const result = await cruise(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/every-module-has-a-phase: src\/helpers\.ts → src\/version\.ts/);
  }, 120_000);

  it('the engine core reaching for a Node built-in fails', async () => {
    const result = await cruise(copyWith('src/sim/world/team.ts', "import { readFileSync } from 'node:fs';"));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/core-without-node: src\/sim\/world\/team\.ts → (node:)?fs/);
  }, 120_000);
});
