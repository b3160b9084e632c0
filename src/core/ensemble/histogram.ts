import { log, logEach, pow } from '../math/elementary.js';

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
 * Add `values[0 … count − 1]` to cell `c`, skipping `NaN`, as {@link addToHistogram} adds each (the
 * same counts), with the logarithms taken in one loop; `scratch` is as long as `count` or longer.
 * Returns the sum of the values added, in order.
 */
export function addAllToHistogram(
  counts: Int32Array,
  c: number,
  center: number,
  values: Float64Array,
  count: number,
  scratch: Float64Array,
): number {
  const base = c * CELL_SIZE;
  let sum = 0;
  for (let m = 0; m < count; m++) {
    const v = values[m] as number;
    scratch[m] = v > 0 ? v / center : 1;
    if (!Number.isNaN(v)) sum += v;
  }
  logEach(scratch, scratch, 0, count);
  for (let m = 0; m < count; m++) {
    const v = values[m] as number;
    if (Number.isNaN(v)) continue;
    if (!(v > 0)) {
      counts[base] = (counts[base] as number) + 1;
      continue;
    }
    const pos = (((scratch[m] as number) / LOG_SPAN + 1) / 2) * HISTOGRAM_BINS;
    const slot = pos < 0 ? 1 : pos >= HISTOGRAM_BINS ? HISTOGRAM_BINS + 2 : 2 + Math.floor(pos);
    counts[base + slot] = (counts[base + slot] as number) + 1;
  }
  return sum;
}

/**
 * The `q` quantile of cell `c` (R-7-like within a bin: geometric interpolation between its edges).
 * Values at or below zero count as 0; values beyond the range as its ends.
 *
 * @example histogramQuantile(counts, 0, 0.05, 100, 0.5) // the median of cell 0
 */
export function histogramQuantile(counts: Int32Array, c: number, center: number, q: number): number {
  const out = [Number.NaN];
  histogramQuantiles(counts, c, center, [q], out);
  return out[0] as number;
}

/**
 * Every quantile of `qs` (ascending) of cell `c` into `out[j]`, as {@link histogramQuantile} gives
 * each, from one pass over the cell; returns the cell's count (members with a value).
 *
 * @example histogramQuantiles(counts, 0, 100, [0.05, 0.5, 0.95], out) // out: the 5 %, 50 % and 95 % points
 */
export function histogramQuantiles(
  counts: Int32Array,
  c: number,
  center: number,
  qs: readonly number[],
  out: number[],
): number {
  const base = c * CELL_SIZE;
  let total = 0;
  for (let s = 0; s < CELL_SIZE; s++) total += counts[base + s] as number;
  let j = 0;
  if (total === 0) {
    for (; j < qs.length; j++) out[j] = Number.NaN;
    return 0;
  }
  let cumulative = 0;
  for (let s = 0; s < CELL_SIZE && j < qs.length; s++) {
    const k = counts[base + s] as number;
    if (k === 0) continue;
    // Every quantile whose target this slot reaches, from the lowest.
    for (; j < qs.length && cumulative + k >= (qs[j] as number) * total; j++) {
      out[j] = quantileIn(s, k, (qs[j] as number) * total - cumulative, center);
    }
    cumulative += k;
  }
  for (; j < qs.length; j++) out[j] = center * HISTOGRAM_SPAN;
  return total;
}

/** The value of slot `s` (holding `k` members) at `rest` members into it. */
function quantileIn(s: number, k: number, rest: number, center: number): number {
  if (s === 0) return 0;
  if (s === 1) return center / HISTOGRAM_SPAN;
  if (s === HISTOGRAM_BINS + 2) return center * HISTOGRAM_SPAN;
  const bin = s - 2;
  const within = Math.min(1, Math.max(0, rest / k));
  const edge = (b: number) => center * pow(HISTOGRAM_SPAN, (2 * b) / HISTOGRAM_BINS - 1);
  return edge(bin) * pow(edge(bin + 1) / edge(bin), within);
}
