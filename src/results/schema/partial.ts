/**
 * A shard's partial-I-of-N.json: its units' aggregates and everything needed
 * to finish the run elsewhere (results/partial.ts merges them). Checked so
 * that `mergePartials` can add the aggregates up: their lists as long as the
 * run's horizon makes them, and exactly the units of the shard.
 */
import { z } from 'zod';
import { aggregatesSchema, AMOUNT_BIN_COUNT, DAYS_BIN_COUNT, MONTHLY_SERIES, seriesLengths, type Aggregates } from '../../collect/aggregates.js';
import type { Parameters } from '../../params/schema.js';
import type { ShardSpec } from '../../sim/units.js';
import { atLeastOne, citationsResolve, engineSchema, list, num, partOf, scenarioRecordSchema, text, WELL_FORMED, wholeNumber } from './parts.js';
import { runParameterMetaSchema } from './run.js';

/** What merge recomputes of a unit (results/verify.ts); compared there, so only its layout is checked here. */
const unitFingerprintSchema = z.object({
  genuine: wholeNumber,
  fabricated: wholeNumber,
  /** Claimed amount (USD) and fraud kind of the first genuine claims, in order. */
  firstClaims: list(z.object({ claimedUsd: num, fraud: text })),
});
export type UnitFingerprint = z.infer<typeof unitFingerprintSchema>;

/** A unit's aggregates with the fingerprint `merge` recomputes to tell that they are this unit's. */
const partialUnitSchema = z.object({ replication: wholeNumber, team: wholeNumber, aggregates: aggregatesSchema, fingerprint: unitFingerprintSchema });
export type PartialUnit = z.infer<typeof partialUnitSchema>;

export const partialSchema = z
  .object({
    kind: z.literal('partial'),
    engine: engineSchema,
    scenario: scenarioRecordSchema.extend({ parametersHash: text }),
    /** Checked in full against the parameters' own schema by results/read.ts, once the layout has passed. */
    parameters: partOf<Parameters>(
      z.object({
        world: z.object({ teams: atLeastOne }),
        volume: z.object({ claims: num }),
        policy: z.object({ threshold: num }),
        horizon: z.object({ filingDays: num.min(0), runoffDays: num.min(0) }),
      }),
    ),
    parameterMeta: runParameterMetaSchema,
    seed: wholeNumber,
    replications: atLeastOne,
    shard: z.object({ index: wholeNumber, count: atLeastOne }),
    units: list(partialUnitSchema),
    wallSeconds: num,
  })
  .superRefine((p, ctx) => {
    if (p.shard.index >= p.shard.count) {
      ctx.addIssue({ code: 'custom', path: ['shard', 'index'], message: `must be below shard.count, ${p.shard.count} (got ${p.shard.index})` });
      return;
    }
    const shape = seriesLengths(p.parameters.horizon);
    p.units.forEach((u, i) => {
      for (const [path, want] of shapeMismatches(u.aggregates, shape)) ctx.addIssue({ code: 'custom', path: ['units', i, 'aggregates', ...path], message: want });
    });
    for (const [i, message] of unitProblems(p.units, p.replications, p.parameters.world.teams, p.shard)) ctx.addIssue({ code: 'custom', path: i === null ? ['units'] : ['units', i], message });
  }, WELL_FORMED)
  .superRefine(citationsResolve, WELL_FORMED);
export type PartialResult = z.infer<typeof partialSchema>;

/** Each list of `a` that is not as long as the run's horizon makes it, with what it should be. */
function shapeMismatches(a: Aggregates, shape: ReturnType<typeof seriesLengths>): [(string | number)[], string][] {
  const { months, days } = shape;
  const lists: [(string | number)[], readonly unknown[], number, string][] = [
    [['histograms', 'claimedUsd'], a.histograms.claimedUsd, AMOUNT_BIN_COUNT + 2, 'one per amount bin'],
    [['histograms', 'daysToPayment'], a.histograms.daysToPayment, DAYS_BIN_COUNT, 'one per day bin'],
    [['histograms', 'recoveryLagUsd'], a.histograms.recoveryLagUsd, DAYS_BIN_COUNT, 'one per day bin'],
    [['daily', 'backlog'], a.daily.backlog, days, 'one per day of the horizon'],
    ...MONTHLY_SERIES.map((s): [string[], number[], number, string] => [['monthly', s], a.monthly[s], months, 'one per month of the horizon']),
    [['development'], a.development, months, 'one row per month of the horizon'],
    ...a.development.map((row, m): [(string | number)[], number[], number, string] => [['development', m], row, months, 'one per month of the horizon']),
  ];
  return lists.filter(([, list, want]) => list.length !== want).map(([path, list, want, why]) => [path, `must have ${want} entries, ${why} (got ${list.length})`]);
}

/**
 * A shard holds exactly the units whose index in canonical order (replication
 * by replication, team by team; see sim/units.ts) is its index modulo the
 * shard count: nothing outside the run, nothing twice, none missing. Counted
 * rather than listed, so a huge `replications` costs nothing.
 */
function unitProblems(units: readonly { replication: number; team: number }[], replications: number, teams: number, shard: ShardSpec): [number | null, string][] {
  const problems: [number | null, string][] = [];
  const seen = new Set<number>();
  units.forEach((u, i) => {
    const unit = `replication ${u.replication}, team ${u.team}`;
    const index = u.replication * teams + u.team;
    if (u.replication >= replications || u.team >= teams) problems.push([i, `${unit} is outside the run (${replications} replications of ${teams} teams)`]);
    else if (index % shard.count !== shard.index) problems.push([i, `${unit} belongs to shard ${(index % shard.count) + 1} of ${shard.count}, not ${shard.index + 1}`]);
    else if (seen.has(index)) problems.push([i, `${unit} appears twice`]);
    seen.add(index);
  });
  const total = replications * teams;
  const expected = total > shard.index ? Math.floor((total - 1 - shard.index) / shard.count) + 1 : 0;
  if (problems.length === 0 && seen.size !== expected) problems.push([null, `holds ${seen.size} of the ${expected} units of shard ${shard.index + 1} of ${shard.count}`]);
  return problems;
}
