/**
 * What a scenario says about each parameter besides its value: unit, meaning,
 * whether a source states it ([S]) or it is an estimate ([E]), the source, and
 * for estimates the low-high range that sensitivity runs vary it over.
 */
import { z } from 'zod';

export const metaLeafSchema = z.strictObject({
  value: z.unknown(),
  unit: z.string().min(1, 'unit must not be empty'),
  description: z.string().min(1, 'description must not be empty'),
  tag: z.enum(['S', 'E'], { message: 'tag must be S (stated by a source) or E (estimate)' }),
  source: z.string().min(1, 'source must not be empty'),
  range: z
    .tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo <= hi, 'range must be [low, high] with low <= high')
    .optional(),
  /**
   * `true` for a parameter that sets the size of the simulated world, not a
   * policy or behaviour; per-claim figures do not depend on it. Sensitivity
   * leaves such parameters out unless they are named.
   */
  scale: z.boolean({ message: 'scale must be true or false' }).optional(),
});

/** An overlay may restate the source or description of a value it changes. */
export const overlayLeafSchema = metaLeafSchema.partial().required({ value: true });

export type ParamMeta = Omit<z.infer<typeof metaLeafSchema>, 'value'> & {
  /** The scenario file (or `--set`) that last changed this value, if not the root. */
  changedBy?: string;
};

/** A parameter leaf written with its metadata is an object with a `value` key. */
export function isMetaLeaf(node: unknown): node is Record<string, unknown> & { value: unknown } {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && 'value' in node;
}
