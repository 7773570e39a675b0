/**
 * What `claimsim fit` writes to results.json: the file fitted, both fits with
 * their statistics and the choice, the overlay written, and what the report
 * draws the data from (a histogram on log10 amount and the data's quantiles
 * at fixed probabilities), so `claimsim report` rebuilds the report from this
 * file alone without the amounts themselves. Only `invocation` differs
 * between two fits of the same file with the same options.
 */
import { z } from 'zod';
import { engineSchema, list, num, text, WELL_FORMED, wholeNumber } from './parts.js';

const positive = z.number().positive();

const componentSchema = z.object({ weight: num, mu: num, sigma: num });

/** One fit as analysis/fit/compareFits.ts reports it (library/fit.ts, which builds the results, keeps the two in step). */
const fitReportSchema = z.object({
  kind: z.enum(['lognormal', 'mixture']),
  components: list(componentSchema, 1),
  k: num,
  logLikelihood: num,
  aic: num,
  ks: num,
  iterations: num,
  converged: z.boolean(),
  collapsed: z.boolean(),
});

const histogramSchema = z
  .object({
    /** Bin edges on log10 USD, ascending. */
    log10Edges: list(num, 2),
    counts: list(wholeNumber, 1),
  })
  .superRefine((h, ctx) => {
    if (h.log10Edges.length !== h.counts.length + 1)
      ctx.addIssue({ code: 'custom', path: ['log10Edges'], message: `has ${h.log10Edges.length} edges but counts has ${h.counts.length} bins (edges must be one more)` });
    h.log10Edges.forEach((e, i) => {
      if (i > 0 && !(e > h.log10Edges[i - 1]!)) ctx.addIssue({ code: 'custom', path: ['log10Edges', i], message: 'must be larger than the edge before it' });
    });
  }, WELL_FORMED);

const quantilesSchema = z
  .object({
    /** Probabilities strictly between 0 and 1, ascending. */
    probabilities: list(num.gt(0).lt(1), 1),
    /** The data's quantile (USD) at each. */
    usd: list(positive, 1),
  })
  .superRefine((q, ctx) => {
    if (q.usd.length !== q.probabilities.length) ctx.addIssue({ code: 'custom', path: ['usd'], message: `has ${q.usd.length} entries but probabilities has ${q.probabilities.length}` });
    q.usd.forEach((x, i) => {
      if (i > 0 && x < q.usd[i - 1]!) ctx.addIssue({ code: 'custom', path: ['usd', i], message: 'is smaller than the quantile before it' });
    });
  }, WELL_FORMED);

export const fitResultsSchema = z
  .object({
    kind: z.literal('fit'),
    engine: engineSchema,
    input: z.object({ file: text, sha256: text, column: text, amounts: wholeNumber, skippedRows: wholeNumber }),
    comparison: z.object({ n: wholeNumber, lognormal: fitReportSchema, mixture: fitReportSchema, chosen: z.enum(['lognormal', 'mixture']) }),
    /** With `--empirical`: how many amounts the overlay stores, and whether they are quantiles of the data. */
    empirical: z.object({ stored: wholeNumber, quantiles: z.boolean() }).nullable(),
    overlayFile: text,
    base: text,
    /** The amounts on log10 USD, binned. */
    histogram: histogramSchema,
    /** The data's quantiles, for the QQ plot. */
    quantiles: quantilesSchema,
    invocation: z.object({ command: list(text), startedAt: text }),
  })
  .superRefine((r, ctx) => {
    // Each fit sits under its own kind's key: the report names them by key.
    for (const key of ['lognormal', 'mixture'] as const) {
      if (r.comparison[key].kind !== key) ctx.addIssue({ code: 'custom', path: ['comparison', key, 'kind'], message: `must be "${key}"` });
    }
    // The density chart divides each bin by the amounts fitted.
    const binned = r.histogram.counts.reduce((a, b) => a + b, 0);
    if (binned !== r.input.amounts) ctx.addIssue({ code: 'custom', path: ['histogram', 'counts'], message: `holds ${binned} amounts but input.amounts is ${r.input.amounts}` });
  }, WELL_FORMED);
export type FitResults = z.infer<typeof fitResultsSchema>;
