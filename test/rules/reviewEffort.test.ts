import { describe, expect, it } from 'vitest';
import { reviewEffort } from '../../src/rules/reviewEffort.js';

const screening = { enabled: true, deskReviewCostUsd: 50, fullReviewCostUsd: 500, fullReviewAboveUsd: 1000, deskReviewDays: 1, fullReviewDays: 7 };

describe('reviewEffort', () => {
  it('follows its @example: a $1,500 claim gets a full review', () => {
    expect(reviewEffort(1500, screening)).toEqual({ costUsd: 500, days: 7 });
  });

  it('gives claims at or under the line a desk review ("over" is strict)', () => {
    expect(reviewEffort(1000, screening)).toEqual({ costUsd: 50, days: 1 });
    expect(reviewEffort(999.99, screening)).toEqual({ costUsd: 50, days: 1 });
    expect(reviewEffort(0, screening)).toEqual({ costUsd: 50, days: 1 });
    expect(reviewEffort(1000.01, screening)).toEqual({ costUsd: 500, days: 7 });
  });

  it('costs nothing and takes no time when screening is off', () => {
    expect(reviewEffort(1500, { ...screening, enabled: false })).toEqual({ costUsd: 0, days: 0 });
    expect(reviewEffort(10, { ...screening, enabled: false })).toEqual({ costUsd: 0, days: 0 });
  });

  it('uses the scenario costs and durations', () => {
    const s = { enabled: true, deskReviewCostUsd: 25, fullReviewCostUsd: 1000, fullReviewAboveUsd: 0, deskReviewDays: 0.5, fullReviewDays: 14 };
    expect(reviewEffort(0, s)).toEqual({ costUsd: 25, days: 0.5 });
    expect(reviewEffort(0.01, s)).toEqual({ costUsd: 1000, days: 14 });
  });
});
