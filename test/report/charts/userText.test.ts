/**
 * User text in the charts: scenario names, parameter units, and (from a
 * hand-edited results.json, which `claimsim report` reads as it is) parameter
 * paths and metric names. Vega-Lite writes some spec strings into Vega
 * expressions as string literals, which cannot hold U+2028 or U+2029 and
 * mis-read a backslash before a quote, so one such name used to make the
 * render throw. Each builder that shows such text is built with hostile
 * strings, compiled and rendered; the text must come out whole in the SVG,
 * in the order of the input, and in no expression.
 */
import type { TopLevelSpec } from 'vega-lite';
import { renderWith, sceneRoot } from './renderView.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { differencesAgainst } from '../../../src/analysis/compare.js';
import { parseAxis } from '../../../src/analysis/grid.js';
import { runLoaded, type ScenarioRun } from '../../../src/analysis/runs.js';
import { loadScenario } from '../../../src/params/load.js';
import { buildCalibrationResults, buildCompareResults, buildSensitivityResults, buildSweepResults } from '../../../src/analysis/results.js';
import type { CalibrationResults, SensitivityResults, SweepResults } from '../../../src/results/schema/analyses.js';
import { calibration, calibrationTrace, comparison, sweepCurves, sweepHeatmap, tornado } from '../../../src/report/charts/index.js';
import { calibrateFile, sensitivityOfFile, sweepFile } from '../../support/analysisFiles.js';

/** Each breaks a string literal in a Vega expression if written there as it is (JSON.stringify does not escape U+2028/U+2029). */
const HOSTILE: readonly string[] = [
  'line\u2028separator',
  'para\u2029separator',
  'back\\slash',
  'ends in \\',
  "single 'quote'",
  'double "quote"',
  'slash \\" quote',
  "slash \\' quote",
  'new\nline',
  'carriage\rreturn',
  'nul\u0000here',
  '"+datum.x+"',
  "'+datum.x+'",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a payload that must stay text, not a template
  '${x}',
];

const SMALL = ['volume.claims=300', 'world.teams=1'];
const options = { seed: 7, replications: 2, workers: 1, set: SMALL };
const invocation = { command: [], startedAt: '', wallSeconds: 1, workers: 1 };

let base: ScenarioRun;
let other: ScenarioRun;
let swept: SweepResults;
let swept2d: SweepResults;
let sensitivity: SensitivityResults;
let calibrated: CalibrationResults;

beforeAll(async () => {
  base = await runLoaded(loadScenario('scenarios/baseline.yaml', { set: SMALL }), options);
  other = await runLoaded(loadScenario('scenarios/threshold-2500.yaml', { set: SMALL }), options);
  const axis = parseAxis('policy.threshold=500,1500');
  if (typeof axis === 'string') throw new Error(axis);
  swept = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis], { ...options, replications: 1 }), 7, invocation);
  const share = parseAxis('fraud.share=0.05,0.2');
  if (typeof share === 'string') throw new Error(share);
  swept2d = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis, share], { ...options, replications: 1 }), 7, invocation);
  sensitivity = buildSensitivityResults(await sensitivityOfFile('scenarios/baseline.yaml', { ...options, replications: 1, metric: 'marketplace.netCost', params: ['fraud.share'] }), 7, invocation);
  const c = await calibrateFile('scenarios/baseline.yaml', [{ metric: 'claims.fraudulentShare', wanted: { value: 0.12, tolerance: 0 } }], ['fraud.share'], {
    ...options,
    replications: 1,
    maxEvaluations: 2,
  });
  calibrated = buildCalibrationResults(loadScenario('scenarios/baseline.yaml', { set: SMALL }), 1, c, 'calibrated.yaml', 7, invocation);
});

/** `names` in groups of at most `size`, so a comparison never has more scenarios than the palette has colours. */
function groups(names: readonly string[], size: number): string[][] {
  return Array.from({ length: Math.ceil(names.length / size) }, (_, i) => names.slice(i * size, (i + 1) * size));
}

/** Every string the compiled Vega spec evaluates as an expression. */
function expressions(node: unknown, key = ''): string[] {
  if (typeof node === 'string') return ['expr', 'signal', 'update', 'test', 'init'].includes(key) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((n) => expressions(n, key));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => expressions(v, k));
  return [];
}

interface Item {
  readonly datum: Record<string, unknown>;
  readonly y: number;
}

/** The items of the data marks of one type (role "mark"), wherever they sit in the scenegraph. */
function itemsOf(node: unknown, marktype: string): Item[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { marktype?: string; role?: string; items?: unknown[] };
  const own = n.marktype === marktype && n.role === 'mark' ? ((n.items ?? []) as Item[]) : [];
  return [...own, ...(n.items ?? []).flatMap((i) => itemsOf(i, marktype))];
}

/** The SVG's text as a reader (or a screen reader) gets it: text elements and aria labels, entities decoded. */
function svgText(svg: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&(lt|gt|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'" })[e]!)
      .replace(/&amp;/g, '&');
  return [...[...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!), ...[...svg.matchAll(/\baria-label="([^"]*)"/g)].map((m) => m[1]!)].map(decode);
}

interface Rendered {
  readonly svg: string;
  readonly warnings: readonly string[];
  readonly expressions: string[];
  readonly root: unknown;
  readonly domains: Readonly<Record<string, unknown[]>>;
}

/** Compiles and renders `spec` as the report does, keeping what the checks read. */
function render(spec: TopLevelSpec, scales: readonly string[]): Promise<Rendered> {
  return renderWith(spec, ({ svg, warnings, compiled, view }) => ({
    svg,
    warnings,
    expressions: expressions(compiled),
    root: sceneRoot(view),
    domains: Object.fromEntries(scales.map((s) => [s, (view.scale(s) as { domain(): unknown[] }).domain()])),
  }));
}

/** Common checks: no warning, each name shown whole somewhere in the SVG, none inside an expression. */
function expectShownAndOutOfExpressions(r: Rendered, names: readonly string[], shown: (name: string) => string = (n) => n): void {
  expect(r.warnings).toEqual([]);
  expect(r.svg).toMatch(/^<svg/);
  const text = svgText(r.svg);
  for (const name of names) {
    expect(
      text.some((t) => t.includes(shown(name))),
      `${JSON.stringify(name)} shown in the SVG`,
    ).toBe(true);
    // As it is, or escaped as Vega-Lite writes a string literal.
    const literal = JSON.stringify(name).slice(1, -1);
    expect(
      r.expressions.filter((e) => e.includes(name) || e.includes(literal)),
      `${JSON.stringify(name)} inside an expression`,
    ).toEqual([]);
  }
}

describe('hostile text renders whole, in order, and never inside an expression', () => {
  it('the checks would see a name written into an expression', async () => {
    // A spec sorting by a list of names, as the comparison once did: the U+2028 one breaks the render, the others land in expressions.
    const spec = (names: readonly string[]): TopLevelSpec => ({
      data: { values: names.map((name, i) => ({ name, v: i + 1 })) },
      mark: 'bar',
      encoding: { y: { field: 'name', type: 'nominal', sort: [...names] }, x: { field: 'v', type: 'quantitative' } },
    });
    await expect(render(spec(['line\u2028separator']), [])).rejects.toThrow(/ILLEGAL/);
    const r = await render(spec(['double "quote"']), []);
    expect(() => expectShownAndOutOfExpressions(r, ['double "quote"'])).toThrow(/inside an expression/);
  });

  it.each(groups(HOSTILE, 7).map((names, i) => [i + 1, names] as const))('comparison, group %i of scenario names', async (_, names) => {
    const baseName = names[0]!;
    const named = (run: ScenarioRun, name: string): ScenarioRun => ({ ...run, scenario: { ...run.scenario, name } });
    const results = buildCompareResults({ runs: [named(base, baseName), ...names.map((n) => named(other, n))], differences: names.map(() => differencesAgainst(base, other)) }, 7, invocation);
    expect(results.differences.map((d) => d.scenario)).toEqual(names);

    const r = await render(comparison(results), ['yOffset', 'color']);
    expectShownAndOutOfExpressions(r, names);
    // The legend and the offsets within each metric's band follow the input order.
    expect(r.domains.color).toEqual(names);
    expect(r.domains.yOffset).toEqual(names);
    const points = itemsOf(r.root, 'symbol');
    const labels = new Set(points.map((p) => p.datum.label));
    expect(labels.size).toBeGreaterThan(0);
    for (const label of labels) {
      const band = points.filter((p) => p.datum.label === label).sort((a, b) => a.y - b.y);
      expect(
        band.map((p) => p.datum.scenario),
        String(label),
      ).toEqual(names);
    }
  });

  it.each(HOSTILE)('comparison of one scenario named %j, against a base of the same name', async (name) => {
    // One scenario: its name and the base's are in the axis title (and the finding), where a field title would reach an aria expression.
    const results = buildCompareResults(
      {
        runs: [
          { ...base, scenario: { ...base.scenario, name } },
          { ...other, scenario: { ...other.scenario, name } },
        ],
        differences: [differencesAgainst(base, other)],
      },
      7,
      invocation,
    );
    const r = await render(comparison(results), []);
    expectShownAndOutOfExpressions(r, [name], (n) => `${n} minus ${n}, mean per replication`);
  });

  it.each(HOSTILE)('sweep over a parameter whose unit is %j', async (unit) => {
    const path = swept.axes[0]!.path;
    const results: SweepResults = { ...swept, parameterMeta: { ...swept.parameterMeta, [path]: { ...swept.parameterMeta[path]!, unit } } };
    const r = await render(sweepCurves(results), []);
    expectShownAndOutOfExpressions(r, [unit], (u) => `${path} (${u})`);
  });

  it.each(groups(HOSTILE, 7).map((names, i) => [i + 1, names] as const))('tornado, group %i of parameter paths (a hand-edited results.json)', async (_, paths) => {
    const row = sensitivity.rows[0]!;
    // Swings shrinking down the list, as the analysis ranks them.
    const rows = paths.map((path, i) => ({ ...row, path, atLow: row.atLow - i, atHigh: row.atHigh - i }));
    const r = await render(tornado({ ...sensitivity, rows }), ['y']);
    expectShownAndOutOfExpressions(r, paths);
    expect(r.domains.y).toEqual(paths);
    const firstBarOf = (path: string) =>
      Math.min(
        ...itemsOf(r.root, 'rect')
          .filter((b) => b.datum.path === path)
          .map((b) => b.y),
      );
    const ys = paths.map(firstBarOf);
    expect(
      ys.every((y, i) => i === 0 || y > ys[i - 1]!),
      'bars top to bottom in rank order',
    ).toBe(true);
  });

  it('calibration with metric names from a hand-edited results.json', async () => {
    const a = calibrated.calibration.achieved[0]!;
    const achieved = HOSTILE.map((metric, i) => ({ ...a, metric, miss: i / 100 }));
    const r = await render(calibration({ ...calibrated, calibration: { ...calibrated.calibration, achieved } }), ['y']);
    expectShownAndOutOfExpressions(r, HOSTILE);
    expect(r.domains.y).toEqual(HOSTILE);
  });

  it.each(HOSTILE)('heatmap over parameters whose units are %j', async (unit) => {
    const meta = Object.fromEntries(swept2d.axes.map((a) => [a.path, { ...swept2d.parameterMeta[a.path]!, unit }]));
    const r = await render(sweepHeatmap({ ...swept2d, parameterMeta: { ...swept2d.parameterMeta, ...meta } }), []);
    for (const a of swept2d.axes) expectShownAndOutOfExpressions(r, [unit], (u) => `${a.path} (${u})`);
  });

  it('calibration trace with target metric names from a hand-edited results.json', async () => {
    const c = calibrated.calibration;
    const targets = HOSTILE.map((metric) => ({ ...c.targets[0]!, metric }));
    const trace = c.trace.map((t) => ({ ...t, simulated: HOSTILE.map((_, i) => t.simulated[0]! + i / 100) }));
    const r = await render(calibrationTrace({ ...calibrated, calibration: { ...c, targets, trace } }), ['color']);
    expectShownAndOutOfExpressions(r, HOSTILE);
    expect(r.domains.color).toEqual(HOSTILE);
  });
});
