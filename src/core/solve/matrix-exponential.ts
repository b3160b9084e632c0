import { checkSquareMatrix } from './argument-checks.js';
import { identityMatrix, matrixNorm1, multiplyMatrices } from './dense-matrix.js';
import { luDecompose, luSolveMatrix } from './lu.js';

// Padé coefficients b_0 … b_m of the diagonal [m/m] approximant to e^x (Higham 2005, §2).
const PADE3 = [120, 60, 12, 1];
const PADE5 = [30240, 15120, 3360, 420, 30, 1];
const PADE7 = [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1];
const PADE9 = [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1];
const PADE13 = [
  64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600,
  670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1,
];
// θ_m: the largest 1-norm for which the [m/m] approximant is accurate to unit roundoff (Higham 2005, table 2.3).
const THETA3 = 1.495585217958292e-2;
const THETA5 = 2.53939833006323e-1;
const THETA7 = 9.504178996162932e-1;
const THETA9 = 2.097847961257068;
const THETA13 = 5.371920351148152;

/**
 * Compute the matrix exponential `e^A` of an `n × n` matrix.
 *
 * Method: scaling and squaring with a diagonal Padé approximant of degree 3, 5, 7, 9 or 13 chosen
 * from the 1-norm (N. J. Higham, "The scaling and squaring method for the matrix exponential
 * revisited", SIAM J. Matrix Anal. Appl. 26(4), 2005, algorithm 2.3 — the method of MATLAB's
 * `expm`). The Padé denominator is solved by LU with partial pivoting.
 *
 * @param matrix - `A`, `n × n` row-major (for `e^{Mt}` pass `M` scaled by `t` in years, with `M` in 1/years)
 * @param n - the order
 * @returns `e^A`, `n × n` row-major (a new array)
 * @throws {TypeError} when `matrix` is not a `Float64Array`
 * @throws {RangeError} when `matrix.length ≠ n²` or an entry is not finite
 * @example Array.from(matrixExponential(Float64Array.of(0, 0, 0, 0), 2)) // → [1, 0, 0, 1]
 */
export function matrixExponential(matrix: Float64Array, n: number): Float64Array {
  checkSquareMatrix('matrix', matrix, n);
  if (n === 0) return new Float64Array(0);
  const norm = matrixNorm1(matrix, n);
  if (norm <= THETA3) return pade(matrix, n, PADE3);
  if (norm <= THETA5) return pade(matrix, n, PADE5);
  if (norm <= THETA7) return pade(matrix, n, PADE7);
  if (norm <= THETA9) return pade(matrix, n, PADE9);
  const s = Math.max(0, Math.ceil(Math.log2(norm / THETA13)));
  const scale = 2 ** -s;
  const scaled = new Float64Array(n * n);
  for (let i = 0; i < scaled.length; i++) scaled[i] = (matrix[i] as number) * scale;
  let result = pade13(scaled, n);
  let spare: Float64Array = new Float64Array(n * n);
  for (let k = 0; k < s; k++) {
    multiplyMatrices(result, result, n, spare);
    const tmp = result;
    result = spare;
    spare = tmp;
  }
  return result;
}

/** r_m(A) = (V − U)⁻¹(V + U) with U the odd and V the even part of the numerator, for m ≤ 9. */
function pade(a: Float64Array, n: number, b: readonly number[]): Float64Array {
  const size = n * n;
  const identity = identityMatrix(n);
  const a2 = multiplyMatrices(a, a, n);
  // Even powers I, A², A⁴, …
  const powers: Float64Array[] = [identity, a2];
  const m = b.length - 1;
  for (let p = 4; p <= m; p += 2) {
    powers.push(multiplyMatrices(powers[powers.length - 1] as Float64Array, a2, n));
  }
  const odd = new Float64Array(size);
  const v = new Float64Array(size);
  for (let j = 0; 2 * j <= m; j++) {
    const power = powers[j] as Float64Array;
    const bEven = b[2 * j] as number;
    const bOdd = b[2 * j + 1] ?? 0;
    for (let i = 0; i < size; i++) {
      v[i] = (v[i] as number) + bEven * (power[i] as number);
      odd[i] = (odd[i] as number) + bOdd * (power[i] as number);
    }
  }
  const u = multiplyMatrices(a, odd, n);
  return solvePade(u, v, n);
}

/** r_13(A) evaluated with six matrix products (Higham 2005, eq. 2.2). */
function pade13(a: Float64Array, n: number): Float64Array {
  const size = n * n;
  const b = PADE13;
  const a2 = multiplyMatrices(a, a, n);
  const a4 = multiplyMatrices(a2, a2, n);
  const a6 = multiplyMatrices(a4, a2, n);
  const inner = new Float64Array(size);
  const odd = new Float64Array(size);
  const v = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const p2 = a2[i] as number;
    const p4 = a4[i] as number;
    const p6 = a6[i] as number;
    const id = i % (n + 1) === 0 ? 1 : 0;
    inner[i] = (b[13] as number) * p6 + (b[11] as number) * p4 + (b[9] as number) * p2;
    odd[i] = (b[7] as number) * p6 + (b[5] as number) * p4 + (b[3] as number) * p2 + (b[1] as number) * id;
    v[i] = (b[6] as number) * p6 + (b[4] as number) * p4 + (b[2] as number) * p2 + (b[0] as number) * id;
  }
  const innerProduct = multiplyMatrices(a6, inner, n);
  for (let i = 0; i < size; i++) odd[i] = (odd[i] as number) + (innerProduct[i] as number);
  const u = multiplyMatrices(a, odd, n);
  for (let i = 0; i < size; i++) {
    inner[i] =
      (b[12] as number) * (a6[i] as number) +
      (b[10] as number) * (a4[i] as number) +
      (b[8] as number) * (a2[i] as number);
  }
  const evenProduct = multiplyMatrices(a6, inner, n);
  for (let i = 0; i < size; i++) v[i] = (v[i] as number) + (evenProduct[i] as number);
  return solvePade(u, v, n);
}

/** Solve (V − U) X = V + U. */
function solvePade(u: Float64Array, v: Float64Array, n: number): Float64Array {
  const size = n * n;
  const q = new Float64Array(size);
  const p = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    q[i] = (v[i] as number) - (u[i] as number);
    p[i] = (v[i] as number) + (u[i] as number);
  }
  return luSolveMatrix(luDecompose(q, n), p);
}
