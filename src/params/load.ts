/**
 * Loading a scenario from disk: the file, and the bases its `extends` chain
 * names, found beside it or among the scenarios bundled with claimsim. The
 * scenario itself is built by `scenario.ts`, which reads nothing.
 *
 * Phase: load scenario (the part that touches the file system).
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotARegularFile, readRegularFile } from '../io/readRegularFile.js';
import {
  baseFileName,
  buildScenario,
  isScenarioFiles,
  memoryFiles,
  scenarioFromObject,
  scenarioFromText,
  type LoadOptions,
  type Scenario,
  type ScenarioFiles,
  type TextScenarioOptions,
} from './scenario.js';
import { MAX_SCENARIO_BYTES, parseSource, type ReadResult } from './source.js';

export type { Assignment, LoadOptions, Scenario } from './scenario.js';

/** The scenarios shipped with claimsim. */
export const BUNDLED_SCENARIOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** The scenario of the file at `path`, with its `extends` chain and `set` overrides. */
export function loadScenario(path: string, options: LoadOptions = {}): Scenario {
  return buildScenario(path, DISK, options);
}

/** The scenario a YAML text states; `extends` reaches the bundled scenarios unless `bases` says otherwise. */
export function parseScenario(text: string, options: TextScenarioOptions = {}): Scenario {
  return scenarioFromText(text, { ...options, bases: withBundled(options.bases) });
}

/** The scenario a plain object states, read as a file would be; `extends` reaches the bundled scenarios. */
export function scenarioOf(data: Readonly<Record<string, unknown>>, options: TextScenarioOptions = {}): Scenario {
  return scenarioFromObject(data, { ...options, bases: withBundled(options.bases) });
}

/** Bases given by name, which may in turn extend the bundled scenarios; or the bundled scenarios alone. */
function withBundled(bases: TextScenarioOptions['bases']): ScenarioFiles {
  if (bases === undefined) return BUNDLED;
  return isScenarioFiles(bases) ? bases : memoryFiles(bases, BUNDLED);
}

/** Where `extends: name` leads from a file in `dir`: beside it first, then among the bundled scenarios. */
export function findBase(name: string, dir: string): string | undefined {
  const fileName = baseFileName(name);
  return [join(dir, fileName), join(BUNDLED_SCENARIOS_DIR, fileName)].find((p) => existsSync(p));
}

function readSourceFile(path: string): ReadResult {
  try {
    return parseSource(path, readRegularFile(path, MAX_SCENARIO_BYTES, 'scenario files'));
  } catch (e) {
    if (e instanceof NotARegularFile) return { ok: false, problems: [{ file: path, message: e.reason }] };
    throw e;
  }
}

const DISK: ScenarioFiles = {
  read: readSourceFile,
  identity: (path) => realpathSync(path),
  base: (name, from) => findBase(name, dirname(from)),
};

/** The bundled scenarios only: what a scenario held in memory may extend. */
const BUNDLED: ScenarioFiles = {
  ...DISK,
  base: (name) => findBase(name, BUNDLED_SCENARIOS_DIR),
};
