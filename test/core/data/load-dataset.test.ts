import { describe, expect, it } from 'vitest';
import { OTHER_ACTORS } from '../../../src/core/data/actors.js';
import { lastYear, observations } from '../../../src/core/data/dataset.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

const dataset = loadDataset();
const DEFAULT_ACTORS = [...dataset.allies(), 'RUS', 'BLR', 'UKR'];

describe('loadDataset', () => {
  it('has the 32 allies and every other actor with a capital and borders', () => {
    expect(dataset.allies()).toHaveLength(32);
    for (const iso3 of [...dataset.allies(), ...OTHER_ACTORS]) {
      const c = dataset.country(iso3);
      expect(c, iso3).toBeDefined();
      expect(Number.isFinite(c?.capital?.lat), iso3).toBe(true);
      expect(Number.isFinite(c?.capital?.lon), iso3).toBe(true);
    }
    expect(dataset.country('RUS')?.borders).toEqual(
      expect.arrayContaining(['UKR', 'FIN', 'EST', 'LVA', 'LTU', 'POL', 'NOR', 'BLR']),
    );
  });

  it('gives every default actor real GDP and SIPRI burden series', () => {
    for (const iso3 of DEFAULT_ACTORS) {
      expect(dataset.series(iso3, 'gdp_usd_constant', 'wdi-2026-02'), iso3).toBeDefined();
      expect(dataset.series(iso3, 'gdp_usd_current', 'imf-weo-2025-10'), iso3).toBeDefined();
      if (iso3 !== 'ISL') expect(dataset.series(iso3, 'milex_share_gdp', 'sipri-2025'), iso3).toBeDefined();
    }
  });

  it('gives every ally but Iceland NATO figures in both editions', () => {
    for (const iso3 of dataset.allies()) {
      const has = dataset.series(iso3, 'milex_share_gdp', 'nato-2025') !== undefined;
      expect(has, iso3).toBe(iso3 !== 'ISL');
      expect(dataset.series(iso3, 'milex_share_gdp', 'nato-2024') !== undefined, iso3).toBe(iso3 !== 'ISL');
    }
  });

  it('holds no NaN or infinite value where a figure exists, and one flag per value', () => {
    for (const s of dataset.data.series) {
      expect(s.flags).toHaveLength(s.values.length);
      for (const v of s.values)
        if (v !== null) expect(Number.isFinite(v), `${s.iso3} ${s.indicator} ${s.source}`).toBe(true);
      expect(s.values[0], `${s.iso3} ${s.indicator} ${s.source} starts with a figure`).not.toBeNull();
    }
  });

  it('keeps NATO estimates marked (2024e, 2025e) and projections marked', () => {
    expect(dataset.observation('POL', 'milex_share_gdp', 'nato-2025', 2023)?.flag).toBe('.');
    expect(dataset.observation('POL', 'milex_share_gdp', 'nato-2025', 2024)?.flag).toBe('e');
    expect(dataset.observation('POL', 'milex_share_gdp', 'nato-2025', 2025)).toEqual({
      year: 2025,
      value: 4.48,
      flag: 'e',
    });
    expect(dataset.observation('POL', 'milex_share_gdp', 'nato-2024', 2023)?.flag).toBe('e');
    expect(dataset.observation('RUS', 'milex_share_gdp', 'sipri-2025', 2024)?.flag).toBe('e');
    expect(dataset.observation('DEU', 'gdp_usd_current', 'imf-weo-2025-10', 2030)?.flag).toBe('p');
    expect(dataset.observation('DEU', 'gdp_usd_current', 'imf-weo-2025-10', 2023)?.flag).toBe('.');
  });

  it('keeps press-quoted figures in their own source with flag s and URLs', () => {
    const nor = dataset.series('NOR', 'milex_share_gdp', 'nato-2025-press');
    expect(nor?.urls?.[0]).toMatch(/^https:\/\//);
    expect(dataset.observation('NOR', 'milex_share_gdp', 'nato-2025-press', 2025)).toEqual({
      year: 2025,
      value: 3.35,
      flag: 's',
    });
    expect(dataset.source('nato-2025-press')?.secondary).toBe(true);
    expect(dataset.observation('NOR', 'milex_share_gdp', 'nato-2025', 2025)).toBeUndefined();
  });

  it('makes the USSR → Russia break explicit', () => {
    expect(dataset.country('SUN')?.dissolved).toEqual({ year: 1991, successor: 'RUS' });
    const rus = dataset.series('RUS', 'milex_usd_constant', 'sipri-2025');
    expect(rus?.firstYear).toBe(1992);
    expect(rus?.breaks?.[0]?.year).toBe(1992);
    const sun = dataset.series('SUN', 'milex_usd_constant', 'sipri-2025');
    expect(sun && lastYear(sun)).toBe(1990);
    expect(dataset.series('RUS', 'warheads_stockpile', 'fas-2023')?.breaks?.[0]?.year).toBe(1992);
  });

  it('returns missing as undefined, never zero', () => {
    expect(dataset.observation('ISL', 'milex_share_gdp', 'nato-2025', 2020)).toBeUndefined();
    expect(dataset.observation('FIN', 'milex_share_gdp', 'nato-2025', 2025)).toBeUndefined();
    expect(dataset.observation('POL', 'milex_share_gdp', 'nato-2025', 2013)).toBeUndefined();
    expect(dataset.observation('XXX', 'milex_share_gdp', 'nato-2025', 2020)).toBeUndefined();
  });

  it('carries nuclear inventories of the nine nuclear states', () => {
    const rus = dataset.series('RUS', 'warheads_stockpile', 'fas-2023');
    expect(rus && observations(rus).length).toBeGreaterThan(70);
    expect(dataset.observation('USA', 'warheads_total_inventory', 'fas-2023', 2023)?.value).toBeGreaterThan(0);
  });
});
