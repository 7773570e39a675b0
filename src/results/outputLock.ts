/**
 * The lock of an output folder, DIR/.claimsim/lock: created with O_EXCL and
 * holding the writer's pid, start time and host, so a second writer is told
 * who holds it, and a lock left by a killed process is taken over.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OutputRefused } from '../io/writeFiles.js';

/** A short sleep that blocks (used while waiting for a lock held for milliseconds, and by the test hook). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface LockHolder {
  pid: number;
  startedAt: string;
  hostname: string;
  /** The process's start time in the kernel's clock ticks (Linux), so that a pid used again by another process is not taken for the writer. */
  token?: string | null;
  command?: string;
}

/** When process `pid` started (field 22 of /proc/PID/stat), or null where that cannot be read. */
function processToken(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : null;
  } catch {
    return null;
  }
}

/** Whether the lock's process is gone: same host and no such process, or a lock that never got its content. */
function isStale(file: string, holder: LockHolder | null): boolean {
  if (holder === null) {
    // Created but never written (killed in between): stale once it is a few seconds old.
    try {
      return Date.now() - lstatSync(file).mtimeMs > 5000;
    } catch {
      return false;
    }
  }
  if (holder.hostname !== hostname()) return false;
  if (processGone(holder.pid)) return true;
  // The pid is in use: by the writer, or (pids wrap around) by another process since.
  const token = processToken(holder.pid);
  return typeof holder.token === 'string' && token !== null && token !== holder.token;
}

/** Takes the lock DIR/.claimsim/lock, or returns its live holder. A stale lock is taken over. */
export function tryLock(own: string): LockHolder | null {
  const file = join(own, 'lock');
  for (let attempt = 0; attempt < 10; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      if (!isStale(file, holder)) {
        if (holder) return holder;
        sleepSync(100);
        continue;
      }
      // Move the stale lock aside, then check that what was moved is the lock judged stale
      // (another process may have taken it over in between); if not, put it back.
      const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        renameSync(file, aside);
      } catch {
        continue;
      }
      const moved = readHolder(aside);
      if (JSON.stringify(moved) !== JSON.stringify(holder)) {
        try {
          linkSync(aside, file);
        } catch {
          // someone holds a newer lock already: theirs stands
        }
      }
      rmSync(aside, { force: true });
      continue;
    }
    try {
      const holder: LockHolder = {
        pid: process.pid,
        startedAt: new Date().toISOString(),
        hostname: hostname(),
        token: processToken(process.pid),
        command: ['claimsim', ...process.argv.slice(2)].join(' ').slice(0, 200),
      };
      writeSync(fd, JSON.stringify(holder));
    } finally {
      closeSync(fd);
    }
    return null;
  }
  return readHolder(file) ?? { pid: 0, startedAt: '?', hostname: '?' };
}

export function unlock(own: string): void {
  const file = join(own, 'lock');
  const holder = readHolder(file);
  if (holder && holder.pid === process.pid && holder.hostname === hostname()) rmSync(file, { force: true });
}

/** The refusal naming the live holder; `own` is DIR/.claimsim as the user named DIR. */
export function busy(shown: string, own: string, holder: LockHolder): OutputRefused {
  return new OutputRefused(
    `${shown} is being written by another claimsim run (process ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}${holder.command ? `: ${holder.command}` : ''}); ` +
      `wait for it to finish or choose another --out. If that process is gone, remove ${join(own, 'lock')}.`,
  );
}

/** Whether no process has id `pid` (on this host). */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
