/**
 * A two-component lognormal mixture fitted by expectation-maximisation on the
 * log amounts, which makes it a two-component Gaussian mixture on ln x
 * (Bishop, Pattern Recognition and Machine Learning, 2006, section 9.2.2).
 *
 * Deterministic: the components start from the lower and upper halves of the
 * sorted logs (split at the median), each with its half's mean and sd and
 * weight 1/2. Each iteration raises the log-likelihood; it stops when the
 * rise is below `tolerance` per amount, or after `maxIterations`.
 *
 * A component may collapse onto a few points, where its likelihood grows
 * without bound. Two guards: a component's sigma is never below
 * `sigmaFloorShare` of the sd of all the logs, and if a component's expected
 * number of amounts falls below `minComponentSize` the fit stops and is
 * marked `collapsed` (the caller should not prefer it).
 */
import { FitInputError } from './errors.js';
import { normalLogDensity, type LogSpaceLognormalComponent } from './lognormalMixtureDensity.js';

export interface MixtureFitOptions {
  /** Stop when the log-likelihood rises by less than this per amount. Default 1e-8. */
  readonly tolerance?: number;
  /** Default 1000. */
  readonly maxIterations?: number;
  /** Smallest sigma, as a share of the sd of all log amounts. Default 0.01. */
  readonly sigmaFloorShare?: number;
  /** Fewest expected amounts in a component before it counts as collapsed. Default 2. */
  readonly minComponentSize?: number;
}

export interface MixtureFit {
  /** The two components, lower median first. */
  readonly components: readonly [LogSpaceLognormalComponent, LogSpaceLognormalComponent];
  readonly iterations: number;
  readonly converged: boolean;
  /** A component shrank below `minComponentSize` amounts; the fit is degenerate. */
  readonly collapsed: boolean;
}

export function fitLognormalMixture(values: readonly number[], options: MixtureFitOptions = {}): MixtureFit {
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 1000;
  const minSize = options.minComponentSize ?? 2;
  const n = values.length;
  if (n < 4) throw new FitInputError(`a two-component mixture fit needs at least 4 amounts, got ${n}`);

  const logs = Float64Array.from(values, (x) => Math.log(x));
  const sorted = logs.slice().sort();
  if (sorted[0] === sorted[n - 1]) throw new FitInputError(`all ${n} amounts are equal (${values[0]}); no distribution with spread can be fitted`);
  const all = meanAndSd(sorted, 0, n);
  // Work on centred logs, so that the one-pass sums of squares below do not cancel.
  for (let i = 0; i < n; i++) logs[i] = logs[i]! - all.mean;
  const floor = (options.sigmaFloorShare ?? 0.01) * all.sd;
  const half = Math.floor(n / 2);
  const lower = meanAndSd(sorted, 0, half);
  const upper = meanAndSd(sorted, half, n);
  let components: Pair = [
    { weight: 0.5, mu: lower.mean - all.mean, sigma: Math.max(floor, lower.sd) },
    { weight: 0.5, mu: upper.mean - all.mean, sigma: Math.max(floor, upper.sd) },
  ];

  let pass = expectation(logs, components);
  let iterations = 0;
  let converged = false;
  let collapsed = false;
  while (iterations < maxIterations) {
    const next = maximisation(pass, n, floor, minSize);
    if (!next) {
      collapsed = true;
      break;
    }
    iterations++;
    const previous = pass.lnL;
    components = next;
    pass = expectation(logs, components);
    if (pass.lnL - previous < tolerance * n) {
      converged = true;
      break;
    }
  }
  const [a, b] = components.map((c) => ({ ...c, mu: c.mu + all.mean })) as [LogSpaceLognormalComponent, LogSpaceLognormalComponent];
  return { components: a.mu <= b.mu ? [a, b] : [b, a], iterations, converged, collapsed };
}

type Pair = [LogSpaceLognormalComponent, LogSpaceLognormalComponent];

/** What an E-step leaves for the M-step: the log-likelihood and responsibility-weighted sums per component. */
interface Pass {
  readonly lnL: number;
  /** Σ r, Σ r y, Σ r y² for the first component (r its responsibility) ... */
  readonly a: readonly [number, number, number];
  /** ... and Σ (1-r), Σ (1-r) y, Σ (1-r) y² for the second. */
  readonly b: readonly [number, number, number];
}

/** E-step, in one pass: each log amount's responsibilities, summed as the M-step needs them, and the log-likelihood of the logs. */
function expectation(logs: Float64Array, [a, b]: Pair): Pass {
  // ln(w φ(y; mu, sigma)) = c - (y - mu)² h, with c = ln w - ln sigma - ln √(2π) and h = 1 / (2 sigma²).
  const ca = Math.log(a.weight) + normalLogDensity(a.mu, a.mu, a.sigma);
  const cb = Math.log(b.weight) + normalLogDensity(b.mu, b.mu, b.sigma);
  const ha = 1 / (2 * a.sigma * a.sigma);
  const hb = 1 / (2 * b.sigma * b.sigma);
  let lnL = 0;
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < logs.length; i++) {
    const y = logs[i]!;
    const da = y - a.mu;
    const db = y - b.mu;
    const pa = ca - da * da * ha;
    const pb = cb - db * db * hb;
    // ln(e^pa + e^pb) and e^pa / (e^pa + e^pb), without overflow: one exp, one log1p.
    const e = Math.exp(-Math.abs(pa - pb));
    lnL += Math.max(pa, pb) + Math.log1p(e);
    const r = pa >= pb ? 1 / (1 + e) : e / (1 + e);
    const ry = r * y;
    r0 += r;
    r1 += ry;
    r2 += ry * y;
    s1 += y;
    s2 += y * y;
  }
  return { lnL, a: [r0, r1, r2], b: [logs.length - r0, s1 - r1, s2 - r2] };
}

/** M-step: weighted means and sds; `null` if a component has fewer than `minSize` expected amounts. */
function maximisation(pass: Pass, n: number, floor: number, minSize: number): Pair | null {
  const component = ([size, sum, squares]: readonly [number, number, number]): LogSpaceLognormalComponent => {
    const mu = sum / size;
    return { weight: size / n, mu, sigma: Math.max(floor, Math.sqrt(Math.max(0, squares / size - mu * mu))) };
  };
  if (pass.a[0] < minSize || pass.b[0] < minSize) return null;
  return [component(pass.a), component(pass.b)];
}

/** Mean and population sd of `x[from..to)`. */
function meanAndSd(x: Float64Array, from: number, to: number): { mean: number; sd: number } {
  const count = to - from;
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i]!;
  const mean = sum / count;
  let squares = 0;
  for (let i = from; i < to; i++) squares += (x[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / count) };
}
