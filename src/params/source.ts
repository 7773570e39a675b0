/**
 * Reading one scenario file: bytes to a YAML document with line positions,
 * refusing what is not a sane scenario (not UTF-8, too large, malformed YAML,
 * alias bombs) with problems that name the file and line.
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems.js';

/** Scenario files are small; anything larger is a mistake or an attack. */
const MAX_FILE_BYTES = 1_000_000;
/** Each alias may be expanded at most this often, which bounds "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

export interface SourceFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The document as plain data, if it parsed. */
  readonly data: unknown;
}

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; problems: Problem[] };

export function readSourceFile(path: string): ReadResult {
  const fail = (message: string, line?: number): ReadResult => ({ ok: false, problems: [{ file: path, line, message }] });
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return fail('is not a file');
    if (stat.size > MAX_FILE_BYTES) return fail(`is ${stat.size} bytes; scenario files are limited to ${MAX_FILE_BYTES}`);
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`);
  }
  return parseSource(path, bytes);
}

export function parseSource(path: string, bytes: Buffer): ReadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ file: path, line: firstInvalidUtf8Line(bytes), message: 'is not valid UTF-8 text' }] };
  }
  if (text.trim() === '') return { ok: false, problems: [{ file: path, message: 'is empty' }] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ file: path, line: e.linePos?.[0].line, message: `malformed YAML: ${firstLine(e.message)}` })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { ok: false, problems: [{ file: path, message: `YAML aliases expand too far (${firstLine((e as Error).message)})` }] };
  }
  return { ok: true, file: { path, bytes, doc, lines, data } };
}

/** 1-based line of the node at `docPath`, or of its nearest ancestor that exists. */
export function lineOf(file: SourceFile, docPath: readonly (string | number)[]): number | undefined {
  for (let n = docPath.length; n >= 0; n--) {
    const node = file.doc.getIn(docPath.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return file.lines.linePos(node.range[0]).line;
    // A key whose value is null has no node; find the pair's key instead.
    const parent = n > 0 ? (file.doc.getIn(docPath.slice(0, n - 1), true) as { items?: { key: { value?: unknown; range?: [number, number, number] } }[] } | undefined) : undefined;
    const key = parent?.items?.find((pair) => pair.key?.value === docPath[n - 1])?.key;
    if (key?.range) return file.lines.linePos(key.range[0]).line;
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

function firstInvalidUtf8Line(bytes: Buffer): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return undefined;
}
