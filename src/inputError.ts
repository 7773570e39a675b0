/**
 * Input the user can fix: a scenario (ScenarioError, which lists its problems
 * by file and line), a saved results file, a partial result, a claims CSV, an
 * option. Every user mistake the library finds is one of these, so a caller
 * tells mistakes from bugs by this class alone; the command line exits 2 and
 * prints each line of the message as an error. A bug stays a plain Error
 * (or RangeError) and exits 1.
 */
export class InputError extends Error {
  override name = 'InputError';
}

/** `value` if it is a whole number from `min` to `max`; else an input error naming `option` (a flag, or a library option). */
export function wholeNumber(value: number, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new InputError(`${option} must be a whole number from ${min} to ${max}, got ${value}`);
  return value;
}
