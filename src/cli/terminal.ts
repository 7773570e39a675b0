/**
 * Text for a terminal: names and values from scenario files reach stdout and
 * stderr, and a control sequence in them (ESC ] to retitle the window, ESC [2J
 * to clear it) must print as nothing rather than act. Line breaks and tabs stay.
 * @example terminalSafe('pwned\x1b]0;owned\x07\x1b[2J') // 'pwned]0;owned[2J'
 */
export function terminalSafe(text: string): string {
  // C0 controls except tab and line feed, DEL, and C1 controls.
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}
