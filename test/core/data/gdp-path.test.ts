import { describe, expect, it } from 'vitest';
import { gdpPath } from '../../../src/core/data/gdp-path.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { InputError } from '../../../src/core/errors.js';

const dataset = loadDataset();

describe('gdpPath', () => {
  it('returns the World Bank figures up to the last data year', () => {
    const p = gdpPath(dataset, 'POL');
    expect(p.lastDataYear).toBe(2024);
    expect(p.at(2024)).toBe(dataset.observation('POL', 'gdp_usd_constant', 'wdi-2026-02', 2024)?.value);
    expect(p.basis(2024)).toBe('data');
  });

  it("grows 2025 with the World Bank's observed nominal GDP, then with the IMF's projection, both deflated", () => {
    const p = gdpPath(dataset, 'POL', { usdInflation: 0.02 });
    const nominal = (y: number) => dataset.observation('POL', 'gdp_usd_current', 'imf-weo-2025-10', y)?.value as number;
    const wb = (y: number) => dataset.observation('POL', 'gdp_usd_current', 'wdi-2026-07', y)?.value as number;
    const expected2025 = ((p.at(2024) as number) * (wb(2025) / wb(2024))) / 1.02;
    expect(p.at(2025)).toBeCloseTo(expected2025, 6);
    expect(p.basis(2025)).toBe('nominal-data');
    expect(p.lastBridgeYear).toBe(2025);
    const expected2026 = (expected2025 * (nominal(2026) / nominal(2025))) / 1.02;
    expect(p.at(2026)).toBeCloseTo(expected2026, 6);
    // Without the newer vintage, 2025 comes from the projection too.
    const imf = gdpPath(dataset, 'POL', { usdInflation: 0.02, bridgeSource: 'none' });
    expect(imf.at(2026)).toBeCloseTo(((p.at(2024) as number) * (nominal(2026) / nominal(2024))) / 1.02 ** 2, 6);
    expect(imf.basis(2025)).toBe('projection');
    expect(p.basis(2026)).toBe('projection');
    expect(p.lastProjectionYear).toBe(2030);
  });

  it('continues at the mean projected growth, or at a given long-run rate', () => {
    const p = gdpPath(dataset, 'DEU');
    const g = ((p.at(2030) as number) / (p.at(2024) as number)) ** (1 / 6) - 1;
    expect(p.longRunGrowth).toBeCloseTo(g, 12);
    expect((p.at(2040) as number) / (p.at(2030) as number)).toBeCloseTo((1 + g) ** 10, 10);
    const q = gdpPath(dataset, 'DEU', { longRunGrowth: 0.01 });
    expect((q.at(2035) as number) / (q.at(2030) as number)).toBeCloseTo(1.01 ** 5, 12);
    expect(q.basis(2031)).toBe('long-run');
  });

  it('with zero inflation the real path follows nominal growth exactly', () => {
    const p = gdpPath(dataset, 'USA', { usdInflation: 0, bridgeSource: 'none' });
    const nominal = (y: number) => dataset.observation('USA', 'gdp_usd_current', 'imf-weo-2025-10', y)?.value as number;
    expect((p.at(2030) as number) / (p.at(2024) as number)).toBeCloseTo(nominal(2030) / nominal(2024), 12);
  });

  it('rejects a country without history and absurd rates', () => {
    expect(() => gdpPath(dataset, 'XXX')).toThrow(InputError);
    expect(() => gdpPath(dataset, 'POL', { usdInflation: 3 })).toThrow(/usdInflation: 3 is out of range/);
    expect(() => gdpPath(dataset, 'POL', { longRunGrowth: -0.9 })).toThrow(/longRunGrowth/);
  });
});
