/**
 * Writing outputs so that a run that fails or is interrupted leaves either the
 * previous complete file or none: write a temporary file beside the target,
 * then rename it over the target (atomic within one file system).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

export function writeFileAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/** Writes each named file into `dir`, each atomically; results.json last, so its presence means the set is complete. */
export function writeOutputs(dir: string, files: Readonly<Record<string, string | Buffer>>): void {
  const names = Object.keys(files).sort((a, b) => (a === 'results.json' ? 1 : b === 'results.json' ? -1 : a.localeCompare(b)));
  for (const name of names) writeFileAtomic(join(dir, name), files[name]!);
}
