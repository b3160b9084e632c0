import { ModelOutputError } from './model-output-error.js';

/** A model with one output, called once per point with the factor values (a view: read it, do not keep it). */
export type ScalarModel = (x: Float64Array) => number;

/** A model called once for the whole design, e.g. to run it in parallel or vectorised. */
export interface BatchModel {
  /** Output names; default `['y']`, one output. */
  readonly outputs?: readonly string[];
  /**
   * Evaluate `n` points at once: `rows` is row-major `n × k` factor values; return row-major
   * `n × m` outputs, `m` the number of outputs.
   */
  readonly batch: (rows: Float64Array, n: number, k: number) => Float64Array;
}

/** A model with several outputs, called once per point; returns one value per output name. */
export interface VectorModel {
  /** Output names, e.g. `['burden2035', 'gapUsd']`. */
  readonly outputs: readonly string[];
  /** Evaluate one point (a view of the factor values: read it, do not keep it). */
  readonly evaluateMany: (x: Float64Array) => ArrayLike<number>;
}

/** What a sensitivity analysis can evaluate: a scalar function, a batch model or a model with several outputs. */
export type SensitivityModel = ScalarModel | BatchModel | VectorModel;

/** Outputs of a model over a design, row-major `runs × outputs.length`. */
export interface ModelRuns {
  /** Output names. */
  readonly outputs: readonly string[];
  /** Output values, row-major: run `r`, output `o` at `values[r · outputs.length + o]`. */
  readonly values: Float64Array;
}

/**
 * Return the output names a model declares: `['y']` for a scalar function or a batch model without names.
 *
 * @param model - the model
 * @returns its output names
 * @throws {RangeError} when the names are empty or repeat
 * @example modelOutputNames((x) => x[0] ?? 0) // → ['y']
 * @see Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §1.2
 */
export function modelOutputNames(model: SensitivityModel): readonly string[] {
  const names = typeof model === 'function' ? ['y'] : (model.outputs ?? ['y']);
  if (names.length === 0) throw new RangeError('model.outputs: is empty; name at least one output');
  if (new Set(names).size !== names.length) {
    throw new RangeError(`model.outputs: ${names.join(', ')} has a repeated name; give every output its own name`);
  }
  return names;
}

/**
 * Evaluate a model at every row of a design and check every output is finite.
 *
 * @param model - the model to run
 * @param rows - row-major `n × k` factor values
 * @param k - factors per row
 * @param factorNames - the factor names, for error messages
 * @param describeRun - optional label of a run in messages, e.g. `row 3 of matrix A`
 * @returns the outputs, row-major `n × m`
 * @throws {ModelOutputError} when an output is `NaN` or infinite (the message gives the run and factor values)
 * @throws {TypeError} when a model returns something other than numbers
 * @throws {RangeError} when a batch or vector model returns the wrong number of values
 * @example evaluateModel((x) => 2 * (x[0] ?? 0), Float64Array.of(1, 2), 1, ['a']).values // → Float64Array [2, 4]
 * @see Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §4.6 (computing the design)
 */
export function evaluateModel(
  model: SensitivityModel,
  rows: Float64Array,
  k: number,
  factorNames: readonly string[],
  describeRun: (run: number) => string = (run) => `run ${run}`,
): ModelRuns {
  const outputs = modelOutputNames(model);
  const m = outputs.length;
  const n = rows.length / k;
  let values: Float64Array;
  if (typeof model === 'function') {
    values = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const value = model(rows.subarray(r * k, (r + 1) * k));
      if (typeof value !== 'number') {
        throw new TypeError(`model: returned ${typeof value} at ${describeRun(r)}; return a number`);
      }
      values[r] = value;
    }
  } else if ('batch' in model) {
    const returned = model.batch(rows, n, k);
    if (!(returned instanceof Float64Array)) {
      throw new TypeError('model.batch: did not return a Float64Array; return n × m outputs as a Float64Array');
    }
    if (returned.length !== n * m) {
      throw new RangeError(
        `model.batch: returned ${returned.length} values for ${n} rows and ${m} outputs; return ${n * m}`,
      );
    }
    values = returned;
  } else {
    values = new Float64Array(n * m);
    for (let r = 0; r < n; r++) {
      const returned = model.evaluateMany(rows.subarray(r * k, (r + 1) * k));
      if (returned.length !== m) {
        throw new RangeError(
          `model.evaluateMany: returned ${returned.length} values at ${describeRun(r)}; return ${m}, one per output`,
        );
      }
      for (let o = 0; o < m; o++) values[r * m + o] = returned[o] as number;
    }
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isFinite(value)) continue;
    const run = Math.floor(i / m);
    const output = outputs[i % m] as string;
    const x = rows.slice(run * k, (run + 1) * k);
    const point = factorNames.map((name, j) => `${name} = ${x[j]}`).join(', ');
    throw new ModelOutputError(
      `model output ${output} is ${value} at ${describeRun(run)} (${point}); ` +
        'return a finite number for every point of the factor ranges, or narrow the ranges',
      run,
      output,
      x,
      value,
    );
  }
  return { outputs, values };
}
