import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPublishedFile } from '../../../src/node/import/index.js';
import { readWorldBankCsv } from '../../../src/node/import/worldbank-csv.js';
import { at, makeZip, pick, tempDir, WB_GDP, WB_MILEX } from './helpers.js';

describe('readWorldBankCsv on the military expenditure excerpt (API_MS.MIL.XPND.GD.ZS_DS2_en_csv_v2_211.csv)', async () => {
  const e = await readWorldBankCsv(WB_MILEX);

  it('names the edition from "Last Updated Date" 2026-02-24', () => {
    expect(e.format).toBe('worldbank-csv');
    expect(e.source).toMatchObject({
      id: 'wdi-2026-02',
      publisher: 'World Bank',
      edition: '2026-02-24',
      released: 2026,
    });
    expect(e.warnings).toEqual([]);
  });

  it('reads percent values as stored; the empty 2025 stays missing (reference values)', () => {
    const pol = pick(e.series, 'POL', 'milex_share_gdp');
    const rus = pick(e.series, 'RUS', 'milex_share_gdp');
    expect(pol.unit).toBe('pct_GDP');
    expect(at(pol, 2014)).toEqual({ value: 1.90822735552002, flag: '.' });
    expect(at(pol, 2024).value).toBe(4.15439387975356);
    expect(at(rus, 2014).value).toBe(4.11299297822323);
    expect(at(rus, 2024).value).toBe(7.05233864500366);
    expect(pol.firstYear + pol.values.length - 1).toBe(2024);
    expect(new Set(e.series.map((s) => s.iso3))).toEqual(new Set(['POL', 'RUS', 'USA', 'UKR', 'WLD']));
  });
});

describe('readWorldBankCsv on the GDP excerpt (API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv)', async () => {
  const e = await readWorldBankCsv(WB_GDP);

  it('converts US$ to million US$ (reference values)', () => {
    expect(e.source.id).toBe('wdi-2024-10');
    const pol = pick(e.series, 'POL', 'gdp_usd_current');
    expect(pol.unit).toBe('USD_m_current');
    expect(at(pol, 2014).value).toBeCloseTo(539080.475073719, 5);
    expect(at(pol, 2023).value).toBeCloseTo(811229.100687566, 5);
    expect(at(pick(e.series, 'RUS', 'gdp_usd_current'), 2014).value).toBeCloseTo(2059241.58989501, 5);
    expect(at(pick(e.series, 'RUS', 'gdp_usd_current'), 2023).value).toBeCloseTo(2021421.47603542, 5);
  });
});

describe('readWorldBankCsv variants', () => {
  const dir = tempDir();

  it('reads the zip as downloaded, and the constant-price GDP code', async () => {
    const text = readFileSync(WB_GDP);
    const kd = Buffer.from(
      text
        .toString('utf8')
        .replaceAll('"GDP (current US$)","NY.GDP.MKTP.CD"', '"GDP (constant 2015 US$)","NY.GDP.MKTP.KD"'),
    );
    const zip = join(dir, 'API_NY.GDP.MKTP.KD_DS2_en_csv_v2_1.zip');
    writeFileSync(
      zip,
      makeZip({
        'Metadata_Indicator_API_NY.GDP.MKTP.KD_DS2_en_csv_v2_1.csv': Buffer.from('"INDICATOR_CODE"\r\n'),
        'API_NY.GDP.MKTP.KD_DS2_en_csv_v2_1.csv': kd,
      }),
    );
    const e = await readPublishedFile(zip);
    expect(e.format).toBe('worldbank-csv');
    const pol = pick(e.series, 'POL', 'gdp_usd_constant');
    expect(pol.unit).toBe('USD_m_const2015');
    expect(at(pol, 2014).value).toBeCloseTo(539080.475073719, 5);
  });
});
