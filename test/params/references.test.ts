/**
 * References (src/params/references.ts and the loader): the citation grammar;
 * a scenario's `references:` block validated field by field with file, line
 * and field; `[key]` citations checked against the references of the file and
 * the scenarios it extends, never those of a file extending it; references
 * inherited along the chain and exposed on the loaded scenario and in what a
 * result records of it. And for what ships: every citation of every bundled
 * scenario resolves, every parameter cites a source or says it is an estimate
 * or a modelling choice, docs/sources.md lists every reference with the
 * parameters citing it, and nothing in the repository points outside it.
 *
 * Scenario files here are the bundled baseline with a block and a source
 * edited through the yaml library, written to temporary directories; the
 * expected lines are found by searching the written text, not the loader.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsOf, tempDirs } from '../support/scenarioFiles.js';
import { parseDocument } from 'yaml';
import { BUNDLED_SCENARIOS_DIR, loadScenario } from '../../src/params/load.js';
import { citedKeys, closestKey, editDistance, referencesSchema, sourceParts, unknownCitations, withoutCitations } from '../../src/params/references.js';
import { scenarioRecord } from '../../src/results/results.js';

const BASELINE = join(BUNDLED_SCENARIOS_DIR, 'baseline.yaml');

const tempDir = tempDirs('claimsim-references-');

/** 1-based number of the only line of `text` that contains `needle`. */
function lineContaining(text: string, needle: string): number {
  const lines = text.split('\n');
  const found = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  expect(found, `lines containing ${JSON.stringify(needle)}`).toHaveLength(1);
  return found[0]!;
}

const TEST_REFERENCE = {
  title: 'A source for the tests',
  publisher: 'claimsim tests',
  url: 'https://example.org/a-source?for=tests',
  accessed: 'never read: made up for the tests',
  note: 'says nothing',
};

/**
 * The bundled baseline with `references.test-source` added (beside any it
 * has), `policy.threshold`'s source set to `thresholdSource`, and `edit`
 * applied to the document, written as root.yaml in a new directory.
 */
function writeRoot(thresholdSource: string, edit: (doc: ReturnType<typeof parseDocument>) => void = () => {}): { dir: string; file: string; text: string } {
  const doc = parseDocument(readFileSync(BASELINE, 'utf8'));
  doc.set('name', 'root');
  doc.setIn(['references', 'test-source'], doc.createNode(TEST_REFERENCE));
  doc.setIn(['parameters', 'policy', 'threshold', 'source'], thresholdSource);
  edit(doc);
  const dir = tempDir();
  const file = join(dir, 'root.yaml');
  const text = doc.toString({ lineWidth: 0 });
  writeFileSync(file, text);
  return { dir, file, text };
}

/** An overlay of root.yaml in `dir`, with its own text after `parameters:` and an optional references block. */
function writeOverlay(dir: string, body: string): { file: string; text: string } {
  const file = join(dir, 'overlay.yaml');
  const text = `name: overlay\ndescription: an overlay for the tests\nextends: root\n${body}`;
  writeFileSync(file, text);
  return { file, text };
}

describe('the citation grammar', () => {
  it('finds each key in square brackets once, in order, and nothing else', () => {
    expect(citedKeys('[amazon-2021-announcement]; estimate by analogy with [seller-central-help-1781] and [amazon-2021-announcement]')).toEqual([
      'amazon-2021-announcement',
      'seller-central-help-1781',
    ]);
    // Tags, ranges, units and text with spaces or capitals are not citations.
    expect(citedKeys('tag [E], range [1, 7], amount [USD], [see below], [1], [-x], [a--b], [a-]')).toEqual([]);
    expect(citedKeys('no citation at all')).toEqual([]);
  });

  it('cuts a source into text and citations that join back to the source', () => {
    const source = 'as [a-b] says; [c] too';
    const parts = sourceParts(source);
    expect(parts).toEqual([{ text: 'as ' }, { key: 'a-b' }, { text: ' says; ' }, { key: 'c' }, { text: ' too' }]);
    expect(parts.map((p) => ('key' in p ? `[${p.key}]` : p.text)).join('')).toBe(source);
    expect(sourceParts('[only]')).toEqual([{ key: 'only' }]);
    expect(sourceParts('')).toEqual([]);
  });

  it('makes text from elsewhere cite nothing, changing only its would-be citations', () => {
    expect(withoutCitations('amount [usd] of [Claims] [1, 2]')).toBe('amount (usd) of [Claims] [1, 2]');
    expect(citedKeys(withoutCitations('[a] [b-c]'))).toEqual([]);
  });

  it('lists the citations a set of keys leaves undefined', () => {
    expect(unknownCitations('[a] [b] [a]', new Set(['a']))).toEqual(['b']);
    expect(unknownCitations('[a]', new Set(['a']))).toEqual([]);
  });

  it('measures edit distance and suggests only a near key', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    // Two substitutions (the swapped digits) in a 24-character key.
    expect(closestKey('amazon-2012-announcement', ['news-report-2021', 'amazon-2021-announcement'])).toBe('amazon-2021-announcement');
    expect(closestKey('nicb', ['amazon-2021-announcement'])).toBeUndefined();
    expect(closestKey('x', [])).toBeUndefined();
  });
});

describe('the references block', () => {
  it('accepts a reference without url or note, and keys of the documented shape only', () => {
    expect(referencesSchema.safeParse({ 'a-source-2021': { title: 't', publisher: 'p', accessed: 'a' } }).success).toBe(true);
    for (const key of ['Upper', 'under_score', '1starts-with-digit', 'trailing-', 'a'.repeat(61)]) {
      expect(referencesSchema.safeParse({ [key]: { title: 't', publisher: 'p', accessed: 'a' } }).success, key).toBe(false);
    }
  });

  it('accepts web addresses only', () => {
    const withUrl = (url: string) => referencesSchema.safeParse({ k: { title: 't', publisher: 'p', accessed: 'a', url } }).success;
    expect(withUrl('https://www.aboutamazon.com/news/x')).toBe(true);
    expect(withUrl('http://example.org/')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://localhost/', 'https://a b.org/', 'https://example.org/"><script>', 'example.org/page', 'data:text/html,x']) {
      expect(withUrl(bad), bad).toBe(false);
    }
  });
});

describe('loading a scenario with references', () => {
  it('exposes the chain\u2019s references on the scenario and in what a result records of it', () => {
    const { file } = writeRoot('[test-source]; restated for a test');
    const s = loadScenario(file);
    expect(s.references['test-source']).toEqual(TEST_REFERENCE);
    expect(s.meta['policy.threshold']!.source).toBe('[test-source]; restated for a test');
    expect(scenarioRecord(s).references).toEqual(s.references);
    expect(JSON.parse(JSON.stringify(scenarioRecord(s))).references['test-source']).toEqual(TEST_REFERENCE);
  });

  it('refuses a citation no reference defines, at the source\u2019s line, naming the key and the one meant', () => {
    const { file, text } = writeRoot('[test-sorce]; a typo');
    const problems = problemsOf(() => loadScenario(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: lineContaining(text, '[test-sorce]'), field: 'policy.threshold' });
    expect(problems[0]!.message).toBe('source cites [test-sorce], which no reference in this file or the scenarios it extends defines; did you mean [test-source]?');
  });

  it('lists the keys it knows when none is near', () => {
    const { file } = writeRoot('[zzzz-nothing-like-this-one]');
    const [problem] = problemsOf(() => loadScenario(file));
    expect(problem!.message).toMatch(/^source cites \[zzzz-nothing-like-this-one\], which no reference in this file or the scenarios it extends defines; defined here: \[/);
  });

  it('reports every unknown citation of every leaf at once', () => {
    const { file, text } = writeRoot('[one-unknown] and [two-unknown]', (doc) => doc.setIn(['parameters', 'policy', 'maxClaim', 'source'], 'estimate, after [three-unknown]'));
    const problems = problemsOf(() => loadScenario(file));
    expect(problems.map((p) => [p.field, p.line, p.message.match(/^source cites \[([a-z-]+)\]/)?.[1]])).toEqual([
      ['policy.threshold', lineContaining(text, '[one-unknown]'), 'one-unknown'],
      ['policy.threshold', lineContaining(text, '[one-unknown]'), 'two-unknown'],
      ['policy.maxClaim', lineContaining(text, '[three-unknown]'), 'three-unknown'],
    ]);
  });

  it.each([
    ['a missing title', (r: Record<string, unknown>) => delete r.title, 'references.test-source.title', 'test-source:', /^is missing \(expected text\)$/],
    ['an empty publisher', (r: Record<string, unknown>) => (r.publisher = '  '), 'references.test-source.publisher', 'publisher: "  "', /^publisher must not be empty$/],
    [
      'a script address',
      (r: Record<string, unknown>) => (r.url = 'javascript:alert(1)'),
      'references.test-source.url',
      'javascript:alert(1)',
      /^url must be a web address starting with https:\/\/ or http:\/\//,
    ],
    [
      'an address without a domain',
      (r: Record<string, unknown>) => (r.url = 'https://localhost/x'),
      'references.test-source.url',
      'https://localhost/x',
      /^url must be a web address with a domain name/,
    ],
    ['a date read as a number', (r: Record<string, unknown>) => (r.accessed = 2021), 'references.test-source.accessed', 'accessed: 2021', /^must be text \(got 2021\)$/],
    [
      'an unknown field',
      (r: Record<string, unknown>) => (r.author = 'someone'),
      'references.test-source.author',
      'author: someone',
      /^unknown key "author" \(a reference has title, publisher, url, accessed, note\)$/,
    ],
  ])('refuses a reference with %s, naming the file, line and field', (_, edit, field, needle, message) => {
    const { file, text } = writeRoot('[test-source]', (doc) => {
      const reference = { ...TEST_REFERENCE } as Record<string, unknown>;
      edit(reference);
      doc.setIn(['references', 'test-source'], doc.createNode(reference));
    });
    const problems = problemsOf(() => loadScenario(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: lineContaining(text, needle), field });
    expect(problems[0]!.message).toMatch(message);
  });

  it('lets a reference’s note and date read point to another reference, and refuses one that points nowhere', () => {
    const good = writeRoot('[test-source]', (doc) =>
      doc.setIn(['references', 'other-source'], doc.createNode({ title: 't', publisher: 'p', accessed: 'as [test-source]', note: 'with [test-source]' })),
    );
    expect(loadScenario(good.file).references['other-source']!.note).toBe('with [test-source]');
    const bad = writeRoot('[test-source]', (doc) =>
      doc.setIn(['references', 'other-source'], doc.createNode({ title: 't', publisher: 'p', accessed: 'read with [nowhere-at-all]', note: 'see [test-sorce]' })),
    );
    expect(problemsOf(() => loadScenario(bad.file))).toEqual([
      {
        file: bad.file,
        line: lineContaining(bad.text, '[nowhere-at-all]'),
        field: 'references.other-source.accessed',
        message: expect.stringMatching(/^accessed cites \[nowhere-at-all\], which no reference in this file or the scenarios it extends defines/),
      },
      {
        file: bad.file,
        line: lineContaining(bad.text, '[test-sorce]'),
        field: 'references.other-source.note',
        message: expect.stringMatching(/^note cites \[test-sorce\], .*did you mean \[test-source\]\?$/),
      },
    ]);
  });

  it('refuses a key of the wrong shape and a block that is not a mapping', () => {
    const bad = writeRoot('estimate', (doc) => doc.setIn(['references', 'Bad_Key'], doc.createNode({ title: 't', publisher: 'p', accessed: 'a' })));
    expect(problemsOf(() => loadScenario(bad.file))).toEqual([
      {
        file: bad.file,
        line: lineContaining(bad.text, 'Bad_Key:'),
        field: 'references.Bad_Key',
        message: expect.stringMatching(/^a reference key is lower-case letters and digits joined by hyphens/),
      },
    ]);
    const list = writeRoot('estimate', (doc) => doc.set('references', doc.createNode(['a', 'b'])));
    expect(problemsOf(() => loadScenario(list.file))).toEqual([
      {
        file: list.file,
        line: lineContaining(list.text, 'references:'),
        field: 'references',
        message: 'must be a mapping from a short key to a reference { title, publisher, url, accessed, note } (got a list)',
      },
    ]);
    const scalar = writeRoot('estimate', (doc) => doc.setIn(['references', 'test-source'], 'just a title'));
    expect(problemsOf(() => loadScenario(scalar.file))).toEqual([
      {
        file: scalar.file,
        line: lineContaining(scalar.text, 'test-source: just a title'),
        field: 'references.test-source',
        message: 'must be a reference { title, publisher, url, accessed, note } (got text)',
      },
    ]);
  });
});

describe('references along the extends chain', () => {
  const OVERLAY_REFERENCE = 'references:\n  overlay-source:\n    title: What the overlay cites\n    publisher: claimsim tests\n    accessed: figure as made up for the tests\n';

  it('lets an overlay cite its own references and its bases\u2019, and exposes them all, root first', () => {
    const { dir } = writeRoot('[test-source]');
    const { file } = writeOverlay(dir, `${OVERLAY_REFERENCE}parameters:\n  policy:\n    threshold:\n      value: 2500\n      source: "[overlay-source], after [test-source]"\n`);
    const s = loadScenario(file);
    expect(s.parameters.policy.threshold).toBe(2500);
    expect(s.meta['policy.threshold']!.source).toBe('[overlay-source], after [test-source]');
    expect(s.references['overlay-source']).toEqual({ title: 'What the overlay cites', publisher: 'claimsim tests', accessed: 'figure as made up for the tests' });
    expect(s.references['test-source']).toEqual(TEST_REFERENCE);
    const keys = Object.keys(s.references);
    expect(keys.at(-1)).toBe('overlay-source');
    expect(keys.indexOf('test-source')).toBeLessThan(keys.indexOf('overlay-source'));
    // The root alone knows nothing of the overlay's reference.
    expect(loadScenario(join(dir, 'root.yaml')).references['overlay-source']).toBeUndefined();
  });

  it('refuses a base citing a key only a file extending it defines, blaming the base', () => {
    const root = writeRoot('[overlay-source]');
    const { file } = writeOverlay(root.dir, `${OVERLAY_REFERENCE}parameters: {}\n`);
    const problems = problemsOf(() => loadScenario(file));
    expect(problems).toEqual([
      { file: root.file, line: lineContaining(root.text, '[overlay-source]'), field: 'policy.threshold', message: expect.stringMatching(/^source cites \[overlay-source\], which no reference/) },
    ]);
  });

  it('refuses an overlay citing an unknown key, at its own line', () => {
    const { dir } = writeRoot('[test-source]');
    const overlay = writeOverlay(dir, 'parameters:\n  policy:\n    threshold:\n      value: 2500\n      source: "[tset-source]"\n');
    expect(problemsOf(() => loadScenario(overlay.file))).toEqual([
      {
        file: overlay.file,
        line: lineContaining(overlay.text, '[tset-source]'),
        field: 'policy.threshold',
        message: expect.stringMatching(/^source cites \[tset-source\], .*did you mean \[test-source\]\?$/),
      },
    ]);
  });

  it('refuses an overlay defining again a key its base defines, naming where the base defines it', () => {
    const root = writeRoot('[test-source]');
    const overlay = writeOverlay(root.dir, 'references:\n  test-source:\n    title: Another source under the same key\n    publisher: someone else\n    accessed: today\nparameters: {}\n');
    const problems = problemsOf(() => loadScenario(overlay.file));
    expect(problems).toEqual([
      {
        file: overlay.file,
        line: lineContaining(overlay.text, 'test-source:'),
        field: 'references.test-source',
        message: `is already defined in ${root.file}:${lineContaining(root.text, 'test-source:')}, which this file extends; a key names one source along the chain, so choose another key`,
      },
    ]);
  });
});

describe('the bundled scenarios and the repository', () => {
  const ROOT = join(BUNDLED_SCENARIOS_DIR, '..');
  const bundled = readdirSync(BUNDLED_SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const loaded = bundled.map((f) => loadScenario(join(BUNDLED_SCENARIOS_DIR, f)));
  const docs = readFileSync(join(ROOT, 'docs', 'sources.md'), 'utf8');

  /** Every `source:` written in a bundled file, read with the yaml library (not the loader), with its parameter path. */
  function writtenSources(file: string): [string, string][] {
    const found: [string, string][] = [];
    const walk = (node: unknown, keys: string[]): void => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      const leaf = node as Record<string, unknown>;
      if (typeof leaf.source === 'string' && 'value' in leaf) found.push([keys.join('.'), leaf.source]);
      for (const [k, v] of Object.entries(leaf)) walk(v, [...keys, k]);
    };
    walk((parseDocument(readFileSync(join(BUNDLED_SCENARIOS_DIR, file), 'utf8')).toJS() as { parameters: unknown }).parameters, []);
    return found;
  }

  it('has references in the baseline, and cites only keys its chain defines', () => {
    const baseline = loaded[bundled.indexOf('baseline.yaml')]!;
    expect(Object.keys(baseline.references).length).toBeGreaterThan(10);
    bundled.forEach((file, i) => {
      const known = new Set(Object.keys(loaded[i]!.references));
      for (const [path, source] of writtenSources(file)) {
        for (const key of citedKeys(source)) expect(known.has(key), `${file}: ${path} cites [${key}]`).toBe(true);
      }
    });
  });

  it('gives every parameter of every bundled scenario a source that cites a reference or says it is an estimate or a modelling choice', () => {
    loaded.forEach((s, i) => {
      for (const [path, m] of Object.entries(s.meta)) {
        const ok = citedKeys(m.source).length > 0 || /\bestimate\b|\bmodelling choice\b/i.test(m.source);
        expect(ok, `${bundled[i]}: ${path}: ${m.source}`).toBe(true);
      }
    });
  });

  it('lists every reference in docs/sources.md, with exactly the parameters that cite it', () => {
    const citing = new Map<string, Set<string>>();
    for (const s of loaded) {
      for (const key of Object.keys(s.references)) citing.set(key, citing.get(key) ?? new Set());
      for (const [path, m] of Object.entries(s.meta)) for (const key of citedKeys(m.source)) citing.get(key)!.add(path);
    }
    expect(citing.size).toBeGreaterThan(10);
    for (const [key, paths] of citing) {
      const heading = docs.split('\n').findIndex((l) => l.startsWith(`### \`[${key}]\``));
      expect(heading, `docs/sources.md has a heading for [${key}]`).toBeGreaterThan(0);
      const section = docs.split('\n').slice(heading + 1);
      const line = section
        .slice(
          0,
          section.findIndex((l) => l.startsWith('#')),
        )
        .find((l) => l.startsWith('- Cited by:'));
      expect(line, `docs/sources.md: [${key}] has a "Cited by" line`).toBeDefined();
      const listed = new Set([...line!.matchAll(/`([A-Za-z]\w*(?:\.\w+)+)`/g)].map((m) => m[1]!));
      expect([...listed].sort(), `docs/sources.md: parameters citing [${key}]`).toEqual([...paths].sort());
      if (paths.size === 0) expect(line).toBe('- Cited by: no parameter.');
    }
  });

  it('mentions no file outside the repository anywhere in it', () => {
    // Built from parts, so that this file does not mention them itself.
    const outside = [['shared', '/'].join(''), ['domain', 'facts'].join('-'), ['DESIGN', 'md'].join('.')];
    const files = ['README.md', ...['src', 'scenarios', 'test', 'docs'].flatMap((dir) => filesUnder(join(ROOT, dir)).map((f) => relative(ROOT, f)))];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const name of outside) expect(text.includes(name), `${file} mentions ${name}`).toBe(false);
    }
  });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}
