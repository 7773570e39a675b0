/**
 * The committed corpus of hostile scenario files (test/fixtures/hostile), each
 * given to `claimsim run FILE --out DIR` in an empty working directory: it must
 * exit 2 within the time limit, say what is wrong (file, line, field), print no
 * stack trace and write nothing.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectRefused, fixture, removeTempDirs, requireBuiltCli, sandbox, spawnCli, timingSummary } from './harness.js';

interface CorpusCase {
  readonly file: string;
  /** What stderr must say; every pattern names the file. */
  readonly stderr: RegExp;
}

const CORPUS: readonly CorpusCase[] = [
  // Malformed YAML.
  { file: 'yaml-indent-misaligned.yaml', stderr: /yaml-indent-misaligned\.yaml:7: malformed YAML: All mapping items must start at the same column/ },
  { file: 'yaml-indent-dedented-child.yaml', stderr: /yaml-indent-dedented-child\.yaml:5: policy: is a group of parameters[^\n]*\n.*yaml-indent-dedented-child\.yaml:6: threshold: unknown parameter/ },
  { file: 'yaml-unclosed-double-quote.yaml', stderr: /yaml-unclosed-double-quote\.yaml:\d+: malformed YAML: Missing closing "quote/ },
  { file: 'yaml-unclosed-bracket.yaml', stderr: /yaml-unclosed-bracket\.yaml:7: malformed YAML: Flow sequence .* end with a \]/ },
  { file: 'yaml-tab-indent.yaml', stderr: /yaml-tab-indent\.yaml:5: malformed YAML: Tabs are not allowed as indentation/ },
  { file: 'yaml-duplicate-top-key.yaml', stderr: /yaml-duplicate-top-key\.yaml:4: malformed YAML: Map keys must be unique/ },
  { file: 'yaml-duplicate-nested-key.yaml', stderr: /yaml-duplicate-nested-key\.yaml:8: malformed YAML: Map keys must be unique/ },
  { file: 'yaml-two-documents.yaml', stderr: /yaml-two-documents\.yaml:5: malformed YAML: Source contains multiple documents/ },

  // Wrong types.
  { file: 'type-name-number.yaml', stderr: /type-name-number\.yaml:1: name: must be text \(got 12345\)/ },
  { file: 'type-description-list.yaml', stderr: /type-description-list\.yaml:2: description: must be text \(got a list\)/ },
  { file: 'type-parameters-list.yaml', stderr: /type-parameters-list\.yaml:4: parameters: must be a mapping \(got a list\)/ },
  { file: 'type-extends-number.yaml', stderr: /type-extends-number\.yaml:3: extends: must be text \(got 2021\)/ },
  { file: 'type-threshold-string.yaml', stderr: /type-threshold-string\.yaml:6: policy\.threshold: must be a number \(got "1000"\)/ },
  { file: 'type-claims-fraction.yaml', stderr: /type-claims-fraction\.yaml:6: volume\.claims: must be a whole number \(got 2\.5\)/ },
  { file: 'type-group-as-value.yaml', stderr: /type-group-as-value\.yaml:5: policy: is a group of parameters \(threshold, .*\), not a value/ },
  { file: 'type-leaf-bad-tag.yaml', stderr: /type-leaf-bad-tag\.yaml:8: policy\.threshold: tag must be S \(stated by a source\) or E \(estimate\)/ },

  // Huge numbers, NaN, infinities, negative counts.
  { file: 'huge-threshold-1e400.yaml', stderr: /huge-threshold-1e400\.yaml:6: policy\.threshold: must be a number \(got Infinity\)/ },
  { file: 'huge-claims-1e308.yaml', stderr: /huge-claims-1e308\.yaml:6: volume\.claims: must be at most 1000000000 \(got 1e\+308\)/ },
  { file: 'nan-teams.yaml', stderr: /nan-teams\.yaml:6: world\.teams: must be a number \(got NaN\)/ },
  { file: 'inf-claims.yaml', stderr: /inf-claims\.yaml:6: volume\.claims: must be a number \(got Infinity\)/ },
  { file: 'negative-teams.yaml', stderr: /negative-teams\.yaml:6: world\.teams: must be at least 1 \(got -3\)\n\d+ problem found/ },
  // One problem, blamed on the overlay: not also "world.teams must not exceed the sellers" against the base file.
  { file: 'negative-sellers.yaml', stderr: /^error: [^\n]*negative-sellers\.yaml:6: sellers\.perClaim: must be positive \(got -100\)\n1 problem found/ },

  // extends that is a path, or leads nowhere.
  { file: 'extends-dotdot-passwd.yaml', stderr: /extends-dotdot-passwd\.yaml:3: extends: must name a scenario \(letters, digits, - _ \.\), not a path/ },
  { file: 'extends-absolute-passwd.yaml', stderr: /extends-absolute-passwd\.yaml:3: extends: must name a scenario .*not a path/ },
  { file: 'extends-relative-path.yaml', stderr: /extends-relative-path\.yaml:3: extends: must name a scenario .*not a path/ },
  { file: 'extends-missing.yaml', stderr: /extends-missing\.yaml:3: extends: base scenario "passwd" not found/ },

  // An alias bomb (10^10 nodes if expanded).
  { file: 'alias-bomb-parameters.yaml', stderr: /alias-bomb-parameters\.yaml: YAML aliases expand too far/ },

  // Not a scenario at all.
  { file: 'empty.yaml', stderr: /empty\.yaml: is empty/ },
  { file: 'only-comment.yaml', stderr: /only-comment\.yaml: is empty \(it holds only comments\)/ },
  { file: 'list-not-mapping.yaml', stderr: /list-not-mapping\.yaml:1: must be a mapping with name, description, extends and parameters/ },
  { file: 'scalar.json', stderr: /scalar\.json:1: must be a mapping with name, description, extends and parameters/ },

  // Keys that would reach a prototype, and keys a scenario does not have.
  { file: 'proto-in-parameters.yaml', stderr: /proto-in-parameters\.yaml:5: __proto__: "__proto__" is a reserved name/ },
  { file: 'constructor-nested.yaml', stderr: /constructor-nested\.yaml:6: constructor: "constructor" is a reserved name[\s\S]*constructor-nested\.yaml:7: prototype: "prototype" is a reserved name/ },
  { file: 'unknown-top-level-keys.yaml', stderr: /unknown-top-level-keys\.yaml:4: author: unknown key "author"[\s\S]*unknown-top-level-keys\.yaml:5: version: unknown key "version"/ },
  // YAML that builds something other than plain data.
  { file: 'tag-unknown.yaml', stderr: /tag-unknown\.yaml:6: YAML tag !money is not allowed/ },
  { file: 'tag-binary.yaml', stderr: /tag-binary\.yaml:6: YAML tag !!binary is not allowed/ },
  { file: 'key-complex.yaml', stderr: /key-complex\.yaml:5: a key must be a plain name, not a list or mapping/ },
  { file: 'root-without-meta.yaml', stderr: /root-without-meta\.yaml:5: policy\.threshold: a root scenario gives every parameter as \{ value, unit, description, tag, source \}/ },
];

beforeAll(requireBuiltCli);
afterAll(() => {
  console.info(timingSummary('corpus-files'));
  removeTempDirs();
});

describe('claimsim run refuses each committed hostile scenario file', () => {
  for (const c of CORPUS) {
    it(c.file, () => {
      const box = sandbox();
      const r = spawnCli(['run', fixture(c.file), '--out', box.out, '-w', '1'], box.cwd);
      expectRefused(r, box, { stderr: c.stderr });
    });
  }
});
