/**
 * Input to a fit that cannot be used: a CSV that is missing, malformed, has
 * bad rows or too few amounts. The message names the file (and line, where
 * there is one) and fits on one line.
 */
import { InputError } from '../../inputError.js';

export class FitInputError extends InputError {
  override name = 'FitInputError';
}
