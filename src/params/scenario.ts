/**
 * Building a scenario: read a file and its `extends` chain, split the root's
 * metadata from its values, apply each overlay and then any `--set` override,
 * and validate the result. The references the chain defines are gathered root
 * first, and every `[key]` a parameter's source cites must name one of them.
 * Every problem names its file, line and field; all of them are reported at
 * once in a `ScenarioError`.
 *
 * Files come through `ScenarioFiles`, so this runs wherever JavaScript does:
 * `load.ts` reads them from disk, `scenarioFromText` from memory.
 *
 * Phase: load scenario → apply overlay. Pure.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { isAlias, parseDocument, stringify, visit } from 'yaml';
import { z } from 'zod';
import { isMetaLeaf, metaLeafSchema, overlayLeafSchema, type ParamMeta } from './meta.js';
import { applyOverlay, getIn, type Tree } from './overlay.js';
import { ScenarioError, type Problem } from './problems.js';
import { closestKey, REFERENCE_FIELDS, referencesSchema, unknownCitations, type Reference } from './references.js';
import { parametersSchema, plainText, type Parameters, type TieSide } from './schema.js';
import { CORE_TAG_PREFIX, lineOf, MAX_SCENARIO_BYTES, parseSource, PLAIN_TAGS, type ReadResult, type SourceFile } from './source.js';

const MAX_EXTENDS_DEPTH = 16;

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The file as given. */
  readonly file: string;
  /** Files of the `extends` chain, root first, ending with `file`. */
  readonly chain: readonly string[];
  /** SHA-256 of the chain's bytes and the command-line overrides. */
  readonly hash: string;
  readonly parameters: Parameters;
  readonly meta: Readonly<Record<string, ParamMeta>>;
  /** The references of the whole `extends` chain, root first: what a `[key]` in a parameter's source cites. */
  readonly references: Readonly<Record<string, Reference>>;
  /** Command-line overrides, as given (`path` → parsed value). */
  readonly overrides: Readonly<Record<string, unknown>>;
  /** What it was built from: `withOverrides` rebuilds it from these, with more overrides. */
  readonly source: { readonly files: ScenarioFiles; readonly set: readonly (string | Assignment)[] };
}

export interface LoadOptions {
  /** `path=value` overrides, applied after the file, with the same validation. */
  readonly set?: readonly (string | Assignment)[];
}

/** Where a scenario's files come from: the disk (`load.ts`), or memory. */
export interface ScenarioFiles {
  /** The file at `path`, parsed, or the problems that refuse it. */
  read(path: string): ReadResult;
  /** One name for every path that reaches the same file: how a circular `extends` is found. */
  identity(path: string): string;
  /** The file `extends: name` leads to from the file at `from`, if any. */
  base(name: string, from: string): string | undefined;
}

/**
 * A `path=value` an analysis sets (a sweep point, a calibration trial) and the
 * option that chose it: problems name that option, and blame it before a plain
 * `--set`, which stays the same from run to run.
 */
export interface Assignment {
  readonly text: string;
  readonly from: string;
}

const fileShape = z.strictObject({
  name: plainText('name').min(1, 'must not be empty').max(200, 'is longer than 200 characters'),
  description: plainText('description').max(2000, 'is longer than 2000 characters'),
  extends: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must name a scenario (letters, digits, - _ .), not a path')
    .optional(),
  references: referencesSchema.optional(),
  parameters: z.record(z.string(), z.unknown()),
});

interface Layer {
  readonly file: SourceFile;
  readonly name: string;
  readonly description: string;
  readonly references: Readonly<Record<string, Reference>>;
  readonly parameters: Tree;
}

/** Where a leaf's value was last set: the file and the path inside its YAML document. */
interface Origin {
  readonly file: SourceFile | null;
  readonly label: string;
  readonly docPath: readonly (string | number)[];
  /** Which layer set it: 0 for the root, then each overlay in turn, then `--set`, then an analysis's own values. */
  readonly rank: number;
}

/** The scenario of the file at `path`, its `extends` chain read through `files`. */
export function buildScenario(path: string, given: ScenarioFiles, options: LoadOptions = {}): Scenario {
  const problems: Problem[] = [];
  const files = remembered(given);
  const chain = readChain(path, files, [], problems);
  if (!chain) throw new ScenarioError(problems);

  const [root, ...overlays] = chain as [Layer, ...Layer[]];
  const { references, knownAt } = collectReferences(chain, problems);
  if (problems.length > 0) throw new ScenarioError(problems);
  // No prototype: parameter paths are looked up as keys, and no path may reach Object.prototype.
  const meta: Record<string, ParamMeta> = Object.create(null) as Record<string, ParamMeta>;
  const origins = new Map<string, Origin>();
  const rootValues = splitRoot(root, knownAt[0]!, meta, origins, problems);
  if (problems.length > 0) throw new ScenarioError(problems);

  // Overlay and --set problems are collected, and the values they did not spoil are still checked,
  // so that every problem is reported at once.
  const changes = new Map<string, unknown>();
  for (const [i, layer] of overlays.entries()) collectOverlay(layer, i + 1, knownAt[i + 1]!, meta, origins, changes, problems);
  const current = (leaf: string) => getIn(applyOverlay(rootValues, changes), leaf);
  const overrides = collectSets(options.set ?? [], overlays.length + 1, current, meta, origins, changes, problems);
  const values = applyOverlay(rootValues, changes);
  const parsed = parametersSchema.safeParse(values, { reportInput: true });
  if (!parsed.success) problems.push(...parsed.error.issues.flatMap((issue) => problemsOfIssue(issue, root, origins)));
  if (problems.length > 0 || !parsed.success) throw new ScenarioError(problems);

  const last = chain[chain.length - 1]!;
  return {
    name: last.name,
    description: last.description,
    file: path,
    chain: chain.map((l) => l.file.path),
    hash: hashOf(chain, overrides),
    parameters: parsed.data,
    meta,
    references,
    overrides,
    source: { files, set: options.set ?? [] },
  };
}

/**
 * The same scenario with more `path=value` overrides after its own (a sweep's
 * point, a calibration's trial), read and checked as the first ones were.
 */
export function withOverrides(scenario: Scenario, set: readonly (string | Assignment)[]): Scenario {
  if (set.length === 0) return scenario;
  return buildScenario(scenario.file, scenario.source.files, { set: [...scenario.source.set, ...set] });
}

/** Reads `path` and the bases it extends, root first; `null` after recording problems. */
/** A file of the chain being read: its identity (how a cycle is found) and its path (how one is told). */
interface Visited {
  readonly identity: string;
  readonly path: string;
}

function readChain(path: string, files: ScenarioFiles, seen: readonly Visited[], problems: Problem[]): Layer[] | null {
  const read = files.read(path);
  if (!read.ok) {
    problems.push(...read.problems);
    return null;
  }
  const file = read.file;
  const shape = fileShape.safeParse(file.data, { reportInput: true });
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        const docPath = key === undefined ? issue.path.map(String) : [...issue.path.map(String), key];
        const field = docPath.join('.') || undefined;
        problems.push({ file: path, line: lineOf(file, docPath), field, message: topLevelMessage(issue, key) });
      }
    }
    return null;
  }
  const layer: Layer = { file, name: shape.data.name, description: shape.data.description, references: shape.data.references ?? {}, parameters: shape.data.parameters };
  const base = shape.data.extends;
  if (base === undefined) return [layer];

  const trail = [...seen, { identity: files.identity(path), path }];
  const line = lineOf(file, ['extends']);
  if (trail.length > MAX_EXTENDS_DEPTH) {
    problems.push({ file: path, line, field: 'extends', message: `the extends chain is deeper than ${MAX_EXTENDS_DEPTH} files` });
    return null;
  }
  const basePath = files.base(base, path);
  if (!basePath) {
    problems.push({ file: path, line, field: 'extends', message: `base scenario "${base}" not found (looked for ${base}.yaml beside this file and among the bundled scenarios)` });
    return null;
  }
  const baseReal = files.identity(basePath);
  const again = trail.findIndex((v) => v.identity === baseReal);
  if (again >= 0) {
    // Told by the names as written; a link back to a file of the chain says which file it is.
    const first = fileNameOf(trail[again]!.path);
    const last = fileNameOf(basePath);
    const cycle = [...trail.slice(again).map((v) => fileNameOf(v.path)), last === first ? last : `${last} (the same file as ${first})`].join(' -> ');
    problems.push({ file: path, line, field: 'extends', message: `circular extends: ${cycle}` });
    return null;
  }
  const bases = readChain(basePath, files, trail, problems);
  return bases ? [...bases, layer] : null;
}

/**
 * `files`, remembering every answer: a scenario rebuilt with more overrides
 * (`withOverrides`) reads the bytes it was first built from, never a file
 * changed since. Files already remembered are kept as they are.
 */
function remembered(files: ScenarioFiles): ScenarioFiles {
  if (REMEMBERED.has(files)) return files;
  const reads = new Map<string, ReadResult>();
  const identities = new Map<string, string>();
  const bases = new Map<string, string | undefined>();
  const once = <T>(cache: Map<string, T>, key: string, answer: () => T): T => {
    if (!cache.has(key)) cache.set(key, answer());
    return cache.get(key) as T;
  };
  const memo: ScenarioFiles = {
    read: (path) => once(reads, path, () => files.read(path)),
    identity: (path) => once(identities, path, () => files.identity(path)),
    base: (name, from) => once(bases, `${name}\0${from}`, () => files.base(name, from)),
  };
  REMEMBERED.add(memo);
  return memo;
}
const REMEMBERED = new WeakSet<ScenarioFiles>();

/** The file name `extends: name` stands for. */
export function baseFileName(name: string): string {
  return /\.ya?ml$/.test(name) ? name : `${name}.yaml`;
}

/** The last part of a path, on any platform. */
function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * The references of the chain, root first, and for each layer the keys it may
 * cite: its own and its bases'. A key names one source along the chain, so a
 * file may not define again a key its bases define.
 */
function collectReferences(chain: readonly Layer[], problems: Problem[]): { references: Record<string, Reference>; knownAt: ReadonlySet<string>[] } {
  const references: Record<string, Reference> = Object.create(null) as Record<string, Reference>;
  const definedIn = new Map<string, Layer>();
  const knownAt: ReadonlySet<string>[] = [];
  for (const layer of chain) {
    for (const [key, reference] of Object.entries(layer.references)) {
      const earlier = definedIn.get(key);
      if (earlier) {
        const line = lineOf(earlier.file, ['references', key]);
        problems.push({
          file: layer.file.path,
          line: lineOf(layer.file, ['references', key]),
          field: `references.${key}`,
          message: `is already defined in ${earlier.file.path}${line === undefined ? '' : `:${line}`}, which this file extends; a key names one source along the chain, so choose another key`,
        });
        continue;
      }
      definedIn.set(key, layer);
      references[key] = reference;
    }
    const known = new Set(definedIn.keys());
    // A reference's own text may point to another ("with [other-key]"), of this file or its bases.
    for (const [key, reference] of Object.entries(layer.references)) {
      for (const field of ['accessed', 'note'] as const) {
        problems.push(...citationProblems(reference[field], known, layer.file, ['references', key, field], `references.${key}.${field}`, field));
      }
    }
    knownAt.push(known);
  }
  return { references, knownAt };
}

/** A problem for each `[key]` in a text (a leaf's source, a reference's note) that the references its layer may cite do not define. */
function citationProblems(text: string | undefined, known: ReadonlySet<string>, file: SourceFile, textPath: readonly string[], field: string, what: string): Problem[] {
  if (text === undefined) return [];
  return unknownCitations(text, known).map((key) => {
    const near = closestKey(key, known);
    const hint = near
      ? `; did you mean [${near}]?`
      : known.size === 0
        ? '; this file and its bases define no references (add a references: block)'
        : `; defined here: ${[...known]
            .slice(0, 10)
            .map((k) => `[${k}]`)
            .join(', ')}${known.size > 10 ? `, and ${known.size - 10} more` : ''}`;
    return { file: file.path, line: lineOf(file, textPath), field, message: `${what} cites [${key}], which no reference in this file or the scenarios it extends defines${hint}` };
  });
}

/** The root scenario states every parameter with its metadata; returns the plain values. */
function splitRoot(root: Layer, known: ReadonlySet<string>, meta: Record<string, ParamMeta>, origins: Map<string, Origin>, problems: Problem[]): Tree {
  const walk = (node: unknown, keys: string[]): unknown => {
    const docPath = ['parameters', ...keys];
    const field = keys.join('.');
    if (isMetaLeaf(node)) {
      const leaf = metaLeafSchema.safeParse(node);
      if (!leaf.success) {
        for (const issue of leaf.error.issues) {
          problems.push({ file: root.file.path, line: lineOf(root.file, [...docPath, ...issue.path.map(String)]), field, message: issue.message });
        }
        return undefined;
      }
      const { value, ...rest } = leaf.data;
      problems.push(...citationProblems(rest.source, known, root.file, [...docPath, 'source'], field, 'source'));
      meta[field] = rest;
      origins.set(field, { file: root.file, label: root.file.path, docPath: [...docPath, 'value'], rank: 0 });
      return value;
    }
    if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...keys, k])]));
    }
    problems.push({
      file: root.file.path,
      line: lineOf(root.file, docPath),
      field,
      message: 'a root scenario gives every parameter as { value, unit, description, tag, source }',
    });
    return undefined;
  };
  return walk(root.parameters, []) as Tree;
}

/** Records the values an overlay changes, refusing parameters the root does not have. */
function collectOverlay(
  layer: Layer,
  rank: number,
  known: ReadonlySet<string>,
  meta: Record<string, ParamMeta>,
  origins: Map<string, Origin>,
  changes: Map<string, unknown>,
  problems: Problem[],
): void {
  const walk = (node: unknown, keys: string[]): void => {
    const field = keys.join('.');
    const docPath = ['parameters', ...keys];
    const leafMeta = meta[field];
    if (leafMeta) {
      let value = node;
      let valuePath: (string | number)[] = docPath;
      if (isMetaLeaf(node)) {
        const leaf = overlayLeafSchema.safeParse(node);
        if (!leaf.success) {
          for (const issue of leaf.error.issues) {
            problems.push({ file: layer.file.path, line: lineOf(layer.file, [...docPath, ...issue.path.map(String)]), field, message: issue.message });
          }
          return;
        }
        const { value: v, ...rest } = leaf.data;
        problems.push(...citationProblems(rest.source, known, layer.file, [...docPath, 'source'], field, 'source'));
        value = v;
        valuePath = [...docPath, 'value'];
        Object.assign(leafMeta, rest);
      }
      leafMeta.changedBy = layer.file.path;
      changes.set(field, value);
      origins.set(field, { file: layer.file, label: layer.file.path, docPath: valuePath, rank });
      return;
    }
    const children = childNames(meta, field);
    if (children.length === 0) {
      const parent = keys.slice(0, -1).join('.');
      problems.push({ file: layer.file.path, line: lineOf(layer.file, docPath), field, message: `unknown parameter (known here: ${childNames(meta, parent).join(', ')})` });
      return;
    }
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push({ file: layer.file.path, line: lineOf(layer.file, docPath), field, message: `is a group of parameters (${children.join(', ')}), not a value` });
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, [...keys, k]);
  };
  walk(layer.parameters, []);
}

/** Parses `path=value` overrides; a path may name a leaf or reach inside one. */
function collectSets(
  sets: readonly (string | Assignment)[],
  rank: number,
  current: (leaf: string) => unknown,
  meta: Record<string, ParamMeta>,
  origins: Map<string, Origin>,
  changes: Map<string, unknown>,
  problems: Problem[],
): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const set of sets) {
    const { text: raw, from } = typeof set === 'string' ? { text: set, from: '--set' } : set;
    // An analysis's own values (a sweep point) change from run to run: blamed before the user's fixed --set.
    const setRank = typeof set === 'string' ? rank : rank + 1;
    const eq = raw.indexOf('=');
    if (eq <= 0) {
      problems.push({ file: from, message: `"${raw}" is not of the form path=value` });
      continue;
    }
    const path = raw.slice(0, eq).trim();
    const text = raw.slice(eq + 1).trim();
    const leaf = leafContaining(meta, path);
    if (!leaf) {
      const children = childNames(meta, path);
      const known = childNames(meta, path.split('.').slice(0, -1).join('.'));
      const message = children.length > 0 ? `is a group of parameters (${children.join(', ')}), not a value` : `unknown parameter${known.length ? ` (known here: ${known.join(', ')})` : ''}`;
      problems.push({ file: from, field: path, message });
      continue;
    }
    const inside = path === leaf ? undefined : unreachable(current(leaf), leaf, path.slice(leaf.length + 1).split('.'));
    if (inside) {
      problems.push({ file: from, field: path, message: inside });
      continue;
    }
    const parsedValue = parseSetValue(text);
    if ('refused' in parsedValue) {
      problems.push({ file: from, field: path, message: parsedValue.refused });
      continue;
    }
    const value = parsedValue.value;
    overrides[path] = value;
    changes.set(path, value);
    meta[leaf]!.changedBy = from;
    origins.set(leaf, { file: null, label: from, docPath: [], rank: setRank });
  }
  return overrides;
}

/**
 * The YAML value of a `--set`, by the rules of a scenario file: plain data
 * only (no tags that build other objects, no aliases), and what YAML would
 * only warn about (a tag that does not fit its value) is a problem, never a
 * warning Node prints.
 */
function parseSetValue(text: string): { value: unknown } | { refused: string } {
  const doc = parseDocument(text, { prettyErrors: false, strict: true, uniqueKeys: true });
  if (doc.errors.length > 0) return { refused: `cannot read the value "${text}" (${doc.errors[0]!.message.split('\n')[0]!.trim()})` };
  for (const w of doc.warnings) {
    const tag = w.code === 'TAG_RESOLVE_FAILED' ? [...PLAIN_TAGS].find((t) => w.message.endsWith(t)) : undefined;
    if (tag) return { refused: `YAML tag ${tag.replace(CORE_TAG_PREFIX, '!!')} does not fit its value; write the value without a tag` };
  }
  let refused: string | undefined;
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) refused ??= 'a --set value cannot use a YAML alias';
      else if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag))
        refused ??= `YAML tag ${node.tag.replace(CORE_TAG_PREFIX, '!!')} is not allowed (a --set value is a plain number, text, list or mapping)`;
    },
  });
  if (refused) return { refused };
  const other = doc.warnings[0];
  if (other) return { refused: `YAML: ${other.message.split('\n')[0]!.trim()}` };
  try {
    return { value: doc.toJS({ maxAliasCount: 0 }) };
  } catch (e) {
    return { refused: `cannot read the value "${text}" (${(e as Error).message.split('\n')[0]!.trim()})` };
  }
}

/**
 * Why `keys` do not lead to an existing place inside the leaf's value, or
 * `undefined` if they do: a --set may change a list item or a share, never add one
 * (an index like "x" or "-1" would otherwise be set and then ignored).
 */
function unreachable(value: unknown, leaf: string, keys: readonly string[]): string | undefined {
  let at = value;
  let where = leaf;
  for (const key of keys) {
    if (Array.isArray(at)) {
      if (at.length === 0) return `${where} is an empty list: set the whole list instead (--set '${where}=[...]')`;
      if (!/^\d+$/.test(key) || Number(key) >= at.length) return `${where} is a list of ${at.length}: "${key}" is not one of its indexes (0 to ${at.length - 1})`;
      at = at[Number(key)];
    } else if (typeof at === 'object' && at !== null) {
      if (!Object.hasOwn(at, key)) return `${where} has no "${key}" (it has ${Object.keys(at).join(', ')})`;
      at = (at as Tree)[key];
    } else {
      return `${where} is a single value; there is nothing inside it to set`;
    }
    where = `${where}.${key}`;
  }
  return undefined;
}

function leafContaining(meta: Record<string, ParamMeta>, path: string): string | undefined {
  const keys = path.split('.');
  for (let n = keys.length; n > 0; n--) {
    const prefix = keys.slice(0, n).join('.');
    if (meta[prefix]) return prefix;
  }
  return undefined;
}

/**
 * Names of the parameters or groups directly under `group` ('' for the top).
 * Remembered per group: an overlay of 40,000 unknown keys asks 80,000 times, and
 * the root's parameters, the only ones `meta` holds, are all known by then.
 */
function childNames(meta: Record<string, ParamMeta>, group: string): string[] {
  let byGroup = childNameCache.get(meta);
  if (!byGroup) childNameCache.set(meta, (byGroup = new Map()));
  const known = byGroup.get(group);
  if (known) return known.slice();
  const prefix = group === '' ? '' : `${group}.`;
  const names = new Set<string>();
  for (const path of Object.keys(meta)) {
    if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('.')[0]!);
  }
  byGroup.set(group, [...names]);
  return [...names];
}
const childNameCache = new WeakMap<Record<string, ParamMeta>, Map<string, string[]>>();

function problemsOfIssue(issue: z.core.$ZodIssue, root: Layer, origins: Map<string, Origin>): Problem[] {
  const keys = issue.path.map(String);
  const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...keys, k]) : [keys];
  const problem = (f: readonly string[], message: string): Problem => {
    const field = f.join('.');
    const origin = originOf(f, origins);
    const file = origin?.file ?? (origin ? null : root.file);
    const line = file ? lineOf(file, origin ? [...origin.docPath, ...f.slice(origin.leafDepth)] : ['parameters', ...f]) : undefined;
    return { file: origin?.label ?? root.file.path, line, field: field || undefined, message };
  };
  const sides = issue.code === 'custom' ? (issue.params as { sides?: readonly TieSide[] } | undefined)?.sides : undefined;
  if (sides) {
    // The side set last; on equal ranks the first, which the rule is stated from.
    const blamed = sides.reduce((best, side) => (rankOf(side.path, origins) > rankOf(best.path, origins) ? side : best));
    return [problem(blamed.path, blamed.message)];
  }
  return fields.map((f) => problem(f, valueMessage(issue)));
}

function rankOf(keys: readonly string[], origins: Map<string, Origin>): number {
  return originOf(keys, origins)?.rank ?? 0;
}

function originOf(keys: readonly string[], origins: Map<string, Origin>): (Origin & { leafDepth: number }) | undefined {
  for (let n = keys.length; n > 0; n--) {
    const origin = origins.get(keys.slice(0, n).join('.'));
    if (origin) return { ...origin, leafDepth: n };
  }
  return undefined;
}

function valueMessage(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? ` (got ${describe(issue.input)})` : '';
  switch (issue.code) {
    case 'invalid_type':
      return typeMessage(issue);
    case 'unrecognized_keys':
      return 'unknown parameter';
    case 'custom':
      // A rule between parameters: its message names the values; the input is the whole group.
      return issue.message;
    default:
      return `${issue.message}${got}`;
  }
}

function topLevelMessage(issue: z.core.$ZodIssue, key: string | undefined): string {
  if (issue.path[0] === 'references') return referenceMessage(issue, key);
  if (issue.code === 'unrecognized_keys') return `unknown key "${key}" (a scenario has name, description, extends, references and parameters)`;
  // The kind only, never the content: this may be a file that is no scenario at all (extends reaching /etc/passwd).
  if (issue.code === 'invalid_type' && issue.path.length === 0) return `must be a mapping with name, description, extends and parameters (got ${kindOf(issue.input)})`;
  if (issue.code === 'invalid_type') return typeMessage(issue);
  return issue.message;
}

/** A problem inside the `references:` block, in the words of its format. */
function referenceMessage(issue: z.core.$ZodIssue, key: string | undefined): string {
  const depth = issue.path.length;
  if (issue.code === 'unrecognized_keys') return `unknown key "${key}" (a reference has ${REFERENCE_FIELDS.join(', ')})`;
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  if (issue.code === 'invalid_type' && depth === 1) return `must be a mapping from a short key to a reference { ${REFERENCE_FIELDS.join(', ')} } (got ${kindOf(issue.input)})`;
  if (issue.code === 'invalid_type' && depth === 2) return `must be a reference { ${REFERENCE_FIELDS.join(', ')} } (got ${kindOf(issue.input)})`;
  if (issue.code === 'invalid_type') return typeMessage(issue);
  return issue.message;
}

/** Zod's names for types, as a scenario's author would say them. */
const TYPE_NAMES: Readonly<Record<string, string>> = { int: 'a whole number', number: 'a number', string: 'text', object: 'a mapping', record: 'a mapping', array: 'a list', boolean: 'true or false' };

function typeMessage(issue: z.core.$ZodIssueInvalidType): string {
  const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
  return issue.input === undefined ? `is missing (expected ${expected})` : `must be ${expected} (got ${describe(issue.input)})`;
}

function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'text';
  return typeof value === 'number' || typeof value === 'boolean' ? `a ${typeof value}` : describe(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function hashOf(chain: readonly Layer[], overrides: Record<string, unknown>): string {
  const hash = sha256.create();
  const separator = new Uint8Array(1);
  for (const layer of chain) hash.update(layer.file.bytes).update(separator);
  hash.update(new TextEncoder().encode(JSON.stringify(overrides)));
  return bytesToHex(hash.digest());
}

export interface TextScenarioOptions extends LoadOptions {
  /** What problems call the text (default `scenario.yaml`). */
  readonly name?: string;
  /** Scenarios the text may extend, by file name (`baseline.yaml`) or through other files. */
  readonly bases?: Readonly<Record<string, string>> | ScenarioFiles;
}

/** The scenario a YAML text states; `extends` reaches only the `bases` given. */
export function scenarioFromText(text: string, options: TextScenarioOptions = {}): Scenario {
  const name = options.name ?? 'scenario.yaml';
  return buildScenario(name, memoryFiles({ [name]: text }, options.bases), options);
}

/**
 * The scenario a plain object states (the shape of a scenario file: name,
 * description, parameters, and optionally extends and references). It is
 * written out as YAML and read back, so it meets every check a file meets.
 */
export function scenarioFromObject(data: Readonly<Record<string, unknown>>, options: TextScenarioOptions = {}): Scenario {
  return scenarioFromText(stringify(data), options);
}

/** Files held in memory by name, then whatever `others` holds. */
export function memoryFiles(texts: Readonly<Record<string, string>>, others?: Readonly<Record<string, string>> | ScenarioFiles): ScenarioFiles {
  const fallback = others === undefined || isScenarioFiles(others) ? others : memoryFiles(others);
  const own = (path: string) => Object.hasOwn(texts, path);
  return {
    read: (path) => (own(path) ? parseText(path, texts[path]!) : fallback ? fallback.read(path) : { ok: false, problems: [{ file: path, message: 'no such scenario' }] }),
    identity: (path) => (own(path) ? `memory:${path}` : (fallback?.identity(path) ?? path)),
    base: (name, from) => {
      const file = baseFileName(name);
      return own(file) ? file : fallback?.base(name, from);
    },
  };
}

/** A scenario held in memory, with the size limit a file has. */
function parseText(path: string, text: string): ReadResult {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_SCENARIO_BYTES) return { ok: false, problems: [{ file: path, message: `is ${bytes.length} bytes; scenario files are limited to ${MAX_SCENARIO_BYTES}` }] };
  return parseSource(path, bytes);
}

/** Whether `x` is a `ScenarioFiles` rather than a record of texts by file name. */
export function isScenarioFiles(x: object): x is ScenarioFiles {
  return typeof (x as Partial<ScenarioFiles>).read === 'function';
}
