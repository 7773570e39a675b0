/**
 * Reports, from the library: the Vega-Lite specs of the charts a results
 * file's report shows, and the report itself as one self-contained HTML page
 * (its scripts and styles inline, no request made when it opens).
 *
 * Phase: chart → report.
 */
import { chartsFor } from '../report/charts/index.js';
import { buildReportHtml } from '../report/html.js';
import type { SavedResults } from '../results/read.js';

/** The charts of `results`' report, each a Vega-Lite spec with its id and title. */
export function charts(results: SavedResults) {
  return chartsFor(results);
}

/** The report of `results`: the HTML `claimsim report` writes. */
export async function renderReport(results: SavedResults): Promise<string> {
  return buildReportHtml(results, chartsFor(results));
}
