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
