import { describe, expect, it } from 'vitest';
import { formatDuration, progressBar } from '../../src/cli/progress.js';

describe('progress', () => {
  it('draws a bar in proportion to the work done', () => {
    expect(progressBar(3, 12, 24)).toBe(`[${'#'.repeat(6)}${'.'.repeat(18)}]`);
    expect(progressBar(0, 5, 10)).toBe(`[${'.'.repeat(10)}]`);
    expect(progressBar(5, 5, 10)).toBe(`[${'#'.repeat(10)}]`);
  });

  it('says how long is left in words', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });
});
