import { describe, expect, it } from 'vitest';
import { integrateDormandPrince } from '../../../src/core/solve/index.js';
import {
  capabilityStock,
  exponentialDecay,
  harmonicOscillator,
  partialAdjustment,
  relativeError,
} from './closed-forms.js';

// With rtol = 1e-9 and an atol far below the solution's scale, the global error over 25 years is
// a few times rtol (measured 3e-9 on the oscillator); 1e-7 leaves a wide margin.
describe('integrateDormandPrince against closed forms (rtol 1e-9, 25 years)', () => {
  const cases = [
    { system: exponentialDecay(0.1), atol: 1e-16 },
    { system: exponentialDecay(0.4), atol: 1e-16 },
    { system: partialAdjustment(0.4, 0.035, 0.02), atol: 1e-14 },
    { system: capabilityStock(1, 60e9, 0.1, 200e9), atol: 1e-3 },
    { system: harmonicOscillator(1), atol: 1e-12 },
  ];
  for (const { system, atol } of cases) {
    it(`integrateDormandPrince(${system.name}) matches the closed form to 1e-7 relative`, () => {
      const result = integrateDormandPrince(system.f, system.y0, 0, 25, { rtol: 1e-9, atol });
      expect(relativeError(result.y, system.exact(25))).toBeLessThan(1e-7);
      expect(result.stats.acceptedSteps).toBeGreaterThan(0);
    });
  }

  it('integrateDormandPrince counts six evaluations per step plus the first (FSAL) and the initial-step probe', () => {
    const system = exponentialDecay(0.4);
    const { stats } = integrateDormandPrince(system.f, system.y0, 0, 25);
    expect(stats.evaluations).toBe(6 * (stats.acceptedSteps + stats.rejectedSteps) + 2);
  });

  it('integrateDormandPrince with initialStepYears skips the probe evaluation', () => {
    const system = exponentialDecay(0.4);
    const { stats } = integrateDormandPrince(system.f, system.y0, 0, 25, { initialStepYears: 0.1 });
    expect(stats.evaluations).toBe(6 * (stats.acceptedSteps + stats.rejectedSteps) + 1);
  });
});

describe('integrateDormandPrince error control', () => {
  it('integrateDormandPrince error shrinks as rtol tightens (harmonic oscillator, 25 years)', () => {
    const system = harmonicOscillator(1);
    const exact = system.exact(25);
    const tolerances = [1e-5, 1e-7, 1e-9, 1e-11];
    const errors = tolerances.map((rtol) =>
      relativeError(integrateDormandPrince(system.f, system.y0, 0, 25, { rtol, atol: rtol * 1e-3 }).y, exact),
    );
    for (let k = 0; k < tolerances.length; k++) {
      expect(errors[k] as number).toBeLessThan(10 * (tolerances[k] as number));
      if (k > 0) expect(errors[k] as number).toBeLessThan((errors[k - 1] as number) / 10);
    }
  });

  it('integrateDormandPrince takes more steps for a tighter rtol', () => {
    const system = harmonicOscillator(2);
    const loose = integrateDormandPrince(system.f, system.y0, 0, 10, { rtol: 1e-6 }).stats.acceptedSteps;
    const tight = integrateDormandPrince(system.f, system.y0, 0, 10, { rtol: 1e-10 }).stats.acceptedSteps;
    // Step size scales as rtol^(1/5): 10⁴ tighter → about 10^(4/5) ≈ 6.3 times the steps.
    expect(tight / loose).toBeGreaterThan(4);
    expect(tight / loose).toBeLessThan(9);
  });

  it('integrateDormandPrince recovers from rejected steps after a too-large initial step', () => {
    const system = harmonicOscillator(3);
    const result = integrateDormandPrince(system.f, system.y0, 0, 5, { rtol: 1e-9, atol: 1e-12, initialStepYears: 2 });
    expect(result.stats.rejectedSteps).toBeGreaterThan(0);
    expect(relativeError(result.y, system.exact(5))).toBeLessThan(1e-7);
  });

  it('integrateDormandPrince respects maxStepYears', () => {
    const system = exponentialDecay(0.01);
    const times: number[] = [0];
    integrateDormandPrince(system.f, system.y0, 0, 10, { maxStepYears: 0.5, onStep: (t) => times.push(t) });
    for (let i = 1; i < times.length; i++) {
      expect((times[i] as number) - (times[i - 1] as number)).toBeLessThanOrEqual(0.5 * 1.01 + 1e-12);
    }
    expect(times.at(-1)).toBe(10);
  });
});

describe('integrateDormandPrince output times', () => {
  const system = harmonicOscillator(1);
  const outputTimes = Float64Array.of(0, 0.3, 1 / 7, 1 / 7, 2.5, 12.25, 25).sort();

  for (const outputMode of ['dense', 'land'] as const) {
    it(`integrateDormandPrince with outputMode '${outputMode}' matches the closed form at every output time to 1e-7`, () => {
      const result = integrateDormandPrince(system.f, system.y0, 0, 25, {
        rtol: 1e-9,
        atol: 1e-12,
        outputTimes,
        outputMode,
      });
      for (let k = 0; k < outputTimes.length; k++) {
        const state = result.outputs.subarray(2 * k, 2 * k + 2);
        expect(relativeError(state, system.exact(outputTimes[k] as number))).toBeLessThan(1e-7);
      }
      expect(Array.from(result.outputs.subarray(12, 14))).toEqual(Array.from(result.y));
    });
  }

  it("integrateDormandPrince with outputMode 'land' ends a step exactly at each output time", () => {
    const times: number[] = [];
    integrateDormandPrince(system.f, system.y0, 0, 25, {
      outputTimes,
      outputMode: 'land',
      onStep: (t) => times.push(t),
    });
    for (const t of outputTimes) if (t > 0) expect(times).toContain(t);
  });

  it("integrateDormandPrince with outputMode 'dense' takes the same steps as without output times", () => {
    const plain = integrateDormandPrince(system.f, system.y0, 0, 25).stats;
    const dense = integrateDormandPrince(system.f, system.y0, 0, 25, { outputTimes }).stats;
    expect(dense).toEqual(plain);
  });
});

describe('integrateDormandPrince edge cases', () => {
  const system = exponentialDecay(1);

  it('integrateDormandPrince over a zero-length interval returns a copy of y0 without calling f', () => {
    let calls = 0;
    const y0 = Float64Array.of(3, 4);
    const result = integrateDormandPrince(
      () => {
        calls++;
      },
      y0,
      1,
      1,
      { outputTimes: Float64Array.of(1, 1) },
    );
    expect(Array.from(result.y)).toEqual([3, 4]);
    expect(result.y).not.toBe(y0);
    expect(Array.from(result.outputs)).toEqual([3, 4, 3, 4]);
    expect(calls).toBe(0);
    expect(result.stats).toEqual({ acceptedSteps: 0, rejectedSteps: 0, evaluations: 0 });
  });

  it('integrateDormandPrince beyond maxSteps throws a RangeError naming the time reached', () => {
    const oscillator = harmonicOscillator(10);
    expect(() => integrateDormandPrince(oscillator.f, oscillator.y0, 0, 100, { maxSteps: 50 })).toThrow(RangeError);
    expect(() => integrateDormandPrince(oscillator.f, oscillator.y0, 0, 100, { maxSteps: 50 })).toThrow(
      /maxSteps: 50 steps reached t = [0-9.e-]+ years before t1 = 100/,
    );
  });

  it('integrateDormandPrince on a solution that blows up in finite time throws a RangeError naming the time', () => {
    // y′ = y², y(0) = 1 → y = 1/(1 − t), infinite at t = 1.
    const blowUp = (_t: number, y: Float64Array, out: Float64Array) => {
      out[0] = (y[0] as number) ** 2;
    };
    expect(() => integrateDormandPrince(blowUp, Float64Array.of(1), 0, 2)).toThrow(
      /step size fell to .* at t = (0\.99|1\.00)/,
    );
  });

  it('integrateDormandPrince does not modify y0', () => {
    const y0 = Float64Array.of(1);
    integrateDormandPrince(system.f, y0, 0, 5);
    expect(y0[0]).toBe(1);
  });

  for (const [name, options, pattern] of [
    ['rtol = 0', { rtol: 0 }, /rtol: 0 is not a positive/],
    ['rtol = NaN', { rtol: Number.NaN }, /rtol: NaN/],
    ['atol = -1', { atol: -1 }, /atol: -1 is negative/],
    ['maxSteps = 0.5', { maxSteps: 0.5 }, /maxSteps: 0.5 is not a positive integer/],
    ['safety = 1.2', { safety: 1.2 }, /safety: 1.2 is not below 1/],
    ['maxFactor = 1', { maxFactor: 1 }, /maxFactor: 1 is not above 1/],
    ['initialStepYears = -1', { initialStepYears: -1 }, /initialStepYears: -1/],
    ['maxStepYears = 0', { maxStepYears: 0 }, /maxStepYears: 0/],
    ['outputTimes out of order', { outputTimes: Float64Array.of(0.5, 0.2) }, /outputTimes\[1\]: 0.2 comes before/],
  ] as const) {
    it(`integrateDormandPrince with ${name} throws a RangeError naming the option`, () => {
      expect(() => integrateDormandPrince(system.f, system.y0, 0, 1, options)).toThrow(RangeError);
      expect(() => integrateDormandPrince(system.f, system.y0, 0, 1, options)).toThrow(pattern);
    });
  }

  it('integrateDormandPrince with t1 before t0 throws a RangeError naming t1', () => {
    expect(() => integrateDormandPrince(system.f, system.y0, 2, 1)).toThrow(/t1: 1 is before t0 = 2/);
  });
});
