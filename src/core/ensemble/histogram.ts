import { log, pow } from '../solve/elementary.js';

/**
 * Log-scale histograms with integer counts: bounded memory for any number of members, and merged
 * by adding counts, so the result does not depend on how members were split between workers.
 *
 * Layout per cell: `[≤ 0, below lo, bin 0 … bin B−1, above hi]`.
 */
export const HISTOGRAM_BINS = 2000;
/** Each cell spans `center / SPAN … center · SPAN`. */
export const HISTOGRAM_SPAN = 100;
export const CELL_SIZE = HISTOGRAM_BINS + 3;
/** ln of {@link HISTOGRAM_SPAN}. */
const LOG_SPAN = log(HISTOGRAM_SPAN);

/** Add `value` to cell `c` whose range centre is `center` (> 0). */
export function addToHistogram(counts: Int32Array, c: number, center: number, value: number): void {
  const base = c * CELL_SIZE;
  if (!(value > 0)) {
    counts[base] = (counts[base] as number) + 1;
    return;
  }
  const pos = ((log(value / center) / LOG_SPAN + 1) / 2) * HISTOGRAM_BINS;
  const slot = pos < 0 ? 1 : pos >= HISTOGRAM_BINS ? HISTOGRAM_BINS + 2 : 2 + Math.floor(pos);
  counts[base + slot] = (counts[base + slot] as number) + 1;
}

/**
 * The `q` quantile of cell `c` (R-7-like within a bin: geometric interpolation between its edges).
 * Values at or below zero count as 0; values beyond the range as its ends.
 *
 * @example histogramQuantile(counts, 0, 0.05, 100, 0.5) // the median of cell 0
 */
export function histogramQuantile(counts: Int32Array, c: number, center: number, q: number): number {
  const base = c * CELL_SIZE;
  let total = 0;
  for (let s = 0; s < CELL_SIZE; s++) total += counts[base + s] as number;
  if (total === 0) return Number.NaN;
  const target = q * total;
  let cumulative = 0;
  for (let s = 0; s < CELL_SIZE; s++) {
    const k = counts[base + s] as number;
    if (k === 0) continue;
    if (cumulative + k >= target) {
      if (s === 0) return 0;
      const lo = center / HISTOGRAM_SPAN;
      const hi = center * HISTOGRAM_SPAN;
      if (s === 1) return lo;
      if (s === HISTOGRAM_BINS + 2) return hi;
      const bin = s - 2;
      const within = Math.min(1, Math.max(0, (target - cumulative) / k));
      const edge = (b: number) => center * pow(HISTOGRAM_SPAN, (2 * b) / HISTOGRAM_BINS - 1);
      return edge(bin) * pow(edge(bin + 1) / edge(bin), within);
    }
    cumulative += k;
  }
  return center * HISTOGRAM_SPAN;
}
