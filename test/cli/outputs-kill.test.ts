/**
 * The kill harness: runs that replace a previous output, killed (SIGKILL) or
 * interrupted (SIGINT) at random moments, some of them exactly at the commit
 * point (the test hook CLAIMSIM_TEST_PAUSE_BEFORE_SWITCH_MS pauses just before
 * the rename of .claimsim/current). After every trial the output folder holds
 * exactly one complete output, the previous one or the new one (every file
 * matching one run's manifest), leftovers do not grow, and the user's files in
 * and beside the folder are byte-for-byte and inode-for-inode unchanged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsimsOwn, completeOutput, leftovers, plantUserFiles, runTiny, sleep, snapshot } from '../support/outputs.js';

const root = mkdtempSync(join(tmpdir(), 'claimsim-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A lane: its own output folder holding user files, beside a user file, with a first complete output. */
async function lane(name: string) {
  const parent = join(root, name);
  const out = join(parent, 'out');
  mkdirSync(out, { recursive: true });
  plantUserFiles(out);
  writeFileSync(join(parent, 'beside.txt'), 'next to the output\n');
  const first = await runTiny(out, 1).exited;
  expect(first.code, first.stderr).toBe(0);
  const before = snapshot([parent], claimsimsOwn);
  return { parent, out, before };
}

const PAUSE = { CLAIMSIM_TEST_PAUSE_BEFORE_SWITCH_MS: '300' };

describe('the kill harness', () => {
  it('SIGKILL at random moments (54 trials, 15 at the commit point) leaves the previous or the new complete output, and the user files untouched', async () => {
    const counts = { previous: 0, next: 0, atCommit: 0 };
    const lanes = await Promise.all([lane('kill-a'), lane('kill-b'), lane('kill-c')]);
    // A whole run takes about this long here (measured, so the kill moments spread over it on a busy machine too).
    const t0 = performance.now();
    expect((await runTiny(lanes[0]!.out, 2).exited).code).toBe(0);
    const duration = performance.now() - t0;
    await Promise.all(
      lanes.map(async ({ parent, out, before }, l) => {
        for (let i = 0; i < 18; i++) {
          const seed = 100 + l * 1000 + i;
          const previous = completeOutput(out)!;
          const atCommit = i % 4 === 0;
          const run = runTiny(out, seed, atCommit ? { env: PAUSE } : {});
          if (atCommit) {
            // Killed during the pause just before the rename, or a moment after it ends.
            expect(await run.stderrHas('claimsim-test: about to switch')).toBe(true);
            await sleep(i % 8 === 0 ? Math.random() * 250 : 300 + Math.random() * 30);
            counts.atCommit++;
          } else {
            await sleep(Math.random() * duration * 1.1);
          }
          run.child.kill('SIGKILL');
          await run.exited;
          const now = completeOutput(out)!;
          if (now.runId === previous.runId) {
            expect(now.seed).toBe(previous.seed);
            counts.previous++;
          } else {
            expect(now.seed).toBe(seed);
            counts.next++;
          }
          // At most the killed run's own folder and temporary names are left, and the next run removes them.
          expect(leftovers(out).length, leftovers(out).join(', ')).toBeLessThanOrEqual(2);
          expect(snapshot([parent], claimsimsOwn)).toEqual(before);
        }
        const last = await runTiny(out, 9).exited;
        expect(last.code, last.stderr).toBe(0);
        expect(completeOutput(out)!.seed).toBe(9);
        expect(leftovers(out)).toEqual([]);
        expect(snapshot([parent], claimsimsOwn)).toEqual(before);
      }),
    );
    console.log(`SIGKILL trials: ${counts.previous + counts.next} (${counts.atCommit} at the commit point); previous output kept ${counts.previous}, new output complete ${counts.next}, mixtures 0`);
    expect(counts.previous + counts.next).toBe(54);
    // Both outcomes happened: kills before the commit and after it.
    expect(counts.previous).toBeGreaterThan(0);
    expect(counts.next).toBeGreaterThan(0);
  }, 600_000);

  it('SIGINT at random moments (24 trials, 8 at the commit point): the message and exit code say what is on disk', async () => {
    const counts = { previous: 0, next: 0, done: 0, early: 0 };
    const lanes = await Promise.all([lane('sigint-a'), lane('sigint-b')]);
    const t0 = performance.now();
    expect((await runTiny(lanes[0]!.out, 2).exited).code).toBe(0);
    const duration = performance.now() - t0;
    await Promise.all(
      lanes.map(async ({ parent, out, before }, l) => {
        for (let i = l; i < 24; i += 2) {
          const seed = 500 + i;
          const previous = completeOutput(out)!;
          const atCommit = i % 3 === 0;
          const run = runTiny(out, seed, atCommit ? { env: PAUSE } : {});
          if (atCommit) {
            expect(await run.stderrHas('claimsim-test: about to switch')).toBe(true);
            await sleep(Math.random() * 200);
          } else {
            // After the CLI is up (Node's default for SIGINT before that is to die, which SIGKILL covers).
            await sleep(duration * 0.25 + Math.random() * duration * 0.6);
          }
          run.child.kill('SIGINT');
          const exit = await run.exited;
          const now = completeOutput(out)!;
          if (exit.signal === 'SIGINT') {
            // Before the CLI set up its handler, Node's default: the process dies, nothing was written.
            expect(now.runId).toBe(previous.runId);
            counts.early++;
          } else if (!exit.stderr.includes('interrupted')) {
            // The run had committed and ended before the signal was handled: exit 0, the new output, no word of an interruption.
            expect(exit.code, exit.stderr).toBe(0);
            expect(now.seed).toBe(seed);
            if (atCommit) counts.next++;
            else counts.done++;
          } else if (exit.code === 130) {
            // Interrupted before the commit: it says the previous output is there, and it is.
            // (Before the run had claimed the folder, on a busy machine, it says no output was written or changed.)
            expect(exit.stderr).toMatch(new RegExp(`still holds the previous output \\(run ${previous.runId}\\), unchanged|no output was written or changed`));
            expect(now.runId).toBe(previous.runId);
            counts.previous++;
          } else {
            // Interrupted during or after the commit: the new output is complete, it says so, exit 0.
            expect(exit.code, exit.stderr).toBe(0);
            expect(exit.stderr).toContain(`holds the new output (run ${now.runId})`);
            expect(now.seed).toBe(seed);
            counts.next++;
          }
          expect(exit.stderr).not.toMatch(/^\s+at /m);
          expect(leftovers(out)).toEqual([]);
          expect(snapshot([parent], claimsimsOwn)).toEqual(before);
        }
      }),
    );
    console.log(
      `SIGINT trials: 24; interrupted before the commit (exit 130, previous output) ${counts.previous}, at or after it (exit 0, new output) ${counts.next}, finished first ${counts.done}, died before the CLI was up ${counts.early}; wrong messages 0`,
    );
    expect(counts.previous).toBeGreaterThan(0);
    expect(counts.next).toBeGreaterThan(0);
  }, 600_000);
});
