import { checkSquareMatrix, checkVector } from './argument-checks.js';

/** An LU factorisation `P·A = L·U` of an `n × n` matrix. */
export interface LuFactorization {
  /** The order of the matrix. */
  readonly n: number;
  /** `L` (unit diagonal, not stored) below the diagonal and `U` on and above it, row-major. */
  readonly lu: Float64Array;
  /** Row `i` of `P·A` is row `pivots[i]` of `A`. */
  readonly pivots: Int32Array;
  /** `+1` or `−1`: the determinant of `P`. */
  readonly sign: number;
  /**
   * True when a pivot is zero or below `n·ε·max|A|`: the matrix is singular to working precision
   * and {@link luSolve} refuses to solve with it.
   */
  readonly singular: boolean;
}

/**
 * Factor a square matrix as `P·A = L·U` by Gaussian elimination with partial (row) pivoting.
 *
 * Method: Doolittle elimination with partial pivoting (Golub & Van Loan, *Matrix Computations*,
 * 4th ed., algorithm 3.4.1). A matrix is flagged `singular` when a pivot is at most `n·ε·max|aᵢⱼ|`.
 *
 * @param matrix - the `n × n` matrix, row-major; not modified
 * @param n - the order
 * @returns the factors, pivots, permutation sign and a singularity flag
 * @throws {TypeError} when `matrix` is not a `Float64Array`
 * @throws {RangeError} when `matrix.length ≠ n²` or an entry is not finite
 * @example luDecompose(Float64Array.of(0, 1, 1, 0), 2).sign // → -1
 */
export function luDecompose(matrix: Float64Array, n: number): LuFactorization {
  checkSquareMatrix('matrix', matrix, n);
  const lu = matrix.slice();
  const pivots = new Int32Array(n);
  let maxAbs = 0;
  for (let i = 0; i < lu.length; i++) maxAbs = Math.max(maxAbs, Math.abs(lu[i] as number));
  const tiny = n * Number.EPSILON * maxAbs;
  let sign = 1;
  let singular = n > 0 && maxAbs === 0;
  for (let i = 0; i < n; i++) pivots[i] = i;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const tmp = lu[k * n + j] as number;
        lu[k * n + j] = lu[p * n + j] as number;
        lu[p * n + j] = tmp;
      }
      const tp = pivots[k] as number;
      pivots[k] = pivots[p] as number;
      pivots[p] = tp;
      sign = -sign;
    }
    const pivot = lu[k * n + k] as number;
    if (best <= tiny) {
      singular = true;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const m = (lu[i * n + k] as number) / pivot;
      lu[i * n + k] = m;
      if (m === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = (lu[i * n + j] as number) - m * (lu[k * n + j] as number);
    }
  }
  return { n, lu, pivots, sign, singular };
}

/**
 * Solve `A·x = b` from an LU factorisation of `A` by forward and back substitution.
 *
 * Method: triangular solves (Golub & Van Loan, §3.1).
 *
 * @param factorization - from {@link luDecompose}
 * @param b - right-hand side, length `n`; not modified
 * @param out - receives `x` (may alias `b`); allocated when omitted
 * @returns `x`
 * @throws {TypeError} when `b` is not a `Float64Array`
 * @throws {RangeError} when `b` has the wrong length or the matrix is singular to working precision
 * @example Array.from(luSolve(luDecompose(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 2))) // → [1, 0.5]
 */
export function luSolve(factorization: LuFactorization, b: Float64Array, out?: Float64Array): Float64Array {
  const { n, lu, pivots, singular } = factorization;
  checkVector('b', b, n);
  if (singular) {
    throw new RangeError('matrix: singular to working precision (a pivot is zero); no unique solution exists');
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[pivots[i] as number] as number;
  for (let i = 0; i < n; i++) {
    let sum = x[i] as number;
    for (let j = 0; j < i; j++) sum -= (lu[i * n + j] as number) * (x[j] as number);
    x[i] = sum;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i] as number;
    for (let j = i + 1; j < n; j++) sum -= (lu[i * n + j] as number) * (x[j] as number);
    x[i] = sum / (lu[i * n + i] as number);
  }
  if (out === undefined) return x;
  out.set(x);
  return out;
}

/**
 * Solve `A·X = B` for an `n × n` right-hand side `B` from an LU factorisation of `A`.
 *
 * Method: triangular solves applied to all columns at once, row by row (Golub & Van Loan, §3.1).
 *
 * @param factorization - from {@link luDecompose}
 * @param b - right-hand side, `n × n` row-major; not modified
 * @returns `X`, `n × n` row-major
 * @throws {TypeError|RangeError} when `b` is not an `n × n` `Float64Array`, or the matrix is singular to working precision
 * @example Array.from(luSolveMatrix(luDecompose(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 0, 0, 4))) // → [1, 0, 0, 1]
 */
export function luSolveMatrix(factorization: LuFactorization, b: Float64Array): Float64Array {
  const { n, lu, pivots, singular } = factorization;
  checkSquareMatrix('b', b, n);
  if (singular) {
    throw new RangeError('matrix: singular to working precision (a pivot is zero); no unique solution exists');
  }
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) x.set(b.subarray((pivots[i] as number) * n, (pivots[i] as number) * n + n), i * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const m = lu[i * n + k] as number;
      if (m === 0) continue;
      for (let j = 0; j < n; j++) x[i * n + j] = (x[i * n + j] as number) - m * (x[k * n + j] as number);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const m = lu[i * n + k] as number;
      if (m === 0) continue;
      for (let j = 0; j < n; j++) x[i * n + j] = (x[i * n + j] as number) - m * (x[k * n + j] as number);
    }
    const d = lu[i * n + i] as number;
    for (let j = 0; j < n; j++) x[i * n + j] = (x[i * n + j] as number) / d;
  }
  return x;
}

/**
 * Solve the linear system `A·x = b`.
 *
 * Method: LU with partial pivoting, then triangular solves (Golub & Van Loan, algorithm 3.4.1).
 *
 * @param matrix - `A`, `n × n` row-major
 * @param n - the order
 * @param b - right-hand side, length `n`
 * @returns `x`
 * @throws {TypeError|RangeError} when the sizes do not match or `A` is singular to working precision
 * @example Array.from(solveLinear(Float64Array.of(0, 1, 1, 0), 2, Float64Array.of(3, 4))) // → [4, 3]
 */
export function solveLinear(matrix: Float64Array, n: number, b: Float64Array): Float64Array {
  return luSolve(luDecompose(matrix, n), b);
}

/**
 * Compute the determinant from an LU factorisation: the sign of the permutation times the product of the pivots.
 *
 * @param factorization - from {@link luDecompose}
 * @returns `det A` (0 when the matrix is singular to working precision)
 * @throws nothing
 * @example luDeterminant(luDecompose(Float64Array.of(1, 2, 3, 4), 2)) // → -2
 */
export function luDeterminant(factorization: LuFactorization): number {
  const { n, lu, sign, singular } = factorization;
  if (singular) return 0;
  let det = sign;
  for (let i = 0; i < n; i++) det *= lu[i * n + i] as number;
  return det;
}
