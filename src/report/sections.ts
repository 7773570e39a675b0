/**
 * What each kind of report says beyond its charts and tables: its title and
 * subtitle, the scenarios' parameters with their sources, and how to
 * reproduce it. Pure functions of the results, returning escaped HTML.
 *
 * Phase: report.
 */
import { getIn } from '../params/overlay.js';
import type { ParamMeta } from '../params/meta.js';
import type { SavedResults } from '../results/read.js';
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
  }
}

export function subtitle(r: SavedResults): string {
  const description = r.kind === 'compare' ? r.scenarios[0]!.scenario.description : r.scenario.description;
  return `${description}. Seed ${r.seed}, ${r.replications} replication${r.replications === 1 ? '' : 's'}; generated ${r.invocation.startedAt.slice(0, 10)}.`;
}

/** The full parameter table of a scenario: value, unit, tag, source (its references resolved), and which file changed it. */
function parameterTable(parameters: unknown, meta: Readonly<Record<string, ParamMeta>>, resolve: (key: string) => SourceEntry | undefined): string {
  const rows = Object.entries(meta).map(([path, m]) => {
    const value = getIn(parameters, path);
    const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return `<tr><td><code>${escapeHtml(path)}</code><br>${escapeHtml(m.description)}</td><td class="value">${escapeHtml(shown)}</td><td>${escapeHtml(m.unit)}</td><td><span class="tag tag-${escapeHtml(m.tag)}">${escapeHtml(m.tag)}</span></td><td>${sourceCellHtml(m.source, resolve)}${m.range ? `<br>range ${escapeHtml(m.range.join(' to '))}` : ''}${m.changedBy ? `<br>set by ${escapeHtml(m.changedBy)}` : ''}</td></tr>`;
  });
  // Folded open: a reader who came for the figures folds the longest part of the page away.
  return `<details class="fold" open><summary>${rows.length} parameters: fold or unfold</summary><div class="table-scroll"><table><thead><tr><th>Parameter</th><th>Value</th><th>Unit</th><th>Tag</th><th>Source</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div></details>`;
}

export function parameterSections(r: SavedResults): string {
  const note = '<p>Tag S: stated by a source. Tag E: an estimate, varied over its range by sensitivity runs. A <code>[key]</code> in a source cites an entry of the Sources list below.</p>';
  const sources = reportSources(r);
  if (r.kind === 'compare') {
    return r.scenarios
      .map(
        (s, i) =>
          `<section class="parameters" id="parameters-${escapeHtml(s.scenario.name)}"><h2>Parameters: ${escapeHtml(s.scenario.name)}</h2>${note}${parameterTable(s.parameters, s.parameterMeta, (key) => sources.lookup(i, key))}</section>`,
      )
      .join('\n');
  }
  return `<section class="parameters" id="parameters"><h2>Parameters: ${escapeHtml(r.scenario.name)}</h2>${note}${parameterTable(r.parameters, r.parameterMeta, (key) => sources.lookup(0, key))}</section>`;
}

/** The references of the report's scenarios (each of a comparison's, in order), for the parameter tables and the Sources list. */
export function reportSources(r: SavedResults): SourcesIndex {
  const scenarios = r.kind === 'compare' ? r.scenarios.map((s) => ({ record: s.scenario, meta: s.parameterMeta })) : [{ record: r.scenario, meta: r.parameterMeta }];
  return sourcesIndex(scenarios.map((s) => ({ name: s.record.name, references: s.record.references, meta: s.meta })));
}

export function reproduce(r: SavedResults): string {
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
