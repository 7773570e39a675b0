/**
 * The sources a scenario cites, as structured references: a scenario file's
 * top-level `references:` block maps a short key to { title, publisher, url,
 * accessed, note }, and a parameter's `source` text cites one as `[key]`.
 * References are inherited along the `extends` chain; the loader refuses a
 * citation that no reference in the chain defines (see load.ts).
 *
 * The citation grammar lives here alone: the loader checks it, the results
 * reader re-checks it, the report links it.
 */
import { z } from 'zod';

/** A reference key: lower-case words of letters and digits joined by hyphens, such as `amazon-2021-announcement`. */
export const REFERENCE_KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_KEY_LENGTH = 60;

/**
 * A citation in a source text: a key in square brackets. Only text of a key's
 * shape counts, so "[E]", "[1, 7]" or "[USD]" are plain text.
 */
const CITATION = /\[([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\]/g;

/** Web addresses only: a link in a report must never run a script or name a local file. */
const WEB_ADDRESS = /^https?:\/\/[^\s"'<>`\\]+$/;

export const referenceKeySchema = z
  .string()
  .max(MAX_KEY_LENGTH, `a reference key is at most ${MAX_KEY_LENGTH} characters`)
  .regex(REFERENCE_KEY, 'a reference key is lower-case letters and digits joined by hyphens, such as amazon-2021-announcement');

const text = (field: string, max: number) =>
  z
    .string({ message: `${field} must be text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} is longer than ${max} characters`);

export const referenceSchema = z.strictObject({
  title: text('title', 500),
  publisher: text('publisher', 300),
  url: z
    .string({ message: 'url must be text' })
    .regex(WEB_ADDRESS, 'url must be a web address starting with https:// or http://, with no spaces or quotes')
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'url must be a web address with a domain name, such as https://example.org/page' }))
    .optional(),
  accessed: text('accessed', 500),
  note: text('note', 2000).optional(),
});

/** A key's reference: where the source is, when it was read (or how the figure was obtained), and what claimsim takes from it. */
export type Reference = z.infer<typeof referenceSchema>;

/** A `references:` block: key to reference. */
export const referencesSchema = z.record(referenceKeySchema, referenceSchema);

/** The fields a reference may have, for messages. */
export const REFERENCE_FIELDS = Object.keys(referenceSchema.shape) as readonly (keyof Reference)[];

/**
 * The keys a source text cites, each once, in the order they first appear.
 * @example citedKeys('[amazon-2021-announcement]; estimate by analogy with [seller-central-help-1781]') // ['amazon-2021-announcement', 'seller-central-help-1781']
 * @example citedKeys('estimate [E], range [1, 7]') // []
 */
export function citedKeys(source: string): string[] {
  return [...new Set([...source.matchAll(CITATION)].map((m) => m[1]!))];
}

/** A piece of a source text: plain text, or a citation of `key`. */
export type SourcePart = { readonly text: string } | { readonly key: string };

/**
 * A source text cut into plain text and citations, in order, for display.
 * @example sourceParts('[a-b]; estimate') // [{ key: 'a-b' }, { text: '; estimate' }]
 */
export function sourceParts(source: string): SourcePart[] {
  const parts: SourcePart[] = [];
  let at = 0;
  for (const m of source.matchAll(CITATION)) {
    if (m.index > at) parts.push({ text: source.slice(at, m.index) });
    parts.push({ key: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < source.length) parts.push({ text: source.slice(at) });
  return parts;
}

/**
 * Text taken from elsewhere (a CSV's column or file name) made safe to place
 * in a source: what would read as a citation gets round brackets instead.
 * @example withoutCitations('amount [usd]') // 'amount (usd)'
 */
export function withoutCitations(text: string): string {
  return text.replace(CITATION, '($1)');
}

/**
 * The cited keys of `source` that `known` does not define.
 * @example unknownCitations('[a] and [b]', new Set(['a'])) // ['b']
 */
export function unknownCitations(source: string, known: ReadonlySet<string>): string[] {
  return citedKeys(source).filter((key) => !known.has(key));
}

/**
 * The known key nearest to a mistyped one, if it is close enough to be the
 * one meant: at most a third of its length in edits (Levenshtein distance).
 * @example closestKey('amazon-2012-announcement', ['amazon-2021-announcement', 'news-report-2021']) // 'amazon-2021-announcement'
 * @example closestKey('nicb', ['amazon-2021-announcement']) // undefined
 */
export function closestKey(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.floor(key.length / 3) + 1;
  for (const candidate of known) {
    const d = editDistance(key, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * Levenshtein distance: the fewest single-character insertions, deletions and substitutions from `a` to `b`.
 * @example editDistance('kitten', 'sitting') // 3
 */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
