/**
 * Input the user can fix: a saved results file, a partial result, a claims
 * CSV, a command-line option. Library modules throw subclasses of it; the
 * command line exits 2 and prints each line of the message as an error.
 * (Scenario files have their own, ScenarioError, which lists problems by line.)
 */
export class InputError extends Error {
  override name = 'InputError';
}
