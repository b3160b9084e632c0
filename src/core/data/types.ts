/**
 * Types of the embedded dataset: countries, sources, yearly series.
 *
 * Units follow the source files: shares are in percent of GDP (2.0 = 2 %), money in million US
 * dollars (current prices, or constant prices of the base year the unit names).
 */

/** What a series measures. */
export type Indicator =
  | 'milex_share_gdp'
  | 'milex_usd_current'
  | 'milex_usd_constant'
  | 'gdp_usd_current'
  | 'gdp_usd_constant'
  | 'warheads_stockpile'
  | 'warheads_deployed_strategic'
  | 'warheads_deployed_nonstrategic'
  | 'warheads_reserve_nondeployed'
  | 'warheads_retired'
  | 'warheads_total_inventory';

export const INDICATORS: readonly Indicator[] = [
  'milex_share_gdp',
  'milex_usd_current',
  'milex_usd_constant',
  'gdp_usd_current',
  'gdp_usd_constant',
  'warheads_stockpile',
  'warheads_deployed_strategic',
  'warheads_deployed_nonstrategic',
  'warheads_reserve_nondeployed',
  'warheads_retired',
  'warheads_total_inventory',
];

/**
 * Unit of a series: `pct_GDP` (percent of GDP), `USD_m_current` (million US$ at current prices and
 * exchange rates), `USD_m_constYYYY` (million US$ at constant YYYY prices), `warheads`.
 */
export type Unit = 'pct_GDP' | 'USD_m_current' | `USD_m_const${number}` | 'warheads';

/**
 * Per-year marker set by the source: `e` estimate (NATO's `e`, SIPRI's blue figures),
 * `u` highly uncertain (SIPRI's red figures), `p` projection (IMF), `s` secondary (quoted by the
 * press, not from the publisher's table). `.` means none.
 */
export type Flag = '.' | 'e' | 'u' | 'p' | 's';

/** One published edition of one publisher's data. */
export interface SourceInfo {
  /** Stable id, e.g. `nato-2025`, `sipri-2025`. */
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  /** The edition as the publisher names it, e.g. `2025` or `October 2025`. */
  readonly edition: string;
  /** Year of release, used to pick the latest edition. */
  readonly released: number;
  /** Citation a user must give. */
  readonly citation: string;
  /** True when the figures are quoted by third parties, not taken from the publisher's table. */
  readonly secondary?: boolean;
  readonly terms?: string;
  /**
   * What the figures measure, where a publisher's editions differ: NATO's editions to 2025 report
   * defence expenditure (the 2 % definition), its 2026 edition core defence (the Hague 3.5 %).
   */
  readonly basis?: string;
  /** Release date, `YYYY-MM-DD` (or `YYYY-MM`), where known. */
  readonly releasedOn?: string;
}

/** A break in a series, such as the USSR → Russian Federation succession. */
export interface SeriesBreak {
  readonly year: number;
  readonly note: string;
}

/** A yearly series of one indicator for one country from one source edition. */
export interface Series {
  readonly iso3: string;
  readonly indicator: Indicator;
  readonly unit: Unit;
  /** Id of a {@link SourceInfo}. */
  readonly source: string;
  readonly firstYear: number;
  /** One value per year from `firstYear`; `null` where the source has no figure. */
  readonly values: readonly (number | null)[];
  /** One {@link Flag} character per value. */
  readonly flags: string;
  /** Source-side notes (SIPRI footnote markers, NATO's national 2 % law mark …). */
  readonly note?: string;
  /** Addresses of the documents a secondary figure was quoted from. */
  readonly urls?: readonly string[];
  readonly breaks?: readonly SeriesBreak[];
  /**
   * The edition of each value where a series extends an older edition's by a newer one's last
   * year (`null` where there is no value); absent when every value is the series' own `source`.
   */
  readonly editions?: readonly (string | null)[];
}

/** One observation read from a series. */
export interface Observation {
  readonly year: number;
  readonly value: number;
  readonly flag: Flag;
  /** The edition the value comes from, where it is not the series' own (see {@link Series.editions}). */
  readonly edition?: string;
}

export interface Capital {
  readonly name: string;
  /** Degrees north. */
  readonly lat: number;
  /** Degrees east. */
  readonly lon: number;
}

export interface Country {
  readonly iso3: string;
  readonly name: string;
  readonly capital?: Capital;
  /** ISO3 codes of the countries sharing a land border (`data/country_land_borders.csv`, mledoze/countries). */
  readonly borders: readonly string[];
  /** For a state that no longer exists: its last year and the successor that continues its series. */
  readonly dissolved?: { readonly year: number; readonly successor: string };
}

/** Accession of one ally to the North Atlantic Treaty. */
export interface Accession {
  readonly iso3: string;
  /** ISO date of the deposit of the instrument of accession. */
  readonly date: string;
  readonly year: number;
  readonly source: string;
}
