import { InputError } from '../errors.js';

/**
 * A Householder QR factorisation `A·P = Q·R` of a tall `rows × columns` matrix (`rows ≥ columns`).
 * `Q = H_0·H_1·…·H_{p−1}` with `H_k = I − tau_k·v_k·v_kᵀ`, `v_k` having a unit `k`-th entry.
 */
export interface QrFactorization {
  /** `n`, the number of rows. */
  readonly rows: number;
  /** `p`, the number of columns. */
  readonly columns: number;
  /**
   * Column-major `n × p`: `R` on and above the diagonal, the Householder vectors `v_k` (without their
   * unit entry) below it. Entry `(i, j)` is at `j·n + i`.
   */
  readonly qr: Float64Array;
  /** The Householder scalars `tau_k`. */
  readonly tau: Float64Array;
  /** Column `j` of `A·P` is column `pivots[j]` of `A`. */
  readonly pivots: Int32Array;
  /** Euclidean norms of the columns of `A`, in the original order. */
  readonly columnNorms: Float64Array;
  /** The numerical rank: the leading columns whose `|R_kk|` exceeds the tolerance. */
  readonly rank: number;
  /** The relative tolerance used for the rank. */
  readonly tolerance: number;
  /** A copy of `A`, column-major, for the iterative refinement of {@link qrSolve}. */
  readonly original: Float64Array;
}

/** Options of {@link qrDecompose}. */
export interface QrOptions {
  /** How `matrix` is stored: `'row-major'` (default; entry `(i, j)` at `i·p + j`) or `'column-major'`. */
  readonly layout?: 'row-major' | 'column-major';
  /** Pivot on the column of largest remaining norm (Businger & Golub 1965); default `false`. */
  readonly pivoting?: boolean;
  /**
   * A column counts as dependent when `|R_kk|` is at most `tolerance` times its original norm
   * (without pivoting) or times `|R_00|` (with pivoting). Default `max(n, p)·ε·10`.
   */
  readonly tolerance?: number;
}

function stableNorm(values: Float64Array, start: number, end: number): number {
  let scale = 0;
  for (let i = start; i < end; i++) scale = Math.max(scale, Math.abs(values[i] as number));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const v = (values[i] as number) / scale;
    sum += v * v;
  }
  return scale * Math.sqrt(sum);
}

/**
 * Factor a tall matrix as `A·P = Q·R` by Householder reflections, optionally with column pivoting.
 *
 * Method: Householder QR (Golub & Van Loan, *Matrix Computations*, 4th ed., 2013, algorithm 5.2.1;
 * with pivoting, algorithm 5.4.1), reflectors formed as in LAPACK `dlarfg`; column norms are
 * recomputed at each pivoting step rather than downdated. Backward stable, so a least-squares
 * solution is as accurate as the conditioning of `A` allows (no normal equations).
 *
 * @param matrix - `A`, `rows × columns` (`rows ≥ columns`), finite entries; not modified
 * @param rows - `n`
 * @param columns - `p`
 * @param options - storage layout, pivoting and rank tolerance
 * @returns the factors, pivots and numerical rank
 * @throws {TypeError} when `matrix` is not a `Float64Array`
 * @throws {RangeError} when the sizes do not fit, `rows < columns`, or an entry is not finite
 * @example qrDecompose(Float64Array.of(3, 4), 2, 1).qr[0] // → -5
 */
export function qrDecompose(
  matrix: Float64Array,
  rows: number,
  columns: number,
  options: QrOptions = {},
): QrFactorization {
  if (!(matrix instanceof Float64Array)) {
    throw new TypeError(`matrix: ${typeof matrix} is not a Float64Array; pass the matrix as a Float64Array`);
  }
  if (!Number.isInteger(rows) || !Number.isInteger(columns) || columns < 0 || rows < columns) {
    throw new RangeError(
      `rows × columns: ${rows} × ${columns} is not a tall matrix; use integers with rows ≥ columns ≥ 0`,
    );
  }
  if (matrix.length !== rows * columns) {
    throw new RangeError(
      `matrix: length ${matrix.length} does not fit ${rows} × ${columns}; use length ${rows * columns}`,
    );
  }
  const n = rows;
  const p = columns;
  const layout = options.layout ?? 'row-major';
  if (layout !== 'row-major' && layout !== 'column-major') {
    throw new RangeError(`layout: ${String(layout)} is not a layout; use 'row-major' or 'column-major'`);
  }
  const tolerance = options.tolerance ?? Math.max(n, p) * Number.EPSILON * 10;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`tolerance: ${tolerance} is not a non-negative number; use e.g. 1e-12`);
  }
  const a = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      const v = (layout === 'row-major' ? matrix[i * p + j] : matrix[j * n + i]) as number;
      if (!Number.isFinite(v)) {
        throw new RangeError(`matrix[${i}, ${j}]: ${v} is not finite; use finite entries`);
      }
      a[j * n + i] = v;
    }
  }
  const original = a.slice();
  const columnNorms = new Float64Array(p);
  for (let j = 0; j < p; j++) columnNorms[j] = stableNorm(a, j * n, j * n + n);
  const pivots = new Int32Array(p);
  for (let j = 0; j < p; j++) pivots[j] = j;
  const tau = new Float64Array(p);
  const pivoting = options.pivoting === true;
  for (let k = 0; k < p; k++) {
    if (pivoting) {
      let best = -1;
      let bestColumn = k;
      for (let j = k; j < p; j++) {
        const norm = stableNorm(a, j * n + k, j * n + n);
        if (norm > best) {
          best = norm;
          bestColumn = j;
        }
      }
      if (bestColumn !== k) {
        for (let i = 0; i < n; i++) {
          const tmp = a[k * n + i] as number;
          a[k * n + i] = a[bestColumn * n + i] as number;
          a[bestColumn * n + i] = tmp;
        }
        const tp = pivots[k] as number;
        pivots[k] = pivots[bestColumn] as number;
        pivots[bestColumn] = tp;
      }
    }
    const base = k * n;
    const alpha = a[base + k] as number;
    const tailNorm = stableNorm(a, base + k + 1, base + n);
    if (tailNorm === 0) {
      tau[k] = 0;
      continue;
    }
    const norm = Math.hypot(alpha, tailNorm);
    const beta = alpha >= 0 ? -norm : norm;
    tau[k] = (beta - alpha) / beta;
    const scale = 1 / (alpha - beta);
    for (let i = k + 1; i < n; i++) a[base + i] = (a[base + i] as number) * scale;
    a[base + k] = beta;
    const t = tau[k] as number;
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      let s = a[cj + k] as number;
      for (let i = k + 1; i < n; i++) s += (a[base + i] as number) * (a[cj + i] as number);
      s *= t;
      a[cj + k] = (a[cj + k] as number) - s;
      for (let i = k + 1; i < n; i++) a[cj + i] = (a[cj + i] as number) - s * (a[base + i] as number);
    }
  }
  let rank = 0;
  const reference = p > 0 ? Math.abs(a[0] as number) : 0;
  for (let k = 0; k < p; k++) {
    const rkk = Math.abs(a[k * n + k] as number);
    const scale = pivoting ? reference : (columnNorms[pivots[k] as number] as number);
    if (!(rkk > tolerance * scale) || rkk === 0) break;
    rank++;
  }
  return { rows: n, columns: p, qr: a, tau, pivots, columnNorms, rank, tolerance, original };
}

function applyReflector(f: QrFactorization, k: number, b: Float64Array): void {
  const n = f.rows;
  const t = f.tau[k] as number;
  if (t === 0) return;
  const base = k * n;
  let s = b[k] as number;
  for (let i = k + 1; i < n; i++) s += (f.qr[base + i] as number) * (b[i] as number);
  s *= t;
  b[k] = (b[k] as number) - s;
  for (let i = k + 1; i < n; i++) b[i] = (b[i] as number) - s * (f.qr[base + i] as number);
}

function checkRhs(f: QrFactorization, vector: ArrayLike<number>, name: string): Float64Array {
  if (vector.length !== f.rows) {
    throw new RangeError(`${name}: length ${vector.length} does not match the ${f.rows} rows; use length ${f.rows}`);
  }
  return Float64Array.from(vector);
}

/**
 * Multiply a vector by `Qᵀ`.
 *
 * Method: the reflectors applied in turn, `H_{p−1}·…·H_0·b` (Golub & Van Loan 2013, §5.1.6).
 *
 * @param f - a factorisation from {@link qrDecompose}
 * @param vector - `b`, length `rows`
 * @returns `Qᵀ·b`, a new array
 * @throws {RangeError} when the length differs from `rows`
 * @example Array.from(qrApplyQTranspose(qrDecompose(Float64Array.of(3, 4), 2, 1), [3, 4])) // → [-5, 0]
 */
export function qrApplyQTranspose(f: QrFactorization, vector: ArrayLike<number>): Float64Array {
  const b = checkRhs(f, vector, 'vector');
  for (let k = 0; k < f.columns; k++) applyReflector(f, k, b);
  return b;
}

/**
 * Multiply a vector by `Q`.
 *
 * Method: the reflectors applied in reverse order, `H_0·…·H_{p−1}·b` (Golub & Van Loan 2013, §5.1.6).
 *
 * @param f - a factorisation from {@link qrDecompose}
 * @param vector - length `rows`
 * @returns `Q·b`, a new array
 * @throws {RangeError} when the length differs from `rows`
 * @example Array.from(qrApplyQ(qrDecompose(Float64Array.of(3, 4), 2, 1), [-5, 0])) // → [3, 4]
 */
export function qrApplyQ(f: QrFactorization, vector: ArrayLike<number>): Float64Array {
  const b = checkRhs(f, vector, 'vector');
  for (let k = f.columns - 1; k >= 0; k--) applyReflector(f, k, b);
  return b;
}

function requireFullRank(f: QrFactorization): void {
  if (f.rank < f.columns) {
    const column = f.pivots[f.rank] as number;
    throw new InputError(
      'singular-design',
      `matrix: column ${column} is a linear combination of the others (numerical rank ${f.rank} of ${f.columns} columns); drop or rescale the collinear column`,
    );
  }
}

/** The least-squares solution of `A·x ≈ b` with its residuals. */
export interface LeastSquaresSolution {
  /** `x`, in the original column order. */
  readonly solution: Float64Array;
  /** `b − A·x`, first as `Q·[0; (Qᵀb)_{p:n}]`, then refined with `x`. */
  readonly residuals: Float64Array;
  /** `‖b − A·x‖²` of the refined residuals. */
  readonly residualSumOfSquares: number;
}

/** Options of {@link qrSolve}. */
export interface QrSolveOptions {
  /** Steps of iterative refinement with residuals in double-double precision; default 2, 0 to skip. */
  readonly refinementSteps?: number;
}

/** Split for Dekker's exact product: 2^27 + 1. */
const SPLITTER = 134217729;

/** Accumulates a sum in double-double precision (Ogita, Rump & Oishi 2005, Sum2/Dot2). */
class CompensatedSum {
  private high = 0;
  private low = 0;

  add(value: number): void {
    const s = this.high + value;
    const bp = s - this.high;
    this.low += this.high - (s - bp) + (value - bp);
    this.high = s;
  }

  addProduct(a: number, b: number): void {
    const product = a * b;
    let c = SPLITTER * a;
    const ah = c - (c - a);
    const al = a - ah;
    c = SPLITTER * b;
    const bh = c - (c - b);
    const bl = b - bh;
    this.add(product);
    this.low += ah * bh - product + ah * bl + al * bh + al * bl;
  }

  value(): number {
    return this.high + this.low;
  }
}

/** Back substitution `R·z = c` (first `p` entries of `c`), in the pivoted order. */
function solveR(f: QrFactorization, c: Float64Array): Float64Array {
  const n = f.rows;
  const p = f.columns;
  const z = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = c[i] as number;
    for (let j = i + 1; j < p; j++) s -= (f.qr[j * n + i] as number) * (z[j] as number);
    z[i] = s / (f.qr[i * n + i] as number);
  }
  return z;
}

/** Forward substitution `Rᵀ·h = g`, in the pivoted order. */
function solveRTranspose(f: QrFactorization, g: Float64Array): Float64Array {
  const n = f.rows;
  const p = f.columns;
  const h = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = g[i] as number;
    for (let j = 0; j < i; j++) s -= (f.qr[i * n + j] as number) * (h[j] as number);
    h[i] = s / (f.qr[i * n + i] as number);
  }
  return h;
}

/**
 * Solve the least-squares problem `min ‖A·x − b‖₂` from a QR factorisation of `A`.
 *
 * Method: `Qᵀb`, back substitution with `R`, residuals as `Q` times the trailing part of `Qᵀb`
 * (Golub & Van Loan 2013, algorithm 5.3.2); then iterative refinement of the augmented system
 * `[I A; Aᵀ 0]·[r; x] = [b; 0]` with its residual accumulated in double-double precision (Björck 1967,
 * *BIT* 7; Björck, *Numerical Methods for Least Squares Problems*, 1996, §2.9), which recovers the
 * digits that the `κ(A)²·‖r‖` term costs on ill-conditioned problems with large residuals.
 *
 * @param f - a full-rank factorisation from {@link qrDecompose}
 * @param b - the right-hand side, length `rows`
 * @param options - the number of refinement steps
 * @returns the solution, residuals and residual sum of squares
 * @throws {RangeError} when the length of `b` differs from `rows`
 * @throws {InputError} (code `singular-design`) when `A` is rank deficient
 * @example qrSolve(qrDecompose(Float64Array.of(1, 1), 2, 1), [1, 3]).solution[0] // → 2
 */
export function qrSolve(f: QrFactorization, b: ArrayLike<number>, options: QrSolveOptions = {}): LeastSquaresSolution {
  requireFullRank(f);
  const steps = options.refinementSteps ?? 2;
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`refinementSteps: ${steps} is not a step count; use a non-negative integer such as 2`);
  }
  const n = f.rows;
  const p = f.columns;
  const rhs = checkRhs(f, b, 'b');
  const c = qrApplyQTranspose(f, rhs);
  const z = solveR(f, c);
  const tail = new Float64Array(n);
  for (let i = p; i < n; i++) tail[i] = c[i] as number;
  let residuals = qrApplyQ(f, tail);
  const x = new Float64Array(p);
  for (let j = 0; j < p; j++) x[f.pivots[j] as number] = z[j] as number;
  const a = f.original;
  for (let step = 0; step < steps; step++) {
    // f = b − r − A·x and g = −Aᵀ·r, accumulated in double-double precision
    const fr = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const sum = new CompensatedSum();
      sum.add(rhs[i] as number);
      sum.add(-(residuals[i] as number));
      for (let j = 0; j < p; j++) sum.addProduct(-(a[j * n + i] as number), x[j] as number);
      fr[i] = sum.value();
    }
    const g = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const sum = new CompensatedSum();
      const column = (f.pivots[j] as number) * n;
      for (let i = 0; i < n; i++) sum.addProduct(-(a[column + i] as number), residuals[i] as number);
      g[j] = sum.value();
    }
    const qf = qrApplyQTranspose(f, fr);
    const h = solveRTranspose(f, g);
    const d = new Float64Array(p);
    for (let i = 0; i < p; i++) d[i] = (qf[i] as number) - (h[i] as number);
    const dz = solveR(f, d);
    const stacked = qf.slice();
    for (let i = 0; i < p; i++) stacked[i] = h[i] as number;
    const dr = qrApplyQ(f, stacked);
    for (let j = 0; j < p; j++) {
      const column = f.pivots[j] as number;
      x[column] = (x[column] as number) + (dz[j] as number);
    }
    residuals = residuals.map((r, i) => r + (dr[i] as number));
  }
  const residualSumOfSquares = stableNorm(residuals, 0, n) ** 2;
  return { solution: x, residuals, residualSumOfSquares };
}

/**
 * Compute `R⁻¹`, the inverse of the triangular factor (in the pivoted column order).
 *
 * Method: back substitution column by column (Golub & Van Loan 2013, §3.1).
 *
 * @param f - a full-rank factorisation from {@link qrDecompose}
 * @returns `R⁻¹`, `p × p` upper triangular, row-major
 * @throws {InputError} (code `singular-design`) when `A` is rank deficient
 * @example qrInverseR(qrDecompose(Float64Array.of(3, 4), 2, 1))[0] // → -0.2
 */
export function qrInverseR(f: QrFactorization): Float64Array {
  requireFullRank(f);
  const n = f.rows;
  const p = f.columns;
  const inv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    inv[j * p + j] = 1 / (f.qr[j * n + j] as number);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let l = i + 1; l <= j; l++) s += (f.qr[l * n + i] as number) * (inv[l * p + j] as number);
      inv[i * p + j] = -s / (f.qr[i * n + i] as number);
    }
  }
  return inv;
}

/**
 * Compute `(AᵀA)⁻¹` in the original column order, the unscaled covariance of least squares.
 *
 * Method: `P·R⁻¹·R⁻ᵀ·Pᵀ` from the QR factors, never forming `AᵀA` (Björck, *Numerical Methods for
 * Least Squares Problems*, 1996, §2.8.3; Golub & Van Loan 2013, §5.3).
 *
 * @param f - a full-rank factorisation from {@link qrDecompose}
 * @returns `(AᵀA)⁻¹`, `p × p`, row-major
 * @throws {InputError} (code `singular-design`) when `A` is rank deficient
 * @example qrUnscaledCovariance(qrDecompose(Float64Array.of(1, 1), 2, 1))[0] // → 0.5
 */
export function qrUnscaledCovariance(f: QrFactorization): Float64Array {
  const p = f.columns;
  const inv = qrInverseR(f);
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let l = j; l < p; l++) s += (inv[i * p + l] as number) * (inv[j * p + l] as number);
      const pi = f.pivots[i] as number;
      const pj = f.pivots[j] as number;
      out[pi * p + pj] = s;
      out[pj * p + pi] = s;
    }
  }
  return out;
}

/**
 * Form the first `p` columns of `Q` (the thin `Q₁` with `A·P = Q₁·R`).
 *
 * Method: the reflectors applied to the unit vectors `e_0…e_{p−1}` (Golub & Van Loan 2013, §5.1.6).
 *
 * @param f - a factorisation from {@link qrDecompose}
 * @returns `Q₁`, `rows × p`, row-major
 * @throws nothing
 * @example Array.from(qrThinQ(qrDecompose(Float64Array.of(3, 4), 2, 1))) // → [-0.6, -0.8]
 */
export function qrThinQ(f: QrFactorization): Float64Array {
  const n = f.rows;
  const p = f.columns;
  const out = new Float64Array(n * p);
  const e = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const q = qrApplyQ(f, e);
    for (let i = 0; i < n; i++) out[i * p + j] = q[i] as number;
  }
  return out;
}
