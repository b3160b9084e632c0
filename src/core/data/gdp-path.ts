import { InputError } from '../errors.js';
import { pow } from '../solve/elementary.js';
import { type Dataset, lastYear, observationAt } from './dataset.js';

/** Assumptions that extend real GDP past the last year of data. */
export interface GdpPathOptions {
  /**
   * US-dollar inflation assumed inside the IMF's current-dollar projections, per year (0.02 = 2 %).
   * Default 0.02, the Federal Reserve's longer-run inflation goal.
   */
  readonly usdInflation?: number;
  /**
   * Real growth per year after the last IMF projection year. Default: the country's mean real
   * growth over the IMF projection years (geometric mean).
   */
  readonly longRunGrowth?: number;
  /** Source of real GDP history; default `wdi-2026-02` (World Bank, constant 2015 US$). */
  readonly historySource?: string;
  /** Source of the projections; default `imf-weo-2025-10` (IMF WEO, current US$). */
  readonly projectionSource?: string;
}

/** Real GDP of one country by year, in million constant US dollars of the history's base year. */
export interface GdpPath {
  readonly iso3: string;
  readonly unit: string;
  /** Last year of observed real GDP. */
  readonly lastDataYear: number;
  /** Last year of the IMF projection used. */
  readonly lastProjectionYear: number;
  /** Real growth per year applied after `lastProjectionYear`. */
  readonly longRunGrowth: number;
  /** Real GDP in `year` (million constant US$); `undefined` before the first year of data. */
  at(year: number): number | undefined;
  /** Where the figure for `year` comes from. */
  basis(year: number): 'data' | 'projection' | 'long-run';
}

export const DEFAULT_USD_INFLATION = 0.02;

/**
 * Build a real GDP path: observed constant-price GDP, then the IMF's current-dollar projections
 * deflated by an assumed US-dollar inflation, then a long-run growth rate.
 *
 * @throws {InputError} when the country has no real GDP history or an option is out of range.
 * @example gdpPath(loadDataset(), 'POL').at(2024) // Poland's 2024 GDP, constant 2015 US$ million
 */
export function gdpPath(dataset: Dataset, iso3: string, options: GdpPathOptions = {}): GdpPath {
  const inflation = options.usdInflation ?? DEFAULT_USD_INFLATION;
  if (!(inflation > -0.5 && inflation < 1)) {
    throw new InputError('bad-option', `usdInflation: ${inflation} is out of range; use a rate per year such as 0.02`);
  }
  const history = dataset.series(iso3, 'gdp_usd_constant', options.historySource ?? 'wdi-2026-02');
  const last = history === undefined ? undefined : lastYear(history);
  if (history === undefined || last === undefined) {
    throw new InputError('no-gdp', `${iso3}: no real GDP history in the dataset`);
  }
  const base = observationAt(history, last)?.value as number;
  const nominal = dataset.series(iso3, 'gdp_usd_current', options.projectionSource ?? 'imf-weo-2025-10');

  // Real growth factors from the nominal projections, year by year after the last data year.
  const factors: number[] = [];
  if (nominal !== undefined) {
    let prev = observationAt(nominal, last)?.value;
    for (let y = last + 1; prev !== undefined; y++) {
      const next = observationAt(nominal, y)?.value;
      if (next === undefined) break;
      factors.push(next / prev / (1 + inflation));
      prev = next;
    }
  }
  const lastProjectionYear = last + factors.length;
  const meanGrowth =
    factors.length > 0
      ? pow(
          factors.reduce((p, f) => p * f, 1),
          1 / factors.length,
        ) - 1
      : 0;
  const longRunGrowth = options.longRunGrowth ?? meanGrowth;
  if (!(longRunGrowth > -0.5 && longRunGrowth < 1)) {
    throw new InputError(
      'bad-option',
      `longRunGrowth: ${longRunGrowth} is out of range; use a rate per year such as 0.015`,
    );
  }
  const projected: number[] = [];
  let level = base;
  for (const f of factors) {
    level *= f;
    projected.push(level);
  }
  const endLevel = level;

  return {
    iso3,
    unit: history.unit,
    lastDataYear: last,
    lastProjectionYear,
    longRunGrowth,
    at(year: number): number | undefined {
      if (year <= last) return observationAt(history, year)?.value;
      if (year <= lastProjectionYear) return projected[year - last - 1];
      return endLevel * pow(1 + longRunGrowth, year - lastProjectionYear);
    },
    basis(year: number) {
      if (year <= last) return 'data';
      return year <= lastProjectionYear ? 'projection' : 'long-run';
    },
  };
}
