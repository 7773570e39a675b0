/**
 * The claim lifecycle tests (test/machines/claim.test.ts, which run on the
 * compiled executor, the default) once more with XState's own executor: every
 * hand-worked path of the policy must come out the same under both.
 */
import { describe, expect, it } from 'vitest';
import { XStateExecutor } from '../../../src/sim/executor/xstateExecutor.js';
import { baselineParams, ClaimDriver, facts, useExecutor } from '../../support/claims.js';

useExecutor('xstate');

describe('claims driven by hand here', () => {
  it('are driven by XState', () => {
    expect(new ClaimDriver(baselineParams(), facts()).executor).toBeInstanceOf(XStateExecutor);
  });
});

await import('../../machines/claim.test.js');
