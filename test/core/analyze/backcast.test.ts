import { describe, expect, it } from 'vitest';
import { backcast } from '../../../src/core/analyze/backcast.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

const dataset = loadDataset();

describe('backcast', () => {
  const b = backcast(dataset, { from: 2014 });

  it('covers 2014 to the last SIPRI year for Russia, the US and five European allies', () => {
    expect(b.to).toBe(2025);
    expect(b.rows.map((r) => r.iso3)).toEqual(['RUS', 'USA', 'DEU', 'FRA', 'GBR', 'POL', 'ITA']);
    expect(b.rows[0]?.years).toHaveLength(12);
  });

  it('starts every actor at its observed burden and computes the RMSE from the pairs', () => {
    for (const r of b.rows) {
      expect(Math.abs((r.simulated[0] as number) - (r.observed[0] as number))).toBeLessThan(0.0005);
      const pairs = r.observed.flatMap((o, k) => (o === null ? [] : [(r.simulated[k] as number) - o]));
      expect(r.rmsePp).toBeCloseTo(100 * Math.sqrt(pairs.reduce((s, e) => s + e * e, 0) / pairs.length), 12);
    }
  });

  it("misses Russia's war budget (no war term is known in 2014)", () => {
    const rus = b.rows.find((r) => r.iso3 === 'RUS');
    expect(rus?.lastErrorPp).toBeLessThan(0);
  });
});
