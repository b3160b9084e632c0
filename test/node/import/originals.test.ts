/**
 * The importers on the publishers' complete original files. Runs only when ARMSRACE_ORIGINALS names the folder
 * that holds `sipri/`, `nato/` and `worldbank/` with the files as distributed; the values are the reference
 * table of that folder's README.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedEdition } from '../../../src/node/import/index.js';
import { readPublishedFile } from '../../../src/node/import/index.js';
import { at, pick } from './helpers.js';

const ORIGINALS = process.env.ARMSRACE_ORIGINALS;
const file = (...parts: string[]) => join(ORIGINALS ?? '', ...parts);

/** Share of GDP in percent from SIPRI's stored fraction. */
const pct = (fraction: number) => fraction * 100;

function share(e: ImportedEdition, iso3: string, year: number) {
  return at(pick(e.series, iso3, 'milex_share_gdp'), year);
}

describe.runIf(ORIGINALS !== undefined && ORIGINALS !== '')('importers on the original files', () => {
  it('SIPRI-Milex-data-1949-2024_2.xlsx (2025 release)', async () => {
    const e = await readPublishedFile(file('sipri', 'SIPRI-Milex-data-1949-2024_2.xlsx'));
    expect(e.format).toBe('sipri-xlsx');
    expect(e.source.id).toBe('sipri-2025');
    expect(e.warnings).toEqual([]);
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2023');
    expect(share(e, 'POL', 2014)).toEqual({ value: pct(0.019082273555200167), flag: '.' });
    expect(share(e, 'POL', 2024)).toEqual({ value: pct(0.041543938797535616), flag: '.' });
    expect(share(e, 'RUS', 2014)).toEqual({ value: pct(0.04112992978223226), flag: '.' });
    expect(share(e, 'RUS', 2024)).toEqual({ value: pct(0.07052338645003664), flag: 'e' });
    expect(share(e, 'RUS', 2022).value).toBeCloseTo(4.61, 2);
    expect(pick(e.series, 'RUS', 'milex_share_gdp').breaks?.[0]?.year).toBe(1992);
    for (const iso3 of ['SUN', 'YAR', 'DDR', 'CSK', 'YUG', 'XKX', 'KOR', 'COD', 'TUR', 'CZE', 'MKD']) {
      expect(
        e.series.some((s) => s.iso3 === iso3),
        iso3,
      ).toBe(true);
    }
  });

  it('SIPRI-Milex-data-1948-2023.xlsx (2024 release)', async () => {
    const e = await readPublishedFile(file('sipri', 'SIPRI-Milex-data-1948-2023.xlsx'));
    expect(e.source.id).toBe('sipri-2024');
    expect(e.warnings).toEqual([]);
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2022');
    expect(share(e, 'POL', 2014).value).toBe(pct(0.019190367598285733));
    expect(share(e, 'POL', 2023)).toEqual({ value: pct(0.03832728538982234), flag: '.' });
    expect(share(e, 'RUS', 2014).value).toBe(pct(0.04112992978223226));
    expect(share(e, 'RUS', 2023)).toEqual({ value: pct(0.05864188872292315), flag: 'e' });
    expect(share(e, 'RUS', 2022).value).toBeCloseTo(4.69, 2);
    expect(pick(e.series, 'POL', 'milex_share_gdp').note).toBeUndefined();
  });

  it('SIPRI-Milex-data-1949-2022.xlsx (2023 release, float years)', async () => {
    const e = await readPublishedFile(file('sipri', 'SIPRI-Milex-data-1949-2022.xlsx'));
    expect(e.source.id).toBe('sipri-2023');
    expect(e.warnings).toEqual([]);
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2021');
    expect(share(e, 'POL', 2014).value).toBe(pct(0.019190367598285733));
    expect(share(e, 'POL', 2022)).toEqual({ value: pct(0.023885118883061843), flag: '.' });
    expect(share(e, 'RUS', 2014).value).toBe(pct(0.04112992978223226));
    expect(share(e, 'RUS', 2022)).toEqual({ value: pct(0.040563163324671685), flag: 'u' });
  });

  it('SIPRI-Milex-data-2017-2025.xlsx (web export, last year 2024)', async () => {
    const e = await readPublishedFile(file('sipri', 'SIPRI-Milex-data-2017-2025.xlsx'));
    expect(e.source.id).toBe('sipri-2026');
    expect(e.warnings).toEqual([]);
    const pol = pick(e.series, 'POL', 'milex_share_gdp');
    expect(pol.firstYear).toBe(2017);
    expect(pol.firstYear + pol.values.length - 1).toBe(2024);
    expect(share(e, 'POL', 2017).value).toBe(pct(0.018882872704618706));
    expect(share(e, 'POL', 2024).value).toBe(pct(0.041543938797535616));
    expect(share(e, 'RUS', 2017).value).toBe(pct(0.042489960517394815));
    expect(share(e, 'RUS', 2024)).toEqual({ value: pct(0.07052338645003664), flag: 'e' });
  });

  it('240617-def-exp-2024-TABLES-en.xlsx (NATO 2024)', async () => {
    const e = await readPublishedFile(file('nato', '240617-def-exp-2024-TABLES-en.xlsx'));
    expect(e.format).toBe('nato-xlsx');
    expect(e.source.id).toBe('nato-2024');
    expect(e.warnings).toEqual([]);
    expect(share(e, 'POL', 2014)).toEqual({ value: 1.8752685360706713, flag: '.' });
    expect(share(e, 'POL', 2023)).toEqual({ value: 3.260153162516579, flag: 'e' });
    expect(share(e, 'POL', 2024)).toEqual({ value: 4.120190989357147, flag: 'e' });
    expect(e.series.some((s) => s.iso3 === 'RUS')).toBe(false);
    // 32 allies in TABLE3 + 2 aggregates; Iceland only in TABLE5
    expect(e.series.filter((s) => s.indicator === 'milex_share_gdp').length).toBe(33);
    expect(e.series.filter((s) => s.indicator === 'gdp_usd_current').length).toBe(34);
  });

  it('API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.csv (World Bank, 2026-02-24)', async () => {
    const e = await readPublishedFile(file('worldbank', 'API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.csv'));
    expect(e.format).toBe('worldbank-csv');
    expect(e.source.id).toBe('wdi-2026-02');
    expect(share(e, 'POL', 2014).value).toBe(1.90822735552002);
    expect(share(e, 'POL', 2024).value).toBe(4.15439387975356);
    expect(share(e, 'POL', 2025).value).toBeUndefined();
    expect(share(e, 'RUS', 2014).value).toBe(4.11299297822323);
    expect(share(e, 'RUS', 2024).value).toBe(7.05233864500366);
    expect(e.series.filter((s) => s.firstYear + s.values.length - 1 === 2024).length).toBe(193);
  });

  it('API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv and its .zip (World Bank, 2024-10-24)', async () => {
    for (const name of ['API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv', 'API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.zip']) {
      const e = await readPublishedFile(file('worldbank', name));
      expect(e.source.id).toBe('wdi-2024-10');
      const gdp = (iso3: string, year: number) => at(pick(e.series, iso3, 'gdp_usd_current'), year).value;
      expect(gdp('POL', 2014)).toBeCloseTo(539080.475073719, 5);
      expect(gdp('POL', 2023)).toBeCloseTo(811229.100687566, 5);
      expect(gdp('RUS', 2014)).toBeCloseTo(2059241.58989501, 5);
      expect(gdp('RUS', 2023)).toBeCloseTo(2021421.47603542, 5);
      expect(e.series.filter((s) => s.firstYear + s.values.length - 1 === 2023).length).toBe(233);
    }
  });

  it('API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.zip (World Bank, as downloaded)', async () => {
    const e = await readPublishedFile(file('worldbank', 'API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.zip'));
    expect(e.source.id).toBe('wdi-2026-02');
    expect(share(e, 'POL', 2024).value).toBe(4.15439387975356);
  });
});
