import { checkSquareMatrix, checkVector } from './argument-checks.js';

/**
 * Small dense square matrices stored row-major in a `Float64Array`: entry `(i, j)` of an `n × n`
 * matrix is at index `i * n + j`. These few building blocks sit together because the other
 * linear-algebra files share them.
 */

/**
 * Build the `n × n` identity matrix.
 *
 * @param n - the order
 * @throws {RangeError} when `n` is not a non-negative integer
 * @example Array.from(identityMatrix(2)) // → [1, 0, 0, 1]
 */
export function identityMatrix(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n: ${n} is not a matrix order; use a non-negative integer`);
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/**
 * Multiply two `n × n` matrices, `out = a · b` (the i-k-j loop order, which reads rows contiguously).
 *
 * @param a - left factor, row-major
 * @param b - right factor, row-major
 * @param n - the order
 * @param out - receives the product; must not alias `a` or `b`; allocated when omitted
 * @returns `out`
 * @throws {TypeError|RangeError} when a matrix is not a `Float64Array` of length `n * n` (arguments are checked only when `out` is omitted)
 * @example Array.from(multiplyMatrices(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 1, 1, 0), 2)) // → [2, 1, 4, 3]
 */
export function multiplyMatrices(a: Float64Array, b: Float64Array, n: number, out?: Float64Array): Float64Array {
  let result = out;
  if (result === undefined) {
    checkSquareMatrix('a', a, n);
    checkSquareMatrix('b', b, n);
    result = new Float64Array(n * n);
  } else {
    result.fill(0);
  }
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[row + k] as number;
      if (aik === 0) continue;
      const bRow = k * n;
      for (let j = 0; j < n; j++) result[row + j] = (result[row + j] as number) + aik * (b[bRow + j] as number);
    }
  }
  return result;
}

/**
 * Multiply an `n × n` matrix by a vector, `out = a · x`.
 *
 * @param a - the matrix, row-major
 * @param x - the vector, length `n`
 * @param n - the order
 * @param out - receives the product; must not alias `x`; allocated when omitted
 * @returns `out`
 * @throws {TypeError|RangeError} when `a` or `x` has the wrong type or size (checked only when `out` is omitted)
 * @example Array.from(multiplyMatrixVector(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 1), 2)) // → [3, 7]
 */
export function multiplyMatrixVector(a: Float64Array, x: Float64Array, n: number, out?: Float64Array): Float64Array {
  let result = out;
  if (result === undefined) {
    checkSquareMatrix('a', a, n);
    checkVector('x', x, n);
    result = new Float64Array(n);
  }
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (a[row + j] as number) * (x[j] as number);
    result[i] = sum;
  }
  return result;
}

/**
 * Compute the 1-norm of an `n × n` matrix: the largest absolute column sum.
 *
 * @param a - the matrix, row-major
 * @param n - the order
 * @throws {TypeError|RangeError} when `a` is not a `Float64Array` of length `n * n` with finite entries
 * @example matrixNorm1(Float64Array.of(1, -2, 3, 4), 2) // → 6
 */
export function matrixNorm1(a: Float64Array, n: number): number {
  checkSquareMatrix('a', a, n);
  let best = 0;
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.abs(a[i * n + j] as number);
    if (sum > best) best = sum;
  }
  return best;
}
