import type { UniformFactor } from './factor.js';

/** A model with known Sobol' indices, for checking estimators. */
export interface TestFunction {
  /** Short name, e.g. `ishigami`. */
  readonly name: string;
  /** Its independent uniform inputs. */
  readonly factors: readonly UniformFactor[];
  /** The model: `x` holds one value per factor. */
  readonly evaluate: (x: Float64Array) => number;
  /** Exact mean of the output. */
  readonly mean: number;
  /** Exact variance of the output. */
  readonly variance: number;
  /** Exact first-order indices `S_i`, in factor order. */
  readonly first: readonly number[];
  /** Exact total indices `S_Ti`, in factor order. */
  readonly total: readonly number[];
}

/**
 * Build the Ishigami function `f = sin x1 + a sin² x2 + b x3⁴ sin x1` on `x_i ~ U(−π, π)` with its
 * exact indices: `V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2`, `V1 = (1 + bπ⁴/5)²/2`, `V2 = a²/8`, `V3 = 0`,
 * `V13 = b²π⁸(1/18 − 1/50)`.
 *
 * @param a - coefficient of `sin² x2`, dimensionless; default 7
 * @param b - coefficient of `x3⁴ sin x1`, dimensionless; default 0.1
 * @returns the function, its factors and its exact indices
 * @throws {RangeError} when `a` or `b` is not finite
 * @example ishigami().first[0] // → 0.31390519114781146
 * @see Ishigami & Homma 1990, "An importance quantification technique in uncertainty analysis for
 *   computer models"; Sobol' & Levitan 1999 for the closed forms
 */
export function ishigami(a = 7, b = 0.1): TestFunction {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`ishigami: a = ${a}, b = ${b}; use finite coefficients, e.g. a = 7, b = 0.1`);
  }
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = b * b * pi8 * (1 / 18 - 1 / 50);
  const variance = v1 + v2 + v13;
  return {
    name: 'ishigami',
    factors: ['x1', 'x2', 'x3'].map((name) => ({ name, low: -Math.PI, high: Math.PI })),
    evaluate: (x) => {
      const x1 = x[0] ?? Number.NaN;
      const x2 = x[1] ?? Number.NaN;
      const x3 = x[2] ?? Number.NaN;
      const s1 = Math.sin(x1);
      const s2 = Math.sin(x2);
      return s1 + a * s2 * s2 + b * x3 ** 4 * s1;
    },
    mean: a / 2,
    variance,
    first: [v1 / variance, v2 / variance, 0],
    total: [(v1 + v13) / variance, v2 / variance, v13 / variance],
  };
}

/**
 * Build the linear model `y = Σ a_i x_i` on independent `x_i ~ U(low_i, high_i)` with its exact
 * indices: `S_i = S_Ti = a_i² Var(x_i) / Σ_j a_j² Var(x_j)`, `Var(x_i) = (high_i − low_i)²/12`.
 *
 * @param weights - the coefficients `a_i`, in output units per input unit
 * @param ranges - the input ranges; default `[0, 1]` each
 * @returns the function, its factors (`x1`, `x2`, …) and its exact indices
 * @throws {RangeError} when there are no weights, a weight is not finite, the ranges do not match
 *   the weights, or all weights are zero
 * @example linearModel([1, 2]).first // → [0.2, 0.8]
 * @see Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §1.2.5 (linear models)
 */
export function linearModel(
  weights: readonly number[],
  ranges?: readonly { readonly low: number; readonly high: number }[],
): TestFunction {
  if (weights.length === 0 || !weights.every(Number.isFinite)) {
    throw new RangeError(`weights: ${weights.join(', ') || 'none'}; pass at least one finite coefficient`);
  }
  if (ranges !== undefined && ranges.length !== weights.length) {
    throw new RangeError(`ranges: ${ranges.length} ranges for ${weights.length} weights; give one range per weight`);
  }
  const factors = weights.map((_, i) => ({
    name: `x${i + 1}`,
    low: ranges?.[i]?.low ?? 0,
    high: ranges?.[i]?.high ?? 1,
  }));
  const parts = weights.map((w, i) => {
    const factor = factors[i] as UniformFactor;
    return (w * w * (factor.high - factor.low) ** 2) / 12;
  });
  const variance = parts.reduce((sum, part) => sum + part, 0);
  if (!(variance > 0)) throw new RangeError('weights: all are zero; the output would not vary');
  const indices = parts.map((part) => part / variance);
  const coefficients = Float64Array.from(weights);
  return {
    name: 'linear',
    factors,
    evaluate: (x) => {
      let y = 0;
      for (let i = 0; i < coefficients.length; i++) y += (coefficients[i] as number) * (x[i] ?? Number.NaN);
      return y;
    },
    mean: weights.reduce(
      (sum, w, i) => sum + (w * ((factors[i] as UniformFactor).low + (factors[i] as UniformFactor).high)) / 2,
      0,
    ),
    variance,
    first: indices,
    total: indices,
  };
}

/**
 * Build Sobol's g-function `f = Π (|4x_i − 2| + a_i) / (1 + a_i)` on `x_i ~ U(0, 1)` with its exact
 * indices: `V_i = 1 / (3(1 + a_i)²)`, `V = Π(1 + V_i) − 1`, `S_i = V_i / V`,
 * `S_Ti = V_i Π_{j≠i}(1 + V_j) / V`. Small `a_i` make a factor important; `a_i = 99` all but removes it.
 *
 * @param a - the non-negative coefficients `a_i`, one per factor
 * @returns the function, its factors (`x1`, `x2`, …) and its exact indices
 * @throws {RangeError} when there are no coefficients or one is negative or not finite
 * @example gFunction([0, 1]).first[0] // → 0.75 (to rounding)
 * @see Sobol' 1993, "Sensitivity estimates for nonlinear mathematical models"; Saltelli & Sobol' 1995
 */
export function gFunction(a: readonly number[]): TestFunction {
  if (a.length === 0 || !a.every((value) => Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`a: ${a.join(', ') || 'none'}; pass at least one finite coefficient ≥ 0, e.g. [0, 1, 9]`);
  }
  const partial = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const product = partial.reduce((p, vi) => p * (1 + vi), 1);
  const variance = product - 1;
  const coefficients = Float64Array.from(a);
  return {
    name: 'g-function',
    factors: a.map((_, i) => ({ name: `x${i + 1}`, low: 0, high: 1 })),
    evaluate: (x) => {
      let y = 1;
      for (let i = 0; i < coefficients.length; i++) {
        const ai = coefficients[i] as number;
        y *= (Math.abs(4 * (x[i] ?? Number.NaN) - 2) + ai) / (1 + ai);
      }
      return y;
    },
    mean: 1,
    variance,
    first: partial.map((vi) => vi / variance),
    total: partial.map((vi) => (vi * (product / (1 + vi))) / variance),
  };
}
