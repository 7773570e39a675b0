/**
 * Akaike's information criterion, AIC = 2k - 2 ln L, for a model with `k`
 * free parameters and maximised log-likelihood `lnL`: lower is better, and a
 * difference of more than about 10 is decisive (Burnham and Anderson, Model
 * Selection and Multimodel Inference, 2nd ed., 2002, section 2.6).
 * @example akaikeInformationCriterion(-100, 2) // 204
 */
export function akaikeInformationCriterion(lnL: number, k: number): number {
  return 2 * k - 2 * lnL;
}
