/**
 * Reading one scenario file: bytes to a YAML document with line positions,
 * refusing what is not a sane scenario (not UTF-8, malformed YAML, alias
 * bombs) with problems that name the file and line. Pure: the bytes come
 * from `load.ts` (the disk) or from memory.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import { decodeUtf8 } from '../utf8.js';
import type { Problem } from './problems.js';

/** Each alias may be expanded at most this often, which bounds "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;
/** Keys that would reach an object's prototype when the document becomes plain data. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Explicit tags a scenario may use: the JSON-compatible core types, nothing that builds other objects. */
export const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';
export const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE_TAG_PREFIX + t));

/** Scenario files are small; anything larger is a mistake or an attack. */
export const MAX_SCENARIO_BYTES = 1_000_000;

export interface SourceFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The document as plain data, if it parsed. */
  readonly data: unknown;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; problems: Problem[] };

export function parseSource(path: string, bytes: Uint8Array): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) return { ok: false, problems: [{ file: path, line: decoded.invalidLine, message: 'is not valid UTF-8 text' }] };
  const text = decoded.text;
  if (text.trim() === '') return { ok: false, problems: [{ file: path, message: 'is empty' }] };
  const lines = new LineCounter();
  // Keys are checked for repeats below: the yaml library's own check compares each key with every earlier one,
  // which for an overlay of 40,000 keys takes ten seconds.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file: path, line: lines.linePos(e.pos[0]).line, message: `malformed YAML: ${firstLine(e.message)}` })),
    };
  }
  if (doc.contents === null) return { ok: false, problems: [{ file: path, message: 'is empty (it holds only comments)' }] };
  const lineAt = (range: readonly number[] | null | undefined) => lines.linePos(range?.[0] ?? 0).line;
  // Warnings mean the data is not what the author wrote. A tag that failed to resolve is reported below if it is
  // not plain data (`!foo`, like every such tag), and here if it is a plain one that does not fit its value (`!!float 500`).
  const refused: Problem[] = doc.warnings.flatMap((w) => {
    const line = lines.linePos(w.pos[0]).line;
    if (w.code !== 'TAG_RESOLVE_FAILED') return [{ file: path, line, message: `YAML: ${firstLine(w.message)}` }];
    const tag = [...PLAIN_TAGS].find((t) => w.message.endsWith(t));
    return tag ? [{ file: path, line, message: `YAML tag ${tag.replace(CORE_TAG_PREFIX, '!!')} does not fit its value; write the value without a tag` }] : [];
  });
  visit(doc, {
    Node(_, node) {
      if (isMap(node)) {
        const seen = new Set<unknown>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          if (seen.has(pair.key.value)) refused.push({ file: path, line: lineAt(pair.key.range), message: 'malformed YAML: Map keys must be unique' });
          seen.add(pair.key.value);
        }
      }
      if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) {
        refused.push({ file: path, line: lineAt(node.range), message: `YAML tag ${node.tag.replace(CORE_TAG_PREFIX, '!!')} is not allowed (scenarios hold plain numbers, text, lists and mappings)` });
      }
    },
    Pair(_, pair) {
      if (isAlias(pair.key)) {
        // An alias key repeats another key's name behind uniqueKeys' back, so one value silently replaces the other.
        refused.push({ file: path, line: lineAt(pair.key.range), message: `an alias (*${pair.key.source}) cannot be a key; write the name` });
      } else if (!isScalar(pair.key)) {
        refused.push({ file: path, line: lineAt((pair.key as { range?: number[] } | null)?.range), message: 'a key must be a plain name, not a list or mapping' });
      } else if (RESERVED_KEYS.has(String(pair.key.value))) {
        const key = String(pair.key.value);
        refused.push({ file: path, line: lineAt(pair.key.range), field: key, message: `"${key}" is a reserved name and cannot be a key` });
      }
    },
  });
  if (refused.length > 0) return { ok: false, problems: refused };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { ok: false, problems: [{ file: path, message: `YAML aliases expand too far (${firstLine((e as Error).message)})` }] };
  }
  return { ok: true, file: { path, bytes, doc, lines, data } };
}

/**
 * 1-based line of the field at `docPath`: the line of its key in a mapping,
 * of the item in a list, or of the deepest part of the path that exists.
 */
export function lineOf(file: SourceFile, docPath: readonly (string | number)[]): number | undefined {
  const lineAt = (range: readonly number[] | null | undefined) => (range ? file.lines.linePos(range[0]!).line : undefined);
  let node: unknown = file.doc.contents;
  let line = lineAt((node as { range?: number[] } | null)?.range);
  for (const segment of docPath) {
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(segment));
      if (!pair) break;
      line = lineAt((pair.key as { range?: number[] }).range) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      line = lineAt((item as { range?: number[] }).range) ?? line;
      node = item;
    } else break;
  }
  return line;
}

/** A mapping's pairs by key, the first of each, built once per mapping: one lookup per problem, not a scan. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      if (!index.has(key)) index.set(key, pair as Pair);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
