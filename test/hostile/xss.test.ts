/**
 * Report safety: XSS payloads placed wherever user text reaches report.html
 * (scenario names and descriptions, a parameter's source, description and
 * unit, a reference's title, publisher, date read and note, the scenario's
 * file name, a --set value's YAML comment, a CSV column name and file name via
 * `fit`) must come out escaped: no live markup outside the JSON script blocks
 * (the report's own links aside: to its Sources list, or to a reference's web
 * address with rel="noreferrer noopener"), no `<` and no raw U+2028/U+2029
 * inside them, no script with a src, no <link>, no remote or javascript: URL
 * in any other attribute, and the Content-Security-Policy with default-src
 * 'none' in place. Each
 * payload must also be found (after decoding entities) in the page, so the
 * test cannot pass by the text going missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/params/load.js';
import { getIn } from '../../src/params/overlay.js';
import { scriptText } from '../../src/report/escape.js';
import { BASELINE, CLI, removeTempDirs, requireBuiltCli, STACK_LINE, tempDir } from './harness.js';

const LONG = `${'<img src=x onerror=alert(1)><svg onload=alert(1)></script><script>alert(1)</script>'.repeat(1200)}`;

/** Payloads of at most 200 characters, so each can also be a scenario name. */
const SHORT_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  'javascript:alert(1)',
  '<svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  '<!--',
  ']]>',
  '\u2028\u2029',
  '</title><script>alert(1)</script>',
  '\'><iframe srcdoc="<script>alert(1)</script>">',
  '<a href="javascript:alert(1)">click</a>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<style>@import "https://evil.example/x.css";</style>',
  '" onmouseover="alert(1)" x="',
  '<img src="https://evil.example/pixel.gif">',
];
const PAYLOADS: readonly string[] = [...SHORT_PAYLOADS, LONG];

const dir = tempDir('claimsim-hostile-xss-');
const SMALL_RUN = ['--claims', '300', '-r', '2', '--set', 'world.teams=1', '-w', '1'];

function claimsim(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  delete env.CLAIMSIM_DEBUG;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 240_000, env, maxBuffer: 64 * 1024 * 1024 });
  expect(r.stderr, 'stack trace').not.toMatch(STACK_LINE);
  expect(r.status, `claimsim ${args.slice(0, 2).join(' ')} failed: ${r.stderr}`).toBe(0);
  return r;
}

/** The text an HTML parser would show for `html` (entities decoded; tags left in place). */
function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos);/g, (_, n: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'" })[n]!)
    .replace(/&amp;/g, '&');
}

/** Every string in a JSON value, with the key it sits under. */
function* strings(value: unknown, key = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [key, value];
  else if (Array.isArray(value)) for (const v of value) yield* strings(v, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, k);
}

/** Vega properties whose strings are evaluated as expressions. */
const EXPRESSION_KEYS = new Set(['expr', 'signal', 'calculate', 'filter', 'test', 'update', 'as']);

/** The attributes of one start tag, `<name a="1" b='2' c=3 d>`, as [name, value] pairs. */
function attributesOf(tag: string): [string, string][] {
  const body = tag.replace(/^<[a-z][^\s/>]*/i, '').replace(/\/?>$/, '');
  return [...body.matchAll(/\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)].map((m) => [m[1]!, m[2] ?? m[3] ?? m[4] ?? '']);
}

/** A link as the report writes one: to an entry of its Sources list, or to a reference's web address, with rel="noreferrer noopener". */
const OWN_LINK = /^<a href="(#source-[a-z0-9-]+|https?:\/\/[^\s"'<>`]+" rel="noreferrer noopener)">$/;

interface Checked {
  /** Text of JSON script blocks, parsed. */
  readonly specs: unknown[];
  /** The page outside script elements, entities decoded. */
  readonly text: string;
}

/** The safety checks of one report.html; returns what a caller needs to check payloads are present. */
function checkReport(html: string): Checked {
  // The CSP: present once, in <head>, before any script, forbidding everything by default.
  const csp = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  expect(csp, 'one CSP meta tag').toHaveLength(1);
  expect(csp[0]![1]).toMatch(/^default-src 'none';/);
  expect(csp[0]![1]).not.toMatch(/https?:|\*|'unsafe-eval'/);
  expect(csp[0]!.index!).toBeLessThan(html.indexOf('</head>'));
  expect(csp[0]!.index!).toBeLessThan(html.search(/<script/i));

  const specs: unknown[] = [];
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs, 'a script with a src').not.toMatch(/\bsrc\s*=/i);
    if (/type="application\/json"/.test(attrs!)) {
      expect(body, 'a < inside a JSON script block').not.toContain('<');
      expect(body, 'a raw U+2028/U+2029 inside a JSON script block').not.toMatch(/[\u2028\u2029]/);
      const spec: unknown = JSON.parse(body!);
      specs.push(spec);
      for (const [key, s] of strings(spec)) if (EXPRESSION_KEYS.has(key)) expect(s, `user text in a Vega ${key} expression`).not.toMatch(/alert|constructor|evil/);
    } else if (/type="text\/plain"/.test(attrs!)) {
      // The what-if panel's engine, kept as text for a worker: the bundle the build made, and nothing from the scenario in it.
      expect(attrs!.trim()).toBe('type="text/plain" id="claimsim-engine"');
      expect(body).toBe(scriptText(readFileSync('dist/page/engine.bundle.js', 'utf8')));
    } else {
      expect(attrs!.trim(), 'only plain inline scripts besides the JSON blocks').toBe('');
      // (The inlined Vega libraries contain "<svg", "onerror=" and URLs of their own; none of the payloads' markers.)
      expect(/alert\(1\)|evil\.example/.test(body!), 'a payload inside an inline script').toBe(false);
    }
  }

  const outside = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  expect(outside, 'a <script> outside the matched script elements').not.toMatch(/<\/?script/i);
  // The report's own links, exactly as it writes them: following one is the reader's choice, and loads nothing before.
  const links = [...outside.matchAll(/<a\b[^>]*>/gi)].map((m) => m[0]);
  for (const link of links) expect(link, 'a link the report does not write').toMatch(OWN_LINK);
  expect(outside.replace(/<a\b[^>]*>/gi, ''), 'live markup from a payload').not.toMatch(/<(img|iframe|object|embed|base|link|form|a|frame|frameset|applet)\b/i);
  expect(outside, 'a meta refresh').not.toMatch(/<meta[^>]*refresh/i);
  expect(outside, 'an HTML comment').not.toContain('<!--');
  expect(outside, 'a CDATA section').not.toMatch(/<!\[CDATA\[|\]\]>/);
  expect(outside.match(/<style\b/gi), "only the report's own <style>").toHaveLength(1);
  expect(html, 'a <link> anywhere').not.toMatch(/<link\b/i);
  // Attributes of the real tags (escaped text has no raw "<", so it cannot look like one), tokenised the way
  // a browser does, so that an escaped quote inside a value cannot pass for the start of another attribute.
  for (const [tag] of outside.matchAll(/<[a-z][^<>]*>/gi)) {
    if (OWN_LINK.test(tag)) continue;
    for (const [name, value] of attributesOf(tag)) {
      const where = `${name}= in ${tag.slice(0, 100)}`;
      expect(name, `an event-handler attribute: ${where}`).not.toMatch(/^on/i);
      if (/^(src|href|xlink:href|action|formaction|srcset|poster|background)$/i.test(name)) {
        expect(value, `a remote or script URL: ${where}`).not.toMatch(/^\s*(https?:|javascript:|data:text\/html|\/\/)/i);
      }
    }
  }
  return { specs, text: decodeEntities(outside) };
}

/** Each payload must reach the page as text: found once entities are decoded, and never raw when it has markup. */
function expectEscapedAndPresent(html: string, checked: Checked, payloads: readonly string[]): void {
  const outside = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
  for (const p of payloads) {
    const label = JSON.stringify(p.length > 60 ? `${p.slice(0, 60)}...` : p);
    expect(checked.text.includes(p), `payload ${label} missing from the page`).toBe(true);
    // Raw, it would open a tag or close a double-quoted attribute. (A lone ' or > is inert in text and in the
    // double-quoted attributes the page and Vega's SVG use; the attribute check above catches any other use.
    // A payload of entities, like &lt;script&gt;, is checked by the decoded text: found there only if its & was escaped.)
    if (/[<"]/.test(p)) expect(outside.includes(p), `payload ${label} appears unescaped`).toBe(false);
  }
}

beforeAll(requireBuiltCli);
afterAll(removeTempDirs);

describe('XSS payloads in a scenario, its parameters, its file name and the command line', () => {
  it('run: every payload comes out escaped in report.html', () => {
    const base = loadScenario(BASELINE);
    const numeric = Object.keys(base.meta).filter((p) => typeof getIn(base.parameters, p) === 'number');
    expect(numeric.length).toBeGreaterThanOrEqual(PAYLOADS.length + 1);
    // Leaf i restates its value and takes payload i as its source, i+1 as its description and i+2 as its unit
    // (the long one only as a source), so each short payload reaches three fields of three parameters.
    const parameters: Record<string, Record<string, unknown>> = {};
    const shortAt = (k: number) => SHORT_PAYLOADS[k % SHORT_PAYLOADS.length]!;
    PAYLOADS.forEach((payload, i) => {
      const path = numeric[i]!;
      const [group, ...rest] = path.split('.');
      let node = (parameters[group!] ??= {});
      for (const key of rest.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[rest.at(-1)!] = { value: getIn(base.parameters, path), source: payload, description: shortAt(i + 1), unit: shortAt(i + 2) };
    });
    // A reference with payloads in its text fields, cited by the next parameter (its address is checked by the loader).
    const reference = { title: shortAt(1), publisher: shortAt(2), accessed: shortAt(3), note: SHORT_PAYLOADS.join(' | '), url: 'https://example.org/xss?q=%22%3E%3Cscript%3E&r=1' };
    {
      const path = numeric[PAYLOADS.length]!;
      const [group, ...rest] = path.split('.');
      let node = (parameters[group!] ??= {});
      for (const key of rest.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[rest.at(-1)!] = { value: getIn(base.parameters, path), source: `[xss-reference] ${shortAt(4)}` };
    }
    const name = '"><img src=x onerror=alert(1)></title><script>alert(1)</script>';
    const description = SHORT_PAYLOADS.join(' | ');
    // JSON is YAML; the file name carries a payload too (it reaches the chain and the command line).
    const file = join(dir, 'xss-"><svg onload=alert(1)>.yaml');
    writeFileSync(file, JSON.stringify({ name, description, extends: 'baseline', references: { 'xss-reference': reference }, parameters }, null, 1));
    const out = join(dir, 'run');
    // A YAML comment in a --set value passes validation and is echoed in the report's command line.
    claimsim(['run', file, ...SMALL_RUN, '--set', 'policy.threshold=1000 # <script>alert(1)</script>', '--out', out]);

    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { scenario: { name: string; description: string } };
    expect(results.scenario.name).toBe(name);
    expect(results.scenario.description).toBe(description);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const checked = checkReport(html);
    expectEscapedAndPresent(html, checked, [name, ...PAYLOADS, file, '<script>alert(1)</script>', reference.note]);
    // The reference's citation links to its entry, and its address is linked as written, escaped.
    expect(html).toContain('<a href="#source-xss-reference">[xss-reference]</a>');
    expect(html).toContain('<a href="https://example.org/xss?q=%22%3E%3Cscript%3E&amp;r=1" rel="noreferrer noopener">');
    // Each short payload: once in the description, and as a source, a description and a unit in the parameter table.
    for (const p of SHORT_PAYLOADS) expect(checked.text.split(p).length - 1, `occurrences of ${JSON.stringify(p)}`).toBeGreaterThanOrEqual(4);

    // The checks would catch each way the page could go wrong (so their passing above means something).
    const json = '<script type="application/json"';
    const tampered: Record<string, string> = {
      'raw markup': html.replace('<h1>', '<h1><img src=x onerror=alert(1)>'),
      'an event handler': html.replace('<h1>', '<h1 title="x" onmouseover="alert(1)">'),
      'a script with src': html.replace(/<script>/, '<script src="https://evil.example/x.js">'),
      'no CSP': html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
      'a < in a JSON block': html.replace(json, `${json}>{"a":"<b>"}</script>${json}`),
      'a U+2028 in a JSON block': html.replace(json, `${json}>{"a":"\u2028"}</script>${json}`),
      'a <link>': html.replace('</head>', '<link rel=stylesheet href=x.css></head>'),
      'a javascript: link': html.replace('<h1>', '<h1><a href="javascript:alert(1)">x</a>'),
      'a web link without rel': html.replace('<h1>', '<h1><a href="https://evil.example/">x</a>'),
      'a link with a handler': html.replace('<h1>', '<h1><a href="#source-xss-reference" onclick="alert(1)">x</a>'),
      'an HTML comment': html.replace('<h1>', '<h1><!-- x -->'),
      'a payload in an inline script': html.replace(/<script>/, '<script>alert(1);'),
    };
    for (const [what, page] of Object.entries(tampered)) {
      expect(page, what).not.toBe(html);
      expect(() => checkReport(page), what).toThrow();
    }
    expect(() => expectEscapedAndPresent(html, checked, ['a payload that never reached the page'])).toThrow();
  });

  // Every short payload as a scenario name, but U+2028 and U+2029, which a name may not hold (they stay in
  // the descriptions here, and the test below puts them into names by hand, as an edited results.json would).
  const NAMES = SHORT_PAYLOADS.filter((p) => !/[\u2028\u2029]/.test(p));
  const compareOut = join(dir, 'compare');

  it(`compare: ${NAMES.length} payloads as scenario names, which also reach the charts' JSON specs`, () => {
    const files = NAMES.map((payload, i) => {
      const file = join(dir, `name-${i}.yaml`);
      writeFileSync(file, JSON.stringify({ name: payload, description: `payload ${i}: ${payload}`, extends: 'baseline', parameters: {} }));
      return file;
    });
    claimsim(['compare', ...files, ...SMALL_RUN, '--out', compareOut]);
    const html = readFileSync(join(compareOut, 'report.html'), 'utf8');
    const checked = checkReport(html);
    expectEscapedAndPresent(html, checked, NAMES);
    // The names went through the JSON blocks too, so their escaping was exercised.
    const inSpecs = new Set([...checked.specs.flatMap((s) => [...strings(s)].map(([, v]) => v))].flatMap((v) => NAMES.filter((p) => v.includes(p))));
    expect(inSpecs.size, 'payload names found in the chart specs').toBeGreaterThan(NAMES.length / 2);
  });

  it('names that cannot sit in a Vega string literal (U+2028, U+2029, a backslash before a quote) render whole', () => {
    // The compare results above, renamed by hand (`report` reads a results.json as it is): the chart builders once put
    // the names into Vega expressions (a sort list, an axis title read into aria text), where these broke the render.
    type Compare = { scenarios: { scenario: { name: string } }[]; differences: { scenario: string; base: string }[] };
    const results = JSON.parse(readFileSync(join(compareOut, 'results.json'), 'utf8')) as Compare;
    const renamed = ['base \\" \u2029 quote', 'line\u2028separator', "back\\slash \\' quote"];
    const old = results.scenarios.slice(0, renamed.length).map((s) => s.scenario.name);
    for (const [i, s] of results.scenarios.entries()) s.scenario.name = renamed[i] ?? s.scenario.name;
    for (const d of results.differences) {
      d.base = renamed[0]!;
      const i = old.indexOf(d.scenario);
      if (i > 0) d.scenario = renamed[i]!;
    }
    const file = join(dir, 'renamed', 'results.json');
    mkdirSync(join(dir, 'renamed'));
    writeFileSync(file, JSON.stringify(results));
    claimsim(['report', file]);
    const html = readFileSync(join(dir, 'renamed', 'report.html'), 'utf8');
    // Present once decoded; a raw quote is allowed (no "<" here, and in SVG text, such as the chart's finding, it is inert).
    const { text } = checkReport(html);
    for (const name of renamed) expect(text.includes(name), `${JSON.stringify(name)} missing from the page`).toBe(true);
  });

  it('control characters in a name never reach the page raw: NUL, ESC, DEL and C1 are shown as U+FFFD in text and escaped in JSON', () => {
    // Validation refuses such a name (YAML "\0" and "\e" escapes), but `report` reads a results.json as it is, so the
    // report escapes them too, as a second line of defence: raw controls are parse errors in HTML.
    type Compare = { scenarios: { scenario: { name: string } }[]; differences: { scenario: string; base: string }[] };
    const results = JSON.parse(readFileSync(join(compareOut, 'results.json'), 'utf8')) as Compare;
    const name = 'nul\u0000 esc\u001b del\u007f nel\u0085 end';
    const old = results.scenarios[1]!.scenario.name;
    results.scenarios[1]!.scenario.name = name;
    for (const d of results.differences) if (d.scenario === old) d.scenario = name;
    mkdirSync(join(dir, 'controls'));
    const file = join(dir, 'controls', 'results.json');
    writeFileSync(file, JSON.stringify(results));
    claimsim(['report', file]);
    const html = readFileSync(join(dir, 'controls', 'report.html'), 'utf8');
    expect(html.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g), 'raw control characters in report.html').toBeNull();
    // In the page's text (title, headings, tables, SVG), each control is one U+FFFD; in the JSON blocks, a \u escape.
    expect(html).toContain('nul\ufffd esc\ufffd del\ufffd nel\ufffd end');
    expect(html).toContain('nul\\u0000 esc\\u001b del\\u007f nel\\u0085 end');
  });
});

describe('XSS payloads in a CSV column name and file name, through fit', () => {
  it('fit writes them into the overlay; run of the overlay escapes them in report.html', () => {
    const column = '"><img src=x onerror=alert(1)></script><script>alert(1)</script>';
    const csv = join(dir, 'x"><svg onload=alert(1)>.csv');
    // 60 amounts spread over two orders of magnitude, from a fixed formula.
    const amounts = Array.from({ length: 60 }, (_, i) => (50 * Math.exp(((i * 37) % 60) / 15)).toFixed(2));
    writeFileSync(csv, `id,"${column.replace(/"/g, '""')}"\n${amounts.map((a, i) => `${i + 1},${a}`).join('\n')}\n`);
    const overlay = join(dir, 'fitted.yaml');
    claimsim(['fit', csv, '--column', column, '--out', overlay, '--report-dir', join(dir, 'fit-report')]);
    const text = readFileSync(overlay, 'utf8');
    expect(text).toContain('onerror=alert(1)');

    const out = join(dir, 'fit-run');
    claimsim(['run', overlay, ...SMALL_RUN, '--out', out]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const checked = checkReport(html);
    // The column reaches the mixture's source; the CSV's file name the scenario's name, description and source.
    expectEscapedAndPresent(html, checked, [column, csv, 'x"><svg onload=alert(1)>-fit']);
  });
});
