import { describe, expect, it } from 'vitest';
import type { TestFunction } from '../../../src/core/sensitivity/index.js';
import { gFunction, ishigami, linearModel, sobolSequence } from '../../../src/core/sensitivity/index.js';

/** Mean and variance of a test function over 2^16 Sobol' points mapped to its ranges. */
function sampleMoments(model: TestFunction): { mean: number; variance: number } {
  const k = model.factors.length;
  const n = 2 ** 16;
  const points = sobolSequence(n, k, { skip: n });
  const x = new Float64Array(k);
  let sum = 0;
  let sumSquares = 0;
  for (let r = 0; r < n; r++) {
    model.factors.forEach((factor, j) => {
      x[j] = factor.low + (points[r * k + j] as number) * (factor.high - factor.low);
    });
    const y = model.evaluate(x);
    sum += y;
    sumSquares += y * y;
  }
  const mean = sum / n;
  return { mean, variance: sumSquares / n - mean * mean };
}

describe('test functions', () => {
  it('ishigami() evaluates sin x1 + 7 sin² x2 + 0.1 x3⁴ sin x1', () => {
    expect(ishigami().evaluate(Float64Array.of(Math.PI / 2, Math.PI / 2, 2))).toBeCloseTo(1 + 7 + 1.6, 12);
    expect(ishigami().factors).toEqual([
      { name: 'x1', low: -Math.PI, high: Math.PI },
      { name: 'x2', low: -Math.PI, high: Math.PI },
      { name: 'x3', low: -Math.PI, high: Math.PI },
    ]);
  });

  it('ishigami() gives the published indices 0.3139, 0.4424, 0 and 0.5576, 0.4424, 0.2437', () => {
    const model = ishigami();
    expect(model.first.map((s) => Number(s.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(model.total.map((s) => Number(s.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
    expect(model.first[0]).toBe(0.31390519114781146); // the @example
  });

  it('ishigami(), linearModel() and gFunction() have the mean and variance a quasi-Monte Carlo sample finds', () => {
    const models = [
      ishigami(),
      ishigami(5, 0.3),
      linearModel(
        [1, -2, 0.5],
        [
          { low: 0, high: 2 },
          { low: 3, high: 4 },
          { low: -1, high: 1 },
        ],
      ),
      gFunction([0, 1, 4.5, 9]),
    ];
    for (const model of models) {
      const moments = sampleMoments(model);
      expect(Math.abs(moments.mean - model.mean)).toBeLessThan(2e-3 * Math.sqrt(model.variance));
      expect(Math.abs(moments.variance / model.variance - 1)).toBeLessThan(2e-3);
    }
  });

  it('linearModel([1, 2]) gives S = S_T = (0.2, 0.8)', () => {
    const model = linearModel([1, 2]);
    expect(model.first).toEqual([0.2, 0.8]);
    expect(model.total).toEqual(model.first);
    expect(model.evaluate(Float64Array.of(0.5, 0.25))).toBe(1);
  });

  it('gFunction([0, 1]) gives S_1 = 0.75, S_2 = 0.1875 and S_T1 = 0.8125: V_1 = 1/3, V_2 = 1/12, V = 4/9', () => {
    const model = gFunction([0, 1]);
    expect(model.first[0]).toBeCloseTo(0.75, 14);
    expect(model.first[1]).toBeCloseTo(0.1875, 14);
    expect(model.total[0]).toBeCloseTo(((1 / 3) * (13 / 12)) / (4 / 9), 14);
    expect(model.variance).toBeCloseTo(4 / 9, 14);
  });

  it('gFunction() first-order indices sum to at most 1 and totals to at least 1', () => {
    const model = gFunction([0, 0.5, 3, 9, 99]);
    const first = model.first.reduce((s, v) => s + v, 0);
    const total = model.total.reduce((s, v) => s + v, 0);
    expect(first).toBeLessThan(1);
    expect(total).toBeGreaterThan(1);
  });

  it('ishigami, linearModel and gFunction reject coefficients they cannot use', () => {
    expect(() => ishigami(Number.NaN)).toThrow(/use finite coefficients/);
    expect(() => linearModel([])).toThrow(/at least one finite coefficient/);
    expect(() => linearModel([0, 0])).toThrow(/all are zero/);
    expect(() => linearModel([1], [])).toThrow(/one range per weight/);
    expect(() => gFunction([1, -1])).toThrow(/coefficient ≥ 0/);
  });
});
