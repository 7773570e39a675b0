/**
 * Sellers over $10,000 of monthly gross proceeds must carry liability insurance
 * (Seller Central forum, amazon.com.mx thread 84074f15); a variant policy may require it of all.
 * @example isInsuranceRequired(10001, { requiredAboveMonthlySales: 10000, requiredOfAll: false }) // true
 * @example isInsuranceRequired(10000, { requiredAboveMonthlySales: 10000, requiredOfAll: false }) // false: "over" is strict
 */
export function isInsuranceRequired(monthlySalesUsd: number, insurance: { requiredAboveMonthlySales: number; requiredOfAll: boolean }): boolean {
  return insurance.requiredOfAll || monthlySalesUsd > insurance.requiredAboveMonthlySales;
}
