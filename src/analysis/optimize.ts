/**
 * Minimising a function of one or more bounded parameters without gradients.
 * The objectives here are simulation results on common random numbers:
 * deterministic, but stepped and slightly rough, so methods that only compare
 * values are used. Objectives may be asynchronous (they run simulations).
 */

type Objective<X> = (x: X) => number | Promise<number>;

/**
 * Golden-section search for the minimum of `f` on [lo, hi] (Kiefer, 1953),
 * stopping when the bracket is narrower than `tolerance`, after
 * `maxEvaluations`, or as soon as a value is at or below `goodEnough`.
 * @example await goldenSection((x) => (x - 2) ** 2, 0, 5, 1e-6) // x = 2 within 1e-6
 * @example await goldenSection((x) => Math.max(0, Math.abs(x - 2) - 1), 0, 5, 1e-6, 60, 0) // stops at the first x within 1 of 2
 */
export async function goldenSection(
  f: Objective<number>,
  lo: number,
  hi: number,
  tolerance: number,
  maxEvaluations = 60,
  goodEnough = -Infinity,
): Promise<{ x: number; value: number; evaluations: number }> {
  const invPhi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - invPhi * (b - a);
  let d = a + invPhi * (b - a);
  let fc = await f(c);
  if (fc <= goodEnough) return { x: c, value: fc, evaluations: 1 };
  let fd = await f(d);
  let evaluations = 2;
  while (b - a > tolerance && evaluations < maxEvaluations && Math.min(fc, fd) > goodEnough) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - invPhi * (b - a);
      fc = await f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + invPhi * (b - a);
      fd = await f(d);
    }
    evaluations++;
  }
  return fc <= fd ? { x: c, value: fc, evaluations } : { x: d, value: fd, evaluations };
}

/**
 * Nelder-Mead simplex search (Nelder & Mead, 1965) on the unit cube, with
 * points clamped to it; callers map [0, 1] to each parameter's bounds. Stops
 * when the simplex's values agree within `tolerance`, after `maxEvaluations`
 * (never more), or as soon as a value is at or below `goodEnough`.
 * @example await nelderMead(([x, y]) => (x - 0.3) ** 2 + (y - 0.7) ** 2, [0.5, 0.5], 1e-10, 400) // x about [0.3, 0.7]
 */
export async function nelderMead(
  f: Objective<number[]>,
  start: readonly number[],
  tolerance: number,
  maxEvaluations: number,
  goodEnough = -Infinity,
): Promise<{ x: number[]; value: number; evaluations: number }> {
  const clamp = (x: readonly number[]) => x.map((v) => Math.min(1, Math.max(0, v)));
  const n = start.length;
  let evaluations = 0;
  let enough: { x: number[]; value: number } | undefined;
  // A function, so that the compiler does not take `enough` as still unset after awaits that set it.
  const goodPoint = () => enough;
  const point = async (x: readonly number[]) => {
    const clamped = clamp(x);
    // Once a point is good enough, or the evaluations are used up, the rest of a step is not evaluated.
    if (enough || evaluations >= maxEvaluations) return { x: clamped, value: Infinity };
    evaluations++;
    const p = { x: clamped, value: await f(clamped) };
    if (p.value <= goodEnough) enough = p;
    return p;
  };
  const simplex = [await point(start)];
  for (let i = 0; i < n && !goodPoint(); i++) simplex.push(await point(start.map((v, j) => (i === j ? v + (v < 0.5 ? 0.25 : -0.25) : v))));
  const early = goodPoint();
  if (early) return { ...early, evaluations };
  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.value - q.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.value - best.value) <= tolerance) break;
    const centroid = Array.from({ length: n }, (_, i) => simplex.slice(0, n).reduce((s, p) => s + p.x[i]!, 0) / n);
    const along = (t: number) => centroid.map((c, i) => c + t * (worst.x[i]! - c));
    const reflected = await point(along(-1));
    if (reflected.value < best.value) {
      const expanded = await point(along(-2));
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1]!.value) {
      simplex[n] = reflected;
    } else {
      const contracted = await point(along(0.5));
      if (contracted.value < worst.value) simplex[n] = contracted;
      else for (let i = 1; i <= n; i++) simplex[i] = await point(simplex[i]!.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!)));
    }
    const found = goodPoint();
    if (found) return { ...found, evaluations };
  }
  simplex.sort((p, q) => p.value - q.value);
  return { ...simplex[0]!, evaluations };
}
