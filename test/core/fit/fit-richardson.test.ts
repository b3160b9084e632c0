import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { fitRichardson, fitRichardsonSum } from '../../../src/core/fit/fit-richardson.js';
import type { YearSeries } from '../../../src/core/fit/year-series.js';
import { stream } from '../../../src/core/math/random.js';

/** Simulate the discrete Richardson system x(t+1) = x(t) + k·y − a·x + g + noise. */
function simulateRichardson(
  k: [number, number],
  a: [number, number],
  g: [number, number],
  years: number,
  noise: number,
  seed: number,
): [YearSeries, YearSeries] {
  const rng = stream(seed, 0);
  const x = [100];
  const y = [60];
  for (let t = 0; t < years - 1; t++) {
    const xt = x[t] as number;
    const yt = y[t] as number;
    x.push(xt + k[0] * yt - a[0] * xt + g[0] + noise * rng.normal());
    y.push(yt + k[1] * xt - a[1] * yt + g[1] + noise * rng.normal());
  }
  const ys = Array.from({ length: years }, (_, t) => 1950 + t);
  return [
    { name: 'X', years: ys, values: x },
    { name: 'Y', years: ys, values: y },
  ];
}

describe('fitRichardson', () => {
  it('recovers the reaction, fatigue and grievance of simulated rivals within their errors', () => {
    const [x, y] = simulateRichardson([0.1, 0.15], [0.3, 0.35], [5, 3], 2000, 5, 7);
    const fit = fitRichardson([x, y]);
    const [eqX, eqY] = fit.equations;
    // Equation of X: (Intercept) = g1, X = −a1, Y = k1; of Y: (Intercept) = g2, X = k2, Y = −a2.
    const truth = [
      [eqX, [5, -0.3, 0.1]],
      [eqY, [3, 0.15, -0.35]],
    ] as const;
    for (const [eq, values] of truth) {
      values.forEach((v, j) => {
        expect(Math.abs((eq?.coefficients[j] as number) - v)).toBeLessThan(4 * (eq?.standardErrors[j] as number));
      });
    }
    expect(fit.reactionMatrix[1]).toBeCloseTo(0.1, 1);
    expect(fit.fatigueRate[1]).toBeCloseTo(0.35, 1);
    expect(fit.stability.stable).toBe(true);
    expect(fit.equilibrium?.[0]).toBeGreaterThan(0);
  });

  it('with noise-free data reproduces the coefficients exactly', () => {
    const [x, y] = simulateRichardson([0.05, 0.2], [0.25, 0.3], [2, 1], 30, 0, 1);
    const fit = fitRichardson([x, y]);
    expect(fit.reactionMatrix[1]).toBeCloseTo(0.05, 9);
    expect(fit.fatigueRate[1]).toBeCloseTo(0.3, 9);
    expect(fit.grievance[0]).toBeCloseTo(2, 7);
  });

  it('uses mid-year levels when asked', () => {
    const [x, y] = simulateRichardson([0.05, 0.2], [0.25, 0.3], [2, 1], 30, 0.2, 3);
    const a = fitRichardson([x, y]);
    const b = fitRichardson([x, y], { midpoint: true });
    expect(b.midpoint).toBe(true);
    expect(b.equations[0]?.names[1]).toBe('X (mid-year)');
    expect(a.fatigueRate[0]).not.toBe(b.fatigueRate[0]);
  });

  it('fits the sum form Δz = c(z − e) and recovers c and e', () => {
    // z(t+1) − z(t) = c (z − e) exactly, c = −0.2, e = 500.
    const years = Array.from({ length: 20 }, (_, t) => 2000 + t);
    const z = [100];
    for (let t = 1; t < 20; t++) z.push((z[t - 1] as number) + -0.2 * ((z[t - 1] as number) - 500));
    const half = z.map((v) => v / 2);
    const fit = fitRichardsonSum([
      { name: 'A', years, values: half },
      { name: 'B', years, values: half },
    ]);
    expect(fit.c.estimate).toBeCloseTo(-0.2, 10);
    expect(fit.e.estimate).toBeCloseTo(500, 6);
  });

  it('rejects too few years, a gap and a constant series', () => {
    const [x, y] = simulateRichardson([0.1, 0.1], [0.3, 0.3], [1, 1], 30, 0.1, 2);
    expect(() => fitRichardson([x, y], { from: 1950, to: 1954 })).toThrow(
      /span 1950–1954 has 5 years; this estimator needs at least 8/,
    );
    const gappy = { ...x, values: x.values.map((v, t) => (t === 10 ? null : v)) };
    expect(() => fitRichardson([gappy, y])).toThrow(/X: no value for 1960, inside the span 1950–1979/);
    const flat = { ...y, values: y.values.map(() => 5) };
    expect(() => fitRichardson([x, flat])).toThrow(InputError);
    expect(() => fitRichardson([x, flat])).toThrow(/Y: constant at 5/);
    expect(() => fitRichardson([x])).toThrow(/needs two or more actors/);
  });
});
