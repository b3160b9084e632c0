import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { OTHER_ACTORS } from '../../../src/core/data/actors.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

// The compact build bundled by the core must say what the CSV files in data/ say: every row of
// the files it draws on, read here independently of the build script, is found in the dataset
// with the same value (after the documented unit conversion) and the same estimate marker.
const dataset = loadDataset();
const rows = (file: string) =>
  parse(readFileSync(join(import.meta.dirname, '../../../data', file), 'utf8'), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
const actors = new Set([...dataset.allies(), ...OTHER_ACTORS, 'NATO_EUR_CAN', 'NATO_TOTAL']);

function expectValue(
  iso3: string,
  indicator: Parameters<typeof dataset.observation>[1],
  source: string,
  year: number,
  value: number,
  flag: string,
) {
  const o = dataset.observation(iso3, indicator, source, year);
  expect(o, `${iso3} ${indicator} ${source} ${year}`).toBeDefined();
  expect(Math.abs((o?.value ?? 0) - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-12 + 1e-6);
  expect(o?.flag, `${iso3} ${indicator} ${source} ${year} flag`).toBe(flag);
}

describe('embedded dataset agrees with data/', () => {
  it('NATO 2025 edition, every row', () => {
    const r = rows('nato_defexp_share_gdp_2025ed.csv');
    expect(r).toHaveLength(369);
    for (const x of r)
      expectValue(
        x.iso3 as string,
        'milex_share_gdp',
        'nato-2025',
        Number(x.year),
        Number(x.value),
        x.is_estimate === 'true' ? 'e' : '.',
      );
  });

  it('NATO 2026 edition (core defence), every row of its three measures', () => {
    const map: Record<string, Parameters<typeof dataset.observation>[1]> = {
      core_defexp_share_gdp: 'milex_share_gdp',
      core_defexp_usd_current: 'milex_usd_current',
      core_defexp_usd_const2021: 'milex_usd_constant',
    };
    const r = rows('nato_core_defexp_2026ed.csv');
    expect(r).toHaveLength(1287);
    for (const x of r)
      expectValue(
        x.iso3 as string,
        map[x.indicator as string] as Parameters<typeof dataset.observation>[1],
        'nato-2026',
        Number(x.year),
        Number(x.value),
        x.is_estimate === 'true' ? 'e' : '.',
      );
    expect(dataset.series('POL', 'milex_usd_constant', 'nato-2026')?.unit).toBe('USD_m_const2021');
  });

  it('FAS 2026 nuclear forces, every country row and column', () => {
    const cols = {
      military_stockpile: 'warheads_stockpile',
      retired_awaiting_dismantlement: 'warheads_retired',
      total_inventory: 'warheads_total_inventory',
    } as const;
    let n = 0;
    for (const x of rows('nuclear_warheads_2026.csv')) {
      if (dataset.country(x.iso3 as string) === undefined) continue;
      for (const [column, indicator] of Object.entries(cols)) {
        expectValue(x.iso3 as string, indicator, 'fas-2026', 2026, Number(x[column]), '.');
        n++;
      }
    }
    expect(n).toBe(27);
  });

  it('NATO 2025 press figures, every row', () => {
    for (const x of rows('nato_defexp_share_gdp_2025e_press.csv')) {
      expectValue(x.iso3 as string, 'milex_share_gdp', 'nato-2025-press', Number(x.year), Number(x.value), 's');
    }
  });

  it('NATO 2024 edition, the five indicators used', () => {
    const map: Record<string, Parameters<typeof dataset.observation>[1]> = {
      defexp_share_gdp: 'milex_share_gdp',
      defexp_usd_current: 'milex_usd_current',
      defexp_usd_const2015: 'milex_usd_constant',
      gdp_usd_current: 'gdp_usd_current',
      gdp_usd_const2015: 'gdp_usd_constant',
    };
    let n = 0;
    for (const x of rows('nato_defexp_2024ed.csv')) {
      const ind = map[x.indicator as string];
      if (ind === undefined || !actors.has(x.iso3 as string)) continue;
      expectValue(
        x.iso3 as string,
        ind,
        'nato-2024',
        Number(x.year),
        Number(x.value),
        x.is_estimate === 'true' ? 'e' : '.',
      );
      n++;
    }
    expect(n).toBeGreaterThan(1800);
  });

  it('SIPRI 2025 subset, every row', () => {
    const map: Record<string, Parameters<typeof dataset.observation>[1]> = {
      milex_share_gdp: 'milex_share_gdp',
      milex_usd_const2023: 'milex_usd_constant',
      milex_usd_current: 'milex_usd_current',
    };
    const r = rows('sipri_milex_subset_2025release.csv');
    expect(r).toHaveLength(3021);
    for (const x of r) {
      expectValue(
        x.iso3 as string,
        map[x.indicator as string] ?? 'milex_share_gdp',
        'sipri-2025',
        Number(x.year),
        Number(x.value),
        x.sipri_flag === 'estimate' ? 'e' : x.sipri_flag === 'uncertain' ? 'u' : '.',
      );
    }
  });

  it('IMF GDP in US$ million and WDI real GDP in US$ million for every actor', () => {
    for (const x of rows('gdp_imf_weo_oct2025.csv')) {
      if (x.indicator !== 'gdp_usd_current' || !actors.has(x.iso3 as string)) continue;
      expectValue(
        x.iso3 as string,
        'gdp_usd_current',
        'imf-weo-2025-10',
        Number(x.year),
        Number(x.value) * 1000,
        x.is_projection === 'true' ? 'p' : '.',
      );
    }
    for (const x of rows('gdp_wdi_constant2015usd.csv')) {
      if (!actors.has(x.iso3 as string)) continue;
      expectValue(x.iso3 as string, 'gdp_usd_constant', 'wdi-2026-02', Number(x.year), Number(x.value) / 1e6, '.');
    }
  });

  it('land borders, every row of country_land_borders.csv and no other', () => {
    const r = rows('country_land_borders.csv');
    expect(r).toHaveLength(649);
    for (const x of r) {
      expect(dataset.country(x.iso3 as string)?.borders, `${x.iso3} → ${x.neighbour_iso3}`).toContain(x.neighbour_iso3);
    }
    const embedded = dataset.data.countries.reduce((n, c) => n + c.borders.length, 0);
    expect(embedded).toBe(r.length);
    expect(dataset.landNeighbours('RUS')).toEqual(r.filter((x) => x.iso3 === 'RUS').map((x) => x.neighbour_iso3));
  });

  it('has no series value that the files do not have', () => {
    // Count values: the dataset holds exactly as many figures as the rows it was built from.
    const counted = dataset.data.series
      .filter((s) => s.source === 'nato-2025' || s.source === 'sipri-2025')
      .reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
    expect(counted).toBe(369 + 3021);
  });
});
