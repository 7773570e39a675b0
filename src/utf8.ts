/**
 * Text files read from users (scenarios, claims CSVs) must be UTF-8; this
 * finds where they are not, so a refusal can name the line.
 */

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
