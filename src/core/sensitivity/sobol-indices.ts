import { evaluateModel, type SensitivityModel } from './evaluate-model.js';
import type { Factor } from './factor.js';
import { describeSaltelliRun, saltelliRows, saltelliSample } from './saltelli-sample.js';
import {
  resolveBootstrapOptions,
  type SobolBootstrapOptions,
  type SobolIndicesResult,
  sobolIndicesFromRuns,
} from './sobol-indices-from-runs.js';

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions extends SobolBootstrapOptions {
  /** `N`, rows of each Saltelli matrix; default 1024; rounded up to a power of two with a note. */
  baseSamples?: number;
  /** Also estimate second-order indices (costs `N·k` more runs); default false. */
  secondOrder?: boolean;
  /** Index of the first Sobol' point; default `N`. */
  skip?: number;
}

/**
 * Estimate Sobol' first-order and total sensitivity indices of a model's outputs to its factors,
 * with bootstrap percentile intervals. Builds the Saltelli design from a 2k-dimensional Sobol'
 * sequence, runs the model `N(k + 2)` times, and applies the Saltelli et al. (2010) first-order
 * and Jansen (1999) total estimators (see {@link sobolIndicesFromRuns}). A base sample that is not
 * a power of two is rounded up, with a note in `notes`.
 *
 * @param model - a function `x ↦ y`, a `{ batch }` model or a `{ outputs, evaluateMany }` model; `x` in factor units
 * @param factors - the `k` factors (1 to 32)
 * @param options - `baseSamples` (1024), `bootstrap` (200), `confidence` (0.95), `seed` (1) or `random`,
 *   `secondOrder` (false), `skip` (N)
 * @returns indices per output, with `N`, the number of model runs and the seed
 * @throws {RangeError} when there are no factors, a range is empty (`low ≥ high`) or an option is out of range
 * @throws {TypeError} when a factor is malformed or `random` is not a function
 * @throws {ModelOutputError} when the model returns `NaN` or an infinite value (the message names the run and the factor values)
 * @example sobolIndices(ishigami().evaluate, ishigami().factors, { baseSamples: 8192 }).outputs[0]?.factors[0]?.first.estimate // → 0.3159 (exact 0.3139)
 * @see Sobol' 1993/2001; Saltelli et al. 2010, "Variance based sensitivity analysis of model output";
 *   Jansen 1999, "Analysis of variance designs for model output"
 */
export function sobolIndices(
  model: SensitivityModel,
  factors: readonly Factor[],
  options: SobolIndicesOptions = {},
): SobolIndicesResult {
  resolveBootstrapOptions(options); // reject bad options before the model runs
  const sampleOptions: { secondOrder: boolean; skip?: number } = { secondOrder: options.secondOrder ?? false };
  if (options.skip !== undefined) sampleOptions.skip = options.skip;
  const sample = saltelliSample(factors, options.baseSamples ?? 1024, sampleOptions);
  const rows = saltelliRows(sample);
  const names = factors.map((factor) => factor.name);
  const runs = evaluateModel(model, rows, factors.length, names, (run) => describeSaltelliRun(sample, run));
  return sobolIndicesFromRuns(sample, runs, options);
}
