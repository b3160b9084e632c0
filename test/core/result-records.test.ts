import { describe, expect, it } from 'vitest';
import { CSV_DECIMALS, roundSignificant, roundTo } from '../../src/core/csv-precision.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { resultRecords } from '../../src/core/result-records.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';

const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

describe('CSV precision', () => {
  it('rounds away float noise and negative zero', () => {
    expect(roundTo(3.5000000000000004, CSV_DECIMALS.percent)).toBe(3.5);
    expect(String(roundTo(-0.49999999999999956, CSV_DECIMALS.percent))).toBe('-0.5');
    expect(Object.is(roundTo(-0.00001, CSV_DECIMALS.percent), 0)).toBe(true);
    expect(roundTo(1254443.6357335749, CSV_DECIMALS.money)).toBe(1254443.6);
    expect(roundTo(null, 4)).toBeNull();
    expect(roundTo(Number.NaN, 4)).toBeNull();
    expect(roundSignificant(44.28571428571429)).toBe(44.2857);
  });
});

describe('resultRecords: the rows of results.csv and of the page download', () => {
  const result = simulate(parseScenario('end: 2030'), loadDataset());
  const records = resultRecords(result);
  const find = (entity: string, variable: string, year: number) =>
    records.find((r) => r.entity === entity && r.variable === variable && r.year === year);

  it('gives burdens in percent of GDP, as the page shows them, to 4 decimals', () => {
    const pol = result.actors.find((a) => a.iso3 === 'POL');
    const row = find('POL', 'burden', 2027);
    expect(row?.unit).toBe('pct_GDP');
    expect(row?.value).toBe(Number((100 * (pol?.burden[2] as number)).toFixed(4)));
    expect(row?.value).toBeGreaterThan(2);
    expect(find('NATO', 'burden', 2027)?.unit).toBe('pct_GDP');
  });

  it('writes no number with more decimals than its unit allows', () => {
    const allowed: Record<string, number> = {
      pct_GDP: CSV_DECIMALS.percent,
      pct_per_year: CSV_DECIMALS.percent,
      USD_m_const2015: CSV_DECIMALS.money,
      USD_m_const2015_weighted: CSV_DECIMALS.money,
      ratio: CSV_DECIMALS.ratio,
      allies: CSV_DECIMALS.count,
    };
    for (const r of records) {
      expect(Object.keys(allowed)).toContain(r.unit);
      if (r.value !== null)
        expect(decimals(r.value), `${r.entity} ${r.variable} ${r.year}`).toBeLessThanOrEqual(allowed[r.unit] as number);
    }
    expect(find('indicator', 'alliesAt2', 2029)?.value).toBe(result.indicators.alliesAt2[4]);
    expect(find('indicator', 'raceIntensity', 2025)?.value).toBeNull();
  });
});
