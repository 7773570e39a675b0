/**
 * Reading historical claim amounts from a CSV: one column, chosen by its
 * header name, every other column ignored. A row whose amount is not a
 * positive finite decimal number (empty, text, zero, negative, NaN) or whose
 * field count differs from the header's is a bad row, reported by its line in
 * the file (the header is line 1). Bad rows refuse the whole file unless the
 * caller asks to skip them; skipped rows are returned so they can be counted.
 *
 * Phase: before the pipeline (input to `fit`). Parsing is csv-parse's (RFC 4180
 * quoting, multi-line fields); this module only decides what a usable amount is.
 */
import { createHash } from 'node:crypto';
import { NotARegularFile, readRegularFile } from '../../io/readRegularFile.js';
import { CsvError, parse } from 'csv-parse/sync';
import { FitInputError } from './errors.js';
import { decodeUtf8 } from '../../utf8.js';

/** The fewest usable amounts a fit accepts. */
export const MIN_AMOUNTS = 10;

/** A claims CSV larger than this is refused before it is read (about ten million rows of a few columns). */
const MAX_CSV_BYTES = 512 * 1024 * 1024;

/** Bad rows listed in an error message; the rest are counted. */
const MAX_LISTED = 10;

export interface BadRow {
  /** 1-based line in the file where the row starts (the header is line 1). */
  readonly line: number;
  readonly reason: string;
}

export interface ClaimAmounts {
  readonly file: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly column: string;
  /** Usable amounts (USD), in file order. */
  readonly values: readonly number[];
  /** Bad rows that were skipped (empty unless `skipBad`). */
  readonly skipped: readonly BadRow[];
}

export interface ReadOptions {
  /** Header name of the amount column. Default `amount`. */
  readonly column?: string;
  /** Skip bad rows instead of refusing the file. */
  readonly skipBad?: boolean;
}

/** Reads `file` and returns its usable amounts; throws `FitInputError` naming the file. */
export function readClaimAmounts(file: string, options: ReadOptions = {}): ClaimAmounts {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_CSV_BYTES, 'claims CSV files');
  } catch (e) {
    if (e instanceof NotARegularFile) throw new FitInputError(`${file}: ${e.reason}`);
    throw e;
  }
  // Decoded loosely, a binary file would reach the CSV parser and its bytes the error message.
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) {
    const line = decoded.invalidLine;
    throw new FitInputError(`${file}${line ? `:${line}` : ''}: is not UTF-8 text (export the claims as a UTF-8 CSV file)`);
  }
  return { ...parseClaimAmounts(decoded.text, file, options), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The amounts in CSV `text`; `file` names it in messages. */
export function parseClaimAmounts(text: string, file: string, options: ReadOptions = {}): Omit<ClaimAmounts, 'sha256'> {
  const column = options.column ?? 'amount';
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new FitInputError(`${file}: is empty`);
  const rows = parseRows(text, file);
  // A file usually ends with a newline; blank lines after the last row are not rows.
  while (rows.length > 1 && isBlank(rows[rows.length - 1]!.fields)) rows.pop();

  const header = rows[0]!.fields.map((h) => h.trim());
  const index = header.indexOf(column);
  if (index < 0) throw new FitInputError(`${file}: no column "${column}" in the header (it has ${header.map((h) => JSON.stringify(h)).join(', ')}); choose one with --column`);
  if (header.indexOf(column, index + 1) >= 0) throw new FitInputError(`${file}: the header names column "${column}" more than once`);
  if (rows.length === 1) throw new FitInputError(`${file}: has a header but no rows`);

  const values: number[] = [];
  const bad: BadRow[] = [];
  for (const { line, fields } of rows.slice(1)) {
    const reason = isBlank(fields) ? 'is blank' : fields.length !== header.length ? `has ${fields.length} fields, the header has ${header.length}` : amountProblem(fields[index]!);
    if (reason) bad.push({ line, reason });
    else values.push(Number(fields[index]!.trim()));
  }
  if (bad.length > 0 && !options.skipBad) {
    const listed = bad.slice(0, MAX_LISTED).map((b) => `line ${b.line} ${b.reason}`);
    const more = bad.length > MAX_LISTED ? `; and ${bad.length - MAX_LISTED} more` : '';
    throw new FitInputError(`${file}: ${bad.length} bad row${bad.length === 1 ? '' : 's'} in column "${column}": ${listed.join('; ')}${more} (--skip-bad skips them)`);
  }
  if (values.length < MIN_AMOUNTS) {
    const skipped = bad.length > 0 ? ` (${bad.length} bad row${bad.length === 1 ? '' : 's'} skipped)` : '';
    throw new FitInputError(`${file}: only ${values.length} usable amount${values.length === 1 ? '' : 's'} in column "${column}"${skipped}; a fit needs at least ${MIN_AMOUNTS}`);
  }
  return { file, column, values, skipped: bad };
}

/** Why `text` is not a usable amount, or `undefined` if it is one. */
function amountProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'has an empty amount';
  // Plain decimal notation only: not hex, "Infinity", "NaN", "1,234" or "$12".
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return `has ${JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}...` : t)}, not a number`;
  const x = Number(t);
  if (!Number.isFinite(x)) return `has ${t}, too large to be a number`;
  if (x <= 0) return `has ${t}, not a positive amount`;
  return undefined;
}

interface Row {
  readonly line: number;
  readonly fields: string[];
}

/** Every record of the file with the line it starts on; csv-parse tells the line each one ends on. */
function parseRows(text: string, file: string): Row[] {
  const rows: Row[] = [];
  let lastLine = 0;
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (fields, context) => {
        rows.push({ line: lastLine + 1, fields });
        lastLine = context.lines;
        return fields;
      },
    });
  } catch (e) {
    // Blame the line where the broken record starts (an unclosed quote is only noticed at the end of the file).
    if (e instanceof CsvError) throw new FitInputError(`${file}:${lastLine + 1}: malformed CSV in the row starting on this line: ${withoutValue(e.message)}`);
    throw e;
  }
  return rows;
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === '';
}

/** csv-parse ends some messages with `, value is "<the whole field>"`, which may be kilobytes; the line number is enough. */
function withoutValue(message: string): string {
  return message.replace(/,? value is "[\s\S]*$/, '');
}
