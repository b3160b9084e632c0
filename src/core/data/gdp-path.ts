import { InputError } from '../errors.js';
import { pow } from '../math/elementary.js';
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
  /**
   * A newer vintage of observed current-dollar GDP that reaches past the real history; for each
   * year it covers together with the year before, its growth replaces the projection's. Default
   * `wdi-2026-07` (World Bank, July 2026: 2025 observed).
   */
  readonly bridgeSource?: string;
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
  /** Last year whose growth comes from the bridge vintage's observed current-dollar GDP. */
  readonly lastBridgeYear: number;
  /**
   * Where the figure for `year` comes from: real data, observed current-dollar growth of the newer
   * vintage (`nominal-data`), the projection, or the long-run rate.
   */
  basis(year: number): 'data' | 'nominal-data' | 'projection' | 'long-run';
}

export const DEFAULT_USD_INFLATION = 0.02;

/**
 * Build a real GDP path: observed constant-price GDP; then the growth of a newer vintage's observed
 * current-dollar GDP (the World Bank's 2025) and of the IMF's current-dollar projections, each
 * deflated by an assumed US-dollar inflation; then a long-run growth rate.
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
  const bridge = dataset.series(iso3, 'gdp_usd_current', options.bridgeSource ?? 'wdi-2026-07');

  // Real growth factors year by year after the last data year: the bridge vintage's observed
  // nominal growth while it has both years, then the projection's; both deflated alike.
  const factors: number[] = [];
  const growth = (s: typeof nominal, y: number) => {
    const prev = s === undefined ? undefined : observationAt(s, y - 1)?.value;
    const next = s === undefined ? undefined : observationAt(s, y)?.value;
    return prev === undefined || next === undefined || !(prev > 0) ? undefined : next / prev;
  };
  let lastBridgeYear = last;
  for (let y = last + 1; ; y++) {
    const observed = lastBridgeYear === y - 1 ? growth(bridge, y) : undefined;
    const g = observed ?? growth(nominal, y);
    if (g === undefined) break;
    if (observed !== undefined) lastBridgeYear = y;
    factors.push(g / (1 + inflation));
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
    lastBridgeYear,
    at(year: number): number | undefined {
      if (year <= last) return observationAt(history, year)?.value;
      if (year <= lastProjectionYear) return projected[year - last - 1];
      return endLevel * pow(1 + longRunGrowth, year - lastProjectionYear);
    },
    basis(year: number) {
      if (year <= last) return 'data';
      if (year <= lastBridgeYear) return 'nominal-data';
      return year <= lastProjectionYear ? 'projection' : 'long-run';
    },
  };
}
