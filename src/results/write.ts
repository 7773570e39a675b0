/**
 * Writing outputs so that a run that fails or is interrupted (even by SIGKILL)
 * leaves either the previous complete output or none, never a mixture:
 * a single file is written beside its target and renamed over it; a set of
 * files is written into a hidden staging directory that then replaces the
 * output directory by rename. Renames are atomic within one file system.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A write that failed for a reason the user can act on (no space, no permission, not a directory). */
export class OutputError extends Error {
  override name = 'OutputError';
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
  EISDIR: 'the path is a directory',
  ENAMETOOLONG: 'the path is too long',
};

function outputError(target: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && REASONS[code]) return new OutputError(`cannot write ${target}: ${REASONS[code]} (${code}); nothing was written`);
  return e as Error;
}

export function writeFileAtomic(path: string, data: string | Buffer): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (e) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the temporary file never existed, or cannot be reached: the cause below says why
    }
    throw outputError(path, e);
  }
}

/**
 * Replaces the outputs in `dir` with `files` (relative paths → contents) all
 * at once. Files already in `dir` that this write does not replace (shard
 * partials, an earlier event log) are carried over, except those named in
 * `drop` (an earlier output this one must not appear to come with).
 */
export function writeOutputs(dir: string, files: Readonly<Record<string, string | Buffer>>, options: { readonly drop?: readonly string[] } = {}): void {
  const target = resolve(dir);
  const parent = dirname(target);
  const name = basename(target);
  const staging = join(parent, `.${name}.staging-${process.pid}`);
  const retired = join(parent, `.${name}.old-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    // Staging left behind by runs that were killed is never a complete output: drop it.
    for (const entry of readdirSync(parent)) if (entry.startsWith(`.${name}.staging-`)) rmSync(join(parent, entry), { recursive: true, force: true });
    mkdirSync(staging);
    for (const [relative, data] of Object.entries(files)) {
      const file = join(staging, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data);
    }
    if (existsSync(target)) {
      const replaced = new Set([...Object.keys(files).map((f) => f.split(/[\\/]/)[0]!), ...(options.drop ?? [])]);
      for (const entry of readdirSync(target)) {
        if (!replaced.has(entry)) cpSync(join(target, entry), join(staging, entry), { recursive: true });
      }
      renameSync(target, retired);
      renameSync(staging, target);
      rmSync(retired, { recursive: true, force: true });
    } else {
      renameSync(staging, target);
    }
  } catch (e) {
    // Clean up as far as possible; the cause, not the clean-up, is what the user needs to see.
    try {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(target) && existsSync(retired)) renameSync(retired, target);
    } catch {
      // nothing more can be done here
    }
    throw outputError(dir, e);
  }
}
