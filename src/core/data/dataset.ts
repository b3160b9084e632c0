import type { FittedDefaults } from './fitted.js';
import type { Accession, Country, Flag, Indicator, Observation, Series, SourceInfo } from './types.js';

/** The serialisable form of a dataset, as bundled and as written to a user data directory. */
export interface DatasetData {
  readonly version: 1;
  readonly sources: readonly SourceInfo[];
  readonly countries: readonly Country[];
  readonly accessions: readonly Accession[];
  readonly series: readonly Series[];
  /** The committed fit behind the simulator's default responses, if any. */
  readonly fitted?: FittedDefaults;
}

/** Filter for {@link Dataset.list}; every field is optional. */
export interface SeriesQuery {
  readonly iso3?: string;
  readonly indicator?: Indicator;
  readonly source?: string;
}

const key = (iso3: string, indicator: string, source: string): string => `${iso3}|${indicator}|${source}`;

/**
 * Countries, NATO's membership timeline and yearly series, indexed for look-up.
 *
 * Missing data stays missing: {@link Dataset.observation} returns `undefined`, never zero.
 */
export class Dataset {
  readonly data: DatasetData;
  readonly #series = new Map<string, Series>();
  readonly #countries = new Map<string, Country>();
  readonly #sources = new Map<string, SourceInfo>();
  readonly #accessions = new Map<string, Accession>();

  constructor(data: DatasetData) {
    this.data = data;
    for (const s of data.sources) this.#sources.set(s.id, s);
    for (const c of data.countries) this.#countries.set(c.iso3, c);
    for (const a of data.accessions) this.#accessions.set(a.iso3, a);
    for (const s of data.series) {
      if (!this.#sources.has(s.source)) {
        throw new Error(`series ${s.iso3} ${s.indicator}: unknown source "${s.source}"`);
      }
      if (s.flags.length !== s.values.length) {
        throw new Error(
          `series ${s.iso3} ${s.indicator} ${s.source}: ${s.values.length} values but ${s.flags.length} flags`,
        );
      }
      this.#series.set(key(s.iso3, s.indicator, s.source), s);
    }
  }

  /** The country with ISO3 code `iso3`, or `undefined`. */
  country(iso3: string): Country | undefined {
    return this.#countries.get(iso3);
  }

  /**
   * ISO3 codes of the countries sharing a land border with `iso3` (no maritime neighbours), in the
   * order of `data/country_land_borders.csv`; empty for an unknown country.
   *
   * @example loadDataset().landNeighbours('RUS').length // 14
   */
  landNeighbours(iso3: string): string[] {
    return [...(this.#countries.get(iso3)?.borders ?? [])];
  }

  /** The source edition with id `id`, or `undefined`. */
  source(id: string): SourceInfo | undefined {
    return this.#sources.get(id);
  }

  /** The series of `indicator` for `iso3` from `source`, or `undefined`. */
  series(iso3: string, indicator: Indicator, source: string): Series | undefined {
    return this.#series.get(key(iso3, indicator, source));
  }

  /** Every series matching `query`, in the order they were loaded. */
  list(query: SeriesQuery = {}): Series[] {
    return this.data.series.filter(
      (s) =>
        (query.iso3 === undefined || s.iso3 === query.iso3) &&
        (query.indicator === undefined || s.indicator === query.indicator) &&
        (query.source === undefined || s.source === query.source),
    );
  }

  /** The figure for `year`, or `undefined` when the source has none. */
  observation(iso3: string, indicator: Indicator, source: string, year: number): Observation | undefined {
    const s = this.series(iso3, indicator, source);
    return s === undefined ? undefined : observationAt(s, year);
  }

  /** The accession of `iso3` to NATO, or `undefined` for a country that never joined. */
  accession(iso3: string): Accession | undefined {
    return this.#accessions.get(iso3);
  }

  /** True when `iso3` was a NATO ally at any time in calendar year `year` (from its accession year on). */
  isMember(iso3: string, year: number): boolean {
    const a = this.#accessions.get(iso3);
    return a !== undefined && a.year <= year;
  }

  /** ISO3 codes of the allies in `year`, in accession order. */
  members(year: number): string[] {
    return this.data.accessions.filter((a) => a.year <= year).map((a) => a.iso3);
  }

  /** ISO3 codes of every ally that ever joined, in accession order. */
  allies(): string[] {
    return this.data.accessions.map((a) => a.iso3);
  }

  /**
   * The newest edition whose id starts with `prefix` and that holds `indicator` for any country:
   * a user's import of one sheet (SIPRI's constant dollars alone) does not hide an older edition's
   * shares of GDP. Falls back to `fallback` when none has it.
   *
   * @example loadDataset().latestEdition('sipri-', 'milex_share_gdp') // 'sipri-2025'
   */
  latestEdition(prefix: string, indicator: Indicator, fallback = `${prefix}2025`): string {
    for (const s of this.editions(prefix)) {
      if (this.data.series.some((x) => x.source === s.id && x.indicator === indicator)) return s.id;
    }
    return fallback;
  }

  /** Source editions whose id starts with `prefix`, newest release first. */
  editions(prefix: string): SourceInfo[] {
    return this.data.sources
      .filter((s) => s.id.startsWith(prefix) && !s.secondary)
      .sort((a, b) => b.released - a.released);
  }
}

/** The observation of `series` in `year`, or `undefined` when it has no figure then. */
export function observationAt(series: Series, year: number): Observation | undefined {
  const i = year - series.firstYear;
  if (i < 0 || i >= series.values.length) return undefined;
  const value = series.values[i];
  if (value === null || value === undefined) return undefined;
  const edition = series.editions?.[i];
  return { year, value, flag: (series.flags[i] ?? '.') as Flag, ...(edition ? { edition } : {}) };
}

/** One run of consecutive years of a series whose figures come from the same edition. */
export interface EditionSpan {
  readonly edition: string;
  readonly from: number;
  readonly to: number;
}

/**
 * The editions a series' figures come from, as runs of years in order: one span with the series' own
 * source when it records none per value (see {@link Series.editions}), several where a newer edition
 * extends an older one. Years without a figure end no span.
 *
 * @example editionSpans(rus).map((s) => `${s.from}–${s.to} ${s.edition}`) // ['1992–2024 sipri-2025', '2025–2025 sipri-2026']
 */
export function editionSpans(series: Series): EditionSpan[] {
  const out: { edition: string; from: number; to: number }[] = [];
  for (const o of observations(series)) {
    const edition = o.edition ?? series.source;
    const last = out[out.length - 1];
    if (last !== undefined && last.edition === edition) last.to = o.year;
    else out.push({ edition, from: o.year, to: o.year });
  }
  return out;
}

/** Every observation of `series` with a figure, in year order. */
export function observations(series: Series): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < series.values.length; i++) {
    const o = observationAt(series, series.firstYear + i);
    if (o !== undefined) out.push(o);
  }
  return out;
}

/** The last year in which `series` has a figure, or `undefined` when it has none. */
export function lastYear(series: Series): number | undefined {
  for (let i = series.values.length - 1; i >= 0; i--) {
    if (series.values[i] !== null) return series.firstYear + i;
  }
  return undefined;
}
