import { describe, expect, it } from 'vitest';
import { haguePath } from '../../../src/core/analyze/hague-path.js';
import { gdpPath } from '../../../src/core/data/gdp-path.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

const dataset = loadDataset();
const path = haguePath(dataset);

describe('haguePath', () => {
  it("starts each ally at its latest NATO figure (the 2026 edition's 2026e) and reaches 3.5 % in 2035", () => {
    expect(path.edition).toBe('2026');
    expect(path.basis).toMatch(/^core defence/);
    const pol = path.rows.find((r) => r.iso3 === 'POL');
    expect(pol).toMatchObject({ startYear: 2026, startPct: 4.68, startFlag: 'e' });
    const ita = path.rows.find((r) => r.iso3 === 'ITA');
    expect(ita?.startYear).toBe(2026);
    expect(ita?.pathPct[0]).toBe(ita?.startPct);
    expect(ita?.pathPct.at(-1)).toBeCloseTo(3.5, 12);
    expect(ita?.pathPct).toHaveLength(2035 - 2026 + 1);
    // The 2025 edition still starts Italy from its last actual figure, 2024.
    expect(haguePath(dataset, { edition: '2025' }).rows.find((r) => r.iso3 === 'ITA')?.startYear).toBe(2024);
  });

  it('holds allies already above the target: no extra spending', () => {
    const pol = path.rows.find((r) => r.iso3 === 'POL');
    expect(pol?.cumulativeUsdM).toBe(0);
    expect(pol?.pathPct.every((p) => p === 4.68)).toBe(true);
  });

  it('prices the extra burden on projected real GDP, year by year', () => {
    const ita = path.rows.find((r) => r.iso3 === 'ITA');
    if (ita === undefined) throw new Error('no Italy');
    const gdp = gdpPath(dataset, 'ITA');
    const start = ita.startPct;
    let sum = 0;
    for (let y = 2026; y <= 2035; y++) {
      const pct = start + ((3.5 - start) * (y - 2026)) / 9;
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
