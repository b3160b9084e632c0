/** The x scale of a chart over calendar years. */
export interface YearAxis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

const STEPS = [1, 2, 5, 10, 20, 50] as const;

/**
 * Return an x domain and whole-year ticks (at most `maxTicks`) covering the given years.
 *
 * A single year is widened by half a year on each side; no years give [0, 1] without ticks.
 *
 * @param years Calendar years, any order, repeats allowed.
 * @param padYears Years added on each side of the domain (0.5 for bars centred on a year).
 * @param maxTicks Largest number of ticks, default 11.
 * @throws {RangeError} when `maxTicks` is below 1.
 * @example yearAxis([2025, 2026, 2027, 2028, 2029]) // { domain: [2025, 2029], ticks: [2025, …, 2029] }
 */
export function yearAxis(years: readonly number[], padYears = 0, maxTicks = 11): YearAxis {
  if (!(maxTicks >= 1)) throw new RangeError(`yearAxis: maxTicks ${maxTicks} is below 1; use e.g. 11`);
  const finite = years.filter(Number.isFinite);
  if (finite.length === 0) return { domain: [0, 1], ticks: [] };
  const first = Math.min(...finite);
  const last = Math.max(...finite);
  const pad = first === last ? Math.max(padYears, 0.5) : padYears;
  const span = last - first;
  const step = STEPS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) ticks.push(y);
  return { domain: [first - pad, last + pad], ticks };
}
