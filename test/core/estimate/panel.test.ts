import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { clusterBootstrap, ols, panelFixedEffects } from '../../../src/core/estimate/index.js';
import { stream } from '../../../src/core/math/random.js';

/** A simulated panel `y = α_i + β₁x₁ + β₂x₂ + e` with regressors correlated with the effects. */
function simulatePanel(seed: number, entities: number, periods: number, beta: readonly [number, number], noise = 0.5) {
  const rng = stream(seed, 0);
  const y: number[] = [];
  const x1: number[] = [];
  const x2: number[] = [];
  const ids: string[] = [];
  for (let g = 0; g < entities; g++) {
    const alpha = 3 * rng.normal();
    const shock = rng.normal();
    for (let t = 0; t < periods; t++) {
      const a = alpha + rng.normal();
      const b = rng.uniform() * 2;
      x1.push(a);
      x2.push(b);
      y.push(alpha + beta[0] * a + beta[1] * b + noise * (rng.normal() + shock * 0.5));
      ids.push(`c${g}`);
    }
  }
  return { y, x1, x2, ids };
}

describe('panelFixedEffects', () => {
  it('panelFixedEffects equals OLS with one dummy per entity to 1e-10 (coefficients and standard errors)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 3, max: 10 }),
        (seed, entities, periods) => {
          const { y, x1, x2, ids } = simulatePanel(seed, entities, periods, [0.7, -1.3]);
          const fe = panelFixedEffects(y, [x1, x2], ids);
          const dummies = Array.from({ length: entities }, (_, g) => ids.map((id) => (id === `c${g}` ? 1 : 0)));
          const lsdv = ols(y, [x1, x2, ...dummies], { intercept: false });
          for (let j = 0; j < 2; j++) {
            expect(Math.abs((fe.coefficients[j] as number) - (lsdv.coefficients[j] as number))).toBeLessThan(1e-10);
            expect(Math.abs((fe.standardErrors[j] as number) - (lsdv.standardErrors[j] as number))).toBeLessThan(1e-10);
          }
          for (let g = 0; g < entities; g++) {
            expect(Math.abs((fe.entityEffects[g] as number) - (lsdv.coefficients[2 + g] as number))).toBeLessThan(1e-9);
          }
          expect(fe.degreesOfFreedom).toBe(lsdv.degreesOfFreedom);
          expect(Math.abs(fe.residualSumOfSquares - lsdv.residualSumOfSquares)).toBeLessThan(1e-9);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('panelFixedEffects recovers known slopes from simulated data within 4 standard errors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { y, x1, x2, ids } = simulatePanel(seed, 20, 15, [0.7, -1.3]);
        const fe = panelFixedEffects(y, [x1, x2], ids, { names: ['threat', 'gdp'] });
        expect(Math.abs((fe.coefficients[0] as number) - 0.7)).toBeLessThan(4 * (fe.standardErrors[0] as number));
        expect(Math.abs((fe.coefficients[1] as number) + 1.3)).toBeLessThan(4 * (fe.standardErrors[1] as number));
        expect(fe.names).toEqual(['threat', 'gdp']);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('panelFixedEffects rejects a regressor constant within every entity (absorbed by the effects)', () => {
    const error = (() => {
      try {
        panelFixedEffects(
          [1, 2, 3, 5],
          [
            [1, 2, 3, 4],
            [0, 0, 1, 1],
          ],
          ['a', 'a', 'b', 'b'],
          { names: ['t', 'member'] },
        );
      } catch (e) {
        return e as InputError;
      }
      throw new Error('did not throw');
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('singular-design');
    expect(error.message).toMatch(/regressor member is constant within every entity/);
  });

  it('panelFixedEffects with N ≤ G + K throws InputError too-few-observations', () => {
    expect(() => panelFixedEffects([1, 2, 3, 5], [[1, 2, 3, 7]], ['a', 'a', 'b', 'b'])).not.toThrow();
    expect(() => panelFixedEffects([1, 2, 3], [[1, 2, 4]], ['a', 'a', 'b'])).toThrow(
      /too-few|residual degrees of freedom/,
    );
  });

  it('panelFixedEffects with entity labels of the wrong length throws a RangeError', () => {
    expect(() => panelFixedEffects([1, 2, 3], [[1, 2, 4]], ['a', 'b'])).toThrow(/entities: length 2 does not match y/);
  });
});

describe('clusterBootstrap', () => {
  const sim = simulatePanel(7, 30, 10, [0.7, -1.3], 1);
  const slope = (rows: Int32Array, clusters: Int32Array): number[] => {
    const y = Array.from(rows, (i) => sim.y[i] as number);
    const x1 = Array.from(rows, (i) => sim.x1[i] as number);
    const x2 = Array.from(rows, (i) => sim.x2[i] as number);
    return [panelFixedEffects(y, [x1, x2], clusters).coefficients[0] as number];
  };

  it('clusterBootstrap is reproducible from its seed and differs for another seed', () => {
    const a = clusterBootstrap(slope, sim.ids, { seed: 11, draws: 50 });
    const b = clusterBootstrap(slope, sim.ids, { seed: 11, draws: 50 });
    const c = clusterBootstrap(slope, sim.ids, { seed: 12, draws: 50 });
    expect(Array.from(a.replications)).toEqual(Array.from(b.replications));
    expect(a.standardErrors[0]).not.toBe(c.standardErrors[0]);
    expect(a.draws).toBe(50);
  });

  it('clusterBootstrap intervals cover the true slope and the SE is of the order of the CR1 cluster-robust SE', () => {
    const result = clusterBootstrap(slope, sim.ids, { seed: 3, draws: 400 });
    expect(result.lower[0]).toBeLessThan(0.7);
    expect(result.upper[0]).toBeGreaterThan(0.7);
    const analytic = panelFixedEffects(sim.y, [sim.x1, sim.x2], sim.ids).clusterStandardErrors[0] as number;
    const ratio = (result.standardErrors[0] as number) / analytic;
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
  });

  it('clusterBootstrap percentile intervals cover the true slope in about 95 % of simulated panels', () => {
    let covered = 0;
    const runs = 40;
    for (let s = 0; s < runs; s++) {
      const data = simulatePanel(100 + s, 15, 6, [0.7, -1.3], 1);
      const fit = (rows: Int32Array, clusters: Int32Array) => {
        const y = Array.from(rows, (i) => data.y[i] as number);
        const x1 = Array.from(rows, (i) => data.x1[i] as number);
        const x2 = Array.from(rows, (i) => data.x2[i] as number);
        return [panelFixedEffects(y, [x1, x2], clusters).coefficients[0] as number];
      };
      const r = clusterBootstrap(fit, data.ids, { seed: s, draws: 99 });
      if ((r.lower[0] as number) < 0.7 && (r.upper[0] as number) > 0.7) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(32);
  });

  it('clusterBootstrap with one cluster throws a RangeError', () => {
    expect(() => clusterBootstrap(() => [1], ['a', 'a'], { seed: 1 })).toThrow(/at least two clusters/);
  });
});
