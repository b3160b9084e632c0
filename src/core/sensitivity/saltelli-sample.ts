import { checkFactors, type Factor, mapUnitPoints } from './factor.js';
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from './sobol-sequence.js';

/** Options of {@link saltelliSample}. */
export interface SaltelliSampleOptions {
  /** Also build the matrices `BA_i` needed for second-order indices; default false. */
  secondOrder?: boolean;
  /**
   * Index of the first Sobol' point used; default `N` (the rounded base sample), which drops the
   * first balanced block, origin included, and keeps the rows a balanced block of their own.
   */
  skip?: number;
}

/** The Saltelli design: matrices of factor values, each row-major `N × k`. */
export interface SaltelliSample {
  /** The factors, in column order. */
  readonly factors: readonly Factor[];
  /** `N`, the base sample: a power of two. */
  readonly baseSamples: number;
  /** Index of the first Sobol' point used. */
  readonly skip: number;
  /** Whether `ba` holds the matrices for second-order indices. */
  readonly secondOrder: boolean;
  /** Matrix `A`: columns 1 … k of the 2k-dimensional Sobol' points. */
  readonly a: Float64Array;
  /** Matrix `B`: columns k + 1 … 2k. */
  readonly b: Float64Array;
  /** `AB_i`: `A` with column `i` taken from `B`, one per factor. */
  readonly ab: readonly Float64Array[];
  /** `BA_i`: `B` with column `i` taken from `A`, one per factor; empty unless `secondOrder`. */
  readonly ba: readonly Float64Array[];
  /** What was adjusted, e.g. a base sample rounded up to a power of two. */
  readonly notes: readonly string[];
}

/** The largest number of factors: a Saltelli design needs 2k Sobol' dimensions. */
export const SALTELLI_MAX_FACTORS = SOBOL_MAX_DIMENSIONS / 2;

/**
 * Round a base sample up to a power of two, with a note when it changed.
 *
 * @param baseSamples - `N`, an integer ≥ 2
 * @returns the power of two and the note, if any
 * @throws {RangeError} when `baseSamples` is not an integer from 2 to 2^31
 * @example resolveBaseSamples(1000).baseSamples // → 1024
 * @see Owen 2020, "On dropping the first Sobol' point": Sobol' points balance only in blocks of 2^m
 */
export function resolveBaseSamples(baseSamples: number): { baseSamples: number; note: string | undefined } {
  if (!Number.isInteger(baseSamples) || baseSamples < 2 || baseSamples > 2 ** 31) {
    throw new RangeError(
      `baseSamples: ${baseSamples} is not a base sample; use a power of two from 2 to 2^31, e.g. 1024`,
    );
  }
  // Doubling, not 2^⌈log2 n⌉: exact on every engine (Math.log2 need not be exact at powers of two).
  let rounded = 2;
  while (rounded < baseSamples) rounded *= 2;
  if (rounded === baseSamples) return { baseSamples, note: undefined };
  return {
    baseSamples: rounded,
    note: `baseSamples ${baseSamples} is not a power of two; rounded up to ${rounded} so the Sobol' points stay balanced`,
  };
}

/**
 * Build the Saltelli design for Sobol' indices: matrices `A` and `B` from a 2k-dimensional Sobol'
 * sequence, and `AB_i` (and optionally `BA_i`) mixing their columns. A base sample that is not a
 * power of two is rounded up, with a note in `notes`.
 *
 * @param factors - the `k` factors (1 to 32)
 * @param baseSamples - `N`, rows per matrix; rounded up to a power of two
 * @param options - `secondOrder` (default false) and `skip` (default `N`)
 * @returns the matrices in factor units
 * @throws {RangeError} when there are no factors or more than 32, a range is empty (`low ≥ high`),
 *   `baseSamples` or `skip` is out of range, or an `inverseCdf` returns a value that is not finite
 * @example saltelliSample([{ name: 'x', low: 0, high: 1 }], 4).a // → Float64Array [0.375, 0.875, 0.625, 0.125]
 * @see Saltelli 2002, "Making best use of model evaluations to compute sensitivity indices";
 *   Saltelli et al. 2010, "Variance based sensitivity analysis of model output", §3
 */
export function saltelliSample(
  factors: readonly Factor[],
  baseSamples: number,
  options: SaltelliSampleOptions = {},
): SaltelliSample {
  checkFactors(factors);
  const k = factors.length;
  if (k > SALTELLI_MAX_FACTORS) {
    throw new RangeError(
      `factors: ${k} factors need ${2 * k} Sobol' dimensions, more than the ${SOBOL_MAX_DIMENSIONS} available; ` +
        `use at most ${SALTELLI_MAX_FACTORS} factors, e.g. after screening with morrisScreening`,
    );
  }
  const resolved = resolveBaseSamples(baseSamples);
  const n = resolved.baseSamples;
  const notes = resolved.note === undefined ? [] : [resolved.note];
  const skip = options.skip ?? n;
  const secondOrder = options.secondOrder ?? false;
  const points = sobolSequence(n, 2 * k, { skip });
  const unitA = new Float64Array(n * k);
  const unitB = new Float64Array(n * k);
  for (let r = 0; r < n; r++) {
    unitA.set(points.subarray(2 * k * r, 2 * k * r + k), r * k);
    unitB.set(points.subarray(2 * k * r + k, 2 * k * (r + 1)), r * k);
  }
  const a = mapUnitPoints(factors, unitA);
  const b = mapUnitPoints(factors, unitB);
  const mix = (base: Float64Array, donor: Float64Array, column: number): Float64Array => {
    const mixed = base.slice();
    for (let r = 0; r < n; r++) mixed[r * k + column] = donor[r * k + column] as number;
    return mixed;
  };
  const ab = factors.map((_, i) => mix(a, b, i));
  const ba = secondOrder ? factors.map((_, i) => mix(b, a, i)) : [];
  return { factors, baseSamples: n, skip, secondOrder, a, b, ab, ba, notes };
}

/**
 * Stack the matrices of a Saltelli design in the order the model runs them: `A`, `B`, `AB_1 … AB_k`,
 * then `BA_1 … BA_k` for second order. Run the model on these rows yourself (e.g. in workers) and
 * pass the outputs to `sobolIndicesFromRuns`.
 *
 * @param sample - a design from {@link saltelliSample}
 * @returns row-major `N(k + 2) × k` (or `N(2k + 2) × k`) factor values
 * @throws nothing
 * @example saltelliRows(saltelliSample([{ name: 'x', low: 0, high: 1 }], 4)).length // → 12
 * @see Saltelli et al. 2010, "Variance based sensitivity analysis of model output", §3
 */
export function saltelliRows(sample: SaltelliSample): Float64Array {
  const blocks = [sample.a, sample.b, ...sample.ab, ...sample.ba];
  const size = sample.a.length;
  const rows = new Float64Array(size * blocks.length);
  blocks.forEach((block, index) => {
    rows.set(block, index * size);
  });
  return rows;
}

/**
 * Name the matrix and row of a run of {@link saltelliRows}, for messages.
 *
 * @param sample - the design
 * @param run - the run index, from 0
 * @returns e.g. `run 9 (row 1 of AB_2)`
 * @throws nothing
 * @example describeSaltelliRun(saltelliSample([{ name: 'x', low: 0, high: 1 }], 4), 5) // → 'run 5 (row 1 of B)'
 * @see Saltelli et al. 2010, §3 (the matrices A, B and AB_i)
 */
export function describeSaltelliRun(sample: SaltelliSample, run: number): string {
  const n = sample.baseSamples;
  const k = sample.factors.length;
  const block = Math.floor(run / n);
  const row = run % n;
  let name: string;
  if (block === 0) name = 'A';
  else if (block === 1) name = 'B';
  else if (block < k + 2) name = `AB_${block - 1}`;
  else name = `BA_${block - k - 1}`;
  return `run ${run} (row ${row} of ${name})`;
}
