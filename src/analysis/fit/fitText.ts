/**
 * A fit in words, as `claimsim fit` prints it and the fit report shows it:
 * its name and its parameters (each component's weight, median and sigma).
 * One wording for both, so the report's table reads like the terminal's.
 *
 * Phase: analyse (fit), for the front doors and the report.
 */
import { formatUsd } from '../../format/values.js';
import type { FitKind, FitReport } from './compareFits.js';

/**
 * The fit's name in a table.
 * @example fitLabel('mixture') // '2-lognormal mixture'
 */
export function fitLabel(kind: FitKind): string {
  return kind === 'mixture' ? '2-lognormal mixture' : 'lognormal';
}

/**
 * The fit's parameters, and whether it collapsed or did not converge.
 * @example fitParameters({ kind: 'lognormal', components: [{ weight: 1, mu: Math.log(200), sigma: 1.5 }], k: 2, logLikelihood: 0, aic: 4, ks: 0.1, iterations: 0, converged: true, collapsed: false }) // 'median $200, sigma 1.50'
 */
export function fitParameters(f: FitReport): string {
  const params = f.components.map((c) => `${f.components.length > 1 ? `${c.weight.toFixed(2)} x ` : ''}median ${formatUsd(Math.exp(c.mu))}, sigma ${c.sigma.toFixed(2)}`).join(' + ');
  return f.collapsed ? `${params} (collapsed)` : f.converged ? params : `${params} (not converged in ${f.iterations} iterations)`;
}

/**
 * An AIC difference past which the weaker model has essentially no support
 * (Burnham and Anderson, Model Selection and Multimodel Inference, 2nd ed.,
 * 2002, section 2.6); below it the data hardly tell the two fits apart.
 */
export const AIC_CLEAR_DIFFERENCE = 10;

/**
 * Why the chosen fit was chosen, in a clause.
 * @example choiceReason({ chosen: 'mixture', lognormal: { aic: 120.04 }, mixture: { aic: 100.01, collapsed: false } }) // 'AIC 100.0 vs 120.0'
 * @example choiceReason({ chosen: 'lognormal', lognormal: { aic: 100 }, mixture: { aic: 104, collapsed: false } }) // 'AIC 100.0 vs 104.0; within 10, so the data hardly tell them apart'
 */
export function choiceReason(c: { readonly chosen: FitKind; readonly lognormal: Pick<FitReport, 'aic'>; readonly mixture: Pick<FitReport, 'aic' | 'collapsed'> }): string {
  if (c.mixture.collapsed) return 'the mixture collapsed onto a few amounts';
  const chosen = c[c.chosen];
  const other = c[c.chosen === 'mixture' ? 'lognormal' : 'mixture'];
  const close = Math.abs(chosen.aic - other.aic) < AIC_CLEAR_DIFFERENCE ? `; within ${AIC_CLEAR_DIFFERENCE}, so the data hardly tell them apart` : '';
  return `AIC ${chosen.aic.toFixed(1)} vs ${other.aic.toFixed(1)}${close}`;
}

/**
 * The chosen fit in words.
 * @example chosenName('mixture') // 'the two-component lognormal mixture'
 */
export function chosenName(kind: FitKind): string {
  return kind === 'mixture' ? 'the two-component lognormal mixture' : 'the lognormal';
}

/**
 * A fit's row of the table both the terminal and the report show: name,
 * parameters, lnL, AIC and KS D, to the digits `claimsim fit` prints.
 * @example fitRow({ kind: 'lognormal', components: [{ weight: 1, mu: Math.log(200), sigma: 1.5 }], k: 2, logLikelihood: -512.345, aic: 1028.69, ks: 0.03125, iterations: 0, converged: true, collapsed: false }) // ['lognormal', 'median $200, sigma 1.50', '-512.3', '1028.7', '0.0313']
 */
export function fitRow(f: FitReport): string[] {
  return [fitLabel(f.kind), fitParameters(f), f.logLikelihood.toFixed(1), f.aic.toFixed(1), f.ks.toFixed(4)];
}

/**
 * What the overlay sets, in a clause.
 * @example overlaySets('mixture', null) // 'sets claimAmount.mixture to the mixture'
 * @example overlaySets('mixture', { stored: 1001, quantiles: true }) // 'sets claimAmount.empirical to 1,001 quantiles of the amounts'
 */
export function overlaySets(chosen: FitKind, empirical: { readonly stored: number; readonly quantiles: boolean } | null): string {
  return empirical
    ? `sets claimAmount.empirical to ${empirical.stored.toLocaleString('en-US')} ${empirical.quantiles ? 'quantiles of the amounts' : 'amounts'}`
    : `sets claimAmount.mixture to the ${chosen}`;
}
