/**
 * Escaping for the report: every string that came from a scenario file, a CSV
 * or the command line passes through one of these before it reaches the page.
 */

/**
 * Control characters other than tab and line breaks are parse errors in HTML
 * (NUL shows as U+FFFD or vanishes, depending on where it is); they are shown
 * as U+FFFD, the replacement character, everywhere alike.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** `text` with its control characters shown as U+FFFD: for markup made elsewhere (Vega's SVG), already escaped. */
export function replaceControls(text: string): string {
  return text.replace(CONTROL, '\ufffd');
}

/**
 * @example escapeHtml('<script>alert(1)</script>') // '&lt;script&gt;alert(1)&lt;/script&gt;'
 */
export function escapeHtml(text: unknown): string {
  return replaceControls(String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!));
}

/**
 * JSON safe to embed in a `<script type="application/json">` element: no
 * `<` (so no `</script>` or `<!--`), no line or paragraph separators.
 * @example jsonForScript({ name: '</script>' }) // '{"name":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  // JSON.stringify escapes C0 controls itself; DEL and C1 it leaves raw.
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Inline script text that cannot close its own element early. */
export function scriptText(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}
