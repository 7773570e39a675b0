/**
 * What each kind of report says beyond its charts and tables: its title and
 * subtitle, the scenarios' parameters with their sources, and how to
 * reproduce it. Pure functions of the results, returning escaped HTML.
 *
 * Phase: report.
 */
import { basename } from 'node:path';
import { overlaySets } from '../analysis/fit/fitText.js';
import { scenarioMixture } from '../analysis/fit/overlayFile.js';
import { getIn } from '../params/overlay.js';
import type { ParamMeta } from '../params/meta.js';
import type { SavedResults } from '../results/read.js';
import type { FitResults } from '../results/schema/fit.js';
import type { CompareResults } from '../results/schema/analyses.js';
import { differingParameters, parameterText } from './analysisTables.js';
import { toCsv } from '../export/csv.js';
import { csvDownloadHtml } from './download.js';
import { escapeHtml } from './escape.js';
import { sourceCellHtml, sourcesIndex, type SourceEntry, type SourcesIndex } from './sources.js';

export function reportTitle(r: SavedResults): string {
  switch (r.kind) {
    case 'run':
      return `claimsim: ${r.scenario.name}`;
    case 'compare':
      return `claimsim: ${r.scenarios.map((s) => s.scenario.name).join(' vs ')}`;
    case 'sweep':
      return `claimsim sweep: ${r.scenario.name} over ${r.axes.map((a) => a.path).join(' and ')}`;
    case 'sensitivity':
      return `claimsim sensitivity: ${r.scenario.name}, ${r.metric}`;
    case 'calibrate':
      return `claimsim calibration: ${r.scenario.name}`;
    case 'fit':
      return `claimsim fit: claim amounts of ${basename(r.input.file)}`;
  }
}

export function subtitle(r: SavedResults): string {
  if (r.kind === 'fit') return fitSubtitle(r);
  const description = r.kind === 'compare' ? r.scenarios[0]!.scenario.description : r.scenario.description;
  return `${description}. Seed ${r.seed}, ${r.replications} replication${r.replications === 1 ? '' : 's'}; generated ${r.invocation.startedAt.slice(0, 10)}.`;
}

/** One parameter's row: value, unit, tag, source (its references resolved), and which file changed it. */
function parameterRow(path: string, value: unknown, m: ParamMeta, resolve: (key: string) => SourceEntry | undefined): string {
  return `<tr><td><code>${escapeHtml(path)}</code><br>${escapeHtml(m.description)}</td><td class="value">${escapeHtml(parameterText(value))}</td><td>${escapeHtml(m.unit)}</td><td><span class="tag tag-${escapeHtml(m.tag)}">${escapeHtml(m.tag)}</span></td><td>${sourceCellHtml(m.source, resolve)}${m.range ? `<br>range ${escapeHtml(m.range.join(' to '))}` : ''}${m.changedBy ? `<br>set by ${escapeHtml(m.changedBy)}` : ''}</td></tr>`;
}

/** A table of parameters with their sources; `paths` picks which (default: every one the metadata lists). */
function parameterRowsTable(parameters: unknown, meta: Readonly<Record<string, ParamMeta>>, resolve: (key: string) => SourceEntry | undefined, paths: readonly string[] = Object.keys(meta)): string {
  const rows = paths.flatMap((path) => {
    const m = meta[path];
    return m ? [parameterRow(path, getIn(parameters, path), m, resolve)] : [];
  });
  return `<div class="table-scroll"><table><thead><tr><th>Parameter</th><th>Value</th><th>Unit</th><th>Tag</th><th>Source</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/** The full parameter table of a scenario, in a fold (`open` or shut), with its CSV download (`id`.csv). */
function parameterTable(id: string, parameters: unknown, meta: Readonly<Record<string, ParamMeta>>, resolve: (key: string) => SourceEntry | undefined, open = true): string {
  return `<details class="fold"${open ? ' open' : ''}><summary>${Object.keys(meta).length} parameters: fold or unfold</summary><div class="table" id="table-${escapeHtml(id)}">${parameterRowsTable(parameters, meta, resolve)}\n${csvDownloadHtml(id, parametersCsv(parameters, meta))}</div></details>`;
}

/** Every parameter as a spreadsheet row: its value (a list or table as JSON), unit, tag, range, source and the file that set it. */
function parametersCsv(parameters: unknown, meta: Readonly<Record<string, ParamMeta>>): string {
  return toCsv(
    ['parameter', 'value', 'unit', 'tag', 'rangeLow', 'rangeHigh', 'source', 'setBy', 'description'],
    Object.entries(meta).map(([path, m]) => {
      const value = getIn(parameters, path);
      return [path, typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean), m.unit, m.tag, m.range?.[0], m.range?.[1], m.source, m.changedBy, m.description];
    }),
  );
}

export function parameterSections(r: SavedResults): string {
  const note = '<p>Tag S: stated by a source. Tag E: an estimate, varied over its range by sensitivity runs. A <code>[key]</code> in a source cites an entry of the Sources list below.</p>';
  if (r.kind === 'fit') return overlaySection(r);
  const sources = reportSources(r);
  if (r.kind === 'compare') return compareParameterSections(r, note, sources);
  // Folded open: a reader who came for the figures folds the longest part of the page away.
  return `<section class="parameters" id="parameters"><h2>Parameters: ${escapeHtml(r.scenario.name)}</h2>${note}${parameterTable('parameters', r.parameters, r.parameterMeta, (key) => sources.lookup(0, key))}</section>`;
}

/**
 * A comparison's parameters: the base scenario's full table, folded shut
 * (the "Parameters that differ" table says what the others change), then for
 * each other scenario only the parameters it sets otherwise, with their sources, so
 * every scenario's citations still link to the Sources list. Five full tables
 * made a five-scenario report tens of thousands of pixels tall.
 */
function compareParameterSections(r: CompareResults, note: string, sources: SourcesIndex): string {
  const [base, ...others] = r.scenarios;
  const paths = differingParameters(r).map((d) => d.path);
  const own = others.map((s, k) => {
    const changed = paths.filter((p) => s.parameterMeta[p] !== undefined && JSON.stringify(getIn(s.parameters, p)) !== JSON.stringify(getIn(base!.parameters, p)));
    const body = changed.length === 0 ? '<p>No parameter differs from the base.</p>' : parameterRowsTable(s.parameters, s.parameterMeta, (key) => sources.lookup(k + 1, key), changed);
    return `<h3>${escapeHtml(s.scenario.name)}: the ${changed.length} parameter${changed.length === 1 ? '' : 's'} that differ from ${escapeHtml(base!.scenario.name)}</h3>\n${body}`;
  });
  return `<section class="parameters" id="parameters"><h2>Parameters</h2>${note}\n<h3>${escapeHtml(base!.scenario.name)} (base): every parameter</h3>\n${parameterTable('parameters-base', base!.parameters, base!.parameterMeta, (key) => sources.lookup(0, key), false)}\n${own.join('\n')}</section>`;
}

/** The references of the report's scenarios (each of a comparison's, in order), for the parameter tables and the Sources list. */
export function reportSources(r: SavedResults): SourcesIndex {
  // A fit reads a CSV, not a scenario: it has no references to cite.
  if (r.kind === 'fit') return sourcesIndex([]);
  const scenarios = r.kind === 'compare' ? r.scenarios.map((s) => ({ record: s.scenario, meta: s.parameterMeta })) : [{ record: r.scenario, meta: r.parameterMeta }];
  return sourcesIndex(scenarios.map((s) => ({ name: s.record.name, references: s.record.references, meta: s.meta })));
}

export function reproduce(r: SavedResults): string {
  if (r.kind === 'fit') return definitionList(fitReproduce(r));
  const scenarios = r.kind === 'compare' ? r.scenarios.map((s) => s.scenario) : [r.scenario];
  const items = [
    ['claimsim version', `${r.engine.name} ${r.engine.version}`],
    ...scenarios.map((s) => [`scenario ${s.name}`, `${s.chain.join(' <- ')} (sha256 ${s.hash})`]),
    ['seed', String(r.seed)],
    ['replications', String(r.replications)],
    ['command', r.invocation.command.join(' ')],
    ['run', `started ${r.invocation.startedAt}, ${r.invocation.wallSeconds.toFixed(1)} s`],
  ];
  return `<dl>${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`).join('')}</dl>`;
}

/** A fit's Reproduce list, laid out as the others. */
function definitionList(items: readonly (readonly [string, string])[]): string {
  return `<dl>${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`).join('')}</dl>`;
}

/** A fit's subtitle: the data it read, and when. */
function fitSubtitle(r: FitResults): string {
  const skipped = r.input.skippedRows > 0 ? ` (${r.input.skippedRows} bad row${r.input.skippedRows === 1 ? '' : 's'} skipped)` : '';
  return `A lognormal and a two-component lognormal mixture fitted to ${r.input.amounts.toLocaleString('en-US')} amounts in column "${r.input.column}" of ${r.input.file}${skipped}; generated ${r.invocation.startedAt.slice(0, 10)}.`;
}

/** What a fit has instead of scenario parameters: the overlay it wrote, what it sets and to what. */
function overlaySection(r: FitResults): string {
  const c = r.comparison;
  const intro = `<p><code>${escapeHtml(r.overlayFile)}</code> extends <code>${escapeHtml(r.base)}</code> and ${escapeHtml(overlaySets(c.chosen, r.empirical))}, tagged E (an estimate) with a source naming ${escapeHtml(r.input.file)}, its SHA-256 and both fits' statistics; every other parameter is the base's.</p>`;
  if (r.empirical) {
    const what = r.empirical.quantiles
      ? `${r.empirical.stored.toLocaleString('en-US')} evenly spaced quantiles of the amounts`
      : `the ${r.empirical.stored.toLocaleString('en-US')} amounts, sorted and rounded to cents`;
    return `<section class="parameters" id="overlay"><h2>Overlay written</h2>${intro}<p>The simulator resamples ${escapeHtml(what)}, which the overlay file holds (results.json does not repeat them). The fits above are shown for comparison.</p></section>`;
  }
  const rows = scenarioMixture(c[c.chosen].components).map(
    (m, i) =>
      `<tr><td>${i + 1}</td><td class="num">${escapeHtml(String(m.weight))}</td><td class="num">${escapeHtml(String(m.medianUsd))}</td><td class="num">${escapeHtml(String(m.sigma))}</td></tr>`,
  );
  return `<section class="parameters" id="overlay"><h2>Overlay written</h2>${intro}<p><code>claimAmount.mixture</code> as the overlay writes it:</p><div class="table-scroll"><table><thead><tr><th>Component</th><th class="num">weight</th><th class="num">medianUsd</th><th class="num">sigma</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div></section>`;
}

/** How to fit again: the data by its hash, the options that shaped the overlay, the command. */
function fitReproduce(r: FitResults): [string, string][] {
  return [
    ['claimsim version', `${r.engine.name} ${r.engine.version}`],
    ['claims file', `${r.input.file} (sha256 ${r.input.sha256})`],
    ['column', r.input.column],
    ['seed', 'none: a fit draws no random numbers, so the same file and options give the same fits'],
    ['base scenario', r.base],
    ['overlay', r.overlayFile],
    ['command', r.invocation.command.join(' ')],
    ['run', `started ${r.invocation.startedAt}`],
  ];
}
