import { describe, expect, it } from 'vitest';
import { readPublishedFile } from '../../../src/node/import/index.js';
import { NATO_TWO_PERCENT_NOTE, readNatoXlsx } from '../../../src/node/import/nato-xlsx.js';
import { at, editWorkbook, NATO_2024, pick, rowOf, tempDir } from './helpers.js';

describe('readNatoXlsx on the 2024 TABLES excerpt (240617-def-exp-2024-TABLES-en.xlsx)', async () => {
  const e = await readNatoXlsx(NATO_2024);

  it('names the edition nato-2024 from the last header year', () => {
    expect(e.format).toBe('nato-xlsx');
    expect(e.source).toMatchObject({ id: 'nato-2024', publisher: 'NATO', released: 2024, edition: '2024' });
    expect(e.source.title).toContain('(2014-2024)');
    expect(e.warnings).toEqual([]);
  });

  it('reads TABLE3 shares as percent with 2023e/2024e flagged as estimates (reference values)', () => {
    const pol = pick(e.series, 'POL', 'milex_share_gdp');
    expect(pol.unit).toBe('pct_GDP');
    expect(pol.firstYear).toBe(2014);
    expect(pol.values.length).toBe(11);
    expect(at(pol, 2014)).toEqual({ value: 1.8752685360706713, flag: '.' });
    expect(at(pol, 2019).flag).toBe('.');
    expect(at(pol, 2023)).toEqual({ value: 3.260153162516579, flag: 'e' });
    expect(at(pol, 2024)).toEqual({ value: 4.120190989357147, flag: 'e' });
    expect(pol.flags).toBe('.........ee');
    expect(pol.note).toBe(NATO_TWO_PERCENT_NOTE);
    expect(pick(e.series, 'CAN', 'milex_share_gdp').note).toBeUndefined();
  });

  it('reads TABLE2 and TABLE5 blocks with the base year of the label', () => {
    expect(pick(e.series, 'POL', 'milex_usd_current')).toMatchObject({ unit: 'USD_m_current' });
    expect(at(pick(e.series, 'POL', 'milex_usd_current'), 2014).value).toBe(10106.656046142907);
    expect(at(pick(e.series, 'POL', 'milex_usd_constant'), 2024).value).toBe(26838.518139126078);
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2015');
    expect(at(pick(e.series, 'POL', 'gdp_usd_current'), 2014).value).toBe(538944.4685783407);
    expect(pick(e.series, 'POL', 'gdp_usd_constant').unit).toBe('USD_m_const2015');
    expect(at(pick(e.series, 'USA', 'milex_usd_current'), 2014).value).toBe(653942);
  });

  it('maps the labels (Türkiye, Czechia*, United States) and the two aggregates of column B', () => {
    const countries = new Set(e.series.map((s) => s.iso3));
    expect(countries).toEqual(new Set(['CAN', 'CZE', 'POL', 'TUR', 'USA', 'NATO_EUR_CAN', 'NATO_TOTAL']));
    expect(at(pick(e.series, 'NATO_TOTAL', 'milex_share_gdp'), 2024)).toEqual({ value: 2.712749728347316, flag: 'e' });
    expect(at(pick(e.series, 'NATO_EUR_CAN', 'milex_usd_current'), 2014).value).toBe(289275.5834091388);
    expect(e.series.length).toBe(7 * 5);
  });

  it('ignores the #REF! cells of TABLE1, a table it does not read', async () => {
    const d = await readPublishedFile(NATO_2024);
    expect(d.format).toBe('nato-xlsx');
    expect(d.series).toEqual(e.series);
  });
});

describe('readNatoXlsx on variants', () => {
  const dir = tempDir();

  it('takes the constant-price base year from the block label', async () => {
    const f = await editWorkbook(NATO_2024, dir, 'base-2021.xlsx', (wb) => {
      const ws = wb.getWorksheet('TABLE2');
      if (ws === undefined) throw new Error('no TABLE2');
      ws.getCell(rowOf(ws, 'Constant 2015 prices and exchange rates', 2), 2).value =
        'Constant 2021 prices and exchange rates';
    });
    const e = await readNatoXlsx(f);
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2021');
    expect(pick(e.series, 'POL', 'gdp_usd_constant').unit).toBe('USD_m_const2015');
  });
});
