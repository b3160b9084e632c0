import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { grangerTest } from '../../../src/core/fit/granger-test.js';
import { spendingSeries } from '../../../src/core/fit/named-series.js';
import { stream } from '../../../src/core/math/random.js';

describe('grangerTest', () => {
  it('finds the direction built into simulated growth rates, and not the other', () => {
    // Growth of y follows last year's growth of x; x is its own noise.
    const rng = stream(11, 0);
    const gx = [0];
    const gy = [0];
    for (let t = 1; t < 300; t++) {
      gx.push(0.3 * (gx[t - 1] as number) + 0.02 * rng.normal());
      gy.push(0.6 * (gx[t - 1] as number) + 0.02 * rng.normal());
    }
    const level = (g: number[]) => {
      const out = [100];
      for (const v of g) out.push((out.at(-1) as number) * Math.exp(v));
      return out;
    };
    const years = Array.from({ length: 301 }, (_, t) => 1700 + t);
    const r = grangerTest(
      { name: 'x', years, values: level(gx) },
      { name: 'y', years, values: level(gy) },
      { lags: 1 },
    );
    expect(r.xToY.pValue).toBeLessThan(1e-6);
    expect(r.yToX.pValue).toBeGreaterThan(0.05);
    expect(r.xToY.df1).toBe(1);
    expect(r.xToY.df2).toBe(300 - 1 - 3);
  });

  it('tests NATO against Russia on SIPRI data in both directions, lag by AIC', () => {
    const dataset = loadDataset();
    const nato = spendingSeries(dataset, 'NATO', 1993, 2024);
    const rus = spendingSeries(dataset, 'RUS', 1993, 2024);
    const r = grangerTest(nato, rus, { from: 1993, to: 2021 });
    expect(r.span).toEqual([1993, 2021]);
    expect(r.lagChoice?.aic).toBe(r.lags);
    for (const t of [r.xToY, r.yToX]) {
      expect(t.pValue).toBeGreaterThan(0);
      expect(t.pValue).toBeLessThan(1);
    }
    expect(() => grangerTest(nato, rus, { from: 1993, to: 2024, lags: 12 })).toThrow(
      /lags: 12 is too long for 31 observations/,
    );
  });
});
