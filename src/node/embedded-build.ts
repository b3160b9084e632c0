import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NATO_AGGREGATES, OTHER_ACTORS } from '../core/data/actors.js';
import { buildSeries, type Point } from '../core/data/build-series.js';
import type { DatasetData } from '../core/data/dataset.js';
import type { FittedDefaults } from '../core/data/fitted.js';
import { EMBEDDED_SOURCES } from '../core/data/sources.js';
import type { Accession, Country, Flag, Indicator, Series, SeriesBreak, Unit } from '../core/data/types.js';
import { readCsv } from './csv.js';
import { worldBankFromBytes } from './import/worldbank-csv.js';

/** The last year of the USSR; SIPRI and FAS continue it as the Russian Federation. */
const USSR_DISSOLVED = 1991;
const USSR_BREAK: SeriesBreak = {
  year: USSR_DISSOLVED + 1,
  note: 'USSR until 1991 (dissolved 26 December 1991), Russian Federation from 1992',
};

interface Group {
  meta: Omit<Series, 'firstYear' | 'values' | 'flags'>;
  points: Point[];
}

/** Collects points per (country, indicator, source) and turns them into series. */
class SeriesCollector {
  readonly #groups = new Map<string, Group>();

  add(meta: Group['meta'], point: Point): void {
    const k = `${meta.iso3}|${meta.indicator}|${meta.source}`;
    let g = this.#groups.get(k);
    if (g === undefined) {
      g = { meta, points: [] };
      this.#groups.set(k, g);
    }
    g.points.push(point);
  }

  series(): Series[] {
    return [...this.#groups.values()].map((g) => buildSeries(g.meta, g.points));
  }
}

function num(file: string, row: Record<string, string>, column: string): number {
  const v = Number(row[column]);
  if (row[column] === undefined || row[column] === '' || !Number.isFinite(v)) {
    throw new Error(
      `${file}: column ${column} holds "${row[column]}" where a number is expected (row ${JSON.stringify(row)})`,
    );
  }
  return v;
}

/** Convert to million US dollars, rounding away the float noise of the multiplication. */
const toMillions = (v: number, factor: number): number => Math.round(v * factor * 1e6) / 1e6;

/**
 * Build the compact dataset that `src/core` bundles from the CSV files in `dataDir`
 * (the project's `data/` folder). Only the countries and indicators the product uses are kept.
 */
export function buildEmbeddedData(dataDir: string): DatasetData {
  const path = (f: string) => join(dataDir, f);

  const accessions: Accession[] = readCsv(path('nato_membership.csv')).map((r) => ({
    iso3: r.iso3 as string,
    date: r.accession_date as string,
    year: Number((r.accession_date as string).slice(0, 4)),
    source: r.source as string,
  }));
  const actors = new Set([...accessions.map((a) => a.iso3), ...OTHER_ACTORS]);
  const withAggregates = new Set([...actors, ...NATO_AGGREGATES.map((a) => a.iso3)]);

  // The land-border graph as an edge list; the registry's `land_borders_iso3` column must say the same.
  const fBorders = 'country_land_borders.csv';
  const neighbours = new Map<string, string[]>();
  for (const r of readCsv(path(fBorders))) {
    const a = r.iso3 as string;
    const b = r.neighbour_iso3 as string;
    if (!/^[A-Z]{3}$/.test(a) || !/^[A-Z]{3}$/.test(b)) {
      throw new Error(`${fBorders}: "${a}" → "${b}" is not a pair of ISO3 codes (row ${JSON.stringify(r)})`);
    }
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  }

  // Natural Earth's capital names, as countries_geo.csv keeps them, with the spellings the page and
  // the CLI show: Natural Earth says "Kiev", Ukraine's own name is Kyiv (mledoze's column has it).
  const CAPITAL_NAMES: Record<string, string> = { Kiev: 'Kyiv' };
  const capitalName = (name: string) => CAPITAL_NAMES[name] ?? name;
  const countries: Country[] = [];
  const geo = readCsv(path('countries_geo.csv'));
  for (const r of geo) {
    const listed = r.land_borders_iso3 ? (r.land_borders_iso3 as string).split(';') : [];
    const borders = neighbours.get(r.iso3 as string) ?? [];
    if ([...listed].sort().join(';') !== [...borders].sort().join(';')) {
      throw new Error(
        `${fBorders} and countries_geo.csv disagree on the land borders of ${r.iso3}: ${borders.join(';') || 'none'} against ${listed.join(';') || 'none'}`,
      );
    }
    const lat = r.capital_lat === '' ? Number.NaN : Number(r.capital_lat);
    const lon = r.capital_lon === '' ? Number.NaN : Number(r.capital_lon);
    countries.push({
      iso3: r.iso3 as string,
      name: r.name as string,
      ...(Number.isFinite(lat) && Number.isFinite(lon)
        ? { capital: { name: capitalName((r.capital_ne || r.capital_mledoze) as string), lat, lon } }
        : {}),
      borders,
    });
  }
  const russia = countries.find((c) => c.iso3 === 'RUS');
  countries.push({
    iso3: 'SUN',
    name: 'USSR',
    ...(russia?.capital ? { capital: russia.capital } : {}),
    borders: [],
    dissolved: { year: USSR_DISSOLVED, successor: 'RUS' },
  });
  for (const a of NATO_AGGREGATES) countries.push({ iso3: a.iso3, name: a.name, borders: [] });

  const out = new SeriesCollector();

  const f25 = 'nato_defexp_share_gdp_2025ed.csv';
  for (const r of readCsv(path(f25))) {
    if (!withAggregates.has(r.iso3 as string)) continue;
    out.add(
      { iso3: r.iso3 as string, indicator: 'milex_share_gdp', unit: 'pct_GDP', source: 'nato-2025' },
      { year: num(f25, r, 'year'), value: num(f25, r, 'value'), flag: r.is_estimate === 'true' ? 'e' : '.' },
    );
  }

  // NATO's July 2026 edition, on the core-defence basis of the Hague target: its own source, never
  // spliced with the 2025 edition's defence expenditure.
  const f26 = 'nato_core_defexp_2026ed.csv';
  const nato26: Record<string, { indicator: Indicator; unit: Unit }> = {
    core_defexp_share_gdp: { indicator: 'milex_share_gdp', unit: 'pct_GDP' },
    core_defexp_usd_current: { indicator: 'milex_usd_current', unit: 'USD_m_current' },
    core_defexp_usd_const2021: { indicator: 'milex_usd_constant', unit: 'USD_m_const2021' },
  };
  for (const r of readCsv(path(f26))) {
    const m = nato26[r.indicator as string];
    if (m === undefined) throw new Error(`${f26}: unexpected indicator "${r.indicator}"`);
    if (!withAggregates.has(r.iso3 as string)) continue;
    out.add(
      { iso3: r.iso3 as string, ...m, source: 'nato-2026' },
      { year: num(f26, r, 'year'), value: num(f26, r, 'value'), flag: r.is_estimate === 'true' ? 'e' : '.' },
    );
  }

  const fPress = 'nato_defexp_share_gdp_2025e_press.csv';
  for (const r of readCsv(path(fPress))) {
    out.add(
      {
        iso3: r.iso3 as string,
        indicator: 'milex_share_gdp',
        unit: 'pct_GDP',
        source: 'nato-2025-press',
        note: `quoted as "${r.quoted_as}"`,
        urls: (r.source_urls as string).split(/\s+/).filter(Boolean),
      },
      { year: num(fPress, r, 'year'), value: num(fPress, r, 'value'), flag: 's' },
    );
  }

  const f24 = 'nato_defexp_2024ed.csv';
  const nato24: Record<string, { indicator: Indicator; unit: Unit }> = {
    defexp_share_gdp: { indicator: 'milex_share_gdp', unit: 'pct_GDP' },
    defexp_usd_current: { indicator: 'milex_usd_current', unit: 'USD_m_current' },
    defexp_usd_const2015: { indicator: 'milex_usd_constant', unit: 'USD_m_const2015' },
    gdp_usd_current: { indicator: 'gdp_usd_current', unit: 'USD_m_current' },
    gdp_usd_const2015: { indicator: 'gdp_usd_constant', unit: 'USD_m_const2015' },
  };
  for (const r of readCsv(path(f24))) {
    const m = nato24[r.indicator as string];
    if (m === undefined || !withAggregates.has(r.iso3 as string)) continue;
    out.add(
      { iso3: r.iso3 as string, ...m, source: 'nato-2024' },
      { year: num(f24, r, 'year'), value: num(f24, r, 'value'), flag: r.is_estimate === 'true' ? 'e' : '.' },
    );
  }

  const fSipri = 'sipri_milex_subset_2025release.csv';
  const sipri: Record<string, { indicator: Indicator; unit: Unit }> = {
    milex_share_gdp: { indicator: 'milex_share_gdp', unit: 'pct_GDP' },
    milex_usd_const2023: { indicator: 'milex_usd_constant', unit: 'USD_m_const2023' },
    milex_usd_current: { indicator: 'milex_usd_current', unit: 'USD_m_current' },
  };
  const sipriFlag: Record<string, Flag> = { '': '.', estimate: 'e', uncertain: 'u' };
  for (const r of readCsv(path(fSipri))) {
    const m = sipri[r.indicator as string];
    const flag = sipriFlag[r.sipri_flag as string];
    if (m === undefined || flag === undefined) {
      throw new Error(`${fSipri}: unexpected indicator "${r.indicator}" or flag "${r.sipri_flag}"`);
    }
    out.add(
      {
        iso3: r.iso3 as string,
        ...m,
        source: 'sipri-2025',
        ...(r.sipri_footnote ? { note: `SIPRI notes ${r.sipri_footnote}` } : {}),
        ...(r.iso3 === 'RUS' ? { breaks: [USSR_BREAK] } : {}),
      },
      { year: num(fSipri, r, 'year'), value: num(fSipri, r, 'value'), flag },
    );
  }

  const fImf = 'gdp_imf_weo_oct2025.csv';
  for (const r of readCsv(path(fImf))) {
    if (r.indicator !== 'gdp_usd_current' || !actors.has(r.iso3 as string)) continue;
    out.add(
      { iso3: r.iso3 as string, indicator: 'gdp_usd_current', unit: 'USD_m_current', source: 'imf-weo-2025-10' },
      {
        year: num(fImf, r, 'year'),
        value: toMillions(num(fImf, r, 'value'), 1000),
        flag: r.is_projection === 'true' ? 'p' : '.',
      },
    );
  }

  const fWdi = 'gdp_wdi_constant2015usd.csv';
  for (const r of readCsv(path(fWdi))) {
    if (!actors.has(r.iso3 as string)) continue;
    out.add(
      { iso3: r.iso3 as string, indicator: 'gdp_usd_constant', unit: 'USD_m_const2015', source: 'wdi-2026-02' },
      { year: num(fWdi, r, 'year'), value: toMillions(num(fWdi, r, 'value'), 1e-6) },
    );
  }

  // The World Bank's July 2026 vintage of current-dollar GDP (byte-exact download), read by the
  // same importer as a user's file: 2025 observed, the year after the constant-price history.
  const fWb = 'API_NY.GDP.MKTP.CD_DS2_en_csv_v2_234.csv';
  const wb = worldBankFromBytes(readFileSync(path(fWb)), fWb);
  if (wb.source.id !== 'wdi-2026-07') throw new Error(`${fWb}: edition ${wb.source.id}, expected wdi-2026-07`);
  const wbSeries = wb.series.filter((x) => actors.has(x.iso3) && x.indicator === 'gdp_usd_current');

  const fFas = 'nuclear_warheads_fas.csv';
  for (const r of readCsv(path(fFas))) {
    if (!countries.some((c) => c.iso3 === r.iso3)) continue;
    out.add(
      {
        iso3: r.iso3 as string,
        indicator: r.indicator as Indicator,
        unit: 'warheads',
        source: 'fas-2023',
        ...(r.iso3 === 'RUS' ? { breaks: [USSR_BREAK] } : {}),
      },
      { year: num(fFas, r, 'year'), value: num(fFas, r, 'value') },
    );
  }

  // FAS, early 2026: one year of stockpiles, retired warheads and inventories, its own edition.
  const fFas26 = 'nuclear_warheads_2026.csv';
  const fas26: Record<string, Indicator> = {
    military_stockpile: 'warheads_stockpile',
    retired_awaiting_dismantlement: 'warheads_retired',
    total_inventory: 'warheads_total_inventory',
  };
  for (const r of readCsv(path(fFas26))) {
    if (!countries.some((c) => c.iso3 === r.iso3)) continue;
    if (r.as_of !== 'early 2026') throw new Error(`${fFas26}: ${r.iso3} is "${r.as_of}", expected "early 2026"`);
    for (const [column, indicator] of Object.entries(fas26))
      out.add(
        { iso3: r.iso3 as string, indicator, unit: 'warheads', source: 'fas-2026' },
        { year: 2026, value: num(fFas26, r, column) },
      );
  }

  const series = [...out.series(), ...wbSeries];

  // SIPRI's April 2026 release, 2025 shares of GDP: each extends the 2025 release's series of the
  // same country by its last year, as a series of its own (`sipri-2026`) that records per value the
  // edition it comes from — never a silent splice. Countries without a 2025-release share series
  // (Iceland: no armed forces) are left out.
  const f26s = 'sipri_milex_subset_2026release.csv';
  for (const r of readCsv(path(f26s))) {
    if (r.indicator !== 'milex_share_gdp') throw new Error(`${f26s}: unexpected indicator "${r.indicator}"`);
    const old = series.find((x) => x.iso3 === r.iso3 && x.indicator === 'milex_share_gdp' && x.source === 'sipri-2025');
    if (old === undefined) continue;
    const year = num(f26s, r, 'year');
    const last = old.firstYear + old.values.length - 1;
    if (year !== last + 1)
      throw new Error(`${f26s}: ${r.iso3} ${year} does not follow the 2025 release's last year ${last}`);
    series.push({
      ...old,
      source: 'sipri-2026',
      values: [...old.values, num(f26s, r, 'value')],
      flags: `${old.flags}.`,
      editions: [...old.values.map((v) => (v === null ? null : 'sipri-2025')), 'sipri-2026'],
    });
  }

  const fittedFile = path('fitted.json');
  const fitted = existsSync(fittedFile) ? (JSON.parse(readFileSync(fittedFile, 'utf8')) as FittedDefaults) : undefined;
  return {
    version: 1,
    sources: EMBEDDED_SOURCES,
    countries,
    accessions,
    series,
    ...(fitted ? { fitted } : {}),
  };
}
