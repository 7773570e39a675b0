/**
 * Writing outputs so that claimsim touches only what it writes, a reader never
 * sees files of two runs together, and one writer works on a folder at a time.
 *
 * Layout of an output folder DIR (`--out`):
 *
 *   DIR/.claimsim/                      claimsim's own folder (marked by DIR/.claimsim/MARKER)
 *   DIR/.claimsim/runs/<run-id>/        one command's complete output, with manifest.json
 *   DIR/.claimsim/current -> runs/<run-id>   the output in force: switched by one atomic rename
 *   DIR/.claimsim/partials/             shard partials (`run --shard`), one file each
 *   DIR/.claimsim/lock                  the writer's pid, start time and host (O_EXCL)
 *   DIR/results.json -> .claimsim/current/results.json   stable names, created once
 *   DIR/partial-I-of-N.json -> .claimsim/partials/partial-I-of-N.json
 *
 * A command writes every file into its own run folder, then renames a new
 * `current` symlink over the old one: that rename is the one commit point,
 * before which the previous complete output is in force and after which the
 * new one is. Only then are older run folders (and leftovers of killed runs)
 * removed. DIR itself is never renamed, copied, chmodded or emptied, so it may
 * be a mount point, a symlink to a folder (claimsim writes into its target) or
 * on another file system; a stable name that already exists and is not
 * claimsim's own symlink is refused (exit 2), never replaced.
 *
 * Every run folder holds manifest.json: the run id, the command, and the
 * SHA-256 of each file, so a reader can check that the files it opened belong
 * to one output (results.json and the CSVs keep their formats unchanged).
 *
 * The lock is results/outputLock.ts's; writing single files, and the errors a
 * write reports, are io/writeFiles.ts's.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  type Stats,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../inputError.js';
import { exists, OutputError, OutputRefused, reasonOf } from '../io/writeFiles.js';
import { busy, processGone, sleepSync, tryLock, unlock } from './outputLock.js';

const CLAIMSIM_DIR = '.claimsim';
const MARKER = 'MARKER';
const MARKER_TEXT = "This folder is claimsim's: it holds the runs that the symlinks beside it point to. claimsim removes only what it wrote here.\n";
const RUN_MARKER = '.claimsim-run';
const MANIFEST = 'manifest.json';
const RUN_ID = /^\d{8}T\d{6}Z-\d+-[0-9a-f]{8}$/;

/** What this process holds or has done in one output folder. */
interface Claim {
  /** The folder as the user named it, for messages. */
  readonly shown: string;
  /** The real folder (symlinks resolved). */
  readonly real: string;
  /** Whether this process holds the lock (a lasting claim, released at exit). */
  locked: boolean;
  /** Whether this process created DIR, and DIR/.claimsim. */
  readonly createdDir: boolean;
  createdOwn: boolean;
  /** The run id in force before this process wrote, and the one it committed. */
  previous: string | null;
  committed: string | null;
  partials: string[];
}

const claims = new Map<string, Claim>();
let exitHookInstalled = false;

function newRunId(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** The run id `DIR/.claimsim/current` points to, if it points to a complete run. */
function currentRunId(real: string): string | null {
  try {
    const target = readlinkSync(join(real, CLAIMSIM_DIR, 'current'));
    const id = basename(target);
    if (!RUN_ID.test(id) || target !== join('runs', id)) return null;
    return existsSync(join(real, CLAIMSIM_DIR, 'runs', id, MANIFEST)) ? id : null;
  } catch {
    return null;
  }
}

function checkDirName(dir: string): void {
  if (dir === '') throw new OutputRefused('--out must name a folder; an empty name is not one (use --out . for the current folder)');
}

/** The real folder for `dir`, created (with its parents) if missing; a symlink to a folder resolves to its target. */
function realFolder(dir: string): { real: string; created: boolean } {
  const absolute = resolve(dir);
  let created = false;
  try {
    if (!existsSync(absolute)) {
      mkdirSync(absolute, { recursive: true });
      created = true;
    }
    const real = realpathSync(absolute);
    if (!statSync(real).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    return { real, created };
  } catch (e) {
    const reason = reasonOf(e);
    if (reason) throw new OutputError(`cannot write ${dir}: ${reason}; nothing was written`);
    throw e;
  }
}

/** DIR/.claimsim, created and marked if missing; refused if it exists and is not claimsim's. */
function ownFolder(shown: string, real: string): { own: string; created: boolean } {
  const own = join(real, CLAIMSIM_DIR);
  let stat: Stats;
  try {
    stat = lstatSync(own);
  } catch {
    // Created whole, then renamed into place, so that two runs starting together both see it marked.
    for (const entry of readdirSync(real)) {
      const pid = Number(entry.match(/^\.claimsim\.new-(\d+)-[0-9a-f]{8}$/)?.[1]);
      if (pid && pid !== process.pid && processGone(pid)) rmSync(join(real, entry), { recursive: true, force: true });
    }
    const fresh = join(real, `${CLAIMSIM_DIR}.new-${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(fresh);
    try {
      writeFileSync(join(fresh, MARKER), MARKER_TEXT);
      renameSync(fresh, own);
      return { own, created: true };
    } catch (e) {
      rmSync(fresh, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
      stat = lstatSync(own);
    }
  }
  if (!stat.isDirectory() || !existsSync(join(own, MARKER))) {
    throw new OutputRefused(
      `${join(shown, CLAIMSIM_DIR)} exists and is not claimsim's (it has no ${MARKER} file): claimsim keeps its runs there and will not touch it; move it away or choose another --out`,
    );
  }
  return { own, created: false };
}

/** Releases every lasting claim; removes what a claim created when it committed nothing. */
function releaseAll(): void {
  for (const claim of claims.values()) release(claim);
}

function release(claim: Claim): void {
  const own = join(claim.real, CLAIMSIM_DIR);
  try {
    if (claim.locked) unlock(own);
    claim.locked = false;
    // A folder created for an output that never came: leave no trace, but only of what is this process's
    // (another run sharing the folder, a shard beside this one, may have written into it meanwhile).
    if (claim.createdOwn && claim.committed === null && claim.partials.length === 0 && currentRunId(claim.real) === null && !existsSync(join(own, 'lock'))) {
      removeOwnIfUnused(own);
      claim.createdOwn = false;
      if (claim.createdDir) rmdirQuietly(claim.real);
    }
  } catch {
    // best effort at exit
  }
}

/**
 * Removes `DIR/.claimsim` that this process created, if it holds nothing but
 * claimsim's marker and empty subfolders; one another run has written into
 * meanwhile (a shard beside this one) is left as it is, marker and all.
 */
function removeOwnIfUnused(own: string): void {
  try {
    for (const entry of readdirSync(own)) if (entry !== MARKER) rmdirSync(join(own, entry));
    if (readdirSync(own).length !== 1) return;
    rmSync(join(own, MARKER));
    rmdirSync(own);
  } catch {
    // not empty, or gone: it is no longer only this process's to remove
  }
}

/** Removes a folder if it is empty; one that is not, or is gone, stays as it is. */
function rmdirQuietly(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty: someone else's files are in it
  }
}

function claimFor(dir: string): Claim {
  checkDirName(dir);
  const key = resolve(dir);
  const known = claims.get(key);
  if (known) return known;
  const { real, created } = realFolder(dir);
  const claim: Claim = { shown: dir, real, locked: false, createdDir: created, createdOwn: false, previous: null, committed: null, partials: [] };
  try {
    const own = ownFolder(dir, real);
    claim.createdOwn = own.created;
  } catch (e) {
    if (created) rmdirQuietly(real);
    const reason = reasonOf(e);
    if (reason && !(e instanceof InputError)) throw new OutputError(`cannot write ${dir}: ${reason}; nothing was written`);
    throw e;
  }
  claim.previous = currentRunId(real);
  claims.set(key, claim);
  if (!exitHookInstalled) {
    process.on('exit', releaseAll);
    exitHookInstalled = true;
  }
  return claim;
}

/**
 * Claims `dir` for this process until it exits: takes the lock, or exits 2
 * (OutputRefused) naming the process that holds it. Commands call this before
 * their work, so a second writer is refused at once rather than after a run;
 * so is a user's file at one of the stable `names` the command will write.
 */
export function claimOutputs(dir: string, names: readonly string[] = []): void {
  const claim = claimFor(dir);
  if (claim.locked) return;
  const holder = tryLock(join(claim.real, CLAIMSIM_DIR));
  if (holder) {
    release(claim);
    claims.delete(resolve(dir));
    throw busy(dir, join(dir, CLAIMSIM_DIR), holder);
  }
  claim.locked = true;
  const found = conflicts(claim.real, names, toCurrent);
  if (found.length > 0) {
    release(claim);
    claims.delete(resolve(dir));
    refuseConflicts(claim.shown, found);
  }
  removeLeftovers(join(claim.real, CLAIMSIM_DIR), null);
}

/** Whether `link` is claimsim's own stable symlink for `name`. */
function isOwnLink(link: string, target: string): boolean {
  try {
    return lstatSync(link).isSymbolicLink() && readlinkSync(link) === target;
  } catch {
    return false;
  }
}

/** Stable names that exist and are not claimsim's symlinks (those claimsim will not replace). */
function conflicts(real: string, names: readonly string[], targetOf: (name: string) => string): string[] {
  return names.filter((n) => exists(join(real, n)) && !isOwnLink(join(real, n), targetOf(n)));
}

const toCurrent = (name: string) => join(CLAIMSIM_DIR, 'current', name);
const toPartial = (name: string) => join(CLAIMSIM_DIR, 'partials', name);

function refuseConflicts(shown: string, found: readonly string[]): void {
  if (found.length === 0) return;
  throw new OutputRefused(
    `${shown} already holds ${found.join(', ')}, not written by claimsim: claimsim never replaces files it did not write. ` +
      `Move ${found.length === 1 ? 'it' : 'them'} away or choose another --out.`,
  );
}

function onDisk(claim: Claim): string {
  if (claim.committed) return `${claim.shown} holds the new output (run ${claim.committed})`;
  if (claim.previous) return `${claim.shown} still holds the previous output (run ${claim.previous}), unchanged`;
  return `nothing was written to ${claim.shown}`;
}

let stopped = false;

/**
 * Ctrl-C: no commit happens from now on in this process, so what this returns
 * stays true until it exits: what is on disk in the folders this process
 * claimed, and whether every one of them already holds the new output.
 */
export function stopOutputs(): { text: string; complete: boolean } {
  stopped = true;
  return outputsOnDisk();
}

/** What is on disk in the folders this process claimed (see stopOutputs). */
function outputsOnDisk(): { text: string; complete: boolean } {
  const list = [...claims.values()];
  if (list.length === 0) return { text: 'no output was written or changed', complete: false };
  return { text: list.map(onDisk).join('; '), complete: list.every((c) => c.committed !== null) };
}

/** The test hook: pause just before the commit rename (used only by the kill harness). */
function pauseBeforeSwitch(): void {
  const ms = Number(process.env.CLAIMSIM_TEST_PAUSE_BEFORE_SWITCH_MS);
  if (!(ms > 0)) return;
  process.stderr.write('claimsim-test: about to switch\n');
  sleepSync(ms);
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes `files` (relative paths → contents) as the new output in `dir`, all
 * at once. With `carry`, files of the output in force that this write does not
 * replace go with it (`report` rebuilding report.html beside results.json).
 * Returns the run id.
 */
export function writeOutputs(dir: string, files: Readonly<Record<string, string | Buffer>>, options: { readonly carry?: boolean } = {}): string {
  const claim = claimFor(dir);
  const lasting = claim.locked;
  if (!lasting) {
    const holder = tryLock(join(claim.real, CLAIMSIM_DIR));
    if (holder) throw busy(dir, join(dir, CLAIMSIM_DIR), holder);
    claim.locked = true;
    removeLeftovers(join(claim.real, CLAIMSIM_DIR), null);
  }
  try {
    return commit(claim, files, options.carry === true);
  } finally {
    if (!lasting) release(claim);
  }
}

function topNames(paths: Iterable<string>): string[] {
  return [...new Set([...paths].map((f) => f.split(/[\\/]/)[0]!))].sort();
}

function commit(claim: Claim, files: Readonly<Record<string, string | Buffer>>, carry: boolean): string {
  if (stopped) throw new OutputError('interrupted: the output was not written');
  const { real, shown } = claim;
  const own = join(real, CLAIMSIM_DIR);
  claim.previous = currentRunId(real);
  const previousFolder = claim.previous ? join(own, 'runs', claim.previous) : null;
  const names = topNames(Object.keys(files));
  const carried = carry && previousFolder ? readdirSync(previousFolder).filter((n) => n !== MANIFEST && n !== RUN_MARKER && !names.includes(n)) : [];
  const all = [...new Set([...names, ...carried])].sort();
  for (const n of all) if (n === CLAIMSIM_DIR || n.startsWith('.')) throw new Error(`output file names must not start with a dot: ${n}`);
  refuseConflicts(shown, conflicts(real, all, toCurrent));

  const id = newRunId();
  const folder = join(own, 'runs', id);
  const createdLinks: string[] = [];
  const next = join(own, `current.next-${id}`);
  try {
    mkdirSync(join(own, 'runs'), { recursive: true });
    mkdirSync(folder);
    writeFileSync(join(folder, RUN_MARKER), `${id}\n`);
    const hashes: Record<string, string> = {};
    for (const [relative, data] of Object.entries(files)) {
      const file = join(folder, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, data);
      hashes[relative.split(/[\\/]/).join('/')] = sha256(data);
    }
    for (const name of carried) carryOver(join(previousFolder!, name), join(folder, name), name, hashes);
    const manifest = {
      kind: 'claimsim-output',
      runId: id,
      command: ['claimsim', ...process.argv.slice(2)],
      writtenAt: new Date().toISOString(),
      files: Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b))),
    };
    writeFileSync(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    // Stable names point into current/: created once, before the switch (until then they may dangle).
    for (const name of all) {
      if (isOwnLink(join(real, name), toCurrent(name))) continue;
      symlinkSync(toCurrent(name), join(real, name));
      createdLinks.push(name);
    }
    symlinkSync(join('runs', id), next);
    pauseBeforeSwitch();
    renameSync(next, join(own, 'current')); // the commit point
  } catch (e) {
    // Remove what this attempt wrote (all of it claimsim's own), keep the previous output.
    let leftover = false;
    for (const path of [next, folder, ...createdLinks.map((n) => join(real, n))]) {
      try {
        rmSync(path, { recursive: true, force: true });
      } catch {
        leftover = true;
      }
    }
    const state = claim.previous ? `${shown} still holds the previous output (run ${claim.previous}), unchanged` : `no output was written to ${shown}`;
    const trace = leftover ? `; a partial run folder may remain in ${join(shown, CLAIMSIM_DIR, 'runs')} and the next run will remove it` : '';
    const reason = reasonOf(e);
    throw new OutputError(`cannot write ${shown}: ${reason ?? (e as Error).message}; ${state}${trace}`);
  }
  claim.committed = id;
  // After the switch: names of the earlier output that this one lacks, then older run folders.
  try {
    for (const entry of readdirSync(real)) {
      if (!all.includes(entry) && isOwnLink(join(real, entry), toCurrent(entry))) unlinkSync(join(real, entry));
    }
  } catch {
    // dangling names of an earlier output are harmless: they point to nothing
  }
  removeLeftovers(own, id);
  return id;
}

/** A file of the previous run carried into the new one: a hard link where the file system allows, else a copy. */
function carryOver(from: string, to: string, name: string, hashes: Record<string, string>): void {
  const stat = lstatSync(from);
  if (stat.isDirectory()) {
    mkdirSync(to);
    for (const entry of readdirSync(from)) carryOver(join(from, entry), join(to, entry), `${name}/${entry}`, hashes);
    return;
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
  hashes[name] = sha256(readFileSync(to));
}

/**
 * Removes claimsim's run folders other than the one in force: with `committed`
 * (just after a switch) every older one, else (on taking the lock) those of
 * processes that are gone, the leftovers of killed runs.
 */
function removeLeftovers(own: string, committed: string | null): void {
  const runs = join(own, 'runs');
  const current = currentRunId(join(own, '..'));
  for (const entry of existsSync(runs) ? readdirSync(runs) : []) {
    // Every writer holds the lock while it writes, and this process holds it now: any other run folder is done with.
    if (entry === committed || entry === current || !RUN_ID.test(entry)) continue;
    // Its marker is not required: a run killed while removing an older folder may have removed that marker first.
    const folder = join(runs, entry);
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // removed by another process, or not removable now: the next run tries again
    }
  }
  for (const entry of readdirSync(own)) {
    // Temporary names of writers (which held the lock) are leftovers; a stale lock moved aside is another taker's, briefly.
    const pid = Number(entry.match(/^lock\.stale-(\d+)-/)?.[1]);
    const leftover = entry.startsWith('current.next-') || entry.startsWith('partial.tmp-') || (pid && pid !== process.pid && processGone(pid));
    if (leftover) rmSync(join(own, entry), { force: true });
  }
}

/**
 * Writes one shard partial as DIR/partial-I-of-N.json: the file itself lives
 * in DIR/.claimsim/partials/ (replaced by rename), the stable name is a symlink.
 * Shards share folders, and hold the lock only for milliseconds: a shard waits
 * for it (up to 60 s) rather than failing.
 */
export function writePartial(dir: string, name: string, data: string): string {
  const claim = claimFor(dir);
  const own = join(claim.real, CLAIMSIM_DIR);
  const lasting = claim.locked;
  if (!lasting) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const holder = tryLock(own);
      if (!holder) break;
      if (Date.now() > deadline) throw busy(dir, join(dir, CLAIMSIM_DIR), holder);
      sleepSync(50);
    }
    claim.locked = true;
  }
  if (stopped) throw new OutputError('interrupted: the partial result was not written');
  const temporary = join(own, `partial.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    refuseConflicts(claim.shown, conflicts(claim.real, [name], toPartial));
    let createdLink: string | undefined;
    try {
      mkdirSync(join(own, 'partials'), { recursive: true });
      writeFileSync(temporary, data);
      const link = join(claim.real, name);
      if (!isOwnLink(link, toPartial(name))) {
        symlinkSync(toPartial(name), link);
        createdLink = link;
      }
      renameSync(temporary, join(own, 'partials', name)); // the commit point
      claim.partials.push(name);
    } catch (e) {
      rmSync(temporary, { force: true });
      if (createdLink) rmSync(createdLink, { force: true });
      const reason = reasonOf(e);
      throw new OutputError(`cannot write ${join(claim.shown, name)}: ${reason ?? (e as Error).message}; no partial result was written`);
    }
    return join(dir, name);
  } finally {
    if (!lasting) release(claim);
  }
}
