/**
 * Outputs are replaced all at once: a write that fails part-way (here a disk
 * that fills up on the second file) leaves the previous output exactly as it
 * was and no staging directory behind, with a message that says why.
 */
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

const failures = vi.hoisted(() => ({ countdown: -1 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      if (failures.countdown === 0) {
        failures.countdown = -1;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      if (failures.countdown > 0) failures.countdown--;
      return real.writeFileSync(...args);
    },
  };
});

const { OutputError, writeFileAtomic, writeOutputs } = await import('../../src/results/write.js');

const root = mkdtempSync(join(tmpdir(), 'claimsim-write-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  failures.countdown = -1;
});

describe('writeOutputs', () => {
  it('replaces the files it writes and keeps those it does not (shard partials)', () => {
    const dir = join(root, 'keep');
    writeOutputs(dir, { 'results.json': 'old', 'summary.csv': 'old' });
    writeFileSync(join(dir, 'partial-1-of-2.json'), 'shard');
    writeOutputs(dir, { 'results.json': 'new', 'summary.csv': 'new', 'charts/a.svg': '<svg/>' });
    expect(readdirSync(dir).sort()).toEqual(['charts', 'partial-1-of-2.json', 'results.json', 'summary.csv']);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'partial-1-of-2.json'), 'utf8')).toBe('shard');
    expect(readdirSync(root).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('drops the earlier files it is told to, keeping the rest', () => {
    const dir = join(root, 'drop');
    writeOutputs(dir, { 'results.json': 'old', 'baseline-calibrated.yaml': 'an overlay from a run that met its targets' });
    writeFileSync(join(dir, 'partial-1-of-2.json'), 'shard');
    writeOutputs(dir, { 'results.json': 'new' }, { drop: ['baseline-calibrated.yaml'] });
    expect(readdirSync(dir).sort()).toEqual(['partial-1-of-2.json', 'results.json']);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('new');
  });

  it('leaves the previous output untouched when the disk fills part-way', () => {
    const dir = join(root, 'full');
    writeOutputs(dir, { 'results.json': 'previous', 'summary.csv': 'previous' });
    failures.countdown = 1; // the second file written fails
    expect(() => writeOutputs(dir, { 'results.json': 'next', 'summary.csv': 'next' })).toThrow(OutputError);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('previous');
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toBe('previous');
    expect(readdirSync(root).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('says why, naming the target and the cause', () => {
    failures.countdown = 0;
    expect(() => writeOutputs(join(root, 'why'), { 'results.json': 'x' })).toThrow(/cannot write .*why: no space left on the device \(ENOSPC\); nothing was written/);
    expect(fs.existsSync(join(root, 'why'))).toBe(false);
  });

  it('refuses a directory under a regular file', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(() => writeOutputs(join(file, 'out'), { 'results.json': 'x' })).toThrow(/a part of the path is a file, not a directory \((ENOTDIR|EEXIST)\)/);
    expect(() => writeFileAtomic(join(file, 'x.json'), 'x')).toThrow(/a part of the path is a file, not a directory/);
  });
});
