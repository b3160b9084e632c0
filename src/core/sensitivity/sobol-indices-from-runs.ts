import type { ModelRuns } from './evaluate-model.js';
import { type IndexEstimate, percentileInterval } from './percentile-interval.js';
import type { SaltelliSample } from './saltelli-sample.js';
import { checkSeed, createSeededUniform, randomIndex, type UniformSource } from './seeded-uniform.js';

/** Options of {@link sobolIndicesFromRuns}. */
export interface SobolBootstrapOptions {
  /** Bootstrap replicates for the confidence intervals; default 200; 0 gives `NaN` bounds. */
  bootstrap?: number;
  /** Confidence level of the percentile intervals, in `(0, 1)`; default 0.95. */
  confidence?: number;
  /** Seed of the internal generator that resamples the rows; default 1. Ignored when `random` is given. */
  seed?: number;
  /** Uniform numbers on `[0, 1)` for resampling, in place of the seeded generator. */
  random?: UniformSource;
}

/** First-order and total indices of one factor for one output. */
export interface SobolFactorIndices {
  /** The factor's name. */
  readonly factor: string;
  /** First-order index `S_i` (Saltelli et al. 2010). */
  readonly first: IndexEstimate;
  /** Total index `S_Ti` (Jansen 1999). */
  readonly total: IndexEstimate;
}

/** The second-order index of a pair of factors for one output. */
export interface SobolPairIndex {
  /** The two factors' names. */
  readonly factors: readonly [string, string];
  /** Second-order index `S_ij` (Saltelli 2002). */
  readonly second: IndexEstimate;
}

/** Sobol' indices of one model output. */
export interface SobolOutputIndices {
  /** The output's name. */
  readonly output: string;
  /** Mean of the output over `A` and `B`, in the output's unit. */
  readonly mean: number;
  /** Variance `V` of the output over `A` and `B` (population form), in the output's unit squared. */
  readonly variance: number;
  /** One entry per factor, in factor order. */
  readonly factors: readonly SobolFactorIndices[];
  /** One entry per pair `i < j`, in order (1,2), (1,3) … ; empty without a second-order design. */
  readonly pairs: readonly SobolPairIndex[];
}

/** What {@link sobolIndices} and {@link sobolIndicesFromRuns} return. */
export interface SobolIndicesResult {
  /** The method: Sobol' variance decomposition on a Saltelli design. */
  readonly method: 'sobol';
  /** The estimators used. */
  readonly estimators: {
    readonly first: 'Saltelli et al. 2010';
    readonly total: 'Jansen 1999';
    readonly second: 'Saltelli 2002';
  };
  /** The factor names, in order. */
  readonly factors: readonly string[];
  /** `N`, the base sample (a power of two). */
  readonly baseSamples: number;
  /** Model runs: `N(k + 2)`, or `N(2k + 2)` with second order. */
  readonly modelRuns: number;
  /** Index of the first Sobol' point used. */
  readonly skip: number;
  /** Bootstrap replicates. */
  readonly bootstrap: number;
  /** Confidence level of the intervals. */
  readonly confidence: number;
  /** Seed of the resampling generator, or `undefined` when a `random` function was passed. */
  readonly seed: number | undefined;
  /** What was adjusted or cannot be estimated. */
  readonly notes: readonly string[];
  /** Indices per output, in the model's output order. */
  readonly outputs: readonly SobolOutputIndices[];
}

/** The model's values on the blocks of one output, centred on the mean of `f_A` and `f_B`. */
interface OutputBlocks {
  readonly mean: number;
  readonly fA: Float64Array;
  readonly fB: Float64Array;
  readonly fAB: Float64Array[];
  readonly fBA: Float64Array[];
}

function extractBlocks(runs: ModelRuns, output: number, n: number, k: number, secondOrder: boolean): OutputBlocks {
  const m = runs.outputs.length;
  const block = (index: number): Float64Array => {
    const values = new Float64Array(n);
    for (let r = 0; r < n; r++) values[r] = runs.values[(index * n + r) * m + output] as number;
    return values;
  };
  const fA = block(0);
  const fB = block(1);
  let sum = 0;
  for (let r = 0; r < n; r++) sum += (fA[r] as number) + (fB[r] as number);
  const mean = sum / (2 * n);
  const centre = (values: Float64Array): Float64Array => values.map((value) => value - mean);
  return {
    mean,
    fA: centre(fA),
    fB: centre(fB),
    fAB: Array.from({ length: k }, (_, i) => centre(block(2 + i))),
    fBA: secondOrder ? Array.from({ length: k }, (_, i) => centre(block(2 + k + i))) : [],
  };
}

/**
 * Write the indices of one output over the rows `rows` (a bootstrap resample, or every row) into
 * `out`: `[S_1 … S_k, S_T1 … S_Tk, S_12, S_13 … S_(k−1)k]`; returns the variance.
 */
function estimate(blocks: OutputBlocks, rows: Uint32Array, k: number, out: Float64Array): number {
  const { fA, fB, fAB, fBA } = blocks;
  const n = rows.length;
  let sum = 0;
  let sumSquares = 0;
  for (const r of rows) {
    const a = fA[r] as number;
    const b = fB[r] as number;
    sum += a + b;
    sumSquares += a * a + b * b;
  }
  const mean = sum / (2 * n);
  const variance = Math.max(0, sumSquares / (2 * n) - mean * mean);
  for (let i = 0; i < k; i++) {
    const ab = fAB[i] as Float64Array;
    let first = 0;
    let total = 0;
    for (const r of rows) {
      const a = fA[r] as number;
      const mixed = ab[r] as number;
      first += (fB[r] as number) * (mixed - a);
      total += (a - mixed) * (a - mixed);
    }
    out[i] = first / n / variance;
    out[k + i] = total / (2 * n) / variance;
  }
  if (fBA.length > 0) {
    let pair = 2 * k;
    for (let i = 0; i < k; i++) {
      const baI = fBA[i] as Float64Array;
      for (let j = i + 1; j < k; j++) {
        const abJ = fAB[j] as Float64Array;
        let closed = 0;
        for (const r of rows) closed += (baI[r] as number) * (abJ[r] as number) - (fA[r] as number) * (fB[r] as number);
        out[pair++] = closed / n / variance - (out[i] as number) - (out[j] as number);
      }
    }
  }
  return variance;
}

/** Bootstrap options with their defaults filled in. */
export interface ResolvedBootstrapOptions {
  readonly bootstrap: number;
  readonly confidence: number;
  /** `undefined` when a `random` function was passed. */
  readonly seed: number | undefined;
  readonly random: UniformSource;
}

/**
 * Check the bootstrap options and fill in their defaults: 200 replicates, 95 % confidence, seed 1.
 *
 * @param options - the options as given
 * @returns the options with defaults and the generator to draw from
 * @throws {RangeError} when `bootstrap` is not a non-negative integer, `confidence` is outside
 *   `(0, 1)` or `seed` is not a 32-bit integer
 * @example resolveBootstrapOptions({}).bootstrap // → 200
 * @see Efron & Tibshirani 1993, "An Introduction to the Bootstrap", §13.3
 */
export function resolveBootstrapOptions(options: SobolBootstrapOptions): ResolvedBootstrapOptions {
  const bootstrap = options.bootstrap ?? 200;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(bootstrap) || bootstrap < 0) {
    throw new RangeError(`bootstrap: ${bootstrap} is not a number of replicates; use a non-negative integer, e.g. 200`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence: ${confidence} is not a level; use a number between 0 and 1, e.g. 0.95`);
  }
  if (options.random !== undefined) {
    if (typeof options.random !== 'function') {
      throw new TypeError('random: is not a function; pass a function giving uniform numbers on [0, 1)');
    }
    return { bootstrap, confidence, seed: undefined, random: options.random };
  }
  const seed = options.seed ?? 1;
  checkSeed(seed);
  return { bootstrap, confidence, seed, random: createSeededUniform(seed) };
}

/**
 * Estimate Sobol' first-order, total (and, with a second-order design, second-order) indices from
 * model outputs already computed on the rows of {@link saltelliRows}, with bootstrap percentile
 * intervals from resampling the `N` rows with replacement.
 *
 * First order: `S_i = mean(f_B·(f_ABi − f_A)) / V` (Saltelli et al. 2010); total:
 * `S_Ti = mean((f_A − f_ABi)²) / 2V` (Jansen 1999); second order:
 * `S_ij = mean(f_BAi·f_ABj − f_A·f_B) / V − S_i − S_j` (Saltelli 2002); `V` is the variance of `f_A`
 * and `f_B` together. Outputs are centred on their mean first, which leaves the estimators'
 * expectations unchanged and keeps precision when the mean is large against the spread. An output
 * with zero variance has `NaN` indices and a note.
 *
 * @param sample - the design from {@link saltelliSample}
 * @param runs - the outputs at the rows of {@link saltelliRows}, row-major `runs × outputs`
 * @param options - `bootstrap` (default 200), `confidence` (0.95), `seed` (1) or `random`
 * @returns indices per output, with the design's size and the seed
 * @throws {RangeError} when `runs` does not match the design, `bootstrap` is not a non-negative
 *   integer, `confidence` is outside `(0, 1)` or `seed` is not a 32-bit integer
 * @throws {TypeError} when `random` is not a function
 * @example sobolIndicesFromRuns(s, evaluateModel(ishigami().evaluate, saltelliRows(s), 3, ['x1', 'x2', 'x3'])).outputs[0]?.factors[1]?.total.estimate // → 0.4424 with s = saltelliSample(ishigami().factors, 8192)
 * @see Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Table 2 (b), (f);
 *   Jansen 1999, "Analysis of variance designs for model output"; Saltelli 2002;
 *   Archer, Saltelli & Sobol' 1997 (bootstrap intervals for Sobol' indices)
 */
export function sobolIndicesFromRuns(
  sample: SaltelliSample,
  runs: ModelRuns,
  options: SobolBootstrapOptions = {},
): SobolIndicesResult {
  const { bootstrap, confidence, seed, random } = resolveBootstrapOptions(options);

  const n = sample.baseSamples;
  const k = sample.factors.length;
  const names = sample.factors.map((factor) => factor.name);
  const blocksPerOutput = sample.secondOrder ? 2 * k + 2 : k + 2;
  const modelRuns = n * blocksPerOutput;
  const m = runs.outputs.length;
  if (m === 0 || runs.values.length !== modelRuns * m) {
    throw new RangeError(
      `runs.values: has ${runs.values.length} values; a design of ${modelRuns} runs with ${m} outputs needs ${modelRuns * m}`,
    );
  }
  const pairCount = sample.secondOrder ? (k * (k - 1)) / 2 : 0;
  const statistics = 2 * k + pairCount;
  const blocks = runs.outputs.map((_, o) => extractBlocks(runs, o, n, k, sample.secondOrder));

  const allRows = Uint32Array.from({ length: n }, (_, r) => r);
  const estimates = blocks.map(() => new Float64Array(statistics));
  const variances = blocks.map((block, o) => estimate(block, allRows, k, estimates[o] as Float64Array));

  // replicates[o][s · bootstrap + b]: statistic s of output o in replicate b.
  const replicates = blocks.map(() => new Float64Array(statistics * bootstrap));
  const resample = new Uint32Array(n);
  const scratch = new Float64Array(statistics);
  for (let b = 0; b < bootstrap; b++) {
    for (let r = 0; r < n; r++) resample[r] = randomIndex(random, n);
    blocks.forEach((block, o) => {
      estimate(block, resample, k, scratch);
      const target = replicates[o] as Float64Array;
      for (let s = 0; s < statistics; s++) target[s * bootstrap + b] = scratch[s] as number;
    });
  }

  const notes = [...sample.notes];
  const outputs = runs.outputs.map((output, o): SobolOutputIndices => {
    const point = estimates[o] as Float64Array;
    const draws = replicates[o] as Float64Array;
    const interval = (s: number): IndexEstimate => {
      const [low, high] =
        bootstrap > 0 ? percentileInterval(draws.subarray(s * bootstrap, (s + 1) * bootstrap), confidence) : [NaN, NaN];
      return { estimate: point[s] as number, low, high };
    };
    const variance = variances[o] as number;
    if (!(variance > 0)) {
      notes.push(`output ${output} does not vary over the sample; its indices are undefined (NaN)`);
    }
    const pairs: SobolPairIndex[] = [];
    let s = 2 * k;
    for (let i = 0; i < k && sample.secondOrder; i++) {
      for (let j = i + 1; j < k; j++)
        pairs.push({ factors: [names[i] as string, names[j] as string], second: interval(s++) });
    }
    return {
      output,
      mean: (blocks[o] as OutputBlocks).mean,
      variance,
      factors: names.map((factor, i) => ({ factor, first: interval(i), total: interval(k + i) })),
      pairs,
    };
  });
  return {
    method: 'sobol',
    estimators: { first: 'Saltelli et al. 2010', total: 'Jansen 1999', second: 'Saltelli 2002' },
    factors: names,
    baseSamples: n,
    modelRuns,
    skip: sample.skip,
    bootstrap,
    confidence,
    seed,
    notes,
    outputs,
  };
}
