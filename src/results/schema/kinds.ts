/** Every kind of results.json the engine writes, told apart by `kind`, with the schema of each. */
import type { z } from 'zod';
import { calibrationResultsSchema, compareResultsSchema, sensitivityResultsSchema, sweepResultsSchema } from './analyses.js';
import { fitResultsSchema } from './fit.js';
import { runResultsSchema } from './run.js';

export const RESULT_SCHEMAS = {
  run: runResultsSchema,
  compare: compareResultsSchema,
  sweep: sweepResultsSchema,
  sensitivity: sensitivityResultsSchema,
  calibrate: calibrationResultsSchema,
  fit: fitResultsSchema,
} as const;

/** Any results.json the engine writes; `report` and the charts take each of them. */
export type SavedResults = { [K in keyof typeof RESULT_SCHEMAS]: z.infer<(typeof RESULT_SCHEMAS)[K]> }[keyof typeof RESULT_SCHEMAS];

export const RESULT_KINDS = Object.keys(RESULT_SCHEMAS) as SavedResults['kind'][];
