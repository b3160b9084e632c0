import { checkSquareMatrix, checkVector, describeValue } from '../solve/argument-checks.js';
import type { Derivative } from '../solve/derivative.js';
import { type Eigenvalues, eigenvalues } from '../solve/eigenvalues.js';
import { luDecompose, luSolve } from '../solve/lu.js';
import { matrixExponential } from '../solve/matrix-exponential.js';

/**
 * Parameters of the classic Richardson model `dx/dt = R·x − A·x + g` for N actors (Richardson 1960,
 * *Arms and Insecurity*), with levels `x` in constant USD and time in years.
 */
export interface RichardsonParameters {
  /**
   * `R` (Richardson's `k`, "defence coefficients"), `N × N` row-major, 1/years: entry `(i, j)` is
   * how strongly actor `i` arms in response to actor `j`'s level. The diagonal must be zero.
   */
  readonly reactionMatrix: Float64Array;
  /** `a_i` (Richardson's "fatigue and expense" coefficients), length N, 1/years: `A = diag(a)`. */
  readonly fatigueRate: Float64Array;
  /** `g_i` (Richardson's "grievances"), length N, USD per year: arming at zero levels. */
  readonly grievance: Float64Array;
}

/** Parameters of the two-actor Richardson model in the paper's scalars (Richardson 1960). */
export interface TwoActorRichardsonParameters {
  /** `[a1, a2]`, fatigue rates, 1/years. */
  readonly fatigueRate: readonly [number, number];
  /** `[k1, k2]`: `k1` is actor 1's reaction to actor 2, `k2` actor 2's reaction to actor 1, 1/years. */
  readonly reactionRate: readonly [number, number];
  /** `[g1, g2]`, grievances, USD per year. */
  readonly grievance: readonly [number, number];
}

/** The stability report of {@link richardsonStability}. */
export interface RichardsonStability {
  /** Eigenvalues of `M = R − A`, 1/years, sorted by decreasing real part. */
  readonly eigenvalues: Eigenvalues;
  /** The stability margin: the largest real part of the eigenvalues, 1/years (negative = stable). */
  readonly margin: number;
  /** True when `margin < 0`: every path converges to the equilibrium. */
  readonly stable: boolean;
}

/** Options of {@link richardsonSolution}. */
export interface RichardsonSolutionOptions {
  /**
   * `'equilibrium'`: `x(t) = e^{Mt}(x0 − x*) + x*` (needs `M` invertible); `'augmented'`: the
   * exponential of the `(N+1) × (N+1)` matrix `[[M, g], [0, 0]]` applied to `(x0, 1)`, which works
   * whether or not `M` is singular; `'auto'` (default): the first when `M` is invertible, else the second.
   */
  readonly method?: 'auto' | 'equilibrium' | 'augmented';
}

/**
 * Check the parameters and return the number of actors N.
 */
function checkParameters(parameters: RichardsonParameters): number {
  if (typeof parameters !== 'object' || parameters === null) {
    throw new TypeError(
      `parameters: ${describeValue(parameters)} is not an object; pass { reactionMatrix, fatigueRate, grievance }`,
    );
  }
  const { reactionMatrix, fatigueRate, grievance } = parameters;
  checkVector('fatigueRate', fatigueRate);
  const n = fatigueRate.length;
  if (n === 0) throw new RangeError('fatigueRate: length 0 leaves no actors; give one rate per actor');
  checkVector('grievance', grievance, n);
  checkSquareMatrix('reactionMatrix', reactionMatrix, n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(fatigueRate[i])) {
      throw new RangeError(`fatigueRate[${i}]: ${fatigueRate[i]} is not finite; use a rate in 1/years such as 0.3`);
    }
    if (!Number.isFinite(grievance[i])) {
      throw new RangeError(`grievance[${i}]: ${grievance[i]} is not finite; use a finite level in USD per year`);
    }
    const d = reactionMatrix[i * n + i] as number;
    if (d !== 0) {
      throw new RangeError(
        `reactionMatrix[${i}, ${i}]: ${d} is on the diagonal, which must be 0; put self-restraint in fatigueRate[${i}]`,
      );
    }
  }
  return n;
}

/**
 * Build the system matrix `M = R − A` of the Richardson model, which is also its exact Jacobian.
 *
 * Source: Richardson (1960), *Arms and Insecurity*; `dx/dt = M·x + g`.
 *
 * @param parameters - `reactionMatrix` (R, 1/years), `fatigueRate` (a, 1/years), `grievance` (g, USD/year)
 * @returns `M`, `N × N` row-major, 1/years
 * @throws {TypeError} when a parameter is not a `Float64Array`
 * @throws {RangeError} when sizes disagree, a value is not finite, or `R` has a non-zero diagonal
 * @example Array.from(richardsonSystemMatrix({ reactionMatrix: Float64Array.of(0, 0.2, 0.3, 0), fatigueRate: Float64Array.of(0.5, 0.4), grievance: Float64Array.of(1, 1) })) // → [-0.5, 0.2, 0.3, -0.4]
 */
export function richardsonSystemMatrix(parameters: RichardsonParameters): Float64Array {
  const n = checkParameters(parameters);
  const m = parameters.reactionMatrix.slice();
  for (let i = 0; i < n; i++) m[i * n + i] = -(parameters.fatigueRate[i] as number);
  return m;
}

/**
 * Make the derivative `dx/dt = (R − A)·x + g` for the solvers (`integrateRk4`, `integrateDormandPrince`).
 *
 * The parameters are copied, so later changes to them do not affect the derivative. The derivative
 * throws a `RangeError` when called with a state of the wrong size.
 *
 * Source: Richardson (1960), *Arms and Insecurity*.
 *
 * @param parameters - `reactionMatrix` (R, 1/years), `fatigueRate` (a, 1/years), `grievance` (g, USD/year)
 * @returns a {@link Derivative} writing `dx/dt` in USD per year
 * @throws {TypeError|RangeError} as {@link richardsonSystemMatrix}
 * @example const f = richardsonDerivative({ reactionMatrix: Float64Array.of(0, 0.2, 0.3, 0), fatigueRate: Float64Array.of(0.5, 0.4), grievance: Float64Array.of(1, 1) }); // f(0, Float64Array.of(0, 0), out) → out = [1, 1]
 */
export function richardsonDerivative(parameters: RichardsonParameters): Derivative {
  const m = richardsonSystemMatrix(parameters);
  const g = parameters.grievance.slice();
  const n = g.length;
  return (_t, x, out) => {
    if (x.length !== n || out.length !== n) {
      throw new RangeError(
        `x: length ${x.length} (out: ${out.length}) does not match the ${n} actors of the Richardson model; use length ${n}`,
      );
    }
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let sum = g[i] as number;
      for (let j = 0; j < n; j++) sum += (m[row + j] as number) * (x[j] as number);
      out[i] = sum;
    }
  };
}

/**
 * Compute the equilibrium `x* = −M⁻¹·g` of the Richardson model, with `M = R − A`.
 *
 * Source: Richardson (1960); the linear solve is LU with partial pivoting (Golub & Van Loan, §3.4).
 *
 * @param parameters - `reactionMatrix` (R, 1/years), `fatigueRate` (a, 1/years), `grievance` (g, USD/year)
 * @returns `x*`, USD, or `undefined` when `M` is singular (no unique equilibrium)
 * @throws {TypeError|RangeError} as {@link richardsonSystemMatrix}
 * @example Array.from(richardsonEquilibrium({ reactionMatrix: Float64Array.of(0, 0, 0, 0), fatigueRate: Float64Array.of(0.5, 0.25), grievance: Float64Array.of(1, 1) }) ?? []) // → [2, 4]
 */
export function richardsonEquilibrium(parameters: RichardsonParameters): Float64Array | undefined {
  const m = richardsonSystemMatrix(parameters);
  const n = parameters.fatigueRate.length;
  const lu = luDecompose(m, n);
  if (lu.singular) return undefined;
  const x = luSolve(lu, parameters.grievance);
  for (let i = 0; i < n; i++) x[i] = -(x[i] as number);
  return x;
}

/**
 * Compute the exact solution `x(t)` of the Richardson model from `x(0) = x0`.
 *
 * With `M = R − A` invertible, `x(t) = e^{Mt}(x0 − x*) + x*` with `x* = −M⁻¹g`; in general,
 * `(x(t), 1) = exp(t·[[M, g], [0, 0]])·(x0, 1)` (the augmented-matrix form, Van Loan 1978,
 * "Computing integrals involving the matrix exponential"). The exponential is by scaling and
 * squaring with Padé approximants (Higham 2005).
 *
 * @param parameters - `reactionMatrix` (R, 1/years), `fatigueRate` (a, 1/years), `grievance` (g, USD/year)
 * @param x0 - the levels at time 0, USD
 * @param tYears - the time since the start, years (may be negative)
 * @param options - `method`: `'auto'` (default), `'equilibrium'` or `'augmented'`
 * @returns `x(t)`, USD
 * @throws {TypeError|RangeError} as {@link richardsonSystemMatrix}; when `x0` has the wrong length or
 *   `tYears` is not finite; when `method` is `'equilibrium'` and `M` is singular
 * @example Array.from(richardsonSolution({ reactionMatrix: Float64Array.of(0), fatigueRate: Float64Array.of(1), grievance: Float64Array.of(0) }, Float64Array.of(1), 1)) // → [0.36787944117144233]
 */
export function richardsonSolution(
  parameters: RichardsonParameters,
  x0: Float64Array,
  tYears: number,
  options: RichardsonSolutionOptions = {},
): Float64Array {
  const m = richardsonSystemMatrix(parameters);
  const n = parameters.fatigueRate.length;
  checkVector('x0', x0, n);
  if (typeof tYears !== 'number' || !Number.isFinite(tYears)) {
    throw new RangeError(`tYears: ${describeValue(tYears)} is not a finite number; use a time in years such as 25`);
  }
  const method = options.method ?? 'auto';
  if (method !== 'auto' && method !== 'equilibrium' && method !== 'augmented') {
    throw new RangeError(`method: ${String(method)} is not a method; use 'auto', 'equilibrium' or 'augmented'`);
  }
  const g = parameters.grievance;
  if (method !== 'augmented') {
    const lu = luDecompose(m, n);
    if (!lu.singular) {
      const equilibrium = luSolve(lu, g);
      for (let i = 0; i < n; i++) equilibrium[i] = -(equilibrium[i] as number);
      const mt = m.map((v) => v * tYears);
      const e = matrixExponential(mt, n);
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let sum = equilibrium[i] as number;
        for (let j = 0; j < n; j++) sum += (e[i * n + j] as number) * ((x0[j] as number) - (equilibrium[j] as number));
        x[i] = sum;
      }
      return x;
    }
    if (method === 'equilibrium') {
      throw new RangeError(
        "method: 'equilibrium' needs R − A to be invertible, and it is singular here; use method 'augmented' or 'auto'",
      );
    }
  }
  const size = n + 1;
  const augmented = new Float64Array(size * size);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) augmented[i * size + j] = (m[i * n + j] as number) * tYears;
    augmented[i * size + n] = (g[i] as number) * tYears;
  }
  const e = matrixExponential(augmented, size);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = e[i * size + n] as number;
    for (let j = 0; j < n; j++) sum += (e[i * size + j] as number) * (x0[j] as number);
    x[i] = sum;
  }
  return x;
}

/**
 * Report the stability of the Richardson model: the eigenvalues of `M = R − A` (its exact Jacobian)
 * and the margin, their largest real part.
 *
 * Method: Hessenberg reduction and Francis double-shift QR (Golub & Van Loan, algorithm 7.5.2);
 * model from Richardson (1960).
 *
 * @param parameters - `reactionMatrix` (R, 1/years), `fatigueRate` (a, 1/years), `grievance` (g, USD/year)
 * @returns eigenvalues (1/years), `margin` (1/years) and `stable` (`margin < 0`)
 * @throws {TypeError|RangeError} as {@link richardsonSystemMatrix}
 * @example richardsonStability({ reactionMatrix: Float64Array.of(0, 0.2, 0.2, 0), fatigueRate: Float64Array.of(0.5, 0.5), grievance: Float64Array.of(1, 1) }).margin // → -0.3 (to rounding)
 */
export function richardsonStability(parameters: RichardsonParameters): RichardsonStability {
  const m = richardsonSystemMatrix(parameters);
  const n = parameters.fatigueRate.length;
  const values = eigenvalues(m, n);
  const margin = values.real[0] as number;
  return { eigenvalues: values, margin, stable: margin < 0 };
}

function checkPair(name: string, pair: unknown): asserts pair is readonly [number, number] {
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new TypeError(`${name}: ${describeValue(pair)} is not a pair; pass [actor 1, actor 2]`);
  }
  for (let i = 0; i < 2; i++) {
    if (typeof pair[i] !== 'number' || !Number.isFinite(pair[i])) {
      throw new RangeError(`${name}[${i}]: ${describeValue(pair[i])} is not a finite number; use a finite number`);
    }
  }
}

/**
 * Compute the two-actor equilibrium in closed form,
 * `x* = (a2·g1 + k1·g2, a1·g2 + k2·g1) / (a1·a2 − k1·k2)`.
 *
 * Source: Richardson (1960); restated in docs/model.md §3.
 *
 * @param parameters - `fatigueRate` `[a1, a2]` (1/years), `reactionRate` `[k1, k2]` (1/years), `grievance` `[g1, g2]` (USD/year)
 * @returns `[x1*, x2*]`, USD, or `undefined` when `a1·a2 = k1·k2` (the lines are parallel: no unique equilibrium)
 * @throws {TypeError} when a parameter is not a pair
 * @throws {RangeError} when a value is not finite
 * @example twoActorEquilibrium({ fatigueRate: [0.5, 0.5], reactionRate: [0.25, 0.25], grievance: [1, 1] }) // → [4, 4]
 */
export function twoActorEquilibrium(parameters: TwoActorRichardsonParameters): [number, number] | undefined {
  const { fatigueRate, reactionRate, grievance } = parameters;
  checkPair('fatigueRate', fatigueRate);
  checkPair('reactionRate', reactionRate);
  checkPair('grievance', grievance);
  const [a1, a2] = fatigueRate;
  const [k1, k2] = reactionRate;
  const [g1, g2] = grievance;
  const det = a1 * a2 - k1 * k2;
  if (det === 0) return undefined;
  return [(a2 * g1 + k1 * g2) / det, (a1 * g2 + k2 * g1) / det];
}

/**
 * Decide whether the two-actor Richardson model is stable: `a1·a2 > k1·k2` (with `a1 + a2 > 0`,
 * which holds automatically for the non-negative fatigue rates of the model; together they are
 * the trace–determinant test for `M = [[−a1, k1], [k2, −a2]]`).
 *
 * Source: Richardson (1960); restated in docs/model.md §3.
 *
 * @param parameters - `fatigueRate` `[a1, a2]` (1/years), `reactionRate` `[k1, k2]` (1/years); `grievance` is not used
 * @returns true when both eigenvalues of `M` have negative real parts
 * @throws {TypeError} when a parameter is not a pair
 * @throws {RangeError} when a value is not finite
 * @example twoActorIsStable({ fatigueRate: [0.5, 0.5], reactionRate: [0.25, 0.25], grievance: [1, 1] }) // → true
 */
export function twoActorIsStable(
  parameters: Pick<TwoActorRichardsonParameters, 'fatigueRate' | 'reactionRate'>,
): boolean {
  const { fatigueRate, reactionRate } = parameters;
  checkPair('fatigueRate', fatigueRate);
  checkPair('reactionRate', reactionRate);
  const [a1, a2] = fatigueRate;
  const [k1, k2] = reactionRate;
  return a1 * a2 > k1 * k2 && a1 + a2 > 0;
}
