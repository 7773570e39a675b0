import { exponential } from '../random/distributions.js';

export type InsurerDecision = { decision: 'pay' | 'deny'; afterDays: number } | { decision: 'litigate'; afterDays: number; paysAfterDays: number };

/**
 * How a liability insurer handles a tendered claim: a share goes to litigation
 * (5.1% of closed general-liability claims had been litigated, sedgwick.com) and
 * is paid when it ends; of the rest, `denialRate` are denied; decisions come
 * after an exponential delay, which may outlast the marketplace's patience.
 * @example insurerDecision(0.02, 0.5, 0.5, { litigatedShare: 0.05, denialRate: 0.1, meanDecisionDays: 21, litigationDays: 365 }) // { decision: 'litigate', afterDays: 21 * Math.LN2, paysAfterDays: 21 * Math.LN2 + 365 }: 0.02 < 0.05; decided after -21 ln 0.5 days, paid a year later
 * @example insurerDecision(0.5, 0.05, 0.5, { litigatedShare: 0.05, denialRate: 0.1, meanDecisionDays: 21, litigationDays: 365 }) // { decision: 'deny', afterDays: 21 * Math.LN2 }: not litigated (0.5 >= 0.05), denied (0.05 < 0.1)
 */
export function insurerDecision(
  drawLitigation: number,
  drawDecision: number,
  drawDelay: number,
  insurers: { litigatedShare: number; denialRate: number; meanDecisionDays: number; litigationDays: number },
): InsurerDecision {
  const afterDays = exponential(drawDelay, insurers.meanDecisionDays);
  if (drawLitigation < insurers.litigatedShare) return { decision: 'litigate', afterDays, paysAfterDays: afterDays + insurers.litigationDays };
  return { decision: drawDecision < insurers.denialRate ? 'deny' : 'pay', afterDays };
}
