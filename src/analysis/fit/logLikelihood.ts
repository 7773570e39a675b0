/**
 * The log-likelihood of amounts under a lognormal mixture, in dollar space:
 * Σ ln f(x_i) with f the density per dollar. (In log-dollar space every
 * model's log-likelihood would be larger by the same Σ ln x_i, so AIC
 * differences are the same in either space; dollars are used throughout.)
 */
import { lognormalMixtureLogDensity, type LogSpaceLognormalComponent } from './lognormalMixtureDensity.js';

/**
 * @example logLikelihood([1, 1], [{ weight: 1, mu: 0, sigma: 1 }]) // -1.837877: twice ln φ(0)
 */
export function logLikelihood(values: readonly number[], components: readonly LogSpaceLognormalComponent[]): number {
  let sum = 0;
  for (const x of values) sum += lognormalMixtureLogDensity(x, components);
  return sum;
}
