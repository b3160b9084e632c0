import { describe, expect, it } from 'vitest';
import { readPublishedFile } from '../../../src/node/import/index.js';
import { readSipriXlsx } from '../../../src/node/import/sipri-xlsx.js';
import { at, editWorkbook, pick, rowOf, SIPRI_2023, SIPRI_2025, SIPRI_WEB, tempDir } from './helpers.js';

const BREAK = [{ year: 1992, note: 'USSR until 1991 (dissolved 26 December 1991), Russian Federation from 1992' }];

describe('readSipriXlsx on the 2025 release excerpt (SIPRI-Milex-data-1949-2024_2.xlsx)', async () => {
  const e = await readSipriXlsx(SIPRI_2025);

  it('names the edition sipri-2025 from the sheet "Constant (2023) US$"', () => {
    expect(e.format).toBe('sipri-xlsx');
    expect(e.source).toMatchObject({
      id: 'sipri-2025',
      publisher: 'SIPRI',
      edition: '2025',
      released: 2025,
      citation: 'SIPRI Military Expenditure Database 2025, https://www.sipri.org/databases/milex',
    });
    expect(e.warnings).toEqual([]);
    expect(new Set(e.series.map((s) => s.source))).toEqual(new Set(['sipri-2025']));
  });

  it('turns the share of GDP from a fraction into percent (reference values of the originals README)', () => {
    const pol = pick(e.series, 'POL', 'milex_share_gdp');
    const rus = pick(e.series, 'RUS', 'milex_share_gdp');
    expect(pol.unit).toBe('pct_GDP');
    expect(at(pol, 2014)).toEqual({ value: 0.019082273555200167 * 100, flag: '.' });
    expect(at(pol, 2024)).toEqual({ value: 0.041543938797535616 * 100, flag: '.' });
    expect(at(rus, 2014)).toEqual({ value: 0.04112992978223226 * 100, flag: '.' });
    expect(at(rus, 2024)).toEqual({ value: 0.07052338645003664 * 100, flag: 'e' });
    expect(rus.flags.slice(2022 - rus.firstYear)).toBe('eee');
  });

  it('reads the units of the constant and current sheets', () => {
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2023');
    expect(pick(e.series, 'POL', 'milex_usd_current').unit).toBe('USD_m_current');
    expect(at(pick(e.series, 'RUS', 'milex_usd_constant'), 2024)).toEqual({ value: 150533.99675193994, flag: 'e' });
    expect(at(pick(e.series, 'POL', 'milex_usd_current'), 2024).value).toBe(38000.72865237);
  });

  it('keeps "..." and "xxx" missing: the USSR ends before 1992, Russia starts in 1992 and Iceland has no share', () => {
    const sun = pick(e.series, 'SUN', 'milex_usd_constant');
    expect(sun.firstYear).toBe(1988);
    // 1988–1990 figures, 1991 "...", "xxx" from 1992 on
    expect(sun.values).toEqual([282701.387081268, 262132.32390179703, 221760.29946222797]);
    expect(sun.flags).toBe('eee');
    expect(sun.breaks).toBeUndefined();
    expect(e.series.some((s) => s.iso3 === 'SUN' && s.indicator === 'milex_share_gdp')).toBe(false);
    const rus = pick(e.series, 'RUS', 'milex_usd_constant');
    expect(rus.firstYear).toBe(1992);
    expect(rus.values[0]).toBe(47565.80149415327);
    expect(e.series.some((s) => s.iso3 === 'ISL' && s.indicator === 'milex_share_gdp')).toBe(false);
    expect(pick(e.series, 'ISL', 'milex_usd_current').values.every((v) => v === 0)).toBe(true);
    for (const s of e.series) expect(s.values.length).toBe(s.flags.length);
  });

  it('gives every Russian series the USSR break and carries the notes markers', () => {
    for (const s of e.series.filter((x) => x.iso3 === 'RUS')) expect(s.breaks).toEqual(BREAK);
    expect(pick(e.series, 'POL', 'milex_share_gdp').note).toBe('SIPRI notes 78');
    expect(pick(e.series, 'RUS', 'milex_share_gdp').note).toBe('SIPRI notes 83');
  });

  it('is detected by readPublishedFile', async () => {
    const d = await readPublishedFile(SIPRI_2025);
    expect(d.format).toBe('sipri-xlsx');
    expect(d.series).toEqual(e.series);
  });
});

describe('readSipriXlsx on the 2023 release excerpt (SIPRI-Milex-data-1949-2022.xlsx)', async () => {
  const e = await readSipriXlsx(SIPRI_2023);

  it('names it sipri-2023 and flags Russia 2022 red as highly uncertain', () => {
    expect(e.source.id).toBe('sipri-2023');
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2021');
    expect(at(pick(e.series, 'POL', 'milex_share_gdp'), 2014).value).toBe(0.019190367598285733 * 100);
    expect(at(pick(e.series, 'POL', 'milex_share_gdp'), 2022).value).toBe(0.023885118883061843 * 100);
    expect(at(pick(e.series, 'RUS', 'milex_share_gdp'), 2022)).toEqual({
      value: 0.040563163324671685 * 100,
      flag: 'u',
    });
  });
});

describe('readSipriXlsx on the web-export layout (SIPRI-Milex-data-2017-2025.xlsx)', async () => {
  const e = await readSipriXlsx(SIPRI_WEB);

  it('names it from "Constant (2024) US$" and reads 2017–2024', () => {
    expect(e.source.id).toBe('sipri-2026');
    const pol = pick(e.series, 'POL', 'milex_share_gdp');
    expect(pol.firstYear).toBe(2017);
    expect(pol.values.length).toBe(8);
    expect(at(pol, 2017).value).toBe(0.018882872704618706 * 100);
    expect(at(pol, 2024).value).toBe(0.041543938797535616 * 100);
    expect(at(pick(e.series, 'RUS', 'milex_share_gdp'), 2017).value).toBe(0.042489960517394815 * 100);
    expect(at(pick(e.series, 'RUS', 'milex_share_gdp'), 2024)).toEqual({ value: 0.07052338645003664 * 100, flag: 'e' });
    expect(pick(e.series, 'POL', 'milex_usd_constant').unit).toBe('USD_m_const2024');
    expect(pol.note).toBe('SIPRI notes 14');
  });
});

describe('readSipriXlsx on variants', () => {
  const dir = tempDir();

  it('warns about an unknown country with data and reads the rest', async () => {
    const f = await editWorkbook(SIPRI_2025, dir, 'unknown-country.xlsx', (wb) => {
      for (const ws of wb.worksheets) {
        const v = ws.getCell('A1').value;
        if (v === null) continue;
        try {
          ws.getCell(rowOf(ws, 'Iceland'), 1).value = 'Atlantis';
        } catch {
          // a sheet without country rows
        }
      }
    });
    const e = await readSipriXlsx(f);
    expect(e.warnings.length).toBe(1);
    expect(e.warnings[0]).toMatch(/unknown-country\.xlsx!Share of GDP:R\d+: country "Atlantis" is not known/);
    expect(e.series.some((s) => s.iso3 === 'ISL')).toBe(false);
    expect(e.series.some((s) => s.iso3 === 'POL')).toBe(true);
  });

  it('reads years written as text and finds a header row that moved down', async () => {
    const f = await editWorkbook(SIPRI_2025, dir, 'moved-header.xlsx', (wb) => {
      const ws = wb.getWorksheet('Share of GDP');
      if (ws === undefined) throw new Error('no sheet');
      ws.spliceRows(2, 0, ['inserted title line']);
      const header = rowOf(ws, 'Country');
      ws.getRow(header).eachCell((cell) => {
        if (typeof cell.value === 'number') cell.value = String(cell.value);
      });
    });
    const e = await readSipriXlsx(f);
    expect(at(pick(e.series, 'POL', 'milex_share_gdp'), 2014).value).toBe(0.019082273555200167 * 100);
  });
});
