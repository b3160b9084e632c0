import { checkFinite, checkSquareMatrix } from './argument-checks.js';
import { balance } from './eigenvalues.js';
import { luDecompose, luSolve } from './lu.js';

/** An eigenvector `v = real + i·imaginary`, scaled so that its largest component is exactly 1. */
export interface Eigenvector {
  readonly real: Float64Array;
  /** All zeros for a real eigenvalue. */
  readonly imaginary: Float64Array;
  /** `‖A·v − λ·v‖∞` of the scaled vector: how well it solves the eigenproblem. */
  readonly residual: number;
}

/** Inverse iterations at most; one or two suffice when the eigenvalue is accurate. */
const MAX_ITERATIONS = 30;

/**
 * The eigenvector of a real matrix for a known eigenvalue `λ = re + i·im`.
 *
 * Method: inverse iteration (Golub & Van Loan, *Matrix Computations*, 4th ed., §7.6.1; Wilkinson,
 * *The Algebraic Eigenvalue Problem*, ch. 9) with the shift `σ = λ + τ` on the balanced matrix
 * `B = D⁻¹·A·D` (Parlett & Reinsch 1969), `τ = 10⁻¹⁰·max(‖B‖∞, |λ|)`
 * (raised a thousandfold while `A − σI` is singular to working precision): solve
 * `(A − σI)·v_{k+1} = v_k` by one LU factorisation ({@link luDecompose}), scale each iterate by its
 * largest component, stop when two iterates agree to 10⁻¹³; then `v = D·w`. For a complex `λ` the complex system
 * `(A − σI)(x + iy) = b` is solved as the real system of order 2n
 * `[[A − re·I, im·I], [−im·I, A − re·I]]·[x; y]`. The scaling fixes the phase: the component of
 * largest modulus (the first of equal ones) is real and equal to 1.
 *
 * When λ is a multiple eigenvalue the result is one vector of its eigenspace (or a principal
 * vector when λ is defective); `residual` shows how well it solves `A·v = λ·v`.
 *
 * @param matrix - `A`, `n × n` row-major; not modified
 * @param n - the order
 * @param re - real part of the eigenvalue, e.g. from {@link eigenvalues}
 * @param im - imaginary part (default 0)
 * @returns the scaled eigenvector and its residual
 * @throws {TypeError} when `matrix` is not a `Float64Array` or `re`, `im` are not numbers
 * @throws {RangeError} when `matrix.length ≠ n²`, an entry or `re`, `im` is not finite
 * @example Array.from(eigenvector(Float64Array.of(2, 0, 0, 1), 2, 2).real) // → [1, 0]
 */
export function eigenvector(matrix: Float64Array, n: number, re: number, im = 0): Eigenvector {
  checkSquareMatrix('matrix', matrix, n);
  checkFinite('re', re);
  checkFinite('im', im);
  const complex = im !== 0;
  const order = complex ? 2 * n : n;
  // Balance first: a Jacobian mixing shares of GDP with stocks in millions spans ten orders of
  // magnitude, and pivoting on the raw matrix would read it as singular.
  const d = balance(matrix.slice(), n);
  const balanced = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      balanced[i * n + j] = ((matrix[i * n + j] as number) * (d[j] as number)) / (d[i] as number);
  }
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += Math.abs(balanced[i * n + j] as number);
    norm = Math.max(norm, row);
  }
  const scale = Math.max(norm, Math.abs(re) + Math.abs(im), Number.MIN_VALUE);
  let tau = 1e-10 * scale;
  let factorization = luDecompose(shifted(balanced, n, re + tau, im), order);
  while (factorization.singular && tau < scale) {
    tau *= 1000;
    factorization = luDecompose(shifted(balanced, n, re + tau, im), order);
  }
  // A generic start: no symmetry of the matrix makes it orthogonal to the eigenvector sought.
  let v: Float64Array = new Float64Array(order);
  for (let i = 0; i < order; i++) v[i] = 1 + i / order;
  if (!factorization.singular) {
    for (let k = 0; k < MAX_ITERATIONS; k++) {
      const next = luSolve(factorization, v);
      normalise(next, n, complex);
      let change = 0;
      for (let i = 0; i < order; i++) change = Math.max(change, Math.abs((next[i] as number) - (v[i] as number)));
      v = next;
      if (change <= 1e-13) break;
    }
  }
  // Back to the original coordinates: v = D·w.
  for (let i = 0; i < n; i++) {
    v[i] = (v[i] as number) * (d[i] as number);
    if (complex) v[n + i] = (v[n + i] as number) * (d[i] as number);
  }
  normalise(v, n, complex);
  const real = v.slice(0, n);
  const imaginary = complex ? v.slice(n) : new Float64Array(n);
  return { real, imaginary, residual: residual(matrix, n, re, im, real, imaginary) };
}

/** `A − σI` (real σ) or its real form of order 2n (complex σ). */
function shifted(matrix: Float64Array, n: number, re: number, im: number): Float64Array {
  if (im === 0) {
    const a = matrix.slice();
    for (let i = 0; i < n; i++) a[i * n + i] = (a[i * n + i] as number) - re;
    return a;
  }
  const m = 2 * n;
  const a = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = (matrix[i * n + j] as number) - (i === j ? re : 0);
      a[i * m + j] = v;
      a[(n + i) * m + n + j] = v;
    }
    a[i * m + n + i] = im;
    a[(n + i) * m + i] = -im;
  }
  return a;
}

/** Divide by the component of largest modulus (complex: `x[0..n)` real, `x[n..2n)` imaginary parts). */
function normalise(x: Float64Array, n: number, complex: boolean): void {
  let best = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const r = x[i] as number;
    const c = complex ? (x[n + i] as number) : 0;
    const m = r * r + c * c;
    if (m > best * (1 + 1e-12)) {
      best = m;
      at = i;
    }
  }
  if (best === 0) return;
  const pr = x[at] as number;
  const pi = complex ? (x[n + at] as number) : 0;
  // Multiply by 1/(pr + i·pi) = (pr − i·pi)/best.
  for (let i = 0; i < n; i++) {
    const r = x[i] as number;
    if (!complex) {
      x[i] = r / pr;
      continue;
    }
    const c = x[n + i] as number;
    x[i] = (r * pr + c * pi) / best;
    x[n + i] = (c * pr - r * pi) / best;
  }
  x[at] = 1;
  if (complex) x[n + at] = 0;
}

/** `‖A·v − λ·v‖∞` for `v = real + i·imaginary`, `λ = re + i·im`. */
function residual(
  matrix: Float64Array,
  n: number,
  re: number,
  im: number,
  real: Float64Array,
  imaginary: Float64Array,
): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let ar = 0;
    let ai = 0;
    for (let j = 0; j < n; j++) {
      const a = matrix[i * n + j] as number;
      ar += a * (real[j] as number);
      ai += a * (imaginary[j] as number);
    }
    const vr = real[i] as number;
    const vi = imaginary[i] as number;
    worst = Math.max(worst, Math.abs(ar - (re * vr - im * vi)), Math.abs(ai - (re * vi + im * vr)));
  }
  return worst;
}
