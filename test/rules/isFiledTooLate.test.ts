import { describe, expect, it } from 'vitest';
import { isFiledTooLate } from '../../src/rules/isFiledTooLate.js';

describe('isFiledTooLate', () => {
  it('follows its @examples', () => {
    expect(isFiledTooLate({ incidentDay: 10, filedDay: 101 }, { windowDays: 90 })).toBe(true); // 91 days
    expect(isFiledTooLate({ incidentDay: 10, filedDay: 100 }, { windowDays: 90 })).toBe(false); // exactly 90
  });

  it('works with fractional days', () => {
    expect(isFiledTooLate({ incidentDay: 0.5, filedDay: 90.5 }, { windowDays: 90 })).toBe(false);
    expect(isFiledTooLate({ incidentDay: 0.5, filedDay: 90.75 }, { windowDays: 90 })).toBe(true);
  });

  it('a claim filed the same day is never late, even with a zero window', () => {
    expect(isFiledTooLate({ incidentDay: 42, filedDay: 42 }, { windowDays: 0 })).toBe(false);
    expect(isFiledTooLate({ incidentDay: 42, filedDay: 42.25 }, { windowDays: 0 })).toBe(true);
  });

  it('early filing is on time', () => {
    expect(isFiledTooLate({ incidentDay: 200, filedDay: 201 }, { windowDays: 90 })).toBe(false);
  });
});
