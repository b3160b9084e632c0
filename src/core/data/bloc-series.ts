import { InputError } from '../errors.js';
import type { Dataset } from './dataset.js';

/** Yearly military spending of a bloc in constant prices, chain-linked across enlargements. */
export interface BlocSeries {
  readonly name: string;
  readonly years: readonly number[];
  /** Sum of the members' spending in each year (million constant US$ of the source). */
  readonly level: readonly number[];
  /**
   * Real growth from the year before, over the countries that were members in the year and have
   * figures in both years (so an enlargement adds no growth); `null` in the first year.
   */
  readonly growth: readonly (number | null)[];
  /** Chain-linked level: the first year's level carried forward by `growth`. */
  readonly chained: readonly number[];
  readonly unit: string;
  readonly source: string;
}

/** Who is in a bloc in a year. */
export type BlocMembers = (year: number) => readonly string[];

/**
 * Build a bloc's constant-price spending series from a source's country series.
 *
 * @param members the bloc's countries in each year, e.g. `y => dataset.members(y)` for NATO
 * @throws {InputError} `no-data` when a year has no member with a figure.
 * @example blocSeries(loadDataset(), 'NATO', (y) => loadDataset().members(y), 1993, 2024).growth[1] // NATO's real growth in 1994
 */
export function blocSeries(
  dataset: Dataset,
  name: string,
  members: BlocMembers,
  from: number,
  to: number,
  source = dataset.latestEdition('sipri-', 'milex_usd_constant'),
): BlocSeries {
  const value = (iso3: string, year: number) => dataset.observation(iso3, 'milex_usd_constant', source, year)?.value;
  const years: number[] = [];
  const level: number[] = [];
  const growth: (number | null)[] = [];
  let unit = '';
  for (let y = from; y <= to; y++) {
    let sum = 0;
    let count = 0;
    let now = 0;
    let before = 0;
    for (const c of members(y)) {
      const v = value(c, y);
      if (v === undefined) continue;
      unit ||= dataset.series(c, 'milex_usd_constant', source)?.unit ?? '';
      sum += v;
      count++;
      const p = value(c, y - 1);
      if (p !== undefined) {
        now += v;
        before += p;
      }
    }
    if (count === 0)
      throw new InputError('no-data', `${name}: no member has a figure in ${source} for ${y}; choose years with data`);
    years.push(y);
    level.push(sum);
    growth.push(y === from || before === 0 ? null : now / before - 1);
  }
  const chained: number[] = [];
  for (const [k, l] of level.entries()) chained.push(k === 0 ? l : (chained[k - 1] as number) * (1 + (growth[k] ?? 0)));
  return { name, years, level, growth, chained, unit, source };
}
