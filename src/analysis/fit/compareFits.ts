/**
 * Fitting claim amounts both ways and choosing: a single lognormal (k = 2
 * parameters) and a two-component lognormal mixture (k = 5: two medians, two
 * sigmas, one free weight), each with its log-likelihood in dollar space, its
 * AIC and its KS statistic against the data. The lower AIC wins; a mixture
 * whose component collapsed is never chosen, and a tie goes to the simpler
 * lognormal.
 */
import { akaikeInformationCriterion } from './akaikeInformationCriterion.js';
import { fitLognormal } from './fitLognormal.js';
import { fitLognormalMixture, type MixtureFitOptions } from './fitLognormalMixture.js';
import { kolmogorovSmirnov } from './kolmogorovSmirnov.js';
import { logLikelihood } from './logLikelihood.js';
import { lognormalMixtureCdf, type LogSpaceLognormalComponent } from './lognormalMixtureDensity.js';

export type FitKind = 'lognormal' | 'mixture';

export interface FitReport {
  readonly kind: FitKind;
  readonly components: readonly LogSpaceLognormalComponent[];
  /** Free parameters: 2 for a lognormal, 5 for a two-component mixture. */
  readonly k: number;
  /** ln L of the amounts in dollar space (density per dollar). */
  readonly logLikelihood: number;
  readonly aic: number;
  /** Kolmogorov-Smirnov D against the amounts. */
  readonly ks: number;
  /** EM iterations (0 for the closed-form lognormal). */
  readonly iterations: number;
  readonly converged: boolean;
  readonly collapsed: boolean;
}

export interface FitComparison {
  readonly n: number;
  readonly lognormal: FitReport;
  readonly mixture: FitReport;
  readonly chosen: FitKind;
}

export function compareFits(values: readonly number[], options: MixtureFitOptions = {}): FitComparison {
  const sorted = [...values].sort((a, b) => a - b);
  const report = (kind: FitKind, components: readonly LogSpaceLognormalComponent[], k: number, em: { iterations: number; converged: boolean; collapsed: boolean }): FitReport => {
    const lnL = logLikelihood(sorted, components);
    return {
      kind,
      components,
      k,
      logLikelihood: lnL,
      aic: akaikeInformationCriterion(lnL, k),
      ks: kolmogorovSmirnov(sorted, (x) => lognormalMixtureCdf(x, components)),
      ...em,
    };
  };
  const lognormal = report('lognormal', [fitLognormal(sorted)], 2, { iterations: 0, converged: true, collapsed: false });
  const em = fitLognormalMixture(sorted, options);
  const mixture = report('mixture', em.components, 5, em);
  const chosen = !mixture.collapsed && mixture.aic < lognormal.aic ? 'mixture' : 'lognormal';
  return { n: values.length, lognormal, mixture, chosen };
}
