/**
 * The scenario a calibration writes: an overlay that extends its base and sets
 * the calibrated values, each citing the calibration as its source. Where it
 * may go: never into claimsim's bundled scenarios folder, and only where its
 * `extends` finds its base again (a name beside the overlay, or a bundled
 * scenario; see findBase in params/load.ts).
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { BUNDLED_SCENARIOS_DIR, findBase } from '../params/load.js';
import { setIn } from '../params/overlay.js';
import type { Calibration } from './calibrate.js';
import { wantedText } from './targets.js';

/** What `extends` accepts (params/load.ts): a name, not a path. */
const SCENARIO_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * The name an overlay gives its base in `extends`: the base file's name without `.yaml`.
 * @example baseNameOf('scenarios/baseline.yaml') // "baseline"
 */
export function baseNameOf(file: string): string {
  return basename(file).replace(/\.ya?ml$/, '');
}

/**
 * Where calibrate writes its overlay unless told: beside its other outputs.
 * @example defaultOverlayPath('reports/calibrate-baseline', 'scenarios/baseline.yaml') // "reports/calibrate-baseline/baseline-calibrated.yaml"
 */
export function defaultOverlayPath(outDir: string, baseFile: string): string {
  return join(outDir, `${baseNameOf(baseFile)}-calibrated.yaml`);
}

/** A path with its existing part resolved through symbolic links, so that a link into a folder counts as the folder. */
function realish(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, absolute));
}

function isInside(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/**
 * Why an overlay for `baseFile` cannot be written to `overlayFile`, or
 * `undefined` if it can: inside the bundled scenarios folder, over the base
 * itself, or where `extends: <base name>` would not find the base.
 * `option` names where the path came from, for the message.
 */
export function overlayPlacementProblem(baseFile: string, overlayFile: string, option: string): string | undefined {
  const overlay = realish(overlayFile);
  const bundled = realpathSync(BUNDLED_SCENARIOS_DIR);
  if (isInside(overlay, bundled)) {
    return `${option} ${overlayFile}: is inside claimsim's bundled scenarios folder (${bundled}), which calibrate does not write into; choose a path elsewhere`;
  }
  const base = realish(baseFile);
  if (overlay === base) return `${option} ${overlayFile}: is the base scenario itself; choose another path`;
  const name = baseNameOf(baseFile);
  if (!SCENARIO_NAME.test(name)) return `${baseFile}: an overlay's extends cannot name a file called "${basename(baseFile)}" (letters, digits, - _ . only); rename it to calibrate it`;
  const found = findBase(name, dirname(overlay));
  if (found !== undefined && realish(found) === base) return undefined;
  const beside = join(dirname(baseFile), `${name}-calibrated.yaml`);
  return (
    `${option} ${overlayFile}: the overlay would say "extends: ${name}", which from there finds ${found === undefined ? 'no scenario' : `another file, ${found}`} ` +
    `(extends looks beside the overlay, then among the bundled scenarios); write it beside its base with --overlay ${beside}`
  );
}

/**
 * The overlay's YAML: it extends the base by name and sets each calibrated
 * value, citing the calibration (date, seed, replications, what it reached).
 */
export function calibrationOverlayYaml(c: Calibration, base: { name: string; file: string }, run: { date: string; seed: number; replications: number }): string {
  const fit = c.achieved.map((a) => `${a.metric} ${Number(a.simulated.toPrecision(4))} for ${wantedText(a.wanted)}`).join('; ');
  let parameters: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(c.values)) {
    parameters = setIn(parameters, path.split('.'), { value, source: `calibrated by claimsim ${run.date}, seed ${run.seed}, ${run.replications} replications: ${fit}` }) as Record<string, unknown>;
  }
  const overlay = {
    name: `${base.name}-calibrated`,
    description: `${base.name} with ${Object.keys(c.values).join(', ')} calibrated to ${c.targets.map((t) => `${t.metric} ${wantedText(t.wanted)}`).join(', ')}`,
    extends: baseNameOf(base.file),
    parameters,
  };
  return `# Written by claimsim calibrate: every target within its tolerance after ${c.evaluations} evaluations.\n${stringify(overlay)}`;
}
