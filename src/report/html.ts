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
import { ENGINE } from '../version.js';
import { escapeHtml, jsonForScript, replaceControls, scriptText } from './escape.js';
import { specToSvg } from './render.js';
import { sourcesSectionHtml } from './sources.js';
import { parameterSections, reportSources, reportTitle, reproduce, subtitle } from './sections.js';
import type { SavedResults } from '../results/read.js';
import { summaryParagraphs } from './summary.js';
import { HEADLINE_SECTION, tablesFor, type ReportTable } from './tables.js';
import type { ChartEntry } from './charts/types.js';
import { toCsv } from '../export/csv.js';
import { csvDownloadHtml } from './download.js';
import { pageScripts } from './pageScripts.js';
import { hasWhatIf, whatIfPanelHtml } from './whatIf.js';

export type ReportChart = ChartEntry;

/**
 * No network, no plugins, no eval; inline scripts and styles only (vega-embed runs with its CSP-safe expression
 * interpreter), and Web Workers only from blobs the page makes itself (the what-if panel's engine).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; worker-src blob:; base-uri 'none'; form-action 'none'";

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
th { overflow-wrap: break-word; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
/* A parameter's value may be a long list (an empirical distribution): it wraps rather than widen the page. */
td.value { text-align: right; font-variant-numeric: tabular-nums; }
/* A table wider than the column scrolls inside it; the page itself never scrolls sideways. */
.table-scroll { max-width: 100%; overflow-x: auto; }
details.fold > summary { cursor: pointer; color: var(--accent); margin: .5rem 0; }
figure { margin: 1.5rem 0; } figcaption, p.caption { color: var(--muted); font-size: .9rem; }
th.num { text-align: right; }
#what-if div.levers { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: .4rem 1.2rem; margin: .8rem 0; }
#what-if label.lever { display: block; font-size: .92rem; }
#what-if input[type="number"] { width: 8rem; font: inherit; }
#what-if .unit { color: var(--muted); font-size: .86rem; }
#what-if progress { width: 12rem; vertical-align: middle; }
#what-if[data-state="invalid"] .what-if-status, #what-if[data-state="failed"] .what-if-status { color: #b00020; }
td.marked { font-weight: 600; background: #fcf0d9; }
.download-row { margin: .3rem 0 1.2rem; font-size: .86rem; }
button.download { font: inherit; color: var(--accent); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.vega { max-width: 100%; overflow-x: auto; }
.vega svg.marks, .vega canvas.marks { max-width: 100%; height: auto; }
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
  /* A page does not scroll: a table of many figures gets a smaller type and tighter cells, and its headings may break anywhere. */
  table { font-size: 8pt; }
  th, td { padding: .2rem .25rem; }
  th { overflow-wrap: anywhere; }
  figure, tr, .ref { break-inside: avoid; }
  h2 { break-after: avoid; }
  #what-if, details.fold > summary, .downloads, .download-row, .vega-actions, .vega-embed summary { display: none; }
}
`;

export async function buildReportHtml(results: SavedResults, charts: readonly ReportChart[], tables: readonly ReportTable[] = tablesFor(results)): Promise<string> {
  const title = reportTitle(results);
  const headline = tables.filter((t) => t.section === HEADLINE_SECTION).map(tableBlock);
  const blocks = await Promise.all([...charts.map(chartBlock), ...tables.filter((t) => t.section !== HEADLINE_SECTION).map(tableBlock)]);
  const page = hasWhatIf(results) ? await pageScripts() : undefined;
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
<p class="downloads" hidden>Take the data away: <button type="button" class="download" data-source="results-json" data-name="results.json" data-type="application/json">results.json</button>, and each table as CSV beside it.</p>
</header>
<section id="summary">
<h2>Summary</h2>
${summaryParagraphs(results)
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('\n')}
</section>
${sectionsHtml(headline)}
${hasWhatIf(results) ? whatIfPanelHtml(results) : ''}
${sectionsHtml(blocks)}
${parameterSections(results)}
${sourcesSectionHtml(reportSources(results))}
<footer id="reproduce">
<h2>Reproduce</h2>
${reproduce(results)}
</footer>
<script type="application/json" id="results-json">${jsonForScript(`${JSON.stringify(results, null, 2)}\n`)}</script>
${inlineLibraries()}
<script>${scriptText(PAGE_SCRIPT)}</script>
${page ? `<script type="text/plain" id="claimsim-engine">${scriptText(page.engine)}</script>\n<script>${scriptText(page.panel)}</script>` : ''}
</body>
</html>
`;
}

/** One chart or table, and the heading of the section it sits in. */
interface Block {
  readonly section: string;
  readonly html: string;
}

/** Blocks grouped under their sections' headings, sections in the order they first appear. */
function sectionsHtml(blocks: readonly Block[]): string {
  const sections = new Map<string, string[]>();
  for (const b of blocks) sections.set(b.section, [...(sections.get(b.section) ?? []), b.html]);
  return [...sections].map(([heading, parts]) => `<section id="${escapeHtml(sectionId(heading))}">\n<h2>${escapeHtml(heading)}</h2>\n${parts.join('\n')}\n</section>`).join('\n');
}

/** The anchor of a section: its heading in lower case, words joined by hyphens ("Headline figures" is #headline). */
export function sectionId(heading: string): string {
  if (heading === HEADLINE_SECTION) return 'headline';
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function chartBlock(c: ReportChart): Promise<Block> {
  const svg = await specToSvg(c.spec);
  return {
    section: c.section ?? 'Charts',
    html: `<figure class="chart" id="chart-${escapeHtml(c.id)}">
<div class="vega" data-spec="spec-${escapeHtml(c.id)}">${replaceControls(svg)}</div>
${c.caption ? `<figcaption>${escapeHtml(c.caption)}</figcaption>` : ''}
<script type="application/json" id="spec-${escapeHtml(c.id)}">${jsonForScript(c.spec)}</script>
</figure>`,
  };
}

function tableBlock(t: ReportTable): Block {
  const numeric = (i: number) => t.numeric?.[i] ?? i > 0;
  const cell = (text: string, row: number, i: number) => {
    const classes = [numeric(i) ? 'num' : '', t.marked?.[row]?.[i] ? 'marked' : ''].filter(Boolean).join(' ');
    return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(text)}</td>`;
  };
  const csv = toCsv(t.csv.header, t.csv.rows);
  return {
    section: t.section,
    html: `<div class="table" id="table-${escapeHtml(t.id)}">
${t.caption ? `<p class="caption">${escapeHtml(t.caption)}</p>` : ''}
<div class="table-scroll"><table>
<thead><tr>${t.header.map((h, i) => `<th${numeric(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${t.rows.map((r, row) => `<tr>${r.map((c, i) => cell(c, row, i)).join('')}</tr>`).join('\n')}
</tbody>
</table></div>
${csvDownloadHtml(t.id, csv)}
</div>`,
  };
}

/**
 * The page's own script: draws each chart live in place of its pre-rendered
 * SVG (with vega-embed's export actions, SVG and PNG, made in the page), and
 * turns each download link on, building its file from the text embedded
 * beside it into a blob, so nothing is fetched.
 */
const PAGE_SCRIPT = `
for (const el of document.querySelectorAll('.vega')) {
  const spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
  const holder = document.createElement('div');
  const id = el.dataset.spec.replace(/^spec-/, '');
  vegaEmbed(holder, spec, { renderer: 'svg', ast: true, downloadFileName: id, actions: { export: true, source: false, compiled: false, editor: false } })
    .then(() => { el.replaceChildren(holder); el.dataset.rendered = 'live'; })
    .catch((error) => console.warn('chart kept as pre-rendered SVG:', error));
}
for (const link of document.querySelectorAll('button.download[data-source]')) {
  link.addEventListener('click', (event) => {
    const text = JSON.parse(document.getElementById(link.dataset.source).textContent);
    const url = URL.createObjectURL(new Blob([text], { type: link.dataset.type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = link.dataset.name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  });
  link.closest('[hidden]')?.removeAttribute('hidden');
}
`;
