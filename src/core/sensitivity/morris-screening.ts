import { evaluateModel, type SensitivityModel } from './evaluate-model.js';
import { checkFactors, type Factor, factorValue } from './factor.js';
import { checkSeed, createSeededUniform, randomIndex, type UniformSource } from './seeded-uniform.js';

/** Options of {@link morrisScreening}. */
export interface MorrisOptions {
  /** `r`, the number of trajectories; default 20; at least 2. */
  trajectories?: number;
  /** `p`, the number of grid levels per factor; default 4; even, at least 2. */
  levels?: number;
  /** Seed of the internal generator that draws the trajectories; default 1. Ignored when `random` is given. */
  seed?: number;
  /** Uniform numbers on `[0, 1)` to draw the trajectories, in place of the seeded generator. */
  random?: UniformSource;
}

/** Screening measures of one factor for one output. */
export interface MorrisFactorEffects {
  /** The factor's name. */
  readonly factor: string;
  /** `μ`, the mean elementary effect (Morris 1991), in output units per factor range. */
  readonly mu: number;
  /** `μ*`, the mean absolute elementary effect (Campolongo et al. 2007), same unit. */
  readonly muStar: number;
  /** `σ`, the sample standard deviation of the elementary effects (divisor r − 1), same unit. */
  readonly sigma: number;
}

/** Morris measures of one model output. */
export interface MorrisOutputEffects {
  /** The output's name. */
  readonly output: string;
  /** One entry per factor, in factor order. */
  readonly factors: readonly MorrisFactorEffects[];
  /** The elementary effects, row-major `r × k`: trajectory `t`, factor `i` at `t·k + i`. */
  readonly effects: Float64Array;
}

/** What {@link morrisScreening} returns. */
export interface MorrisResult {
  /** The method: Morris elementary effects. */
  readonly method: 'morris';
  /** The factor names, in order. */
  readonly factors: readonly string[];
  /** `r`, the number of trajectories (the sample size of each factor's effects). */
  readonly trajectories: number;
  /** `p`, grid levels per factor. */
  readonly levels: number;
  /** `Δ = p / (2(p − 1))`, the step of a uniform factor as a fraction of its range. */
  readonly delta: number;
  /** Model runs: `r(k + 1)`. */
  readonly modelRuns: number;
  /** Seed of the trajectory generator, or `undefined` when a `random` function was passed. */
  readonly seed: number | undefined;
  /** What to keep in mind when reading the measures. */
  readonly notes: readonly string[];
  /** Measures per output, in the model's output order. */
  readonly outputs: readonly MorrisOutputEffects[];
}

/**
 * Screen factors by Morris elementary effects: `r` one-at-a-time trajectories on a `p`-level grid,
 * each moving every factor once by `Δ = p / (2(p − 1))` of its range, in random order and
 * direction. An elementary effect is the output change divided by the step as a fraction of the
 * range, so it is in output units per factor range (a linear term `a·x` on `[low, high]` gives
 * `a·(high − low)` exactly). A distributed factor moves on the quantiles `(2l + 1) / 2p`, half its
 * probability mass per step, and its effect is per unit of probability.
 *
 * @param model - a function `x ↦ y`, a `{ batch }` model or a `{ outputs, evaluateMany }` model; `x` in factor units
 * @param factors - the `k` factors
 * @param options - `trajectories` (20), `levels` (4), `seed` (1) or `random`
 * @returns `μ`, `μ*` and `σ` per factor and output, with the number of model runs `r(k + 1)` and the seed
 * @throws {RangeError} when there are no factors, a range is empty (`low ≥ high`), `trajectories`
 *   is below 2, `levels` is not an even integer ≥ 2, or `seed` is not a 32-bit integer
 * @throws {ModelOutputError} when the model returns `NaN` or an infinite value (the message names the run and the factor values)
 * @example morrisScreening((x) => 3 * (x[0] ?? 0), [{ name: 'x', low: 0, high: 2 }]).outputs[0]?.factors[0]?.muStar // → 6
 * @see Morris 1991, "Factorial sampling plans for preliminary computational experiments";
 *   Campolongo, Cariboni & Saltelli 2007, "An effective screening design for sensitivity analysis of large models"
 */
export function morrisScreening(
  model: SensitivityModel,
  factors: readonly Factor[],
  options: MorrisOptions = {},
): MorrisResult {
  checkFactors(factors);
  const r = options.trajectories ?? 20;
  const p = options.levels ?? 4;
  if (!Number.isInteger(r) || r < 2) {
    throw new RangeError(`trajectories: ${r} is too few to estimate σ; use an integer ≥ 2, e.g. 20`);
  }
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) {
    throw new RangeError(`levels: ${p} is not an even number of levels; use an even integer ≥ 2, e.g. 4`);
  }
  let seed: number | undefined;
  let random: UniformSource;
  if (options.random !== undefined) {
    if (typeof options.random !== 'function') {
      throw new TypeError('random: is not a function; pass a function giving uniform numbers on [0, 1)');
    }
    random = options.random;
  } else {
    seed = options.seed ?? 1;
    checkSeed(seed);
    random = createSeededUniform(seed);
  }

  const k = factors.length;
  const jump = p / 2; // Δ in grid steps
  const distributed = factors.map((factor) => 'inverseCdf' in factor);
  const unitOf = (i: number, level: number): number => (distributed[i] ? (level + 0.5) / p : level / (p - 1));
  const stepOf = (i: number): number => (distributed[i] ? jump / p : jump / (p - 1));

  const points = k + 1;
  const rows = new Float64Array(r * points * k);
  const order = new Uint32Array(r * k);
  const sign = new Int8Array(r * k);
  const level = new Int32Array(k);
  const writeRow = (row: number): void => {
    for (let i = 0; i < k; i++) rows[row * k + i] = factorValue(factors[i] as Factor, unitOf(i, level[i] as number));
  };
  for (let t = 0; t < r; t++) {
    // A random order of the factors (Fisher–Yates), then a random base level and direction per factor.
    const permutation = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = randomIndex(random, i + 1);
      [permutation[i], permutation[j]] = [permutation[j] as number, permutation[i] as number];
    }
    for (let i = 0; i < k; i++) {
      order[t * k + i] = permutation[i] as number;
      const base = randomIndex(random, jump);
      const up = randomIndex(random, 2) === 0;
      sign[t * k + i] = up ? 1 : -1;
      level[i] = up ? base : base + jump;
    }
    writeRow(t * points);
    for (let s = 1; s < points; s++) {
      const i = order[t * k + s - 1] as number;
      level[i] = (level[i] as number) + (sign[t * k + i] as number) * jump;
      writeRow(t * points + s);
    }
  }

  const names = factors.map((factor) => factor.name);
  const runs = evaluateModel(model, rows, k, names, (run) => {
    const t = Math.floor(run / points);
    return `run ${run} (point ${run % points} of trajectory ${t})`;
  });
  const m = runs.outputs.length;
  const outputs = runs.outputs.map((output, o): MorrisOutputEffects => {
    const effects = new Float64Array(r * k);
    for (let t = 0; t < r; t++) {
      for (let s = 1; s < points; s++) {
        const i = order[t * k + s - 1] as number;
        const after = runs.values[(t * points + s) * m + o] as number;
        const before = runs.values[(t * points + s - 1) * m + o] as number;
        effects[t * k + i] = (after - before) / ((sign[t * k + i] as number) * stepOf(i));
      }
    }
    const measures = names.map((factor, i): MorrisFactorEffects => {
      let sum = 0;
      let sumAbsolute = 0;
      for (let t = 0; t < r; t++) {
        const effect = effects[t * k + i] as number;
        sum += effect;
        sumAbsolute += Math.abs(effect);
      }
      const mu = sum / r;
      let squares = 0;
      for (let t = 0; t < r; t++) squares += ((effects[t * k + i] as number) - mu) ** 2;
      return { factor, mu, muStar: sumAbsolute / r, sigma: Math.sqrt(squares / (r - 1)) };
    });
    return { output, factors: measures, effects };
  });
  const notes: string[] = [];
  if (distributed.some(Boolean)) {
    notes.push('distributed factors move on the quantiles (2l + 1)/2p; their effects are per unit of probability');
  }
  return {
    method: 'morris',
    factors: names,
    trajectories: r,
    levels: p,
    delta: jump / (p - 1),
    modelRuns: r * points,
    seed,
    notes,
    outputs,
  };
}
