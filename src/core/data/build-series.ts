import type { Flag, Series } from './types.js';

/** One yearly figure on its way into a {@link Series}. */
export interface Point {
  readonly year: number;
  readonly value: number;
  readonly flag?: Flag;
}

/**
 * Build a dense yearly series from scattered points; years without a point hold `null`.
 *
 * @throws {RangeError} when a year appears twice, a year is not an integer or a value is not finite.
 * @example buildSeries({ iso3: 'POL', indicator: 'milex_share_gdp', unit: 'pct_GDP', source: 'nato-2024' },
 *   [{ year: 2015, value: 2.2 }, { year: 2014, value: 1.9, flag: 'e' }]).values // [1.9, 2.2]
 */
export function buildSeries(meta: Omit<Series, 'firstYear' | 'values' | 'flags'>, points: readonly Point[]): Series {
  if (points.length === 0) throw new RangeError(`series ${meta.iso3} ${meta.indicator}: no points`);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    if (!Number.isInteger(p.year)) {
      throw new RangeError(`series ${meta.iso3} ${meta.indicator}: year ${p.year} is not an integer`);
    }
    if (!Number.isFinite(p.value)) {
      throw new RangeError(`series ${meta.iso3} ${meta.indicator} ${p.year}: value ${p.value} is not a finite number`);
    }
    first = Math.min(first, p.year);
    last = Math.max(last, p.year);
  }
  const values: (number | null)[] = new Array(last - first + 1).fill(null);
  const flags: string[] = new Array(last - first + 1).fill('.');
  for (const p of points) {
    const i = p.year - first;
    if (values[i] !== null) {
      throw new RangeError(`series ${meta.iso3} ${meta.indicator}: year ${p.year} appears twice`);
    }
    values[i] = p.value;
    flags[i] = p.flag ?? '.';
  }
  return { ...meta, firstYear: first, values, flags: flags.join('') };
}
