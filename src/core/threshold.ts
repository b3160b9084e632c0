/**
 * Half of the last digit NATO publishes (0.01 percentage point): a burden within it below a
 * threshold shows as the threshold once rounded.
 */
export const PUBLISHED_HALF_STEP_PCT = 0.005;

/** Slack for binary floating point (a 3.5 % threshold computed as 0.035 × 100 is 3.5000000000000004). */
const FLOAT_SLACK = 1e-9;

/**
 * Whether an ally meets a spending threshold, by NATO's published precision: it counts once its
 * burden, rounded to two decimals of a percent, reaches the threshold. 1.995 % (shown 2.00) meets
 * 2 %; 1.994 % (shown 1.99) does not. The one rule for every count of allies at a threshold: the
 * pledge report, the simulator's and the ensemble's counts, the claims and the page.
 *
 * @param burdenPct burden in percent of GDP, e.g. 1.9977
 * @param thresholdPct threshold in percent of GDP, e.g. 2 or 3.5
 * @example meetsThreshold(1.9977, 2) // true (SIPRI's Sweden 2024, shown as 2.00)
 * @example meetsThreshold(1.994, 2) // false (shown as 1.99)
 */
export function meetsThreshold(burdenPct: number, thresholdPct: number): boolean {
  return burdenPct >= lowestMeeting(thresholdPct);
}

/**
 * The lowest burden, % of GDP, that {@link meetsThreshold} counts for `thresholdPct`: the smallest
 * figure at two decimals that reaches the threshold (2 % → 2.00, 2.345 % → 2.35), less half a step
 * of the published precision, less a rounding slack. For loops that test many burdens.
 *
 * @example lowestMeeting(2) // → 1.994999999
 */
export function lowestMeeting(thresholdPct: number): number {
  const shown = Math.ceil(thresholdPct * 100 - FLOAT_SLACK * 100) / 100;
  return shown - PUBLISHED_HALF_STEP_PCT - FLOAT_SLACK;
}
