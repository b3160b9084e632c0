import { describe, expect, it } from 'vitest';
import { haguePath } from '../../../src/core/analyze/hague-path.js';
import { gdpPath } from '../../../src/core/data/gdp-path.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

const dataset = loadDataset();
const path = haguePath(dataset);

describe('haguePath', () => {
  it('starts each ally at its latest NATO figure and reaches 3.5 % in 2035', () => {
    const pol = path.rows.find((r) => r.iso3 === 'POL');
    expect(pol).toMatchObject({ startYear: 2025, startPct: 4.48, startFlag: 'e' });
    const ita = path.rows.find((r) => r.iso3 === 'ITA');
    expect(ita?.startYear).toBe(2024);
    expect(ita?.pathPct[0]).toBe(ita?.startPct);
    expect(ita?.pathPct.at(-1)).toBeCloseTo(3.5, 12);
    expect(ita?.pathPct).toHaveLength(2035 - 2024 + 1);
  });

  it('holds allies already above the target: no extra spending', () => {
    const pol = path.rows.find((r) => r.iso3 === 'POL');
    expect(pol?.cumulativeUsdM).toBe(0);
    expect(pol?.pathPct.every((p) => p === 4.48)).toBe(true);
  });

  it('prices the extra burden on projected real GDP, year by year', () => {
    const ita = path.rows.find((r) => r.iso3 === 'ITA');
    if (ita === undefined) throw new Error('no Italy');
    const gdp = gdpPath(dataset, 'ITA');
    const start = ita.startPct;
    let sum = 0;
    for (let y = 2024; y <= 2035; y++) {
      const pct = start + ((3.5 - start) * (y - 2024)) / 11;
      sum += ((pct - start) / 100) * (gdp.at(y) as number);
    }
    expect(ita.cumulativeUsdM).toBeCloseTo(sum, 6);
    expect(ita.cumulativeReferenceUsdM).toBeGreaterThan(ita.cumulativeUsdM);
    expect(path.totalCumulativeUsdM).toBeCloseTo(
      path.rows.reduce((a, r) => a + r.cumulativeUsdM, 0),
      3,
    );
    expect(path.missing).toEqual(['ISL']);
  });
});
