/**
 * The analyses' charts against values set or worked by hand: a heatmap has
 * one cell per grid point, labelled with its mean; a tornado whose swings
 * span more than ZOOM_RATIO gets a second panel for exactly the small ones;
 * a calibration trace has one dot per evaluation per target, its miss from
 * the target's definition; each chart has a caption that is not its title.
 */
import type { TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAxis, type Axis } from '../../../src/analysis/grid.js';
import { buildCalibrationResults, buildSensitivityResults, buildSweepResults } from '../../../src/analysis/results.js';
import { DEFAULT_SENSITIVITY_METRIC } from '../../../src/analysis/sensitivity.js';
import { loadScenario } from '../../../src/params/load.js';
import type { CalibrationResults, SensitivityResults, SweepResults } from '../../../src/results/schema/analyses.js';
import { chartsFor, heatmapCells, sweepHeatmap, titleOf, tornado, tracePoints, ZOOM_RATIO, zoomedRanks } from '../../../src/report/charts/index.js';
import { changeText, tornadoBars } from '../../../src/report/charts/tornado.js';
import type { Summary } from '../../../src/stats/summary.js';
import { calibrateFile, sensitivityOfFile, sweepFile } from '../../support/analysisFiles.js';
import { renderWith, sceneRoot } from './renderView.js';

const SMALL = ['volume.claims=400', 'world.teams=1'];
const SEED = 9;
const options = { seed: SEED, replications: 1, workers: 1, set: SMALL };
const invocation = { command: [], startedAt: '', wallSeconds: 1, workers: 1 };

const axis = (text: string): Axis => {
  const a = parseAxis(text);
  if (typeof a === 'string') throw new Error(a);
  return a;
};

let sweep1d: SweepResults;
let sweep2d: SweepResults;
let sensitivity: SensitivityResults;
let calibrated: CalibrationResults;

beforeAll(async () => {
  sweep1d = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis('policy.threshold=500,1500')], options), SEED, invocation);
  sweep2d = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis('policy.threshold=500,1000,1500'), axis('fraud.share=0.05,0.2')], options), SEED, invocation);
  sensitivity = buildSensitivityResults(await sensitivityOfFile('scenarios/baseline.yaml', { ...options, params: ['fraud.share'] }), SEED, invocation);
  const c = await calibrateFile('scenarios/baseline.yaml', [{ metric: 'claims.fraudulentShare', wanted: { low: 0.2, high: 0.25 } }], ['fraud.share'], { ...options, maxEvaluations: 4 });
  calibrated = buildCalibrationResults(loadScenario('scenarios/baseline.yaml', { set: SMALL }), 1, c, null, SEED, invocation);
});

/** Items drawn by data marks of one type, wherever they sit in the scenegraph. */
function items(node: unknown, marktype: string): { datum: Record<string, unknown> }[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { marktype?: string; role?: string; items?: unknown[] };
  const own = n.marktype === marktype && n.role === 'mark' ? ((n.items ?? []) as { datum: Record<string, unknown> }[]) : [];
  return [...own, ...(n.items ?? []).flatMap((i) => items(i, marktype))];
}

const rendered = (spec: TopLevelSpec) => renderWith(spec, ({ view, warnings }) => ({ root: sceneRoot(view), warnings }));

describe('sweep heatmap', () => {
  it('a 3 x 2 grid draws 6 cells, each labelled with its point’s mean net cost', async () => {
    const means = [100_000, 200_000, 150_000, 250_000, 300_000, 350_000];
    const r: SweepResults = {
      ...sweep2d,
      points: sweep2d.points.map((p, i) => ({ ...p, summary: { ...p.summary, 'marketplace.netCost': { ...p.summary['marketplace.netCost'], mean: means[i]! } as Summary } })),
    };
    const cells = heatmapCells(r);
    expect(cells.map((c) => [c.x, c.y, c.mean, c.text])).toEqual([
      [500, 0.05, 100_000, '$100.0k'],
      [500, 0.2, 200_000, '$200.0k'],
      [1000, 0.05, 150_000, '$150.0k'],
      [1000, 0.2, 250_000, '$250.0k'],
      [1500, 0.05, 300_000, '$300.0k'],
      [1500, 0.2, 350_000, '$350.0k'],
    ]);
    const spec = sweepHeatmap(r);
    expect(titleOf(spec)).toContain('lowest, $100.0k, at policy.threshold $500, fraud.share 0.05');
    expect(titleOf(spec)).toContain('highest, $350.0k, at policy.threshold $1,500, fraud.share 0.2');
    const { root, warnings } = await rendered(spec);
    expect(warnings).toEqual([]);
    expect(items(root, 'rect')).toHaveLength(3 * 2);
    expect(items(root, 'text').map((t) => t.datum.text)).toEqual(cells.map((c) => c.text));
  });

  it('only a 2-D sweep gets one, first among its charts', () => {
    expect(chartsFor(sweep2d).map((c) => c.id)[0]).toBe('sweep-heatmap');
    expect(chartsFor(sweep1d).map((c) => c.id)).not.toContain('sweep-heatmap');
    expect(heatmapCells(sweep1d)).toEqual([]);
  });
});

describe('tornado: small bars stay readable', () => {
  /** Rows with the swings given, each half below and half above a base of 50. */
  const withSwings = (swings: readonly number[]): SensitivityResults => ({
    ...sensitivity,
    baseMean: 50,
    rows: swings.map((s, i) => ({ ...sensitivity.rows[0]!, path: `p${i}`, atLow: 50 - s / 2, atHigh: 50 + s / 2 })),
  });

  it(`swings of 100, 10 and 1: only the 1 is under 1/${ZOOM_RATIO} of the largest, and gets the second panel`, async () => {
    const r = withSwings([100, 10, 1]);
    expect([...zoomedRanks(r)]).toEqual([2]);
    const spec = tornado(r) as { vconcat?: unknown[] };
    expect(spec.vconcat).toHaveLength(2);
    const { root, warnings } = await rendered(spec as TopLevelSpec);
    expect(warnings).toEqual([]);
    // Two bars per parameter, wherever they are drawn.
    expect(
      items(root, 'rect')
        .map((b) => b.datum.path)
        .sort(),
    ).toEqual(['p0', 'p0', 'p1', 'p1', 'p2', 'p2']);
  });

  it(`swings of 100 and 5 (exactly 1/${ZOOM_RATIO}): one panel`, () => {
    const r = withSwings([100, 5]);
    expect(zoomedRanks(r).size).toBe(0);
    expect((tornado(r) as { vconcat?: unknown }).vconcat).toBeUndefined();
  });

  it('each bar is labelled with its change, to three figures however small', () => {
    const r = withSwings([0.8074]);
    expect(tornadoBars(r).map((b) => b.label.split(': ')[1])).toEqual(['-$0.404', '+$0.404']);
    expect(changeText(0, 'USD')).toBe('$0');
    expect(changeText(-0.012, 'share')).toBe('-1.2 pts');
  });

  it('ranks by the per-claim net cost unless told otherwise', () => {
    expect(DEFAULT_SENSITIVITY_METRIC).toBe('marketplace.netCostPerGenuineClaim');
  });
});

describe('calibration trace', () => {
  it('one dot per evaluation per target, each miss (simulated - 0.25) / 0.25 above the interval, (simulated - 0.2) / 0.25 below it', async () => {
    const trace = calibrated.calibration.trace;
    expect(trace.length).toBeGreaterThan(1);
    const points = tracePoints(calibrated);
    expect(points).toHaveLength(trace.length);
    for (const [i, p] of points.entries()) {
      const s = trace[i]!.simulated[0]!;
      const expected = s > 0.25 ? (s - 0.25) / 0.25 : s < 0.2 ? (s - 0.2) / 0.25 : 0;
      expect(p.miss).toBeCloseTo(expected, 12);
      expect(p.setting).toMatch(/^fraud\.share = /);
    }
    expect(points.filter((p) => p.kept)).toHaveLength(1);
    const { root, warnings } = await rendered(chartsFor(calibrated)[0]!.spec);
    expect(warnings).toEqual([]);
    // The line's dots, and the ring round the kept one.
    expect(items(root, 'symbol')).toHaveLength(trace.length + 1);
  });

  it('one target: the trace alone, not the single-dot targets chart', () => {
    expect(chartsFor(calibrated).map((c) => c.id)).toEqual(['calibration-trace']);
    const two = { ...calibrated, calibration: { ...calibrated.calibration, achieved: [calibrated.calibration.achieved[0]!, calibrated.calibration.achieved[0]!] } };
    expect(chartsFor(two).map((c) => c.id)).toEqual(['calibration-trace', 'calibration']);
  });
});

describe('captions', () => {
  it('every analysis chart has one, and it is not its title', () => {
    for (const r of [sweep1d, sweep2d, sensitivity, calibrated]) {
      for (const c of chartsFor(r)) {
        expect(c.caption, c.id).toBeTruthy();
        expect(c.caption!.length, c.id).toBeGreaterThan(60);
        expect(c.caption!.includes(c.title), c.id).toBe(false);
      }
    }
  });
});
