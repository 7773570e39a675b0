/**
 * A seller is suspended when its defaults on reimbursement demands reach the limit.
 * @example isSuspensionDue(2, { suspendAfterDefaults: 3 }) // true: this default is the third
 */
export function isSuspensionDue(defaultsSoFar: number, sellers: { suspendAfterDefaults: number }): boolean {
  return defaultsSoFar + 1 >= sellers.suspendAfterDefaults;
}
