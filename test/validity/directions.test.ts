/**
 * Every bundled scenario moves the way the policy says, against the baseline,
 * outside the noise: each is run on the baseline's seed (common random
 * numbers) and the paired 95% interval of each expected change must exclude
 * zero on the expected side. Each scenario's description states the same
 * expectation in words.
 */
import { describe, expect, it } from 'vitest';
import type { MetricName } from '../../src/collect/metrics.js';
import { loadScenario } from '../../src/params/load.js';
import { runScenario, type RunOutput } from '../../src/sim/run.js';
import { pairedDifference } from '../../src/stats/paired.js';
import { onWorkers } from '../../src/sim/pool.js';

type Direction = 'higher' | 'lower';
const EXPECTED: Readonly<Record<string, readonly (readonly [MetricName, Direction])[]>> = {
  'before-2021': [
    ['marketplace.concessionsPaid', 'lower'],
    ['customers.validPaidShare', 'lower'],
    ['customers.daysToPayment', 'higher'],
  ],
  'threshold-500': [
    ['marketplace.claimsPaid', 'lower'],
    ['customers.daysToPayment', 'higher'],
    ['marketplace.netCost', 'lower'],
  ],
  'threshold-2500': [
    ['marketplace.claimsPaid', 'higher'],
    ['customers.daysToPayment', 'lower'],
    ['marketplace.netCost', 'higher'],
  ],
  'insurance-for-all': [
    ['insurers.paid', 'higher'],
    ['sellers.insuredShare', 'higher'],
    ['marketplace.waiverShare', 'higher'],
  ],
  'accelerator-only': [
    ['marketplace.waiverShare', 'lower'],
    ['marketplace.recovered', 'higher'],
  ],
  'zero-deductible': [
    ['marketplace.waiverShare', 'lower'],
    ['marketplace.recovered', 'higher'],
  ],
  'reimburse-all': [
    ['marketplace.waiverShare', 'lower'],
    ['marketplace.recovered', 'higher'],
    ['marketplace.netCost', 'lower'],
  ],
  'fraud-surge': [
    ['marketplace.netCost', 'higher'],
    ['fraud.paidOut', 'higher'],
    ['marketplace.fraudPaid', 'higher'],
  ],
  'no-screening': [
    ['fraud.paidOut', 'higher'],
    ['marketplace.fraudPaid', 'higher'],
    ['marketplace.reviewCost', 'lower'],
  ],
  'seller-answers-first': [
    ['customers.daysToPayment', 'higher'],
    ['customers.validPaidShare', 'lower'],
  ],
};

const CLAIMS = 8000;
const REPLICATIONS = 5;
const SEED = 1;

const runs = new Map<string, Promise<RunOutput>>();
function run(name: string): Promise<RunOutput> {
  let out = runs.get(name);
  if (!out) {
    const params = loadScenario(`scenarios/${name}.yaml`, { set: [`volume.claims=${CLAIMS}`] }).parameters;
    runs.set(name, (out = runScenario(params, { seed: SEED, replications: REPLICATIONS, runUnits: onWorkers(2) })));
  }
  return out;
}
const values = (out: RunOutput, metric: MetricName) => out.replications.map((r) => r.metrics[metric]);

describe('every bundled scenario moves the way the policy says', () => {
  it.each(Object.entries(EXPECTED))(
    '%s',
    async (name, expectations) => {
      const base = await run('baseline');
      const other = await run(name);
      for (const [metric, direction] of expectations) {
        const d = pairedDifference(values(base, metric), values(other, metric));
        const side = direction === 'higher' ? d.ciLow! > 0 : d.ciHigh! < 0;
        expect(side, `${name}: ${metric} should be ${direction} than the baseline's (paired difference ${d.mean}, 95% CI ${d.ciLow} .. ${d.ciHigh})`).toBe(true);
      }
      // 40,000 claims for each scenario (80,000 for the first, which runs the baseline too): a few seconds idle.
    },
    300_000,
  );

  it('more fraud costs more per genuine claim (the sensitivity ranking\u2019s metric), though less per claim filed', async () => {
    // Fabricated claims come on top of the genuine ones, which stay the same claims on the same seed: the paired difference is fraud's alone.
    const at = (share: number) => {
      const params = loadScenario('scenarios/baseline.yaml', { set: [`volume.claims=${CLAIMS}`, `fraud.share=${share}`] }).parameters;
      return runScenario(params, { seed: SEED, replications: REPLICATIONS, runUnits: onWorkers(2) });
    };
    const [low, high] = [await at(0.05), await at(0.2)];
    const genuine = pairedDifference(values(low, 'marketplace.netCostPerGenuineClaim'), values(high, 'marketplace.netCostPerGenuineClaim'));
    expect(genuine.ciLow, `per genuine claim: ${genuine.mean} (${genuine.ciLow} .. ${genuine.ciHigh})`).toBeGreaterThan(0);
    const filed = pairedDifference(values(low, 'marketplace.netCostPerClaim'), values(high, 'marketplace.netCostPerClaim'));
    expect(filed.ciHigh, `per claim filed: ${filed.mean} (${filed.ciLow} .. ${filed.ciHigh})`).toBeLessThan(0);
  }, 300_000);

  it('states its expectation in its description', () => {
    for (const name of Object.keys(EXPECTED)) expect(loadScenario(`scenarios/${name}.yaml`).description, name).toMatch(/Expected against the baseline:/);
  });

  it('before 2021 the marketplace pays nothing and spends nothing', async () => {
    const m = (await run('before-2021')).replications.map((r) => r.metrics);
    for (const r of m) {
      expect(r['marketplace.netCost']).toBe(0);
      expect(r['marketplace.reviewCost']).toBe(0);
    }
  });

  it('reimbursing every seller waives nothing, and differs from counting only zero-deductible insurance', async () => {
    const all = await run('reimburse-all');
    const zero = await run('zero-deductible');
    for (const r of all.replications) expect(r.metrics['marketplace.waiverShare']).toBe(0);
    // A quarter of insured sellers hold a $0 deductible and keep their waiver.
    const d = pairedDifference(values(all, 'marketplace.waiverShare'), values(zero, 'marketplace.waiverShare'));
    expect(d.ciLow! > 0, `zero-deductible against reimburse-all: waiver share ${d.mean} (${d.ciLow} .. ${d.ciHigh})`).toBe(true);
  });

  it('covers every bundled scenario', async () => {
    const { readdirSync } = await import('node:fs');
    const bundled = readdirSync('scenarios')
      .filter((f) => f.endsWith('.yaml') && f !== 'baseline.yaml')
      .map((f) => f.replace(/\.yaml$/, ''));
    expect(Object.keys(EXPECTED).sort()).toEqual(bundled.sort());
  });
});
