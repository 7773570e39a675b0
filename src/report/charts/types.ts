/** Shapes the chart builders share. */
import type { TopLevelSpec } from 'vega-lite';
import type { RunResults } from '../../results/results.js';

/** A run's results, on their own or as one scenario of a comparison (which drops the invocation). */
export type RunLike = Omit<RunResults, 'invocation'>;

/** One chart of a report: a stable id (for anchors and file names), its finding in words, and the spec. */
export interface ChartEntry {
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
  /** What the chart shows that its title does not (how to read it, what the bands are); shown under it. */
  readonly caption?: string;
  /** The heading of the report section it sits in (default "Charts"). */
  readonly section?: string;
}
