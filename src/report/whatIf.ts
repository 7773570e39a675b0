/**
 * The what-if panel's markup: the policy's main levers, each an input holding
 * the report's own value, with the parameter's unit and description from the
 * scenario. The page's script (page/panel.ts) reruns the engine when one
 * changes. Only run and compare reports carry it: they hold the runs a rerun
 * is paired against.
 *
 * Phase: report.
 */
import { REPORT_HEADLINE_METRICS } from '../collect/metrics.js';
import { getIn } from '../params/overlay.js';
import type { ParamMeta } from '../params/meta.js';
import type { SavedResults } from '../results/read.js';
import { escapeHtml } from './escape.js';

/** The levers, in the order the policy states them: what is paid and when, what sellers owe, what they must carry, and fraud. */
export const WHAT_IF_LEVERS: readonly { readonly path: string; readonly label: string }[] = [
  { path: 'policy.threshold', label: 'Threshold' },
  { path: 'policy.directPaymentUnderThreshold', label: 'Pay valid claims under the threshold directly' },
  { path: 'policy.stepIn.onSilence', label: 'Step in when the seller stays silent' },
  { path: 'policy.stepIn.onRejectedValid', label: 'Step in when the seller rejects a valid claim' },
  { path: 'policy.reimbursement.waiverForInsured', label: 'Waive reimbursement for insured, policy-abiding sellers' },
  { path: 'policy.reimbursement.proofWindowDays', label: 'Days to show proof of insurance' },
  { path: 'policy.insurance.requiredOfAll', label: 'Insurance required of every seller' },
  { path: 'policy.insurance.requiredAboveMonthlySales', label: 'Otherwise required above monthly sales of' },
  { path: 'policy.insurance.onlyAcceleratorCounts', label: 'Only Insurance Accelerator policies count' },
  { path: 'policy.insurance.maxDeductible', label: 'Largest deductible allowed' },
  { path: 'fraud.share', label: 'Share of claims that are fabricated' },
  { path: 'screening.enabled', label: 'Screen every claim for fraud' },
  { path: 'screening.detectionRate', label: 'Chance screening flags a fabricated claim' },
];

/** Whether a report of these results carries the engine and its panel. */
export function hasWhatIf(results: SavedResults): results is Extract<SavedResults, { kind: 'run' | 'compare' }> {
  return results.kind === 'run' || results.kind === 'compare';
}

/** The panel's section, its levers set to the first run's values (the script shows another scenario's when one is chosen). */
export function whatIfPanelHtml(results: Extract<SavedResults, { kind: 'run' | 'compare' }>): string {
  const runs = results.kind === 'compare' ? results.scenarios : [results];
  const first = runs[0]!;
  const claims = first.claimsPerReplication;
  const levers = WHAT_IF_LEVERS.filter((l) => first.parameterMeta[l.path] !== undefined && getIn(first.parameters, l.path) !== undefined)
    .map((l) => leverHtml(l.label, l.path, getIn(first.parameters, l.path), first.parameterMeta[l.path]!))
    .join('\n');
  const choose =
    results.kind === 'compare'
      ? `<p><label>Scenario to vary <select name="scenario">${results.scenarios.map((s, i) => `<option value="${i}">${escapeHtml(s.scenario.name)}</option>`).join('')}</select></label></p>`
      : '';
  return `<section id="what-if" hidden data-headline="${escapeHtml(JSON.stringify(REPORT_HEADLINE_METRICS))}">
<h2>What if</h2>
<p>Change a lever and this page reruns the report's ${claims.toLocaleString('en-US')} claims x ${results.replications} replications with seed ${results.seed}, in your browser: the claimsim engine is part of the page and nothing is sent anywhere. Every replication faces the same claims as the report's, so each difference is paired replication by replication, with its 95% interval.</p>
${choose}
<div class="levers" role="group" aria-label="Policy levers">
${levers}
<p><button type="button" class="reset-levers">Back to the report's values</button></p>
</div>
<p class="what-if-status" role="status" aria-live="polite"><progress max="1" value="0"></progress> <span></span></p>
<div class="table-scroll"><table class="what-if-table">
<thead><tr><th>Figure</th><th class="num">Report</th><th class="num">What if</th><th class="num">Difference</th><th class="num">95% interval of the difference</th><th class="num">Verdict</th></tr></thead>
<tbody></tbody>
</table></div>
<p><button type="button" class="download what-if-download" hidden>Download this what-if (what-if.json)</button></p>
</section>`;
}

/** One lever: a checkbox for a yes/no parameter, a number field otherwise. */
function leverHtml(label: string, path: string, value: unknown, meta: ParamMeta): string {
  const attributes = `data-path="${escapeHtml(path)}" name="${escapeHtml(path)}" title="${escapeHtml(meta.description)}"`;
  if (typeof value === 'boolean') return `<label class="lever"><input type="checkbox" ${attributes}${value ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
  return `<label class="lever">${escapeHtml(label)} <input type="number" step="any" ${attributes} value="${escapeHtml(String(value))}"> <span class="unit">${escapeHtml(meta.unit)}</span></label>`;
}
