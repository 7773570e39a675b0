import { describe, expect, it } from 'vitest';
import { isSuspensionDue } from '../../src/rules/isSuspensionDue.js';

describe('isSuspensionDue', () => {
  it('follows its @example: the third default suspends at a limit of 3', () => {
    expect(isSuspensionDue(2, { suspendAfterDefaults: 3 })).toBe(true);
  });

  it('does not suspend before the limit is reached', () => {
    expect(isSuspensionDue(0, { suspendAfterDefaults: 3 })).toBe(false);
    expect(isSuspensionDue(1, { suspendAfterDefaults: 3 })).toBe(false);
  });

  it('keeps a seller past the limit suspended', () => {
    expect(isSuspensionDue(5, { suspendAfterDefaults: 3 })).toBe(true);
  });

  it('with a limit of 1 suspends at the first default', () => {
    expect(isSuspensionDue(0, { suspendAfterDefaults: 1 })).toBe(true);
  });

  it('counts defaults one by one: exactly the n-th default suspends', () => {
    const limit = 4;
    const firstDue = [0, 1, 2, 3, 4, 5].find((soFar) => isSuspensionDue(soFar, { suspendAfterDefaults: limit }));
    expect(firstDue).toBe(3); // the 4th default
  });
});
