import { ArmsraceError } from '../errors.js';
import { checkSquareMatrix } from './argument-checks.js';

/** The eigenvalues of a real matrix as real and imaginary parts, `λ_k = real[k] + i·imaginary[k]`. */
export interface Eigenvalues {
  /** Real parts, in decreasing order (ties: larger |imaginary part| first). */
  readonly real: Float64Array;
  /** Imaginary parts; a complex conjugate pair sits at adjacent positions, positive part first. */
  readonly imaginary: Float64Array;
}

/** The shifted QR iteration did not converge within its iteration budget. */
export class EigenvalueConvergenceError extends ArmsraceError {}

/**
 * QR iterations allowed for the whole matrix: 30·max(10, n), as LAPACK's `dlahqr`. Clusters of
 * nearly equal eigenvalues (a Jacobian's repeated depreciation rates) can need well over 60 on one
 * eigenvalue; exceptional shifts every 10 iterations on the same eigenvalue, as EISPACK.
 */
const ITERATIONS_PER_ORDER = 30;

/**
 * Compute all eigenvalues of a general real `n × n` matrix.
 *
 * Method: balancing (Parlett & Reinsch 1969, EISPACK `balanc`), reduction to upper Hessenberg form
 * by Householder reflections (EISPACK `orthes`), then the Francis implicit double-shift QR
 * iteration with deflation and exceptional shifts (EISPACK `hqr`; Golub & Van Loan, *Matrix
 * Computations*, 4th ed., algorithm 7.5.2; Press et al., *Numerical Recipes*, §11.6).
 *
 * Accuracy: a simple eigenvalue is accurate to about `ε·‖A‖` divided by its condition number; a
 * defective one to about `(ε·‖A‖)^{1/k}` for a Jordan block of size `k`.
 *
 * @param matrix - `A`, `n × n` row-major (e.g. a Jacobian in 1/years); not modified
 * @param n - the order
 * @returns real and imaginary parts, sorted by decreasing real part
 * @throws {TypeError} when `matrix` is not a `Float64Array`
 * @throws {RangeError} when `matrix.length ≠ n²` or an entry is not finite
 * @throws {EigenvalueConvergenceError} (code `eigenvalues-no-convergence`) when QR fails to converge
 * @example Array.from(eigenvalues(Float64Array.of(0, -1, 1, 0), 2).imaginary) // → [1, -1]
 */
export function eigenvalues(matrix: Float64Array, n: number): Eigenvalues {
  checkSquareMatrix('matrix', matrix, n);
  const a = matrix.slice();
  balance(a, n);
  reduceToHessenberg(a, n);
  const real = new Float64Array(n);
  const imaginary = new Float64Array(n);
  hessenbergQr(a, n, real, imaginary);
  return sortEigenvalues(real, imaginary);
}

/**
 * Scale rows and columns by powers of 2 (exact) so that their norms are close, in place: `a` becomes
 * `D⁻¹·A·D` (Parlett & Reinsch 1969, EISPACK `balanc` without permutations; at most 100 sweeps).
 * Returns the diagonal `D`.
 */
export function balance(a: Float64Array, n: number): Float64Array {
  const radix = 2;
  const radix2 = radix * radix;
  const d = new Float64Array(n).fill(1);
  let done = false;
  for (let sweep = 0; !done && sweep < 100; sweep++) {
    done = true;
    for (let i = 0; i < n; i++) {
      let c = 0;
      let r = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(a[j * n + i] as number);
        r += Math.abs(a[i * n + j] as number);
      }
      if (c === 0 || r === 0) continue;
      let g = r / radix;
      let f = 1;
      const s = c + r;
      while (c < g) {
        f *= radix;
        c *= radix2;
      }
      g = r * radix;
      while (c > g) {
        f /= radix;
        c /= radix2;
      }
      if ((c + r) / f < 0.95 * s) {
        done = false;
        d[i] = (d[i] as number) * f;
        g = 1 / f;
        for (let j = 0; j < n; j++) a[i * n + j] = (a[i * n + j] as number) * g;
        for (let j = 0; j < n; j++) a[j * n + i] = (a[j * n + i] as number) * f;
      }
    }
  }
  return d;
}

/** Householder reduction to upper Hessenberg form in place (EISPACK `orthes`); zeroes below the subdiagonal. */
function reduceToHessenberg(a: Float64Array, n: number): void {
  const ort = new Float64Array(n);
  const high = n - 1;
  for (let m = 1; m <= high - 1; m++) {
    let scale = 0;
    for (let i = m; i <= high; i++) scale += Math.abs(a[i * n + m - 1] as number);
    if (scale === 0) continue;
    let h = 0;
    for (let i = high; i >= m; i--) {
      const v = (a[i * n + m - 1] as number) / scale;
      ort[i] = v;
      h += v * v;
    }
    let g = Math.sqrt(h);
    if ((ort[m] as number) > 0) g = -g;
    h -= (ort[m] as number) * g;
    ort[m] = (ort[m] as number) - g;
    for (let j = m; j < n; j++) {
      let f = 0;
      for (let i = high; i >= m; i--) f += (ort[i] as number) * (a[i * n + j] as number);
      f /= h;
      for (let i = m; i <= high; i++) a[i * n + j] = (a[i * n + j] as number) - f * (ort[i] as number);
    }
    for (let i = 0; i <= high; i++) {
      let f = 0;
      for (let j = high; j >= m; j--) f += (ort[j] as number) * (a[i * n + j] as number);
      f /= h;
      for (let j = m; j <= high; j++) a[i * n + j] = (a[i * n + j] as number) - f * (ort[j] as number);
    }
    a[m * n + m - 1] = scale * g;
    for (let i = m + 1; i <= high; i++) a[i * n + m - 1] = 0;
  }
}

/** Francis double-shift QR on an upper Hessenberg matrix, eigenvalues only (EISPACK `hqr`). */
function hessenbergQr(a: Float64Array, n: number, wr: Float64Array, wi: Float64Array): void {
  const at = (i: number, j: number): number => a[i * n + j] as number;
  const set = (i: number, j: number, v: number): void => {
    a[i * n + j] = v;
  };
  let norm = 0;
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(i - 1, 0); j < n; j++) norm += Math.abs(at(i, j));
  }
  let nn = n - 1;
  let shift = 0; // accumulated exceptional shifts
  const budget = ITERATIONS_PER_ORDER * Math.max(10, n);
  let total = 0;
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      // Look for a single small subdiagonal element.
      for (l = nn; l >= 1; l--) {
        let s = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
        if (s === 0) s = norm;
        if (Math.abs(at(l, l - 1)) + s === s) {
          set(l, l - 1, 0);
          break;
        }
      }
      let x = at(nn, nn);
      if (l === nn) {
        // One root found.
        wr[nn] = x + shift;
        wi[nn] = 0;
        nn--;
      } else {
        let y = at(nn - 1, nn - 1);
        let w = at(nn, nn - 1) * at(nn - 1, nn);
        if (l === nn - 1) {
          // Two roots found.
          const p = 0.5 * (y - x);
          const q = p * p + w;
          let z = Math.sqrt(Math.abs(q));
          x += shift;
          if (q >= 0) {
            z = p + (p >= 0 ? Math.abs(z) : -Math.abs(z));
            wr[nn - 1] = x + z;
            wr[nn] = z !== 0 ? x - w / z : x + z;
            wi[nn - 1] = 0;
            wi[nn] = 0;
          } else {
            wr[nn - 1] = x + p;
            wr[nn] = x + p;
            wi[nn - 1] = z;
            wi[nn] = -z;
          }
          nn -= 2;
        } else {
          if (total === budget) {
            throw new EigenvalueConvergenceError(
              'eigenvalues-no-convergence',
              `matrix: the QR iteration did not converge after ${total} iterations (${its} on eigenvalue ${nn + 1} of ${n}); ` +
                'check the matrix for extreme scaling',
            );
          }
          if (its > 0 && its % 10 === 0) {
            // Exceptional shift.
            shift += x;
            for (let i = 0; i <= nn; i++) set(i, i, at(i, i) - x);
            const s = Math.abs(at(nn, nn - 1)) + Math.abs(at(nn - 1, nn - 2));
            x = 0.75 * s;
            y = x;
            w = -0.4375 * s * s;
          }
          its++;
          total++;
          // Form the shift and look for two consecutive small subdiagonal elements.
          let m: number;
          let p = 0;
          let q = 0;
          let r = 0;
          let z: number;
          for (m = nn - 2; m >= l; m--) {
            z = at(m, m);
            r = x - z;
            let s = y - z;
            p = (r * s - w) / at(m + 1, m) + at(m, m + 1);
            q = at(m + 1, m + 1) - z - r - s;
            r = at(m + 2, m + 1);
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(at(m, m - 1)) * (Math.abs(q) + Math.abs(r));
            const v = Math.abs(p) * (Math.abs(at(m - 1, m - 1)) + Math.abs(z) + Math.abs(at(m + 1, m + 1)));
            if (u + v === v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            set(i, i - 2, 0);
            if (i !== m + 2) set(i, i - 3, 0);
          }
          // Double QR step on rows l..nn and columns m..nn.
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = at(k, k - 1);
              q = at(k + 1, k - 1);
              r = k !== nn - 1 ? at(k + 2, k - 1) : 0;
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            const norm3 = Math.sqrt(p * p + q * q + r * r);
            const s = p >= 0 ? norm3 : -norm3;
            if (s === 0) continue;
            if (k === m) {
              if (l !== m) set(k, k - 1, -at(k, k - 1));
            } else {
              set(k, k - 1, -s * x);
            }
            p += s;
            x = p / s;
            y = q / s;
            z = r / s;
            q /= p;
            r /= p;
            for (let j = k; j <= nn; j++) {
              p = at(k, j) + q * at(k + 1, j);
              if (k !== nn - 1) {
                p += r * at(k + 2, j);
                set(k + 2, j, at(k + 2, j) - p * z);
              }
              set(k + 1, j, at(k + 1, j) - p * y);
              set(k, j, at(k, j) - p * x);
            }
            const mmin = Math.min(nn, k + 3);
            for (let i = l; i <= mmin; i++) {
              p = x * at(i, k) + y * at(i, k + 1);
              if (k !== nn - 1) {
                p += z * at(i, k + 2);
                set(i, k + 2, at(i, k + 2) - p * r);
              }
              set(i, k + 1, at(i, k + 1) - p * q);
              set(i, k, at(i, k) - p);
            }
          }
        }
      }
    } while (l < nn - 1);
  }
}

/**
 * Sort by decreasing real part, then decreasing modulus of the imaginary part, keeping each
 * conjugate pair together (positive imaginary part first). `hqr` stores a pair at adjacent
 * positions with the positive imaginary part first.
 */
function sortEigenvalues(real: Float64Array, imaginary: Float64Array): Eigenvalues {
  const units: { index: number; size: number }[] = [];
  for (let k = 0; k < real.length; k++) {
    const paired = (imaginary[k] as number) !== 0 && k + 1 < real.length;
    units.push({ index: k, size: paired ? 2 : 1 });
    if (paired) k++;
  }
  units.sort(
    (p, q) =>
      (real[q.index] as number) - (real[p.index] as number) ||
      Math.abs(imaginary[q.index] as number) - Math.abs(imaginary[p.index] as number),
  );
  const sortedReal = new Float64Array(real.length);
  const sortedImaginary = new Float64Array(real.length);
  let position = 0;
  for (const { index, size } of units) {
    for (let m = 0; m < size; m++) {
      sortedReal[position] = real[index + m] as number;
      sortedImaginary[position] = imaginary[index + m] as number;
      position++;
    }
  }
  return { real: sortedReal, imaginary: sortedImaginary };
}
