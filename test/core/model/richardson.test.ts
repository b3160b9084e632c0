import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type RichardsonParameters,
  richardsonDerivative,
  richardsonEquilibrium,
  richardsonSolution,
  richardsonStability,
  richardsonSystemMatrix,
  twoActorEquilibrium,
  twoActorIsStable,
} from '../../../src/core/model/index.js';
import { integrateDormandPrince, integrateRk4, solveLinear } from '../../../src/core/solve/index.js';

/** Largest absolute difference divided by the largest absolute expected value. */
function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs((actual[i] as number) - (expected[i] as number)));
    scale = Math.max(scale, Math.abs(expected[i] as number));
  }
  return diff / scale;
}

/** Two actors: R = [[0, k1], [k2, 0]], A = diag(a1, a2), g = (g1, g2). Levels in USD billions. */
function twoActors(a1: number, a2: number, k1: number, k2: number, g1: number, g2: number): RichardsonParameters {
  return {
    reactionMatrix: Float64Array.of(0, k1, k2, 0),
    fatigueRate: Float64Array.of(a1, a2),
    grievance: Float64Array.of(g1, g2),
  };
}

// Stable: M = [[−0.5, 0.2], [0.3, −0.4]], eigenvalues −0.2 and −0.7.
const stablePair = twoActors(0.5, 0.4, 0.2, 0.3, 10, 8);
// Unstable: a1·a2 = 0.05 < k1·k2 = 0.12; eigenvalues (−0.45 ± √0.4825)/2 ≈ 0.1223, −0.5723.
const unstablePair = twoActors(0.2, 0.25, 0.4, 0.3, 10, 8);
// Four actors (say USA, NATO Europe and Canada, Russia, Belarus), levels in USD billions.
const fourActors: RichardsonParameters = {
  reactionMatrix: Float64Array.of(0, 0.02, 0.12, 0.01, 0.05, 0, 0.18, 0.03, 0.1, 0.08, 0, 0.02, 0.01, 0.02, 0.15, 0),
  fatigueRate: Float64Array.of(0.3, 0.35, 0.25, 0.4),
  grievance: Float64Array.of(250, 90, 40, 1.5),
};
const fourStart = Float64Array.of(900, 350, 100, 1.2);

describe('richardsonSolution (matrix exponential) against the solvers', () => {
  const cases = [
    { name: 'two actors, stable', parameters: stablePair, x0: Float64Array.of(50, 20), rk4: 1e-8 },
    { name: 'two actors, unstable', parameters: unstablePair, x0: Float64Array.of(50, 20), rk4: 1e-8 },
    { name: 'four actors, stable', parameters: fourActors, x0: fourStart, rk4: 1e-8 },
  ];
  for (const { name, parameters, x0, rk4 } of cases) {
    it(`integrateRk4 at 1/12 year matches richardsonSolution over 25 years to ${rk4} relative (${name})`, () => {
      const result = integrateRk4(richardsonDerivative(parameters), x0, 0, 25);
      expect(relativeError(result.y, richardsonSolution(parameters, x0, 25))).toBeLessThan(rk4);
    });

    it(`integrateDormandPrince at rtol 1e-9 matches richardsonSolution at every year to 1e-7 relative (${name})`, () => {
      const times = Float64Array.from({ length: 26 }, (_, k) => k);
      const n = x0.length;
      const result = integrateDormandPrince(richardsonDerivative(parameters), x0, 0, 25, {
        rtol: 1e-9,
        atol: 1e-9,
        outputTimes: times,
      });
      for (let k = 0; k < times.length; k++) {
        const exact = richardsonSolution(parameters, x0, times[k] as number);
        expect(relativeError(result.outputs.subarray(k * n, (k + 1) * n), exact)).toBeLessThan(1e-7);
      }
    });
  }

  it('richardsonSolution agrees with scipy.linalg.expm for the four-actor case at 25 years to 1e-12', () => {
    // python3: M = R − diag(a); xs = −solve(M, g); expm(25 M) @ (x0 − xs) + xs   (scipy 1.17.1)
    const expected = [1292.8789781757234, 971.5658332163943, 993.7080929813085, 446.47498241938183];
    expect(relativeError(richardsonSolution(fourActors, fourStart, 25), expected)).toBeLessThan(1e-12);
  });

  it("richardsonSolution's 'equilibrium' and 'augmented' forms agree to 1e-12", () => {
    for (const [parameters, x0] of [
      [stablePair, Float64Array.of(50, 20)],
      [unstablePair, Float64Array.of(50, 20)],
      [fourActors, fourStart],
    ] as const) {
      const a = richardsonSolution(parameters, x0, 25, { method: 'equilibrium' });
      const b = richardsonSolution(parameters, x0, 25, { method: 'augmented' });
      expect(relativeError(a, b)).toBeLessThan(1e-12);
    }
  });

  it('richardsonSolution with singular R − A (a1·a2 = k1·k2) uses the augmented form and matches RK4', () => {
    const singular = twoActors(0.5, 0.2, 0.2, 0.5, 3, 1);
    expect(richardsonEquilibrium(singular)).toBeUndefined();
    const x0 = Float64Array.of(10, 12);
    const exact = richardsonSolution(singular, x0, 25);
    const numeric = integrateRk4(richardsonDerivative(singular), x0, 0, 25).y;
    expect(relativeError(numeric, exact)).toBeLessThan(1e-9);
    expect(() => richardsonSolution(singular, x0, 25, { method: 'equilibrium' })).toThrow(/singular/);
  });

  it('richardsonSolution with no fatigue and no reaction is linear growth x0 + g·t', () => {
    const drift = twoActors(0, 0, 0, 0, 3, -2);
    expect(relativeError(richardsonSolution(drift, Float64Array.of(10, 60), 25), [85, 10])).toBeLessThan(1e-14);
  });

  it('richardsonSolution at t = 0 returns x0', () => {
    expect(relativeError(richardsonSolution(fourActors, fourStart, 0), fourStart)).toBeLessThan(1e-15);
  });
});

describe('richardsonEquilibrium and the two-actor closed forms', () => {
  it('richardsonEquilibrium of the four-actor case matches numpy (−M⁻¹g) to 1e-13', () => {
    // python3: -np.linalg.solve(R - np.diag(a), g)   (numpy 2.4.6)
    const expected = [1348.3527391571095, 1043.5644158762068, 1072.6316205000508, 491.873896960257];
    expect(relativeError(richardsonEquilibrium(fourActors) ?? [], expected)).toBeLessThan(1e-13);
  });

  it('twoActorEquilibrium equals −M⁻¹g for random parameters', () => {
    const rate = fc.double({ min: 0, max: 2, noNaN: true });
    const level = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(
      fc.property(rate, rate, rate, rate, level, level, (a1, a2, k1, k2, g1, g2) => {
        const det = a1 * a2 - k1 * k2;
        fc.pre(Math.abs(det) > 1e-3);
        const closed = twoActorEquilibrium({ fatigueRate: [a1, a2], reactionRate: [k1, k2], grievance: [g1, g2] });
        const m = richardsonSystemMatrix(twoActors(a1, a2, k1, k2, g1, g2));
        const solved = solveLinear(m, 2, Float64Array.of(-g1, -g2));
        const scale = Math.max(1, Math.abs(solved[0] as number), Math.abs(solved[1] as number));
        expect(Math.abs((closed?.[0] as number) - (solved[0] as number)) / scale).toBeLessThan(1e-10);
        expect(Math.abs((closed?.[1] as number) - (solved[1] as number)) / scale).toBeLessThan(1e-10);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('twoActorIsStable (a1·a2 > k1·k2) agrees with the sign of the largest eigenvalue real part', () => {
    // A grid of rates 0, 0.05, …, 2 per year.
    const rate = fc.integer({ min: 0, max: 40 }).map((k) => k / 20);
    fc.assert(
      fc.property(rate, rate, rate, rate, (a1, a2, k1, k2) => {
        // Away from the boundary, where the sign is decided by rounding.
        fc.pre(Math.abs(a1 * a2 - k1 * k2) > 1e-9 && a1 + a2 > 1e-9);
        const stability = richardsonStability(twoActors(a1, a2, k1, k2, 1, 1));
        expect(twoActorIsStable({ fatigueRate: [a1, a2], reactionRate: [k1, k2] })).toBe(stability.stable);
        expect(stability.margin < 0).toBe(a1 * a2 > k1 * k2);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('twoActorIsStable also matches the eigenvalues when reactions are negative (cooperation)', () => {
    const rate = fc.integer({ min: -40, max: 40 }).map((k) => k / 20);
    fc.assert(
      fc.property(rate, rate, rate, rate, (a1, a2, k1, k2) => {
        fc.pre(Math.abs(a1 * a2 - k1 * k2) > 1e-9 && Math.abs(a1 + a2) > 1e-9);
        const { stable } = richardsonStability(twoActors(a1, a2, k1, k2, 0, 0));
        expect(twoActorIsStable({ fatigueRate: [a1, a2], reactionRate: [k1, k2] })).toBe(stable);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('twoActorEquilibrium with a1·a2 = k1·k2 returns undefined', () => {
    expect(
      twoActorEquilibrium({ fatigueRate: [0.5, 0.2], reactionRate: [0.2, 0.5], grievance: [1, 1] }),
    ).toBeUndefined();
  });

  it('twoActorEquilibrium with a NaN rate throws a RangeError naming it', () => {
    expect(() =>
      twoActorEquilibrium({ fatigueRate: [0.5, Number.NaN], reactionRate: [0.2, 0.5], grievance: [1, 1] }),
    ).toThrow(/fatigueRate\[1\]: NaN/);
  });
});

describe('richardsonStability', () => {
  it('richardsonStability of the stable pair reports eigenvalues −0.2 and −0.7 and margin −0.2', () => {
    const { eigenvalues, margin, stable } = richardsonStability(stablePair);
    expect(eigenvalues.real[0]).toBeCloseTo(-0.2, 14);
    expect(eigenvalues.real[1]).toBeCloseTo(-0.7, 14);
    expect(margin).toBeCloseTo(-0.2, 14);
    expect(stable).toBe(true);
  });

  it('richardsonStability of the unstable pair reports margin (−0.45 + √0.4825)/2', () => {
    const { margin, stable } = richardsonStability(unstablePair);
    expect(margin).toBeCloseTo((-0.45 + Math.sqrt(0.4825)) / 2, 14);
    expect(stable).toBe(false);
  });

  it('richardsonStability of the four-actor case matches numpy, including a complex pair', () => {
    // python3: np.linalg.eigvals(R - np.diag(a))   (numpy 2.4.6)
    const { eigenvalues, margin } = richardsonStability(fourActors);
    expect(margin).toBeCloseTo(-0.09521177408663106, 14);
    expect(eigenvalues.real[1]).toBeCloseTo(-0.3461977774747292, 14);
    expect(eigenvalues.real[2]).toBeCloseTo(-0.4292952242193196, 14);
    expect(eigenvalues.imaginary[2]).toBeCloseTo(0.012388747479025264, 14);
    expect(eigenvalues.imaginary[3]).toBeCloseTo(-0.012388747479025264, 14);
  });
});

describe('richardsonDerivative at the equilibrium', () => {
  for (const [name, parameters] of [
    ['two actors, stable', stablePair],
    ['two actors, unstable', unstablePair],
    ['four actors', fourActors],
  ] as const) {
    it(`a path started at the equilibrium stays there to 1e-12 with both solvers and the exact solution (${name})`, () => {
      const equilibrium = richardsonEquilibrium(parameters) as Float64Array;
      const f = richardsonDerivative(parameters);
      expect(relativeError(integrateRk4(f, equilibrium, 0, 25).y, equilibrium)).toBeLessThan(1e-12);
      expect(relativeError(integrateDormandPrince(f, equilibrium, 0, 25).y, equilibrium)).toBeLessThan(1e-12);
      expect(relativeError(richardsonSolution(parameters, equilibrium, 25), equilibrium)).toBeLessThan(1e-12);
    });
  }

  it('richardsonEquilibrium of the stable pair equals the two-actor closed form', () => {
    const closed = twoActorEquilibrium({ fatigueRate: [0.5, 0.4], reactionRate: [0.2, 0.3], grievance: [10, 8] });
    // (0.4·10 + 0.2·8, 0.5·8 + 0.3·10) / (0.2 − 0.06) = (40, 50).
    expect(closed?.[0]).toBeCloseTo(40, 12);
    expect(closed?.[1]).toBeCloseTo(50, 12);
    expect(relativeError(richardsonEquilibrium(stablePair) ?? [], [40, 50])).toBeLessThan(1e-15);
  });
});

describe('Richardson argument checks', () => {
  it('richardsonSystemMatrix with a non-zero diagonal in reactionMatrix throws a RangeError naming the entry', () => {
    const bad = { ...stablePair, reactionMatrix: Float64Array.of(0.1, 0.2, 0.3, 0) };
    expect(() => richardsonSystemMatrix(bad)).toThrow(/reactionMatrix\[0, 0\]: 0.1 is on the diagonal/);
  });

  it('richardsonSystemMatrix with mismatched sizes throws a RangeError naming the argument', () => {
    expect(() => richardsonSystemMatrix({ ...stablePair, grievance: Float64Array.of(1, 2, 3) })).toThrow(
      /grievance: length 3 .*use length 2/,
    );
    expect(() => richardsonSystemMatrix({ ...stablePair, reactionMatrix: new Float64Array(9) })).toThrow(
      /reactionMatrix: length 9/,
    );
  });

  it('richardsonSystemMatrix with a NaN fatigue rate throws a RangeError naming it', () => {
    expect(() => richardsonSystemMatrix({ ...stablePair, fatigueRate: Float64Array.of(0.5, Number.NaN) })).toThrow(
      /fatigueRate\[1\]: NaN/,
    );
  });

  it('richardsonDerivative called with a state of the wrong size throws a RangeError', () => {
    const f = richardsonDerivative(stablePair);
    expect(() => f(0, new Float64Array(3), new Float64Array(3))).toThrow(/x: length 3 .*2 actors/);
    expect(() => integrateRk4(f, new Float64Array(3), 0, 1)).toThrow(RangeError);
  });

  it('richardsonSolution with x0 of the wrong length or a non-finite time throws a RangeError', () => {
    expect(() => richardsonSolution(stablePair, Float64Array.of(1), 1)).toThrow(/x0: length 1/);
    expect(() => richardsonSolution(stablePair, Float64Array.of(1, 1), Number.NaN)).toThrow(/tYears: NaN/);
  });

  it('richardsonSystemMatrix with no actors throws a RangeError naming fatigueRate', () => {
    expect(() =>
      richardsonSystemMatrix({
        reactionMatrix: new Float64Array(0),
        fatigueRate: new Float64Array(0),
        grievance: new Float64Array(0),
      }),
    ).toThrow(/fatigueRate: length 0/);
  });
});
