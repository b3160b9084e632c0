/** A war's exogenous burden on one actor: a share of GDP held until an end year, then faded out. */
export interface WarTerm {
  /** Extra burden while the war lasts, share of GDP (0.03 = 3 %). */
  readonly extraShare: number;
  /** Year the war ends (the fade starts at the beginning of it); `null` = ongoing. */
  readonly until: number | null;
  /** Years over which the burden fades linearly to zero after `until`; 0 = at once. */
  readonly fadeYears: number;
}

/**
 * The war burden `w_i(t)` at time `t` (years): `extraShare` before `until` (`Infinity`: ongoing),
 * then a linear fade over `fadeYears`. Scalar arguments: the model calls it in its inner loop.
 *
 * @example warBurden(0.03, 2026, 3, 2027.5) // 0.015
 */
export function warBurden(extraShare: number, until: number, fadeYears: number, t: number): number {
  if (t < until) return extraShare;
  if (fadeYears <= 0) return 0;
  return extraShare * Math.max(0, 1 - (t - until) / fadeYears);
}
