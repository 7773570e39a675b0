/**
 * CSV that a spreadsheet opens: RFC 4180 quoting, CRLF line ends, numbers
 * written in full (shortest round-trip form, never thousands separators).
 */

export type Cell = string | number | boolean | null | undefined;

/** One field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @example toCsv(['metric', 'mean'], [['a,b', 1.5]]) // 'metric,mean\r\n"a,b",1.5\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
