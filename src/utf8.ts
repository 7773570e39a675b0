/**
 * Text files read from users (scenarios, claims CSVs) must be UTF-8: decoded
 * strictly, so a binary file never reaches a parser, and where they are not,
 * the line is found so a refusal can name it.
 */

/** The text of `bytes`, or the 1-based line of the first sequence that is not UTF-8 (undefined if it cannot be placed). */
export function decodeUtf8(bytes: Uint8Array): { readonly text: string } | { readonly invalidLine: number | undefined } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { invalidLine: firstInvalidUtf8Line(bytes) };
  }
}

/** 1-based line of the first byte sequence that is not UTF-8, or `undefined` if the bytes are all UTF-8. */
export function firstInvalidUtf8Line(bytes: Uint8Array): number | undefined {
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
