/**
 * The report's sources (src/report/sources.ts and its use in html.ts): each
 * parameter's source with its `[key]` citations linked to the Sources list
 * and resolved to title, publisher and address; the Sources list with what
 * each reference is and which parameters cite it; links only to web
 * addresses, with rel="noreferrer noopener"; every string escaped.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { ParamMeta } from '../../src/params/meta.js';
import { BUNDLED_SCENARIOS_DIR } from '../../src/params/load.js';
import type { Reference } from '../../src/params/references.js';
import { buildReportHtml, CONTENT_SECURITY_POLICY } from '../../src/report/html.js';
import { linkHtml, referenceHtml, sourceCellHtml, sourcesIndex, sourcesSectionHtml } from '../../src/report/sources.js';
import { checkResults } from '../../src/results/read.js';
import { buildRunResults, scenarioRecord, type RunResults } from '../../src/results/results.js';
import { runFile } from '../support/analysisFiles.js';

const meta = (source: string): ParamMeta => ({ unit: 'USD', description: 'd', tag: 'S', source });
const ref = (title: string, extra: Partial<Reference> = {}): Reference => ({ title, publisher: 'P', accessed: 'read for the tests', ...extra });

describe('the sources index', () => {
  const shared = ref('Shared', { url: 'https://example.org/shared' });
  const index = sourcesIndex([
    { name: 'base', references: { shared, 'base-only': ref('Base only') }, meta: { 'policy.threshold': meta('[shared]'), 'fraud.share': meta('estimate') } },
    { name: 'other', references: { shared, 'base-only': ref('Defined differently') }, meta: { 'policy.threshold': meta('[base-only]'), 'policy.maxClaim': meta('[shared] and [base-only]') } },
  ]);

  it('lists each reference once, a key defined two ways once per definition, in the order defined', () => {
    expect(index.entries.map((e) => [e.id, e.key, e.reference.title, e.conflicting, e.definedBy])).toEqual([
      ['source-shared', 'shared', 'Shared', false, ['base', 'other']],
      ['source-base-only', 'base-only', 'Base only', true, ['base']],
      ['source-base-only-2', 'base-only', 'Defined differently', true, ['other']],
    ]);
  });

  it('records which parameters cite each, in whichever scenario', () => {
    expect(Object.fromEntries(index.entries.map((e) => [e.id, e.citedBy]))).toEqual({
      'source-shared': ['policy.threshold', 'policy.maxClaim'],
      'source-base-only': [],
      'source-base-only-2': ['policy.threshold', 'policy.maxClaim'],
    });
  });

  it('resolves a citation to the definition of the citing scenario', () => {
    expect(index.lookup(0, 'base-only')?.id).toBe('source-base-only');
    expect(index.lookup(1, 'base-only')?.id).toBe('source-base-only-2');
    expect(index.lookup(1, 'shared')?.id).toBe('source-shared');
    expect(index.lookup(0, 'unknown')).toBeUndefined();
    expect(index.lookup(5, 'shared')).toBeUndefined();
  });

  it('never finds what Object.prototype holds', () => {
    const none = sourcesIndex([{ name: 'x', references: JSON.parse('{}') as Record<string, Reference>, meta: { a: meta('[constructor] [to-string]') } }]);
    expect(none.entries).toEqual([]);
    expect(none.lookup(0, 'constructor')).toBeUndefined();
  });

  it('is empty for results written before references existed', () => {
    expect(sourcesIndex([{ name: 'old', meta: { a: meta('[anything]') } }]).entries).toEqual([]);
  });
});

describe('a parameter\u2019s source cell', () => {
  const entry = sourcesIndex([{ name: 's', references: { 'a-source': ref('A <b>title</b>', { publisher: 'Pub & Co', url: 'https://example.org/a?x=1&y=2' }) }, meta: {} }]);
  const resolve = (key: string) => entry.lookup(0, key);

  it('links each resolved citation to its entry and adds its title, publisher and address', () => {
    expect(sourceCellHtml('[a-source]; estimate <by analogy>', resolve)).toBe(
      '<a href="#source-a-source">[a-source]</a>; estimate &lt;by analogy&gt;' +
        '<br><span class="ref">[a-source] <cite>A &lt;b&gt;title&lt;/b&gt;</cite>. Pub &amp; Co. ' +
        '<a href="https://example.org/a?x=1&amp;y=2" rel="noreferrer noopener">https://example.org/a?x=1&amp;y=2</a></span>',
    );
  });

  it('leaves a key it cannot resolve as text, and a source without citations as escaped text', () => {
    expect(sourceCellHtml('[missing] and "quotes"', resolve)).toBe('[missing] and &quot;quotes&quot;');
    expect(sourceCellHtml('modelling choice', resolve)).toBe('modelling choice');
  });

  it('lists a reference cited twice once', () => {
    expect(sourceCellHtml('[a-source], again [a-source]', resolve).match(/class="ref"/g)).toHaveLength(1);
  });
});

describe('links', () => {
  it('link only http(s) web addresses, escaped, never following a script or local file', () => {
    expect(linkHtml('https://example.org/p')).toBe('<a href="https://example.org/p" rel="noreferrer noopener">https://example.org/p</a>');
    expect(linkHtml('http://example.org/p')).toContain('<a href="http://example.org/p"');
    for (const bad of [
      'javascript:alert(1)',
      ' https://example.org/',
      'https://example.org/"onmouseover="alert(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      'data:text/html,<script>alert(1)</script>',
    ]) {
      const html = linkHtml(bad);
      expect(html, bad).not.toContain('<a');
      expect(html, bad).not.toMatch(/[<>"]/);
    }
  });

  it('say when no address is recorded', () => {
    expect(referenceHtml(ref('T'))).toBe('<cite>T</cite>. P. No web address recorded.');
  });
});

describe('the Sources section', () => {
  it('gives each reference its id, what it is, when it was read, its note and what cites it', () => {
    const index = sourcesIndex([{ name: 's', references: { 'a-source': ref('T', { note: 'Says <x>' }), 'b-source': ref('U') }, meta: { 'policy.threshold': meta('[a-source]') } }]);
    const html = sourcesSectionHtml(index);
    expect(html).toContain('<h2>Sources</h2>');
    expect(html).toContain(
      '<li id="source-a-source"><span class="key">[a-source]</span> <cite>T</cite>. P. No web address recorded.<br><span class="accessed">Read: read for the tests</span><br>Says &lt;x&gt;<br>Cited by <code>policy.threshold</code>.</li>',
    );
    expect(html).toContain(
      '<li id="source-b-source"><span class="key">[b-source]</span> <cite>U</cite>. P. No web address recorded.<br><span class="accessed">Read: read for the tests</span><br>Cited by no parameter of this report\u2019s scenarios.</li>',
    );
  });

  it('links a citation in a reference\u2019s own note or date read to its entry', () => {
    const index = sourcesIndex([{ name: 's', references: { 'a-source': ref('T', { accessed: 'as [b-source]', note: 'with [b-source] and [nowhere]' }), 'b-source': ref('U') }, meta: {} }]);
    const item = sourcesSectionHtml(index)
      .split('\n')
      .find((l) => l.startsWith('<li id="source-a-source">'))!;
    expect(item).toContain('Read: as <a href="#source-b-source">[b-source]</a></span>');
    expect(item).toContain('<br>with <a href="#source-b-source">[b-source]</a> and [nowhere]<br>');
  });

  it('says so when the results record no references', () => {
    expect(sourcesSectionHtml(sourcesIndex([{ name: 'old', meta: {} }]))).toMatch(/<p>These results record no references/);
  });
});

describe('report.html of a run whose scenario has references', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimsim-report-sources-'));
  const HOSTILE = '"><script>alert(1)</script>';
  let results: RunResults;
  let html: string;

  beforeAll(async () => {
    const doc = parseDocument(readFileSync(join(BUNDLED_SCENARIOS_DIR, 'baseline.yaml'), 'utf8'));
    doc.set('name', 'with-references');
    doc.setIn(
      ['references', 'test-source'],
      doc.createNode({ title: `Title ${HOSTILE}`, publisher: `Publisher ${HOSTILE}`, url: 'https://example.org/test?a=1&b=2', accessed: `Accessed ${HOSTILE}`, note: `Note ${HOSTILE}` }),
    );
    doc.setIn(['parameters', 'policy', 'threshold', 'source'], `[test-source]; ${HOSTILE}`);
    const file = join(dir, 'with-references.yaml');
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
    const run = await runFile(file, { seed: 1, replications: 2, workers: 1, set: ['volume.claims=300', 'world.teams=1'] });
    const invocation = { command: ['claimsim', 'test'], startedAt: '2025-01-01T00:00:00.000Z', wallSeconds: 1, workers: 1 };
    results = JSON.parse(
      JSON.stringify(buildRunResults(run.output, { scenario: scenarioRecord(run.scenario), parameters: run.scenario.parameters, parameterMeta: run.scenario.meta, seed: 1, invocation })),
    ) as RunResults;
    html = await buildReportHtml(checkResults(results, 'results.json') as RunResults, []);
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the references in the scenario block of the results', () => {
    expect(results.scenario.references?.['test-source']).toEqual({
      title: `Title ${HOSTILE}`,
      publisher: `Publisher ${HOSTILE}`,
      url: 'https://example.org/test?a=1&b=2',
      accessed: `Accessed ${HOSTILE}`,
      note: `Note ${HOSTILE}`,
    });
  });

  it('shows the citation resolved in the parameter table', () => {
    const row = html.split('\n').find((l) => l.includes('<code>policy.threshold</code>'))!;
    expect(row).toContain('<a href="#source-test-source">[test-source]</a>; &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(row).toContain(
      '<span class="ref">[test-source] <cite>Title &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</cite>. Publisher &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;. <a href="https://example.org/test?a=1&amp;b=2" rel="noreferrer noopener">',
    );
  });

  it('ends with the Sources list, after the parameters and before the footer, its entry the citation\u2019s target', () => {
    const sources = html.indexOf('<section id="sources">');
    expect(sources).toBeGreaterThan(html.indexOf('<section class="parameters"'));
    expect(sources).toBeLessThan(html.indexOf('<footer id="reproduce">'));
    const item = html.slice(sources).match(/<li id="source-test-source">.*<\/li>/)?.[0];
    expect(item).toBeDefined();
    expect(item).toContain('<span class="accessed">Read: Accessed &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(item).toContain('Note &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(item).toContain('Cited by <code>policy.threshold</code>.');
  });

  it('keeps the page\u2019s Content-Security-Policy and adds no markup from the references', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/);
    expect(html).not.toContain(HOSTILE);
    // Every link in the page outside its scripts: to an entry of the Sources list, or to a web address with rel="noreferrer noopener".
    const outside = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
    const links = [...outside.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link).toMatch(/^<a href="(#source-[a-z0-9-]+|https?:\/\/[^"\s<>]+)"( rel="noreferrer noopener")?>$/);
    for (const link of links.filter((l) => l.includes('"http'))) expect(link).toMatch(/ rel="noreferrer noopener">$/);
  });
});
