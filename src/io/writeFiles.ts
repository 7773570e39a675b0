/**
 * Writing files whole or not at all, with a reason the user can act on when
 * the file system refuses (no space, no permission, not a directory): one
 * file replaced atomically, or new files that never replace an existing one.
 * The output folders of results/write.ts are built on these.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../inputError.js';

/** A write that failed for a reason the user can act on (no space, no permission, not a directory). */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** An output folder claimsim will not write: another writer holds it, or a name it would write is the user's. */
export class OutputRefused extends InputError {
  override name = 'OutputRefused';
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

/** The errno of a failed write in words, or undefined for one the user cannot act on. */
export function reasonOf(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException).code;
  return code && REASONS[code] ? `${REASONS[code]} (${code})` : undefined;
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
    const reason = reasonOf(e);
    if (reason) throw new OutputError(`cannot write ${path}: ${reason}; nothing was written`);
    throw e;
  }
}

/** A file for `writeNewFiles`: its name in the folder, its text, and whether it is a script to run. */
export interface NewFile {
  readonly name: string;
  readonly text: string;
  readonly executable: boolean;
}

/**
 * Writes `files` into `dir`, each whole or not at all, and never over an
 * existing file: every name is checked first (OutputRefused naming it, then
 * `advice`), and each file is linked into place from a temporary file, which
 * fails rather than replace a file that appeared meanwhile; on any failure the
 * files already written are removed. For small files a user runs or edits
 * (job scripts), not for outputs, which go through `writeOutputs`.
 */
export function writeNewFiles(dir: string, files: readonly NewFile[], advice: string): string[] {
  for (const f of files) {
    if (exists(join(dir, f.name))) throw new OutputRefused(`${join(dir, f.name)} already exists; ${advice}`);
  }
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      const path = join(dir, f.name);
      const temporary = join(dir, `.${f.name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      try {
        writeFileSync(temporary, f.text, { flag: 'wx', mode: f.executable ? 0o755 : 0o644 });
        linkSync(temporary, path);
        written.push(path);
      } finally {
        rmSync(temporary, { force: true });
      }
    }
  } catch (e) {
    for (const path of written) rmSync(path, { force: true });
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputRefused(`a file appeared in ${dir} while writing; nothing was written`);
    const reason = reasonOf(e);
    if (reason) throw new OutputError(`cannot write in ${dir}: ${reason}; nothing was written`);
    throw e;
  }
  return written;
}

/** Whether anything (a file, a folder, a dangling symlink) is at `path`. */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
