/**
 * A pledge as one actor sees it: linear from its baseline burden (the model's `b_i`) to the target
 * by the due year.
 */
export interface PledgeTerm {
  readonly targetShare: number;
  /** Year the path starts (years, continuous time). */
  readonly from: number;
  /** Year the target is due; the path holds the target afterwards. */
  readonly by: number;
}

/**
 * The pledge path `P_i(t)`: the start level before `from`, linear to the target at `by`, then the
 * target. Scalar arguments: the model calls it in its inner loop.
 *
 * @example pledgePath(0.02, 0.035, 2025, 2035, 2030) // 0.0275
 */
export function pledgePath(startShare: number, targetShare: number, from: number, by: number, t: number): number {
  if (t <= from) return startShare;
  if (t >= by) return targetShare;
  return startShare + ((targetShare - startShare) * (t - from)) / (by - from);
}
