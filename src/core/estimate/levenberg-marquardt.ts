import { InputError } from '../errors.js';
import { qrDecompose, qrSolve, qrUnscaledCovariance } from './qr.js';

/** Why {@link levenbergMarquardt} stopped. */
export type LevenbergMarquardtReason =
  /** The relative change of every parameter fell below `stepTolerance`. */
  | 'step-tolerance'
  /** Actual and predicted relative reductions of the RSS fell below `rssTolerance`. */
  | 'rss-tolerance'
  /** The residuals became orthogonal to the Jacobian's columns to within `gradientTolerance`. */
  | 'gradient-tolerance'
  /** The residuals are all zero. */
  | 'zero-residual'
  /** No step reduces the RSS any more while the gradient is small: a minimum to working precision. */
  | 'no-further-reduction'
  /** No step reduces the RSS although the gradient is not small: not converged. */
  | 'stalled'
  /** The iteration budget ran out: not converged. */
  | 'max-iterations';

/** Options of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtOptions {
  /** Analytic Jacobian `∂r_i/∂b_j`, `m × p` row-major; otherwise finite differences. */
  readonly jacobian?: (parameters: Float64Array) => ArrayLike<number>;
  /** Finite differences when there is no analytic Jacobian: `'central'` (default) or `'forward'`. */
  readonly differences?: 'central' | 'forward';
  /** Outer iterations allowed; default 2000. */
  readonly maxIterations?: number;
  /** Stop when `|δ_j| ≤ tol·(|b_j| + tol)` for all `j`; default 1e-11. */
  readonly stepTolerance?: number;
  /** Stop when actual and predicted relative RSS reductions are both below this; default 1e-15. */
  readonly rssTolerance?: number;
  /** Stop when `max_j |J_jᵀr| / (‖J_j‖·‖r‖)` is below this; default 1e-12. */
  readonly gradientTolerance?: number;
  /** The starting damping `λ₀`, relative to the scaled `JᵀJ`; default 1e-3. */
  readonly initialDamping?: number;
  /** Parameter names for messages; default `b1, b2, …`. */
  readonly names?: readonly string[];
}

/** The result of a nonlinear least-squares fit. */
export interface LevenbergMarquardtResult {
  readonly names: readonly string[];
  readonly estimates: Float64Array;
  /** `√diag(s²·(JᵀJ)⁻¹)` at the estimates; `NaN` when `J` is rank deficient or `df = 0`. */
  readonly standardErrors: Float64Array;
  /** `s²·(JᵀJ)⁻¹`, `p × p` row-major. */
  readonly covariance: Float64Array;
  readonly residualSumOfSquares: number;
  /** `s = √(RSS/(m − p))`. */
  readonly residualStandardDeviation: number;
  readonly degreesOfFreedom: number;
  readonly residuals: Float64Array;
  readonly iterations: number;
  /** Calls of the residual function, including those for finite differences. */
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: LevenbergMarquardtReason;
}

function checkTolerance(name: string, value: number): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name}: ${String(value)} is not a tolerance; use a small non-negative number such as 1e-10`);
  }
  return value;
}

/**
 * Fit parameters `b` minimising `Σ r_i(b)²` by the Levenberg–Marquardt method.
 *
 * Method: Levenberg (1944) and Marquardt (1963, *SIAM J. Appl. Math.* 11) with Moré's (1978,
 * *Lecture Notes in Math.* 630) scaling `D = diag(max ‖J_j‖ so far)`; each trial step solves
 * `[J; √λ·D]·δ ≈ [−r; 0]` by Householder QR (not the normal equations); `λ` follows the gain ratio
 * (Nielsen 1999, IMM-REP-1999-05). Jacobian by central (default) or forward differences unless given.
 * Standard errors `√diag(s²·(JᵀJ)⁻¹)` at the solution, as NIST StRD certifies them.
 *
 * @param residuals - `b ↦ r(b)`, the `m` residuals (e.g. `y_i − f(x_i; b)`, in the unit of `y`)
 * @param start - the starting values `b₀`, length `p ≤ m`
 * @param options - Jacobian, differences, tolerances, iteration budget, names
 * @returns estimates, standard errors, covariance, RSS, iterations, whether and why it stopped
 * @throws {TypeError|RangeError} for arguments of the wrong kind, non-finite starting values or bad options
 * @throws {InputError} (code `too-few-observations`) when `m < p`; (code `missing-value`) when `r(b₀)` is not finite
 * @example levenbergMarquardt((b) => [b[0]! - 3], [0]).estimates[0] // → 3
 */
export function levenbergMarquardt(
  residuals: (parameters: Float64Array) => ArrayLike<number>,
  start: ArrayLike<number>,
  options: LevenbergMarquardtOptions = {},
): LevenbergMarquardtResult {
  if (typeof residuals !== 'function') {
    throw new TypeError(`residuals: ${typeof residuals} is not a function; pass (parameters) => residuals`);
  }
  const p = start.length;
  if (p < 1) throw new RangeError('start: no starting values; give one starting value per parameter');
  const names = options.names ? [...options.names] : Array.from({ length: p }, (_, j) => `b${j + 1}`);
  if (names.length !== p) {
    throw new RangeError(`names: ${names.length} names for ${p} parameters; give one name per starting value`);
  }
  const b = Float64Array.from(start);
  b.forEach((v, j) => {
    if (!Number.isFinite(v))
      throw new RangeError(`start[${j}] (${names[j]}): ${v} is not finite; use a finite starting value`);
  });
  const differences = options.differences ?? 'central';
  if (differences !== 'central' && differences !== 'forward') {
    throw new RangeError(`differences: ${String(differences)} is not a scheme; use 'central' or 'forward'`);
  }
  const maxIterations = options.maxIterations ?? 2000;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`maxIterations: ${maxIterations} is not a positive integer; use e.g. 2000`);
  }
  const xtol = checkTolerance('stepTolerance', options.stepTolerance ?? 1e-11);
  const ftol = checkTolerance('rssTolerance', options.rssTolerance ?? 1e-15);
  const gtol = checkTolerance('gradientTolerance', options.gradientTolerance ?? 1e-12);

  let evaluations = 0;
  let m = -1;
  const evaluate = (parameters: Float64Array): Float64Array => {
    evaluations++;
    const r = Float64Array.from(residuals(parameters));
    if (m >= 0 && r.length !== m) {
      throw new RangeError(`residuals: returned ${r.length} values, then ${m}; return the same number every call`);
    }
    return r;
  };
  let r = evaluate(b);
  m = r.length;
  if (m < p) {
    throw new InputError(
      'too-few-observations',
      `levenbergMarquardt: ${m} residuals for ${p} parameters; supply at least ${p} observations (${p + 1} for standard errors)`,
    );
  }
  r.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      throw new InputError(
        'missing-value',
        `levenbergMarquardt: residual ${i} is ${v} at the starting values; drop missing data or choose other starting values`,
      );
    }
  });

  const jacobianAt = (parameters: Float64Array, current: Float64Array): Float64Array => {
    if (options.jacobian) {
      const given = Float64Array.from(options.jacobian(parameters));
      if (given.length !== m * p) {
        throw new RangeError(`jacobian: returned ${given.length} values; return m × p = ${m * p} values, row-major`);
      }
      return given;
    }
    const jac = new Float64Array(m * p);
    const trial = parameters.slice();
    for (let j = 0; j < p; j++) {
      const bj = parameters[j] as number;
      const scale = bj === 0 ? 1 : Math.abs(bj);
      if (differences === 'central') {
        const step0 = Math.cbrt(Number.EPSILON) * scale;
        trial[j] = bj + step0;
        const step = (trial[j] as number) - bj;
        const plus = evaluate(trial);
        trial[j] = bj - step;
        const minus = evaluate(trial);
        for (let i = 0; i < m; i++) jac[i * p + j] = ((plus[i] as number) - (minus[i] as number)) / (2 * step);
      } else {
        const step0 = Math.sqrt(Number.EPSILON) * scale;
        trial[j] = bj + step0;
        const step = (trial[j] as number) - bj;
        const plus = evaluate(trial);
        for (let i = 0; i < m; i++) jac[i * p + j] = ((plus[i] as number) - (current[i] as number)) / step;
      }
      trial[j] = bj;
    }
    return jac;
  };

  const sumSquares = (v: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
    return s;
  };

  let rss = sumSquares(r);
  const diag = new Float64Array(p);
  let lambda = checkTolerance('initialDamping', options.initialDamping ?? 1e-3);
  let nu = 2;
  let iterations = 0;
  let reason: LevenbergMarquardtReason = 'max-iterations';
  let converged = false;
  const augmented = new Float64Array((m + p) * p);
  const rhs = new Float64Array(m + p);

  outer: while (iterations < maxIterations) {
    iterations++;
    if (rss === 0) {
      reason = 'zero-residual';
      converged = true;
      break;
    }
    const jac = jacobianAt(b, r);
    const columnNorms = new Float64Array(p);
    const gradient = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      let g = 0;
      for (let i = 0; i < m; i++) {
        const v = jac[i * p + j] as number;
        s += v * v;
        g += v * (r[i] as number);
      }
      columnNorms[j] = Math.sqrt(s);
      gradient[j] = g;
      diag[j] = Math.max(diag[j] as number, columnNorms[j] as number);
      if (diag[j] === 0) diag[j] = 1;
    }
    const rNorm = Math.sqrt(rss);
    let cosine = 0;
    for (let j = 0; j < p; j++) {
      const cn = columnNorms[j] as number;
      if (cn > 0) cosine = Math.max(cosine, Math.abs(gradient[j] as number) / (cn * rNorm));
    }
    if (cosine <= gtol) {
      reason = 'gradient-tolerance';
      converged = true;
      break;
    }
    for (;;) {
      // [J; √λ·D] δ ≈ [−r; 0], column-major (m + p) × p
      augmented.fill(0);
      const rows = m + p;
      const root = Math.sqrt(lambda);
      for (let j = 0; j < p; j++) {
        for (let i = 0; i < m; i++) augmented[j * rows + i] = jac[i * p + j] as number;
        augmented[j * rows + m + j] = root * (diag[j] as number);
      }
      for (let i = 0; i < m; i++) rhs[i] = -(r[i] as number);
      for (let i = m; i < rows; i++) rhs[i] = 0;
      const f = qrDecompose(augmented, rows, p, { layout: 'column-major', tolerance: 0 });
      let delta: Float64Array;
      try {
        delta = qrSolve(f, rhs, { refinementSteps: 0 }).solution;
      } catch {
        lambda *= nu;
        nu *= 2;
        if (lambda > 1e300) {
          reason = 'stalled';
          break outer;
        }
        continue;
      }
      const trial = new Float64Array(p);
      let stepNorm = 0;
      let parameterNorm = 0;
      for (let j = 0; j < p; j++) {
        trial[j] = (b[j] as number) + (delta[j] as number);
        stepNorm += ((diag[j] as number) * (delta[j] as number)) ** 2;
        parameterNorm += ((diag[j] as number) * (b[j] as number)) ** 2;
      }
      // predicted reduction −(2gᵀδ + ‖Jδ‖²)
      let gDelta = 0;
      for (let j = 0; j < p; j++) gDelta += (gradient[j] as number) * (delta[j] as number);
      let jDelta2 = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += (jac[i * p + j] as number) * (delta[j] as number);
        jDelta2 += s * s;
      }
      const predicted = -(2 * gDelta + jDelta2);
      const rTrial = evaluate(trial);
      const rssTrial = rTrial.every(Number.isFinite) ? sumSquares(rTrial) : Number.POSITIVE_INFINITY;
      const actual = rss - rssTrial;
      const rho = predicted > 0 ? actual / predicted : -1;
      if (rho > 1e-4) {
        let small = true;
        for (let j = 0; j < p; j++) {
          if (Math.abs(delta[j] as number) > xtol * (Math.abs(trial[j] as number) + xtol)) small = false;
        }
        const rssSmall = actual <= ftol * rss && predicted <= ftol * rss;
        b.set(trial);
        r = rTrial;
        rss = rssTrial;
        lambda *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
        nu = 2;
        if (small) {
          reason = 'step-tolerance';
          converged = true;
          break outer;
        }
        if (rssSmall) {
          reason = 'rss-tolerance';
          converged = true;
          break outer;
        }
        break;
      }
      lambda *= nu;
      nu *= 2;
      if (Math.sqrt(stepNorm) <= Number.EPSILON * Math.sqrt(parameterNorm) || lambda > 1e300) {
        converged = cosine <= 1e-6;
        reason = converged ? 'no-further-reduction' : 'stalled';
        break outer;
      }
    }
  }

  const df = m - p;
  const covariance = new Float64Array(p * p).fill(Number.NaN);
  const standardErrors = new Float64Array(p).fill(Number.NaN);
  const s2 = df > 0 ? rss / df : Number.NaN;
  if (df > 0) {
    const jac = jacobianAt(b, r);
    const f = qrDecompose(jac, m, p);
    if (f.rank === p) {
      const unscaled = qrUnscaledCovariance(f);
      for (let i = 0; i < p * p; i++) covariance[i] = (unscaled[i] as number) * s2;
      for (let j = 0; j < p; j++) standardErrors[j] = Math.sqrt(covariance[j * p + j] as number);
    }
  }
  return {
    names,
    estimates: b,
    standardErrors,
    covariance,
    residualSumOfSquares: rss,
    residualStandardDeviation: Math.sqrt(s2),
    degreesOfFreedom: df,
    residuals: r,
    iterations,
    evaluations,
    converged,
    reason,
  };
}
