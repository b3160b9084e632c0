/**
 * Decimals written for each kind of number in the CSV files of the command line and the page
 * (docs/cli.md, "CSV files"): burdens and other percentages to 4 decimals, money (million US$) to
 * 1, ratios and indices to 4, counts as whole numbers. Beyond that the digits are float noise or
 * false precision: NATO publishes burdens to 2 decimals, SIPRI to 6 significant digits.
 */
export const CSV_DECIMALS = {
  /** Burdens, thresholds, gaps and growth rates in percent or percentage points. */
  percent: 4,
  /** Million US$. */
  money: 1,
  /** Capability ratios, security ratios, sensitivity indices. */
  ratio: 4,
  /** Allies and other counts. */
  count: 0,
} as const;

/** Significant digits of a quantity in a unit of the user's choosing (Richardson levels, Morris effects). */
export const CSV_SIGNIFICANT = 6;

/**
 * Round for a CSV cell: `digits` decimals, without binary noise (`3.5000000000000004` → `3.5`) or a
 * negative zero. `null` and `undefined` stay missing; a non-finite value is missing too.
 *
 * @example roundTo(-0.49999999999999956, 4) // -0.5
 */
export function roundTo(value: number | null | undefined, digits: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/**
 * Round to `CSV_SIGNIFICANT` significant digits for a CSV cell; `null` for a missing or
 * non-finite value.
 *
 * @example roundSignificant(44.28571428571429) // 44.2857
 */
export function roundSignificant(value: number | null | undefined, digits = CSV_SIGNIFICANT): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? 0 : rounded;
}
