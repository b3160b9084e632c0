/** An estimate with its confidence interval; the bounds are `NaN` when no bootstrap was run. */
export interface IndexEstimate {
  /** The point estimate from the full sample. */
  readonly estimate: number;
  /** Lower bound of the bootstrap percentile interval. */
  readonly low: number;
  /** Upper bound of the bootstrap percentile interval. */
  readonly high: number;
}

/**
 * Return the bootstrap percentile interval of replicates at a confidence level: the
 * `(1 − c)/2` and `(1 + c)/2` quantiles, interpolated linearly between order statistics.
 * `NaN` replicates are left out; with none left the bounds are `NaN`.
 *
 * @param replicates - the bootstrap replicates (left unchanged)
 * @param confidence - the level `c`, in `(0, 1)`
 * @returns `[low, high]`
 * @throws nothing
 * @example percentileInterval(Float64Array.of(3, 1, 2, 4, 5), 0.5) // → [2, 4]
 * @see Efron & Tibshirani 1993, "An Introduction to the Bootstrap", §13.3; Hyndman & Fan 1996 (type 7)
 */
export function percentileInterval(replicates: Float64Array, confidence: number): [number, number] {
  const finite = replicates.filter((value) => !Number.isNaN(value)).sort();
  const quantile = (p: number): number => {
    if (finite.length === 0) return Number.NaN;
    const h = (finite.length - 1) * p;
    const lo = Math.floor(h);
    const below = finite[lo] as number;
    const above = finite[Math.min(lo + 1, finite.length - 1)] as number;
    return below + (h - lo) * (above - below);
  };
  return [quantile((1 - confidence) / 2), quantile((1 + confidence) / 2)];
}
