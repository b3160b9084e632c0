/**
 * Format a number for a sentence with a fixed number of decimals and thousands separators.
 *
 * @example formatNumber(2775437.6, 0) // '2,775,438'
 */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Format a signed change, e.g. `+1.2` or `−0.4` (with a true minus sign).
 *
 * @example signed(-0.42, 2) // '−0.42'
 */
export function signed(value: number, digits = 1): string {
  const text = formatNumber(Math.abs(value), digits);
  return value < 0 && text !== formatNumber(0, digits) ? `−${text}` : `+${text}`;
}

/**
 * Name a year range, e.g. `1993–2024`.
 *
 * @example span(1993, 2024) // '1993–2024'
 */
export function span(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/**
 * A share as a percentage without floating-point noise.
 *
 * @example percent(0.035) // 3.5 (not 3.5000000000000004)
 */
export function percent(share: number): number {
  return Number((share * 100).toPrecision(12));
}
