/**
 * A claim filed more than `windowDays` after its incident is refused.
 * Source: customers file within 90 days of the incident (dirbook.com, customer terms).
 * @example isFiledTooLate({ incidentDay: 10, filedDay: 101 }, { windowDays: 90 }) // true: 91 days late
 * @example isFiledTooLate({ incidentDay: 10, filedDay: 100 }, { windowDays: 90 }) // false: exactly on time
 */
export function isFiledTooLate(claim: { incidentDay: number; filedDay: number }, filing: { windowDays: number }): boolean {
  return claim.filedDay - claim.incidentDay > filing.windowDays;
}
