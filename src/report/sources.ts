/**
 * The report's sources: each parameter's source text with its `[key]`
 * citations resolved to the scenario's references (title, publisher, a link
 * where the address is known), and the "Sources" list they point to.
 *
 * Links are plain `<a href>` to web addresses, with rel="noreferrer noopener":
 * following one is the reader's choice, and the page loads nothing itself (its
 * Content-Security-Policy forbids it). Every string is escaped; an address is
 * linked only if it is an http(s) web address, whatever the results file says.
 *
 * Phase: report.
 */
import type { ParamMeta } from '../params/meta.js';
import { citedKeys, sourceParts, type Reference } from '../params/references.js';
import { escapeHtml } from './escape.js';

/** What the report knows of one scenario's sources. */
export interface ScenarioSources {
  readonly name: string;
  /** Absent in results written before references existed. */
  readonly references?: Readonly<Record<string, Reference>> | undefined;
  readonly meta: Readonly<Record<string, ParamMeta>>;
}

/** One item of the Sources list. */
export interface SourceEntry {
  /** The element id the citations link to. */
  readonly id: string;
  readonly key: string;
  readonly reference: Reference;
  /** Scenarios defining the key this way; shown only when scenarios define one key differently. */
  readonly definedBy: readonly string[];
  readonly conflicting: boolean;
  /** The first scenario defining it: where the citations in its own text resolve. */
  readonly scenario: number;
  /** Parameter paths whose source cites it, in any of those scenarios. */
  readonly citedBy: readonly string[];
}

export interface SourcesIndex {
  readonly entries: readonly SourceEntry[];
  /** The entry a citation of `key` in scenario number `scenario` resolves to. */
  readonly lookup: (scenario: number, key: string) => SourceEntry | undefined;
}

/**
 * The Sources list of a report on one or more scenarios: each distinct
 * reference once, in the order first defined (root first), with the
 * parameters that cite it. Scenarios sharing a base share its entries; a key
 * two scenarios define differently gets one entry per definition.
 */
export function sourcesIndex(scenarios: readonly ScenarioSources[]): SourcesIndex {
  interface Draft {
    key: string;
    reference: Reference;
    scenario: number;
    definedBy: string[];
    citedBy: Set<string>;
  }
  const drafts: Draft[] = [];
  const byScenario = scenarios.map(() => new Map<string, Draft>());
  scenarios.forEach((s, i) => {
    for (const [key, reference] of ownEntries(s.references)) {
      const same = drafts.find((d) => d.key === key && sameReference(d.reference, reference));
      const draft = same ?? { key, reference, scenario: i, definedBy: [], citedBy: new Set<string>() };
      if (!same) drafts.push(draft);
      draft.definedBy.push(s.name);
      byScenario[i]!.set(key, draft);
    }
    for (const [path, m] of Object.entries(s.meta)) {
      for (const key of citedKeys(m.source)) byScenario[i]!.get(key)?.citedBy.add(path);
    }
  });
  const entries = new Map<Draft, SourceEntry>();
  drafts.forEach((d) => {
    const variants = drafts.filter((o) => o.key === d.key);
    const n = variants.indexOf(d);
    entries.set(d, {
      id: n === 0 ? `source-${d.key}` : `source-${d.key}-${n + 1}`,
      key: d.key,
      reference: d.reference,
      definedBy: d.definedBy,
      conflicting: variants.length > 1,
      scenario: d.scenario,
      citedBy: [...d.citedBy],
    });
  });
  return {
    entries: [...entries.values()],
    lookup: (scenario, key) => {
      const draft = byScenario[scenario]?.get(key);
      return draft ? entries.get(draft) : undefined;
    },
  };
}

/**
 * A parameter's source as table-cell HTML: the text, each resolved citation
 * linked to its entry in the Sources list, then one line per cited reference
 * (title, publisher, address). A key the references do not define stays as
 * plain text.
 */
export function sourceCellHtml(source: string, resolve: (key: string) => SourceEntry | undefined): string {
  const text = citedTextHtml(source, resolve);
  const cited = citedKeys(source).flatMap((key) => {
    const entry = resolve(key);
    return entry ? [`<span class="ref">[${escapeHtml(key)}] ${referenceHtml(entry.reference)}</span>`] : [];
  });
  return [text, ...cited].join('<br>');
}

/** Text with each resolved `[key]` linked to its entry in the Sources list, escaped. */
export function citedTextHtml(text: string, resolve: (key: string) => SourceEntry | undefined): string {
  return sourceParts(text)
    .map((part) => {
      if ('text' in part) return escapeHtml(part.text);
      const entry = resolve(part.key);
      return entry ? `<a href="#${escapeHtml(entry.id)}">[${escapeHtml(part.key)}]</a>` : escapeHtml(`[${part.key}]`);
    })
    .join('');
}

/** The Sources section: every reference of the report's scenarios, with what cites it. */
export function sourcesSectionHtml(index: SourcesIndex): string {
  const intro =
    index.entries.length === 0
      ? '<p>These results record no references (they were written by a claimsim without them, or the scenario defines none).</p>'
      : '<p>The references the scenario cites as <code>[key]</code> in its parameters\u2019 sources, with the date each was read or how its figure was obtained. A link opens the source\u2019s own page; the report itself loads nothing.</p>';
  const items = index.entries.map((e) => {
    const r = e.reference;
    const resolve = (key: string) => index.lookup(e.scenario, key);
    const read = `<br><span class="accessed">Read: ${citedTextHtml(r.accessed, resolve)}</span>`;
    const note = r.note ? `<br>${citedTextHtml(r.note, resolve)}` : '';
    const cited = e.citedBy.length > 0 ? `Cited by ${e.citedBy.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}.` : 'Cited by no parameter of this report\u2019s scenarios.';
    const definedBy = e.conflicting ? ` (as defined in ${e.definedBy.map((n) => escapeHtml(n)).join(', ')})` : '';
    return `<li id="${escapeHtml(e.id)}"><span class="key">[${escapeHtml(e.key)}]</span>${definedBy} ${referenceHtml(r)}${read}${note}<br>${cited}</li>`;
  });
  return `<section id="sources">
<h2>Sources</h2>
${intro}
${items.length > 0 ? `<ol class="sources">\n${items.join('\n')}\n</ol>` : ''}
</section>`;
}

/** Title, publisher and address of a reference, escaped; the address linked only if it is a web address. */
export function referenceHtml(r: Reference): string {
  const where = r.url === undefined ? ' No web address recorded.' : ` ${linkHtml(r.url)}`;
  return `<cite>${escapeHtml(r.title)}</cite>. ${escapeHtml(r.publisher)}.${where}`;
}

/**
 * A link that loads nothing until followed, or the address as text if it is
 * not an http(s) web address (a hand-edited results file could say anything).
 * @example linkHtml('https://example.org/a?b=1&c=2') // '<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer noopener">https://example.org/a?b=1&amp;c=2</a>'
 * @example linkHtml('javascript:alert(1)') // 'javascript:alert(1)'
 */
export function linkHtml(url: string): string {
  if (!/^https?:\/\/[^\s"'<>`\\]+$/i.test(url)) return escapeHtml(url);
  return `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(url)}</a>`;
}

/** Own entries only: a key such as "constructor" must never find Object.prototype's. */
function ownEntries(references: Readonly<Record<string, Reference>> | undefined): [string, Reference][] {
  return references ? Object.keys(references).map((k) => [k, references[k]!]) : [];
}

function sameReference(a: Reference, b: Reference): boolean {
  const fields = ['title', 'publisher', 'url', 'accessed', 'note'] as const;
  return fields.every((f) => a[f] === b[f]);
}
