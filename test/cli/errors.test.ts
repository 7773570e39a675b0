/**
 * One error channel: every user mistake is an InputError (scenario problems
 * included) and exits 2; anything else, a RangeError from a bug included, is
 * not a usage error and exits 1.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportFailure, UsageError } from '../../src/cli/errors.js';
import { InputError } from '../../src/inputError.js';
import { ScenarioError } from '../../src/params/problems.js';
import { parseAxis } from '../../src/analysis/grid.js';
import { parseShard } from '../../src/sim/units.js';

function exitAndText(error: unknown): { code: number; text: string } {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { code: reportFailure(error), text: lines.join('') };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('the error channel', () => {
  it('a scenario problem is an input error, printed by file and line, exit 2', () => {
    const e = new ScenarioError([{ file: 'a.yaml', line: 3, field: 'policy.threshold', message: 'must be a number' }]);
    expect(e).toBeInstanceOf(InputError);
    expect(e.name).toBe('ScenarioError');
    expect(exitAndText(e)).toEqual({ code: 2, text: 'error: a.yaml:3: policy.threshold: must be a number\n1 problem found; nothing was run.\n' });
  });

  it('parsers of options throw input errors, which exit 2', () => {
    for (const mistake of [() => parseShard('5/4'), () => parseAxis('policy.threshold=3..1:1')]) {
      let thrown: unknown;
      try {
        mistake();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(InputError);
      expect(exitAndText(thrown).code).toBe(2);
    }
    expect(exitAndText(new UsageError('--workers must be at least 1')).code).toBe(2);
  });

  it('a RangeError is a bug, never a usage error: exit 1', () => {
    expect(exitAndText(new RangeError('unit (replication 0, team 3) is missing'))).toEqual({ code: 1, text: 'error: unit (replication 0, team 3) is missing\n' });
  });
});
