/**
 * Writing a report beside its results: report.html, and with `charts` each
 * chart as its own SVG or PNG file for slides, rendered from the same specs.
 */
import { join } from 'node:path';
import type { SavedResults } from '../results/read.js';
import { writeOutputs } from '../results/write.js';
import { chartsFor } from './charts/index.js';
import { buildReportHtml } from './html.js';
import { specToSvg, svgToPng } from './render.js';

export type ChartFormat = 'svg' | 'png';

/** The names at the top of the output folder that `reportFiles` writes, for claiming them before the work. */
export function reportFileNames(options: { charts?: ChartFormat } = {}): string[] {
  return ['report.html', ...(options.charts ? ['charts'] : [])];
}

/** The report's files (report.html, and charts/ID.svg|png with `charts`), to be written with the other outputs at once. */
export async function reportFiles(results: SavedResults, options: { charts?: ChartFormat } = {}): Promise<Record<string, string | Buffer>> {
  const charts = chartsFor(results);
  const files: Record<string, string | Buffer> = { 'report.html': await buildReportHtml(results, charts) };
  if (options.charts) {
    for (const chart of charts) {
      const svg = await specToSvg(chart.spec);
      files[join('charts', `${chart.id}.${options.charts}`)] = options.charts === 'svg' ? svg : await svgToPng(svg);
    }
  }
  return files;
}

/**
 * Writes the report into `dir`: `claimsim report`. Beside its own results (the
 * output in force in `dir` is the one `results` came from) it is a new output
 * that keeps that output's other files; anywhere else the output is the report
 * with the results it was built from, so one output never mixes two runs.
 */
export async function writeReport(dir: string, results: SavedResults, options: { charts?: ChartFormat; besideResults: boolean }): Promise<string> {
  const files = await reportFiles(results, options);
  if (options.besideResults) writeOutputs(dir, files, { carry: true });
  else writeOutputs(dir, { 'results.json': `${JSON.stringify(results, null, 2)}\n`, ...files });
  return join(dir, 'report.html');
}
