/**
 * One self-contained HTML file per analysis: the story in plain words, the
 * headline table, the charts, every assumption with its source, and how to
 * reproduce it. Nothing leaves the page: Vega, Vega-Lite and vega-embed are
 * inlined from node_modules, each chart also carries its SVG rendered in Node
 * (so it shows with scripts off), and a Content-Security-Policy forbids
 * network loads. Every string from a scenario, a CSV or the command line is
 * escaped.
 *
 * Phase: report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { getIn } from '../params/overlay.js';
import type { ParamMeta } from '../params/meta.js';
import { ENGINE } from '../version.js';
import { escapeHtml, jsonForScript, replaceControls, scriptText } from './escape.js';
import { specToSvg } from './render.js';
import { sourceCellHtml, sourcesIndex, sourcesSectionHtml, type SourceEntry, type SourcesIndex } from './sources.js';
import type { SavedResults } from '../results/read.js';
import { headlineHeader, headlineRows, summaryParagraphs } from './summary.js';

export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

/** No network, no plugins; inline scripts and styles only (vega-embed runs with its CSP-safe expression interpreter). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'";

const require = createRequire(import.meta.url);
/** The browser builds of the chart libraries, read once. */
let libraries: string | undefined;
function inlineLibraries(): string {
  // The packages' export maps hide their browser builds; they sit beside each package's main entry.
  libraries ??= [
    ['vega', 'vega.min.js'],
    ['vega-lite', 'vega-lite.min.js'],
    ['vega-embed', 'vega-embed.min.js'],
  ]
    .map(([pkg, file]) => `<script>${scriptText(readFileSync(join(dirname(require.resolve(pkg!)), file!), 'utf8'))}</script>`)
    .join('\n');
  return libraries;
}

const STYLE = `
:root { --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d9d9d9; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 980px; padding: 2rem 1.25rem 4rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .3rem; }
.sub { color: var(--muted); margin: 0; }
#summary p { font-size: 1.05rem; max-width: 75ch; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
/* A parameter's value may be a long list (an empirical distribution): it wraps rather than widen the page. */
td.value { text-align: right; font-variant-numeric: tabular-nums; }
/* A table wider than the column scrolls inside it; the page itself never scrolls sideways. */
.table-scroll { max-width: 100%; overflow-x: auto; }
details.fold > summary { cursor: pointer; color: var(--accent); margin: .5rem 0; }
figure { margin: 1.5rem 0; } figcaption { color: var(--muted); font-size: .9rem; }
.vega { max-width: 100%; overflow-x: auto; }
.vega svg, .vega canvas { max-width: 100%; height: auto; }
.tag { display: inline-block; min-width: 1.4em; text-align: center; border-radius: 3px; font-size: .8rem; padding: 0 .25rem; }
.tag-S { background: #e5f1f8; } .tag-E { background: #fcf0d9; }
.ref { color: var(--muted); font-size: .86rem; }
ol.sources li { margin-bottom: .6rem; } .sources .key { font-family: ui-monospace, monospace; font-size: .86rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .88rem; }
footer code { white-space: pre-wrap; word-break: break-all; }
code { overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .table-scroll, .vega { overflow: visible; }
  td.num { white-space: normal; }
  figure, tr, .ref { break-inside: avoid; }
  h2 { break-after: avoid; }
  details.fold > summary { display: none; }
}
`;

export async function buildReportHtml(results: SavedResults, charts: readonly ReportChart[]): Promise<string> {
  const title = reportTitle(results);
  const figures = await Promise.all(
    charts.map(async (c) => {
      const svg = await specToSvg(c.spec);
      return `<figure class="chart" id="chart-${escapeHtml(c.id)}">
<div class="vega" data-spec="spec-${escapeHtml(c.id)}">${replaceControls(svg)}</div>
<figcaption>${escapeHtml(c.title)}</figcaption>
<script type="application/json" id="spec-${escapeHtml(c.id)}">${jsonForScript(c.spec)}</script>
</figure>`;
    }),
  );
  const header = headlineHeader(results);
  const rows = headlineRows(results);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${ENGINE.name} ${ENGINE.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(subtitle(results))}</p>
</header>
<section id="summary">
<h2>Summary</h2>
${summaryParagraphs(results)
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('\n')}
</section>
<section id="headline">
<h2>Headline figures</h2>
<div class="table-scroll"><table>
<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table></div>
</section>
<section id="charts">
<h2>Charts</h2>
${figures.join('\n')}
</section>
${parameterSections(results)}
${sourcesSectionHtml(reportSources(results))}
<footer id="reproduce">
<h2>Reproduce</h2>
${reproduce(results)}
</footer>
${inlineLibraries()}
<script>
// Replace each pre-rendered chart with the live one; the SVG stays if anything fails.
for (const el of document.querySelectorAll('.vega')) {
  const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
  const holder = document.createElement('div');
  vegaEmbed(holder, spec, { renderer: 'svg', actions: false, ast: true })
    .then(() => { el.replaceChildren(...holder.childNodes); el.dataset.rendered = 'live'; })
    .catch((error) => console.warn('chart kept as pre-rendered SVG:', error));
}
</script>
</body>
</html>
`;
}

function reportTitle(r: SavedResults): string {
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

function subtitle(r: SavedResults): string {
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

function parameterSections(r: SavedResults): string {
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
function reportSources(r: SavedResults): SourcesIndex {
  const scenarios = r.kind === 'compare' ? r.scenarios.map((s) => ({ record: s.scenario, meta: s.parameterMeta })) : [{ record: r.scenario, meta: r.parameterMeta }];
  return sourcesIndex(scenarios.map((s) => ({ name: s.record.name, references: s.record.references, meta: s.meta })));
}

function reproduce(r: SavedResults): string {
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
