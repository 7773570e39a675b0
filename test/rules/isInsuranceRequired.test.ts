import { describe, expect, it } from 'vitest';
import { isInsuranceRequired } from '../../src/rules/isInsuranceRequired.js';

const rule = { requiredAboveMonthlySales: 10000, requiredOfAll: false };

describe('isInsuranceRequired', () => {
  it('follows its @examples', () => {
    expect(isInsuranceRequired(10001, rule)).toBe(true);
    expect(isInsuranceRequired(10000, rule)).toBe(false); // "over" is strict
  });

  it('is not required of small sellers', () => {
    expect(isInsuranceRequired(0, rule)).toBe(false);
    expect(isInsuranceRequired(9999.99, rule)).toBe(false);
    expect(isInsuranceRequired(10000.01, rule)).toBe(true);
  });

  it('is required of every seller when requiredOfAll', () => {
    expect(isInsuranceRequired(0, { ...rule, requiredOfAll: true })).toBe(true);
    expect(isInsuranceRequired(10000, { ...rule, requiredOfAll: true })).toBe(true);
  });

  it('with a threshold of 0 is required of every seller with any sales', () => {
    expect(isInsuranceRequired(0.01, { ...rule, requiredAboveMonthlySales: 0 })).toBe(true);
    expect(isInsuranceRequired(0, { ...rule, requiredAboveMonthlySales: 0 })).toBe(false);
  });
});
