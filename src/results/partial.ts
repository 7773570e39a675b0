/**
 * Shards for a cluster: a shard run writes a partial result holding its units'
 * aggregates and everything needed to finish the run elsewhere; `mergePartials`
 * checks that the partials belong together and cover the run exactly once, and
 * reassembles them into the same output as an unsharded run.
 */
import { parse as parseYaml } from 'yaml';
import type { UnitResult } from '../sim/pool.js';
import { assembleRun, type RunOutput } from '../sim/run.js';
import type { ShardSpec } from '../sim/units.js';
import { InputError } from '../inputError.js';
import { ENGINE } from '../version.js';
import type { PartialResult } from './schema/partial.js';
import { unitFingerprint } from './verify.js';

export type { PartialResult, PartialUnit } from './schema/partial.js';

/** File name of shard `index` (0-based) of `count`, sortable and unambiguous. */
export function partialFileName(shard: ShardSpec): string {
  const width = String(shard.count).length;
  return `partial-${String(shard.index + 1).padStart(width, '0')}-of-${shard.count}.json`;
}

/** Partials that do not make one run together (the files themselves are checked by results/read.ts). */
export class MergeError extends InputError {
  override name = 'MergeError';
}

/** Shards none of the partials is: `missing` holds their indexes (from 0), `of` a partial of the run they belong to. */
export class MissingShards extends MergeError {
  override name = 'MissingShards';
  constructor(
    readonly missing: readonly number[],
    readonly of: PartialResult,
  ) {
    super(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => i + 1).join(', ')} of ${of.shard.count} missing`);
  }
}

/**
 * The arguments of the `claimsim run` that writes shard `index` (from 0) of
 * the run `p` belongs to into `out`, rebuilt from what the partial records:
 * the scenario file as the shard named it (relative to the folder it ran in,
 * when it was inside it), the replications, the seed, the shard count, and
 * the command line's overrides in their order (the scenario's hash covers
 * it), the last as --claims when it is volume.claims, as --claims makes it.
 * The executor is not recorded, and need not be: both give the same units.
 */
export function shardRunArguments(p: PartialResult, index: number, out: string): string[] {
  const overrides = Object.entries(p.scenario.overrides);
  const [lastPath, lastValue] = overrides[overrides.length - 1] ?? [];
  const claims = lastPath === 'volume.claims' && Number.isInteger(lastValue) ? String(lastValue) : undefined;
  const sets = claims === undefined ? overrides : overrides.slice(0, -1);
  return [
    'run',
    p.scenario.chain[p.scenario.chain.length - 1]!,
    ...(claims === undefined ? [] : ['--claims', claims]),
    '--replications',
    String(p.replications),
    '--seed',
    String(p.seed),
    ...sets.flatMap(([path, value]) => ['--set', `${path}=${setValueText(value)}`]),
    '--shard',
    `${index + 1}/${p.shard.count}`,
    '--out',
    out,
  ];
}

/** A --set value as text that reads back as `value`: bare when YAML reads it so, else as JSON (which YAML reads alike). */
function setValueText(value: unknown): string {
  if (typeof value === 'string' && value === value.trim() && value !== '') {
    try {
      if (parseYaml(value) === value) return value;
    } catch {
      // not plain YAML: quoted below
    }
  }
  return JSON.stringify(value);
}

export interface Merged {
  readonly first: PartialResult;
  readonly output: RunOutput;
  readonly wallSeconds: number;
}

/**
 * `files` (in the order of `partials`) name the partials in messages; without
 * them a partial is named by its shard, or by its place in the list when two
 * of the same shard disagree.
 */
export function mergePartials(partials: readonly PartialResult[], files?: readonly string[]): Merged {
  const first = partials[0];
  if (!first) throw new MergeError('no partial results to merge');
  // Aggregates are the engine's own layout: a newer engine must not sum an older one's.
  if (first.engine.name !== ENGINE.name || first.engine.version !== ENGINE.version) {
    throw new MergeError(
      `the partials were written by ${first.engine.name} ${first.engine.version}; this is ${ENGINE.name} ${ENGINE.version}: merge them with the version that wrote them, or run the shards again`,
    );
  }
  partials.forEach((p, i) => {
    const sameShard = p.shard.index === first.shard.index;
    const name = (q: PartialResult, at: number) => files?.[at] ?? (sameShard ? `partial ${at + 1} given (shard ${q.shard.index + 1})` : `shard ${q.shard.index + 1}`);
    const differs = (what: string, a: unknown, b: unknown, show = true) => {
      if (JSON.stringify(a) === JSON.stringify(b)) return;
      const [one, other] = [name(first, 0), name(p, i)];
      const detail = show ? `: ${one} has ${JSON.stringify(a)}, ${other} has ${JSON.stringify(b)}` : ` (${one} and ${other})`;
      throw new MergeError(`partials disagree on ${what}${detail}`);
    };
    if (p.kind !== 'partial') throw new MergeError('a file given is not a partial result');
    differs('the engine version', first.engine.version, p.engine.version);
    differs('the scenario', first.scenario.hash, p.scenario.hash);
    differs('the parameters hash', first.scenario.parametersHash, p.scenario.parametersHash);
    differs('the parameters', first.parameters, p.parameters, false);
    differs('the seed', first.seed, p.seed);
    differs('the number of replications', first.replications, p.replications);
    differs('the number of shards', first.shard.count, p.shard.count);
  });
  const seen = new Set<number>();
  for (const p of partials) {
    if (seen.has(p.shard.index)) throw new MergeError(`shard ${p.shard.index + 1} of ${p.shard.count} is given twice`);
    seen.add(p.shard.index);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MissingShards(missing, first);
  const units = partials.flatMap((p) => p.units);
  return {
    first,
    output: assembleRun(first.replications, first.parameters.world.teams, units),
    wallSeconds: partials.reduce((sum, p) => sum + p.wallSeconds, 0),
  };
}

/** A shard's partial result; each unit gets its fingerprint here (milliseconds per unit). */
export function partialResult(fields: Omit<PartialResult, 'kind' | 'engine' | 'units'> & { readonly units: readonly UnitResult[] }): PartialResult {
  const units = fields.units.map((u) => ({ ...u, fingerprint: unitFingerprint(fields.parameters, { seed: fields.seed, replication: u.replication, team: u.team }) }));
  return { kind: 'partial', engine: ENGINE, ...fields, units };
}
