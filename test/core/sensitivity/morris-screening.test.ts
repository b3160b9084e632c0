import { describe, expect, it } from 'vitest';
import {
  type Factor,
  ishigami,
  linearModel,
  ModelOutputError,
  type MorrisOutputEffects,
  type MorrisResult,
  morrisScreening,
} from '../../../src/core/sensitivity/index.js';

function only(result: MorrisResult): MorrisOutputEffects {
  const output = result.outputs[0];
  if (output === undefined) throw new Error('no output');
  return output;
}

describe('morrisScreening on a linear model', () => {
  // y = x1 − 2 x2 + 3 x3 on [0, 1], [−1, 4], [10, 12]: every elementary effect is a_i × (high_i − low_i).
  const model = linearModel(
    [1, -2, 3],
    [
      { low: 0, high: 1 },
      { low: -1, high: 4 },
      { low: 10, high: 12 },
    ],
  );
  const result = morrisScreening(model.evaluate, model.factors);
  const effects = only(result).factors;

  it('morrisScreening(linear) gives μ_i = a_i × range and μ*_i = |a_i| × range', () => {
    const expected = [1, -10, 6];
    effects.forEach((factor, i) => {
      expect(factor.mu).toBeCloseTo(expected[i] as number, 12);
      expect(factor.muStar).toBeCloseTo(Math.abs(expected[i] as number), 12);
    });
  });

  it('morrisScreening(linear) has σ = 0 to 1e-12: the elementary effects of a linear function are constant', () => {
    for (const factor of effects) expect(factor.sigma).toBeLessThan(1e-12);
  });

  it('morrisScreening(linear) reports the method, r, p, Δ = p/(2(p − 1)), r(k + 1) runs and the seed', () => {
    expect(result).toMatchObject({
      method: 'morris',
      factors: ['x1', 'x2', 'x3'],
      trajectories: 20,
      levels: 4,
      delta: 2 / 3,
      modelRuns: 20 * 4,
      seed: 1,
      notes: [],
    });
    expect(only(result).effects.length).toBe(20 * 3);
  });

  it('morrisScreening(f, factors, { levels: 6 }) moves by Δ = 3/5 and keeps every point on the grid inside the ranges', () => {
    const seen: number[][] = [];
    const factors: Factor[] = [
      { name: 'a', low: 0, high: 5 },
      { name: 'b', low: 0, high: 5 },
    ];
    const six = morrisScreening(
      (x) => {
        seen.push(Array.from(x));
        return 0;
      },
      factors,
      { levels: 6, trajectories: 30 },
    );
    expect(six.delta).toBe(3 / 5);
    expect(six.modelRuns).toBe(90);
    expect(seen.length).toBe(90);
    for (const point of seen) {
      for (const value of point) expect([0, 1, 2, 3, 4, 5]).toContain(Math.round(value * 1e9) / 1e9);
    }
  });
});

describe('morrisScreening on the Ishigami function (r = 200, p = 4)', () => {
  // On the 4-level grid x ∈ {−π, −π/3, π/3, π} with Δ = 2/3, every step of x2 changes a·sin²x2 by
  // ±7·3/4, so |EE_2| = (21/4)/(2/3) = 63/8 exactly; every step of x1 raises sin x1 by √3/2 in the
  // direction of the step, so all EE_1 are positive and μ_1 = μ*_1; EE_3 = b sin x1 Δ(x3⁴)/Δ is
  // zero when sin x1 = 0 and otherwise symmetric in sign, so μ_3 ≈ 0 while μ*_3 and σ_3 are not.
  const model = ishigami();
  const result = morrisScreening(model.evaluate, model.factors, { trajectories: 200 });
  const [x1, x2, x3] = only(result).factors;

  it('morrisScreening(ishigami) gives μ*_2 = 63/8 exactly', () => {
    expect(x2?.muStar).toBeCloseTo(63 / 8, 12);
  });

  it('morrisScreening(ishigami) gives μ_1 = μ*_1 > 0: every elementary effect of x1 is positive', () => {
    expect(x1?.mu).toBeGreaterThan(0);
    expect(x1?.mu).toBeCloseTo(x1?.muStar ?? 0, 12);
  });

  it('morrisScreening(ishigami) gives x3 μ ≈ 0 (|μ_3| < μ*_3/10) but σ_3 > 0 through its interaction with x1', () => {
    expect(Math.abs(x3?.mu ?? 1)).toBeLessThan((x3?.muStar ?? 0) / 10);
    expect(x3?.muStar).toBeGreaterThan(1);
    expect(x3?.sigma).toBeGreaterThan(1);
  });

  it('morrisScreening(ishigami) ranks x1 and x2 above x3 by μ*', () => {
    expect(x1?.muStar).toBeGreaterThan(x3?.muStar ?? Infinity);
    expect(x2?.muStar).toBeGreaterThan(x3?.muStar ?? Infinity);
  });

  it('morrisScreening(ishigami) runs r(k + 1) = 800 points', () => {
    expect(result.modelRuns).toBe(800);
  });
});

describe('morrisScreening options and reproducibility', () => {
  const model = ishigami();

  it('morrisScreening with the same seed gives identical results', () => {
    expect(morrisScreening(model.evaluate, model.factors, { seed: 9 })).toEqual(
      morrisScreening(model.evaluate, model.factors, { seed: 9 }),
    );
  });

  it('morrisScreening with another seed draws other trajectories', () => {
    const one = only(morrisScreening(model.evaluate, model.factors, { seed: 1 }));
    const two = only(morrisScreening(model.evaluate, model.factors, { seed: 2 }));
    expect(one.factors[0]?.muStar).not.toBe(two.factors[0]?.muStar);
  });

  it('morrisScreening({ random }) uses the function passed and reports no seed', () => {
    let state = 0.5;
    const result = morrisScreening(model.evaluate, model.factors, {
      random: () => (state = (state * 9.73 + 0.123) % 1),
    });
    expect(result.seed).toBeUndefined();
  });

  it('morrisScreening({ outputs, evaluateMany }) screens every output', () => {
    const linear = linearModel([2, 0, 0], model.factors);
    const result = morrisScreening(
      { outputs: ['ishigami', 'linear'], evaluateMany: (x) => [model.evaluate(x), linear.evaluate(x)] },
      model.factors,
    );
    expect(result.outputs.map((o) => o.output)).toEqual(['ishigami', 'linear']);
    expect(result.outputs[1]?.factors.map((f) => f.muStar)).toEqual([expect.closeTo(4 * Math.PI, 12), 0, 0]);
    expect(result.outputs[0]).toEqual({ ...only(morrisScreening(model.evaluate, model.factors)), output: 'ishigami' });
  });

  it('morrisScreening with an inverseCdf factor moves on the quantiles 1/8, 3/8, 5/8, 7/8 and says so', () => {
    const quantiles = new Set<number>();
    const result = morrisScreening(
      (x) => x[0] ?? 0,
      [
        {
          name: 'u',
          inverseCdf: (u) => {
            quantiles.add(u);
            return u;
          },
        },
      ],
      {
        trajectories: 10,
      },
    );
    expect([...quantiles].sort()).toEqual([0.125, 0.375, 0.625, 0.875]);
    // The identity quantile function: each effect is (Δu)/(Δu) = 1 per unit of probability.
    expect(only(result).factors[0]?.muStar).toBeCloseTo(1, 12);
    expect(result.notes).toEqual([
      'distributed factors move on the quantiles (2l + 1)/2p; their effects are per unit of probability',
    ]);
  });

  it('morrisScreening rejects too few trajectories, odd levels, no factors and low ≥ high', () => {
    expect(() => morrisScreening(model.evaluate, model.factors, { trajectories: 1 })).toThrow(/trajectories: 1 /);
    expect(() => morrisScreening(model.evaluate, model.factors, { levels: 3 })).toThrow(/levels: 3 is not an even/);
    expect(() => morrisScreening(model.evaluate, [])).toThrow(/no factors given/);
    expect(() => morrisScreening(model.evaluate, [{ name: 'x', low: 5, high: 5 }])).toThrow(/low 5 and high 5/);
  });

  it('morrisScreening rejects NaN from the model with the run, the trajectory and the factor values', () => {
    expect(() => morrisScreening(() => Number.NaN, model.factors)).toThrow(ModelOutputError);
    expect(() => morrisScreening(() => Number.NaN, model.factors)).toThrow(
      /^model output y is NaN at run 0 \(point 0 of trajectory 0\) \(x1 = .*, x2 = .*, x3 = .*\)/,
    );
  });
});
