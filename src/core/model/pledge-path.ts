/** A pledge as one actor sees it: linear from its start level to the target by the due year. */
export interface PledgeTerm {
  /** Share of GDP at `from`. */
  readonly startShare: number;
  readonly targetShare: number;
  /** Year the path starts (years, continuous time). */
  readonly from: number;
  /** Year the target is due; the path holds the target afterwards. */
  readonly by: number;
}

/**
 * The pledge path `P_i(t)`: the start level before `from`, linear to the target at `by`, then the
 * target.
 *
 * @example pledgePath({ startShare: 0.02, targetShare: 0.035, from: 2025, by: 2035 }, 2030) // 0.0275
 */
export function pledgePath(p: PledgeTerm, t: number): number {
  if (t <= p.from) return p.startShare;
  if (t >= p.by) return p.targetShare;
  return p.startShare + ((p.targetShare - p.startShare) * (t - p.from)) / (p.by - p.from);
}
