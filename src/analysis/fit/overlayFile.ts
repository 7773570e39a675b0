/**
 * The overlay scenario a fit writes: it extends a base scenario and changes
 * one parameter, `claimAmount.mixture` (the chosen fit, in the scenario's
 * format: weight, medianUsd = exp(mu), sigma) or `claimAmount.empirical` (the
 * data's amounts), tagged E with a source naming the CSV, its SHA-256 and the
 * fit statistics. The text is a function of its inputs only (no dates), so
 * the same CSV gives the same file.
 */
import { Document, isMap, isSeq, visit } from 'yaml';
import { withoutCitations } from '../../params/references.js';
import type { MedianLognormalComponent } from '../../random/distributions.js';
import type { FitComparison, FitReport } from './compareFits.js';
import type { EmpiricalAmounts } from './empiricalAmounts.js';
import type { LogSpaceLognormalComponent } from './lognormalMixtureDensity.js';
import type { ClaimAmounts } from './readAmounts.js';

export interface OverlayInput {
  /** The overlay scenario's name. */
  readonly name: string;
  /** The scenario it extends (a name, as `extends` takes it). */
  readonly base: string;
  readonly data: ClaimAmounts;
  readonly comparison: FitComparison;
  /** Store these amounts for resampling instead of the chosen fit. */
  readonly empirical?: EmpiricalAmounts;
}

export interface Overlay {
  /** The parameter the overlay sets. */
  readonly parameter: 'claimAmount.mixture' | 'claimAmount.empirical';
  readonly value: readonly MedianLognormalComponent[] | readonly number[];
  /** The scenario file's text (YAML). */
  readonly text: string;
}

/**
 * A fit's components as scenario parameters: medians and sigmas to 6
 * significant digits, weights to 6 decimals with the last making the sum 1.
 * @example scenarioMixture([{ weight: 1, mu: Math.log(200), sigma: 1 }]) // [{ weight: 1, medianUsd: 200, sigma: 1 }]
 */
export function scenarioMixture(components: readonly LogSpaceLognormalComponent[]): MedianLognormalComponent[] {
  const weights = components.map((c) => round(c.weight, 6));
  weights[weights.length - 1] = round(1 - weights.slice(0, -1).reduce((a, b) => a + b, 0), 6);
  return components.map((c, i) => ({ weight: weights[i]!, medianUsd: significant(Math.exp(c.mu), 6), sigma: significant(c.sigma, 6) }));
}

export function fitOverlay(input: OverlayInput): Overlay {
  const { data, comparison, empirical } = input;
  const chosen = comparison[comparison.chosen];
  const n = data.values.length;
  // The CSV's names are its author's text: a "[usd]" in them would read as a citation of a reference.
  const provenance = `column "${withoutCitations(data.column)}" of ${withoutCitations(data.file)} (sha256 ${data.sha256}; ${count(n, 'amount')}${data.skipped.length > 0 ? `, ${count(data.skipped.length, 'bad row')} skipped` : ''})`;
  const statistics = `${describeFit(comparison.mixture)}; ${describeFit(comparison.lognormal)}; lnL of the amounts in USD, AIC = 2k - 2 lnL`;

  let parameter: Overlay['parameter'];
  let value: Overlay['value'];
  let leaf: Record<string, unknown>;
  if (empirical) {
    parameter = 'claimAmount.empirical';
    value = empirical.values;
    const what = empirical.quantiles
      ? `${empirical.values.length.toLocaleString('en-US')} evenly spaced quantiles of the ${count(n, 'amount')}`
      : `the ${count(n, 'amount')}, sorted and rounded to cents`;
    leaf = {
      value,
      description: `Observed claim amounts resampled by the simulator (inverse empirical CDF, interpolating between order statistics, capped at policy.maxClaim): ${what}`,
      tag: 'E',
      source: `claimsim fit --empirical: ${what}, from ${provenance}. For comparison, ${statistics}`,
    };
  } else {
    parameter = 'claimAmount.mixture';
    value = scenarioMixture(chosen.components);
    leaf = {
      value,
      description: `Claimed amounts, ${chosen.kind === 'mixture' ? 'a mixture of two lognormals' : 'a lognormal'} capped at policy.maxClaim, fitted by maximum likelihood to claims data`,
      tag: 'E',
      source: `claimsim fit: ${chosen.kind === 'mixture' ? 'two-component lognormal mixture (EM on log amounts)' : 'lognormal (maximum likelihood)'}, chosen by lower AIC, fitted to ${provenance}. ${statistics}`,
    };
  }

  const [group, key] = parameter.split('.') as [string, string];
  const doc = new Document({
    name: input.name,
    description: `Claim amounts ${empirical ? 'resampled from' : 'fitted to'} ${data.file}`,
    extends: input.base,
    parameters: { [group]: { [key]: leaf } },
  });
  doc.commentBefore = ` Written by "claimsim fit" from ${data.file} (sha256 ${data.sha256}).\n Chosen fit: ${chosen.kind} (lower AIC).${empirical ? ' The overlay resamples the data instead (--empirical).' : ''}`;
  // Mixture components as one-line mappings, like the baseline; amounts as one flow sequence; no folded lines.
  visit(doc, {
    Map(_, node, path) {
      if (path.some((p) => isSeq(p))) node.flow = true;
    },
    Seq(_, node) {
      if (!node.items.some((item) => isMap(item))) node.flow = true;
    },
  });
  return { parameter, value, text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }) };
}

function describeFit(f: FitReport): string {
  const name = f.kind === 'mixture' ? '2-component lognormal mixture' : 'lognormal';
  const params = f.components.map((c) => `${f.components.length > 1 ? `weight ${c.weight.toFixed(3)} ` : ''}median $${Math.exp(c.mu).toFixed(2)} sigma ${c.sigma.toFixed(4)}`).join(' + ');
  const flags = f.collapsed ? ', a component collapsed' : f.converged ? '' : `, not converged in ${f.iterations} iterations`;
  return `${name} (${params}${flags}): lnL ${f.logLikelihood.toFixed(2)}, AIC ${f.aic.toFixed(2)}, KS D ${f.ks.toFixed(4)}`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function significant(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}
