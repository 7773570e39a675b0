/**
 * Text for a terminal: names and values from scenario files reach stdout and
 * stderr, and a control sequence in them (ESC ] to retitle the window, ESC [2J
 * to clear it) must print as nothing rather than act. Line breaks and tabs stay.
 * Bidirectional controls (U+202E turns the rest of a line around) go too: a
 * message must read as it was written.
 * @example terminalSafe('pwned\x1b]0;owned\x07\x1b[2J') // 'pwned]0;owned[2J'
 */
export function terminalSafe(text: string): string {
  // C0 controls except tab and line feed, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates.
  return text.replace(UNSAFE, '');
}

const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A word as typed, with what terminalSafe would drop shown as `\u{1b}`, so that
 * a message quoting it says what is really there.
 * @example visible('ru\u202en') // 'ru\\u{202e}n'
 */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
