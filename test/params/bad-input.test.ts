/**
 * Bad scenario input is refused with a ScenarioError whose problems name the
 * file, the (1-based) line and the field, one problem per bad field. The line
 * numbers below were read off the fixtures (`cat -n`), not off the loader.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cpuNow } from '../support/cpu.js';
import { problemsOf, tempDirs } from '../support/scenarioFiles.js';
import { loadScenario } from '../../src/params/load.js';
import { formatProblem, type Problem } from '../../src/params/problems.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASELINE = join(ROOT, 'scenarios', 'baseline.yaml');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'scenarios');
const fixture = (name: string): string => join(FIXTURES, name);

const tempDir = tempDirs('claimsim-bad-');

const load = (file: string, set?: string[]) => problemsOf(() => loadScenario(file, set ? { set } : {}));

/** Exactly one problem, at this file, line and field. */
function expectOne(problems: readonly Problem[], where: { file: string; line?: number; field?: string }, message?: RegExp): Problem {
  expect(problems).toHaveLength(1);
  const p = problems[0]!;
  expect(p.file).toBe(where.file);
  expect(p.line).toBe(where.line);
  expect(p.field).toBe(where.field);
  if (message) expect(p.message).toMatch(message);
  return p;
}

describe('control characters in a name or description', () => {
  const write = (name: string, description: string): string => {
    const file = join(tempDir(), 'controls.yaml');
    // JSON is YAML, and JSON.stringify writes each control as an escape: the file itself is plain text.
    writeFileSync(file, `name: ${JSON.stringify(name)}\nextends: baseline\ndescription: ${JSON.stringify(description)}\nparameters: {}\n`);
    return file;
  };

  it.each([
    ['NUL', 'a\u0000b', 'U+0000', 2],
    ['ESC', 'pwned\u001b]0;x\u0007', 'U+001B', 6],
    ['a tab', 'a\tb', 'U+0009', 2],
    ['a line feed', 'two\nlines', 'U+000A', 4],
    ['DEL', 'x\u007f', 'U+007F', 2],
    ['a C1 control (NEL)', '\u0085x', 'U+0085', 1],
    ['U+2028', 'a\u2028b', 'U+2028', 2],
    ['U+2029', 'a\u2029b', 'U+2029', 2],
    ['a bidi override', 'invoice\u202efdp.exe', 'U+202E', 8],
    ['a bidi isolate', 'a\u2066b\u2069', 'U+2066', 2],
    ['a character after an astral one, counted as one', '😀\u0000', 'U+0000', 2],
  ])('refuses %s in a name, naming the file, line, field and character', (_label, name, code, at) => {
    const file = write(name, 'd');
    expectOne(load(file), { file, line: 1, field: 'name' }, new RegExp(`^contains the control character ${code.replace('+', '\\+')} \\(character ${at}\\); a name is plain text on one line$`));
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['ESC', '\u001b[2J', 'U+001B'],
    ['a carriage return', 'a\rb', 'U+000D'],
    ['DEL', 'x\u007f', 'U+007F'],
    ['a C1 control', 'x\u009b31m', 'U+009B'],
  ])('refuses %s in a description', (_label, description, code) => {
    const file = write('n', description);
    expectOne(
      load(file),
      { file, line: 3, field: 'description' },
      new RegExp(`^contains the control character ${code.replace('+', '\\+')} \\(character \\d+\\); a description is plain text \\(tabs and line breaks are fine\\)$`),
    );
  });

  it('accepts tabs, line breaks, U+2028, bidi text and any script in a description, and any script in a name', () => {
    const s = loadScenario(write('Café – 日本語 – مرحبا – 😀', 'para one\n\npara\ttwo\u2028\u202eright to left\u202c'));
    expect(s.name).toBe('Café – 日本語 – مرحبا – 😀');
  });
});

describe('bad --set values', () => {
  it.each([
    ['a tag that builds something else', 'policy.threshold=!!binary aGk=', /^YAML tag !!binary is not allowed/],
    ['an unknown tag', 'policy.threshold=!foo 5', /^YAML tag !foo is not allowed/],
    ['a plain tag that does not fit', 'policy.threshold=!!int five', /^YAML tag !!int does not fit its value; write the value without a tag$/],
    ['an alias', 'sellers.responses=[&a 1, *a]', /^a --set value cannot use a YAML alias$/],
    ['malformed YAML', 'policy.threshold=[1, 2', /^cannot read the value "\[1, 2" \(/],
    ['a repeated key', 'sellers.responses={a: 1, a: 2}', /^cannot read the value .*unique/],
  ])('refuses %s, naming --set and the field', (_label, set, message) => {
    const field = set.slice(0, set.indexOf('='));
    expectOne(load(BASELINE, [set]), { file: '--set', field }, message);
  });

  it('accepts the plain tags where they fit', () => {
    const s = loadScenario(BASELINE, { set: ['policy.threshold=!!int 700', 'fraud.share=!!float 0.1'] });
    expect(s.parameters.policy.threshold).toBe(700);
    expect(s.parameters.fraud.share).toBe(0.1);
  });
});

describe('bad scenario files', () => {
  it('refuses an unknown parameter inside parameters', () => {
    const file = fixture('bad-unknown-parameter.yaml');
    expectOne(load(file), { file, line: 6, field: 'policy.thresold' }, /unknown parameter/);
  });

  it('lists the known parameters next to an unknown one', () => {
    const [p] = load(fixture('bad-unknown-parameter.yaml'));
    expect(p!.message).toContain('threshold');
  });

  it('refuses an unknown group written as a block, at the line of its key', () => {
    // `polcy:` is on line 5; its first child `threshold: 2500` on line 6.
    const file = fixture('bad-unknown-group.yaml');
    expectOne(load(file), { file, line: 5, field: 'polcy' }, /unknown parameter/);
  });

  it('refuses an unknown parameter in a root scenario (no extends)', () => {
    const dir = tempDir();
    const lines = readFileSync(BASELINE, 'utf8').split('\n');
    const at = lines.indexOf('    maxClaim:');
    expect(at).toBeGreaterThan(0);
    lines.splice(at, 0, '    thresold: { value: 2500, unit: USD, description: a typo, tag: E, source: test }');
    const file = join(dir, 'root.yaml');
    writeFileSync(file, lines.join('\n'));
    expectOne(load(file), { file, line: at + 1, field: 'policy.thresold' }, /unknown parameter/);
  });

  it('refuses a root parameter written without its meta', () => {
    const dir = tempDir();
    const lines = readFileSync(BASELINE, 'utf8').split('\n');
    // Replace the sellers.perClaim leaf (its key line and the deeper-indented lines under it) with a bare value.
    const at = lines.indexOf('    perClaim:');
    expect(at).toBeGreaterThan(0);
    let end = at + 1;
    while (end < lines.length && /^ {6}/.test(lines[end]!)) end++;
    lines.splice(at, end - at, '    perClaim: 5');
    const file = join(dir, 'root.yaml');
    writeFileSync(file, lines.join('\n'));
    expectOne(load(file), { file, line: at + 1, field: 'sellers.perClaim' }, /value, unit, description, tag, source/);
  });

  it('refuses an unknown top-level key', () => {
    const file = fixture('bad-unknown-top-level.yaml');
    expectOne(load(file), { file, line: 4, field: 'author' }, /unknown key "author"/);
  });

  it('refuses a string where a number belongs', () => {
    const file = fixture('bad-wrong-type.yaml');
    const p = expectOne(load(file), { file, line: 6, field: 'policy.responseWindowDays' }, /number/);
    expect(p.message).toContain('"two"');
  });

  it('refuses a negative amount', () => {
    const file = fixture('bad-negative-amount.yaml');
    const p = expectOne(load(file), { file, line: 7, field: 'policy.threshold' }, /negative/);
    expect(p.message).toContain('-5');
  });

  it('refuses a probability outside [0, 1]', () => {
    const file = fixture('bad-probability.yaml');
    expectOne(load(file), { file, line: 7, field: 'fraud.share' }, /probability/);
  });

  it('refuses shares that do not sum to 1', () => {
    // 0.6 + 0.3 + 0.2 = 1.1
    const file = fixture('bad-shares.yaml');
    const p = expectOne(load(file), { file, line: 7, field: 'sellers.responses' }, /sum to 1/);
    expect(p.message).toContain('1.1');
  });

  it('refuses mixture weights that do not sum to 1', () => {
    // 0.8 + 0.15 = 0.95
    const file = fixture('bad-mixture.yaml');
    const p = expectOne(load(file), { file, line: 6, field: 'claimAmount.mixture' }, /sum to 1/);
    expect(p.message).toContain('0.95');
  });

  it('refuses an overlay leaf whose meta is bad', () => {
    const file = fixture('bad-overlay-meta.yaml');
    expectOne(load(file), { file, line: 8, field: 'policy.threshold' }, /tag must be S/);
  });

  it('refuses a missing base scenario', () => {
    const file = fixture('bad-missing-base.yaml');
    expectOne(load(file), { file, line: 3, field: 'extends' }, /nosuchscenario/);
  });

  it('refuses a circular extends (a extends b, b extends a)', () => {
    const a = fixture('cycle-a.yaml');
    const b = fixture('cycle-b.yaml');
    const problems = load(a);
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect([a, b]).toContain(p.file);
    expect(p.line).toBe(3);
    expect(p.field).toBe('extends');
    expect(p.message).toMatch(/circular/);
    expect(p.message).toContain('cycle-a.yaml');
    expect(p.message).toContain('cycle-b.yaml');
  });

  it('refuses a scenario that extends itself', () => {
    const dir = tempDir();
    const file = join(dir, 'self.yaml');
    writeFileSync(file, 'name: self\ndescription: loops\nextends: self\nparameters: {}\n');
    expectOne(load(file), { file, line: 3, field: 'extends' }, /circular/);
  });

  it('refuses extends that is a path rather than a name', () => {
    const dir = tempDir();
    const file = join(dir, 'path.yaml');
    writeFileSync(file, 'name: p\ndescription: d\nextends: ../scenarios/baseline\nparameters: {}\n');
    expectOne(load(file), { file, line: 3, field: 'extends' }, /not a path/);
  });

  it('refuses malformed YAML, naming the line', () => {
    // Line 8 is `  fraud: share: 0.2`.
    const file = fixture('bad-malformed.yaml');
    expectOne(load(file), { file, line: 8, field: undefined }, /malformed YAML/);
  });

  it('refuses an empty file', () => {
    const file = fixture('bad-empty.yaml');
    expectOne(load(file), { file }, /empty/);
  });

  it('refuses a file that is only whitespace', () => {
    const dir = tempDir();
    const file = join(dir, 'blank.yaml');
    writeFileSync(file, '\n   \n\t\n');
    expectOne(load(file), { file }, /empty/);
  });

  it('refuses a missing file', () => {
    const file = join(tempDir(), 'nothing-here.yaml');
    expectOne(load(file), { file }, /no such file/);
  });

  it('refuses non-UTF-8 bytes, naming the line they are on', () => {
    const dir = tempDir();
    const file = join(dir, 'latin1.yaml');
    const bytes = Buffer.concat([
      Buffer.from('name: latin1\ndescription: written in Latin-1\nextends: baseline\nparameters:\n  policy:\n', 'utf8'),
      // Line 6: "    threshold: 25" then 0xFF 0xFE, which no UTF-8 text contains.
      Buffer.from('    threshold: 25', 'utf8'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('00\n', 'utf8'),
    ]);
    writeFileSync(file, bytes);
    expectOne(load(file), { file, line: 6 }, /UTF-8/);
  });

  it('refuses a lone Latin-1 byte on the first line', () => {
    const dir = tempDir();
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('name: caf'), Buffer.from([0xe9]), Buffer.from('\ndescription: d\nparameters: {}\n')]));
    expectOne(load(file), { file, line: 1 }, /UTF-8/);
  });

  it('refuses a YAML alias bomb quickly', () => {
    const file = fixture('bad-alias-bomb.yaml');
    const t0 = cpuNow();
    const problems = load(file);
    const ms = cpuNow() - t0;
    expect(ms).toBeLessThan(2000);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(file);
    expect(problems[0]!.message).toMatch(/alias/i);
  });

  it('refuses NaN (.nan) for a number', () => {
    const file = fixture('bad-nan.yaml');
    const p = expectOne(load(file), { file, line: 6, field: 'filing.meanDelayDays' });
    expect(p.message).toContain('NaN');
  });

  it('refuses .inf for an amount', () => {
    const dir = tempDir();
    const file = join(dir, 'inf.yaml');
    writeFileSync(file, 'name: inf\ndescription: d\nextends: baseline\nparameters:\n  policy:\n    maxClaim: .inf\n');
    expectOne(load(file), { file, line: 6, field: 'policy.maxClaim' });
  });

  it('reports two bad fields as two problems, each at its own line', () => {
    const file = fixture('bad-two-fields.yaml');
    const problems = load(file);
    expect(problems).toHaveLength(2);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(byField['policy.threshold']).toMatchObject({ file, line: 6 });
    expect(byField['policy.threshold']!.message).toMatch(/negative/);
    expect(byField['screening.falsePositiveRate']).toMatchObject({ file, line: 9 });
    expect(byField['screening.falsePositiveRate']!.message).toMatch(/probability/);
  });

  it('formats problems as file:line: field: message', () => {
    const file = fixture('bad-probability.yaml');
    const [p] = load(file);
    expect(formatProblem(p!)).toBe(`${file}:7: fraud.share: ${p!.message}`);
  });
});

describe('rules between parameters', () => {
  const overlay = (body: string): string => {
    const file = join(tempDir(), 'overlay.yaml');
    writeFileSync(file, `name: o\ndescription: d\nextends: baseline\nparameters:\n${body}`);
    return file;
  };

  it('blames the overlay that lowered sellers.perClaim below one seller per team, at its line, not the base file', () => {
    // The baseline has 8 teams and 20,000 expected claims; 0.0001 sellers per claim are 2 sellers, leaving six teams without one.
    const file = overlay('  sellers:\n    perClaim: 0.0001\n');
    expectOne(load(file), { file, line: 6, field: 'sellers.perClaim' }, /^gives 2 sellers \(volume\.claims x sellers\.perClaim\), fewer than world\.teams \(8\): every team needs a seller$/);
  });

  it('blames the later of the two: a --set of world.teams over an overlay of sellers.perClaim', () => {
    const file = overlay('  sellers:\n    perClaim: 0.0001\n');
    expectOne(load(file, ['world.teams=3']), { file: '--set', field: 'world.teams' }, /^must not exceed the 2 sellers that volume\.claims x sellers\.perClaim gives/);
  });

  it('blames --claims\u2019 volume when it is what leaves a team without a seller', () => {
    expectOne(load(BASELINE, ['volume.claims=1']), { file: '--set', field: 'volume.claims' }, /^gives 5 sellers \(volume\.claims x sellers\.perClaim\), fewer than world\.teams \(8\)/);
  });

  it('reports an invalid count once, not also as a broken rule with the count it bounds', () => {
    const file = overlay('  sellers:\n    perClaim: -100\n');
    expectOne(load(file), { file, line: 6, field: 'sellers.perClaim' }, /^must be positive \(got -100\)$/);
  });

  it('checks the surge against the filing horizon, blaming whichever was set last', () => {
    // 300 + 100 = day 400, past the baseline's 365-day filing horizon.
    expectOne(load(BASELINE, ['volume.surge.startDay=300', 'volume.surge.days=100']), { file: '--set', field: 'volume.surge.days' }, /surge ends on day 400, after the filing horizon \(365 days\)/);
    const file = overlay('  volume:\n    surge:\n      startDay: 300\n      days: 60\n');
    expectOne(load(file, ['horizon.filingDays=200']), { file: '--set', field: 'horizon.filingDays' }, /^must cover the surge, which ends on day 360$/);
  });

  it("blames the surge's start when only the start was moved, on --set or in an overlay", () => {
    // The baseline's surge is 0 days from day 0; starting it on day 400 ends it after the 365-day horizon.
    expectOne(load(BASELINE, ['volume.surge.startDay=400']), { file: '--set', field: 'volume.surge.startDay' }, /^the surge ends on day 400, after the filing horizon \(365 days\)$/);
    const file = overlay('  volume:\n    surge:\n      startDay: 400\n');
    expectOne(load(file), { file, line: 7, field: 'volume.surge.startDay' }, /^the surge ends on day 400/);
  });

  it("blames an analysis's point before the user's fixed --set", () => {
    const problems = problemsOf(() => loadScenario(BASELINE, { set: ['world.teams=6', { text: 'sellers.perClaim=0.0002', from: '--param' }] }));
    expectOne(problems, { file: '--param', field: 'sellers.perClaim' }, /^gives 4 sellers .*fewer than world\.teams \(6\)/);
  });

  it('keeps accelerator partners within the insurers per team (baseline: 3 of 6)', () => {
    expectOne(load(BASELINE, ['insurers.perTeam=2']), { file: '--set', field: 'insurers.perTeam' }, /^must be at least insurers\.acceleratorPartners \(3\)$/);
  });
});

describe('top-level fields and YAML features', () => {
  const write = (text: string): string => {
    const file = join(tempDir(), 'top.yaml');
    writeFileSync(file, text);
    return file;
  };

  it('says a wrong-typed top-level field is wrong, not missing', () => {
    const file = write('name: [a, b]\ndescription: 42\nextends: baseline\nparameters: {}\n');
    const problems = load(file);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [1, 'name', 'must be text (got a list)'],
      [2, 'description', 'must be text (got 42)'],
    ]);
  });

  it('says a fractional count must be a whole number', () => {
    expectOne(load(BASELINE, ['volume.claims=2.5']), { file: '--set', field: 'volume.claims' }, /^must be a whole number \(got 2\.5\)$/);
  });

  it('refuses a file with only comments as empty', () => {
    const file = write('# nothing here\n\n# still nothing\n');
    expectOne(load(file), { file, line: undefined, field: undefined }, /^is empty \(it holds only comments\)$/);
  });

  it.each([
    ['an unknown tag', 'name: !shout loud\n', /YAML tag !shout is not allowed/],
    ['a binary tag', 'name: n\ndescription: !!binary aGVsbG8=\n', /YAML tag !!binary is not allowed/],
    ['a set tag', 'name: n\ndescription: !!set {a}\n', /YAML tag !!set is not allowed/],
  ])('refuses %s: the data would not be what the author wrote', (_label, text, message) => {
    const file = write(text);
    const problems = load(file);
    expect(problems[0]!.message).toMatch(message);
  });

  it.each([
    ['!!float 500', 'description: !!float 500', /^YAML tag !!float does not fit its value; write the value without a tag$/],
    ['!!int abc', 'description: !!int abc', /^YAML tag !!int does not fit its value/],
    ['!!bool yes', 'description: !!bool yes', /^YAML tag !!bool does not fit its value/],
  ])('refuses a plain tag that does not fit its value (%s) instead of quietly reading text', (_label, line, message) => {
    const file = write(`name: n\n${line}\n`);
    expectOne(load(file), { file, line: 2, field: undefined }, message);
  });

  it('refuses an alias as a key, which would silently replace the key it names', () => {
    const file = write('name: &n n\n*n : other\n');
    expectOne(load(file), { file, line: 2, field: undefined }, /^an alias \(\*n\) cannot be a key; write the name$/);
  });

  it('refuses a list used as a key', () => {
    const file = write('name: n\n? [a, b]\n: 1\n');
    expectOne(load(file), { file, line: 2, field: undefined }, /a key must be a plain name/);
  });

  it('accepts explicit plain tags', () => {
    const file = write('name: !!str 2021\ndescription: d\nextends: baseline\nparameters:\n  policy:\n    threshold: !!int 500\n');
    const s = loadScenario(file);
    expect([s.name, s.parameters.policy.threshold]).toEqual(['2021', 500]);
  });
});

describe('bad --set overrides', () => {
  it('refuses an unknown path', () => {
    const p = expectOne(load(BASELINE, ['nosuch.path=3']), { file: '--set', field: 'nosuch.path' }, /unknown parameter/);
    expect(p.line).toBeUndefined();
  });

  it('refuses an unknown parameter inside a known group, listing the known ones', () => {
    const p = expectOne(load(BASELINE, ['policy.thresold=2500']), { file: '--set', field: 'policy.thresold' }, /unknown parameter/);
    expect(p.message).toContain('threshold');
  });

  it('refuses a bad value (fraud.share=2)', () => {
    expectOne(load(BASELINE, ['fraud.share=2']), { file: '--set', field: 'fraud.share' }, /probability/);
  });

  it('refuses a value of the wrong type', () => {
    expectOne(load(BASELINE, ['policy.threshold=abc']), { file: '--set', field: 'policy.threshold' }, /number/);
  });

  it('refuses a value that is not readable YAML', () => {
    expectOne(load(BASELINE, ['policy.threshold=[1, 2']), { file: '--set', field: 'policy.threshold' }, /cannot read/);
  });

  it("refuses an override without '='", () => {
    const p = expectOne(load(BASELINE, ['policy.threshold']), { file: '--set' }, /path=value/);
    expect(p.message).toContain('policy.threshold');
  });

  it("refuses an override with nothing before '='", () => {
    expectOne(load(BASELINE, ['=3']), { file: '--set' }, /path=value/);
  });

  it('reports one problem per bad override', () => {
    const problems = load(BASELINE, ['nosuch.path=3', 'missing-equals', 'policy.thresold=1']);
    expect(problems).toHaveLength(3);
    expect(problems.every((p) => p.file === '--set')).toBe(true);
  });

  it('blames --set, not the base file, for shares that a --set inside the leaf unbalances', () => {
    // The baseline's shares (0.6, 0.25, 0.15) sum to 1; --set makes them 0.5 + 0.25 + 0.15 = 0.9.
    const problems = load(BASELINE, ['sellers.responses.accept=0.5']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: '--set', field: 'sellers.responses' });
    expect(problems[0]!.message).toMatch(/sum to 1/);
  });

  it.each([
    // The baseline's mixture has 2 components; sellers.responses has accept, reject and silent.
    ['claimAmount.mixture.x=1', 'claimAmount.mixture.x', /is a list of 2: "x" is not one of its indexes \(0 to 1\)/],
    ['claimAmount.mixture.-1.weight=1', 'claimAmount.mixture.-1.weight', /"-1" is not one of its indexes/],
    ['claimAmount.mixture.2.weight=1', 'claimAmount.mixture.2.weight', /"2" is not one of its indexes/],
    ['sellers.responses.maybe=0', 'sellers.responses.maybe', /has no "maybe" \(it has accept, reject, silent\)/],
    ['policy.threshold.cents=5', 'policy.threshold.cents', /is a single value/],
    // The baseline resamples no observed amounts: the list is empty.
    ['claimAmount.empirical.0=100', 'claimAmount.empirical.0', /^claimAmount\.empirical is an empty list: set the whole list instead \(--set 'claimAmount\.empirical=\[\.\.\.\]'\)$/],
  ])('refuses a path inside a leaf that leads nowhere, instead of setting and then ignoring it: %s', (set, field, message) => {
    expectOne(load(BASELINE, [set]), { file: '--set', field }, message);
  });

  it('reaches inside a leaf where the place exists', () => {
    const s = loadScenario(BASELINE, { set: ['claimAmount.mixture.1.sigma=1.5'] });
    expect(s.parameters.claimAmount.mixture[1]!.sigma).toBe(1.5);
  });

  it('refuses __proto__ as an unknown parameter without touching Object.prototype', () => {
    try {
      const problems = load(BASELINE, ['__proto__.polluted=1']);
      expect(Object.hasOwn(Object.prototype, 'changedBy')).toBe(false);
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
      expectOne(problems, { file: '--set', field: '__proto__.polluted' }, /unknown parameter/);
      // And a later load is unaffected.
      expect(loadScenario(BASELINE).parameters.policy.threshold).toBe(1000);
    } finally {
      delete (Object.prototype as Record<string, unknown>).changedBy;
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it('refuses a parameter named __proto__ in an overlay instead of ignoring it', () => {
    const dir = tempDir();
    const file = join(dir, 'proto.yaml');
    writeFileSync(file, 'name: proto\ndescription: d\nextends: baseline\nparameters:\n  __proto__:\n    value: 1\n    source: nowhere\n');
    try {
      const problems = load(file);
      expectOne(problems, { file, line: 5, field: '__proto__' }, /reserved name/);
    } finally {
      delete (Object.prototype as Record<string, unknown>).changedBy;
      delete (Object.prototype as Record<string, unknown>).source;
    }
  });

  it('refuses a parameter named constructor in an overlay without touching the global Object', () => {
    const dir = tempDir();
    const file = join(dir, 'ctor.yaml');
    writeFileSync(file, 'name: ctor\ndescription: d\nextends: baseline\nparameters:\n  constructor: 5\n');
    try {
      const problems = load(file);
      expect(Object.hasOwn(Object, 'changedBy')).toBe(false);
      expectOne(problems, { file, line: 5, field: 'constructor' }, /reserved name/);
    } finally {
      delete (Object as unknown as Record<string, unknown>).changedBy;
    }
  });
});
