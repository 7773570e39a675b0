/**
 * The maximum-likelihood lognormal for positive amounts, in closed form: the
 * log amounts are normal, so mu is the mean of the logs and sigma their
 * population standard deviation (divisor n, not n - 1: the MLE).
 * Standard errors for n amounts: se(mu) = sigma/√n, se(sigma) ≈ sigma/√(2n).
 */
import { FitInputError } from './errors.js';
import type { LogSpaceLognormalComponent } from './lognormalMixtureDensity.js';

/**
 * @example fitLognormal([1, Math.E ** 2]) // { weight: 1, mu: 1, sigma: 1 }: logs 0 and 2
 */
export function fitLognormal(values: readonly number[]): LogSpaceLognormalComponent {
  const n = values.length;
  if (n < 2) throw new FitInputError(`a lognormal fit needs at least 2 amounts, got ${n}`);
  let sum = 0;
  for (const x of values) sum += Math.log(x);
  const mu = sum / n;
  let squares = 0;
  for (const x of values) squares += (Math.log(x) - mu) ** 2;
  const sigma = Math.sqrt(squares / n);
  if (values.every((x) => x === values[0])) throw new FitInputError(`all ${n} amounts are equal (${values[0]}); no distribution with spread can be fitted`);
  return { weight: 1, mu, sigma };
}
