import { logEach } from '../../math/elementary.js';
import type { DemandKernel } from './kernel.js';

/**
 * The rows of one period in the order the sums read them. Row i covers the columns from its first
 * to its last adversary (or ally) j, every one in between, with weight `ω_ij` where j is one and 0
 * where it is not (the actor itself, an actor of another bloc): entry q of the row is column
 * `j₀ + (q − start[i])`, whose capability sits at `first[i] + (q − start[i])·M` in the state. A
 * zero weight adds ±0 to a sum, which leaves it unchanged for any finite capability; in exchange
 * the sums read no column index, and the allies' rows, whose only gap is the ally itself, are one
 * run each. Weights are shared (`weight[q]`) or per member (`weight[q·M + m]`).
 */
export interface SumRows {
  readonly start: Int32Array;
  readonly first: Int32Array;
  readonly weight: Float64Array;
}

/** Lay out the compressed rows `start`, `column` (columns ascending) for the sums of {@link sumShared}. */
export function sumRowsOf(
  n: number,
  M: number,
  rows: { readonly start: Int32Array; readonly column: Int32Array },
  proximity: Float64Array,
  shared: boolean,
): SumRows {
  const start = new Int32Array(n + 1);
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const q0 = rows.start[i] as number;
    const q1 = rows.start[i + 1] as number;
    const span = q1 > q0 ? (rows.column[q1 - 1] as number) - (rows.column[q0] as number) + 1 : 0;
    first[i] = q1 > q0 ? (n + (rows.column[q0] as number)) * M : 0;
    start[i + 1] = (start[i] as number) + span;
  }
  const weight = new Float64Array((start[n] as number) * (shared ? 1 : M));
  for (let i = 0; i < n; i++) {
    for (let q = rows.start[i] as number; q < (rows.start[i + 1] as number); q++) {
      const j = rows.column[q] as number;
      const at = (start[i] as number) + j - (rows.column[rows.start[i] as number] as number);
      if (shared) weight[at] = proximity[i * n + j] as number;
      else weight.set(proximity.subarray((i * n + j) * M, (i * n + j + 1) * M), at * M);
    }
  }
  return { start, first, weight };
}

/** Θ and Φ of every actor and member for state y in period p. */
export function exposures(
  kernel: DemandKernel,
  p: number,
  y: Float64Array,
  theta: Float64Array,
  spill: Float64Array,
): void {
  const { hostile, friendly } = kernel.sums[p] as DemandKernel['sums'][number];
  const sum = kernel.sharedProximity ? sumShared : sumPerMember;
  sum(kernel.n, kernel.M, hostile, y, theta);
  sum(kernel.n, kernel.M, friendly, y, spill);
  // The logarithms in a loop of their own (V8 inlines log there, not in the derivative's loop), of
  // the actors whose derivative reads them only.
  const { n, M, responds, lnTheta, lnSpill } = kernel;
  for (let i = 0; i < n; i++) {
    const bits = responds[i] as number;
    if ((bits & 1) !== 0) logEach(theta, lnTheta, i * M, (i + 1) * M);
    if ((bits & 2) !== 0) logEach(spill, lnSpill, i * M, (i + 1) * M);
  }
}

/**
 * `out[i·M + m] = Σ_q ω_ij_q · K_j_q` over the entries q of row i, in column order (each sum exactly
 * as a plain loop adds it), eight members at a time so that eight sums proceed side by side.
 */
export function sumShared(n: number, M: number, rows: SumRows, y: Float64Array, out: Float64Array): void {
  const { start, first, weight } = rows;
  for (let i = 0; i < n; i++) {
    const q0 = start[i] as number;
    const q1 = start[i + 1] as number;
    const k0 = first[i] as number;
    const o = i * M;
    let m = 0;
    for (; m + 8 <= M; m += 8) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      let a7 = 0;
      let k = (k0 + m) | 0;
      for (let q = q0; q < q1; q++) {
        const w = weight[q] as number;
        a0 += w * (y[k] as number);
        a1 += w * (y[(k + 1) | 0] as number);
        a2 += w * (y[(k + 2) | 0] as number);
        a3 += w * (y[(k + 3) | 0] as number);
        a4 += w * (y[(k + 4) | 0] as number);
        a5 += w * (y[(k + 5) | 0] as number);
        a6 += w * (y[(k + 6) | 0] as number);
        a7 += w * (y[(k + 7) | 0] as number);
        k = (k + M) | 0;
      }
      out[o + m] = a0;
      out[o + m + 1] = a1;
      out[o + m + 2] = a2;
      out[o + m + 3] = a3;
      out[o + m + 4] = a4;
      out[o + m + 5] = a5;
      out[o + m + 6] = a6;
      out[o + m + 7] = a7;
    }
    for (; m < M; m++) {
      let a = 0;
      for (let q = q0, k = k0 + m; q < q1; q++, k += M) a += (weight[q] as number) * (y[k] as number);
      out[o + m] = a;
    }
  }
}

/** As {@link sumShared}, with a weight per member: `weight[q·M + m]`. */
export function sumPerMember(n: number, M: number, rows: SumRows, y: Float64Array, out: Float64Array): void {
  const { start, first, weight } = rows;
  for (let i = 0; i < n; i++) {
    const q0 = start[i] as number;
    const q1 = start[i + 1] as number;
    const k0 = first[i] as number;
    const o = i * M;
    let m = 0;
    for (; m + 8 <= M; m += 8) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      let a7 = 0;
      let k = (k0 + m) | 0;
      for (let q = q0; q < q1; q++) {
        const c = (q * M + m) | 0;
        a0 += (weight[c] as number) * (y[k] as number);
        a1 += (weight[(c + 1) | 0] as number) * (y[(k + 1) | 0] as number);
        a2 += (weight[(c + 2) | 0] as number) * (y[(k + 2) | 0] as number);
        a3 += (weight[(c + 3) | 0] as number) * (y[(k + 3) | 0] as number);
        a4 += (weight[(c + 4) | 0] as number) * (y[(k + 4) | 0] as number);
        a5 += (weight[(c + 5) | 0] as number) * (y[(k + 5) | 0] as number);
        a6 += (weight[(c + 6) | 0] as number) * (y[(k + 6) | 0] as number);
        a7 += (weight[(c + 7) | 0] as number) * (y[(k + 7) | 0] as number);
        k = (k + M) | 0;
      }
      out[o + m] = a0;
      out[o + m + 1] = a1;
      out[o + m + 2] = a2;
      out[o + m + 3] = a3;
      out[o + m + 4] = a4;
      out[o + m + 5] = a5;
      out[o + m + 6] = a6;
      out[o + m + 7] = a7;
    }
    for (; m < M; m++) {
      let a = 0;
      for (let q = q0, k = k0 + m; q < q1; q++, k += M) a += (weight[q * M + m] as number) * (y[k] as number);
      out[o + m] = a;
    }
  }
}
