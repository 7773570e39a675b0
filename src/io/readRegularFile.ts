/**
 * Reading an input file that must be a regular file of bounded size: every
 * reader of user-named files (scenario files, results.json, partial results,
 * claims CSVs) goes through here, so a FIFO, a device (/dev/zero), a directory
 * or a symlink to one of them is refused at once, without being read, and a
 * file larger than the reader's cap is refused before any of it is read.
 *
 * The path is checked with stat (which follows symlinks, so a symlink to a
 * regular file is fine) before it is opened; it is then opened non-blocking,
 * so a FIFO swapped in between the two cannot make the open wait for a
 * writer, and the open file is checked again and read no further than the cap.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Why a path could not be read as a file; `reason` completes "FILE: ...". */
export class NotARegularFile extends Error {
  override name = 'NotARegularFile';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** What a path is when it is not a regular file, in words. */
function kindOf(stat: Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return 'is not a file (it is a directory)';
  if (stat.isFIFO()) return 'is not a file (it is a FIFO, a named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is not a file (it is a device)';
  if (stat.isSocket()) return 'is not a file (it is a socket)';
  return 'is not a file';
}

function tooLarge(size: number | null, maxBytes: number, what: string): string {
  return `is ${size === null ? `more than ${maxBytes}` : size} bytes; ${what} are limited to ${maxBytes}`;
}

/**
 * The bytes of `path`, which must be a regular file of at most `maxBytes`
 * bytes; throws NotARegularFile with the reason otherwise. `what` names
 * such files in the size message ("scenario files").
 */
export function readRegularFile(path: string, maxBytes: number, what = 'files read here'): Buffer {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new NotARegularFile(errnoReason(e));
  }
  const notFile = kindOf(stat);
  if (notFile) throw new NotARegularFile(notFile);
  if (stat.size > maxBytes) throw new NotARegularFile(tooLarge(stat.size, maxBytes, what));
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new NotARegularFile(errnoReason(e));
  }
  try {
    const opened = fstatSync(fd);
    const changed = kindOf(opened);
    if (changed) throw new NotARegularFile(changed);
    if (opened.size > maxBytes) throw new NotARegularFile(tooLarge(opened.size, maxBytes, what));
    // Read until end of file, but never past the cap (a file may grow while it is read).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // At least one byte: total never passes maxBytes here, so one more read can find the end or the excess.
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(opened.size - total, 0) + 1, maxBytes + 1 - total, 1 << 24));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new NotARegularFile(tooLarge(null, maxBytes, what));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof NotARegularFile) throw e;
    throw new NotARegularFile(errnoReason(e));
  } finally {
    closeSync(fd);
  }
}

function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a symlink loop, not a file';
  if (code === 'ENOTDIR') return 'no such file (a part of its path is not a folder)';
  return `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}
