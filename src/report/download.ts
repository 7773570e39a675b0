/**
 * A table's CSV download, as the page carries it: the file's text in a JSON
 * block beside a button (hidden until the page's script turns it on and, on
 * a click, makes the file from that text), so nothing is fetched and a table
 * downloads exactly as claimsim wrote its CSV.
 *
 * Phase: report.
 */
import { escapeHtml, jsonForScript } from './escape.js';

/** The button and the text behind it; `id` names the file (`<id>.csv`). */
export function csvDownloadHtml(id: string, csv: string): string {
  return `<p class="download-row" hidden><button type="button" class="download" data-source="csv-${escapeHtml(id)}" data-name="${escapeHtml(id)}.csv" data-type="text/csv">Download ${escapeHtml(id)}.csv</button></p>
<script type="application/json" id="csv-${escapeHtml(id)}">${jsonForScript(csv)}</script>`;
}
