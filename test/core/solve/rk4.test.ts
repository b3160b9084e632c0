import { describe, expect, it } from 'vitest';
import { createRk4Workspace, integrateRk4, rk4Step, rk4StepCount } from '../../../src/core/solve/index.js';
import {
  capabilityStock,
  exponentialDecay,
  harmonicOscillator,
  partialAdjustment,
  relativeError,
} from './closed-forms.js';

// RK4's global error for y' = −λy is about T·λ⁵h⁴/120 relative (the local error of e^z − R(z) is
// z⁵/120 with z = −λh). At h = 1/12 over 25 years: λ = 0.1 → 1e-10, λ = 0.4 → 1.0e-7.
describe('integrateRk4 against closed forms (h = 1/12 year, 25 years)', () => {
  const cases = [
    { system: exponentialDecay(0.1), tolerance: 2e-10 },
    { system: exponentialDecay(0.4), tolerance: 2e-7 },
    { system: partialAdjustment(0.4, 0.035, 0.02), tolerance: 1e-10 },
    { system: capabilityStock(1, 60e9, 0.1, 200e9), tolerance: 1e-10 },
    { system: harmonicOscillator(1), tolerance: 2e-5 },
  ];
  for (const { system, tolerance } of cases) {
    it(`integrateRk4(${system.name}) matches the closed form to ${tolerance} relative`, () => {
      const result = integrateRk4(system.f, system.y0, 0, 25);
      expect(result.steps).toBe(300);
      expect(result.evaluations).toBe(1200);
      expect(relativeError(result.y, system.exact(25))).toBeLessThan(tolerance);
    });
  }

  it('integrateRk4(capability) approaches the steady state φM/δ', () => {
    const system = capabilityStock(0.5, 80e9, 0.1, 0);
    const result = integrateRk4(system.f, system.y0, 0, 200);
    // e^{−δ·200} = e^{−20} ≈ 2e-9 of the gap remains.
    expect(Math.abs((result.y[0] as number) / ((0.5 * 80e9) / 0.1) - 1)).toBeLessThan(1e-8);
  });
});

describe('integrateRk4 convergence order', () => {
  it('halving the step cuts the error about sixteenfold (exponential decay, λ = 1, 5 years)', () => {
    const system = exponentialDecay(1);
    const exact = system.exact(5)[0] as number;
    const errors = [0.2, 0.1, 0.05].map((h) =>
      Math.abs((integrateRk4(system.f, system.y0, 0, 5, { stepYears: h }).y[0] as number) - exact),
    );
    const ratios = [(errors[0] as number) / (errors[1] as number), (errors[1] as number) / (errors[2] as number)];
    for (const ratio of ratios) {
      expect(ratio).toBeGreaterThan(14);
      expect(ratio).toBeLessThan(18);
    }
  });

  it('halving the step cuts the error about sixteenfold (harmonic oscillator, 10 years)', () => {
    const system = harmonicOscillator(1);
    const exact = system.exact(10);
    const coarse = relativeError(integrateRk4(system.f, system.y0, 0, 10, { stepYears: 0.1 }).y, exact);
    const fine = relativeError(integrateRk4(system.f, system.y0, 0, 10, { stepYears: 0.05 }).y, exact);
    expect(coarse / fine).toBeGreaterThan(14);
    expect(coarse / fine).toBeLessThan(18);
  });
});

describe('integrateRk4 output times and steps', () => {
  it('integrateRk4 with outputTimes hits each time exactly, including times off the step grid', () => {
    const system = partialAdjustment(0.4, 0.035, 0.02);
    const outputTimes = Float64Array.of(0, 1 / 7, 1, 2.5, 2.5, 10 + 1 / 3, 25);
    const seen: number[] = [];
    const result = integrateRk4(system.f, system.y0, 0, 25, { outputTimes, onStep: (t) => seen.push(t) });
    expect(result.outputs.length).toBe(outputTimes.length);
    for (let k = 0; k < outputTimes.length; k++) {
      const t = outputTimes[k] as number;
      expect(relativeError(result.outputs.subarray(k, k + 1), system.exact(t))).toBeLessThan(5e-9);
      if (t > 0) expect(seen).toContain(t);
    }
    expect(result.outputs[6]).toBe(result.y[0]);
    expect(seen.at(-1)).toBe(25);
  });

  it('integrateRk4 calls onStep with strictly increasing times and the same reused buffer', () => {
    const system = harmonicOscillator(1);
    const times: number[] = [];
    const buffers = new Set<Float64Array>();
    integrateRk4(system.f, system.y0, 0, 1, {
      onStep: (t, y) => {
        times.push(t);
        buffers.add(y);
      },
    });
    expect(times.length).toBe(12);
    for (let i = 1; i < times.length; i++) expect(times[i] as number).toBeGreaterThan(times[i - 1] as number);
    expect(times.at(-1)).toBe(1);
    expect(buffers.size).toBe(1);
  });

  it('integrateRk4 shortens the last step when the interval is not a whole number of steps', () => {
    const system = exponentialDecay(0.5);
    const result = integrateRk4(system.f, system.y0, 0, 1.05, { stepYears: 0.1 });
    expect(result.steps).toBe(11);
    // 11 steps of local error (λh)⁵/120 = 2.6e-9 each.
    expect(relativeError(result.y, system.exact(1.05))).toBeLessThan(5e-8);
  });

  it('integrateRk4 does not modify y0 and accepts a reusable workspace', () => {
    const system = exponentialDecay(0.3);
    const y0 = system.y0.slice();
    const workspace = createRk4Workspace(1);
    const a = integrateRk4(system.f, y0, 0, 3, { workspace });
    const b = integrateRk4(system.f, y0, 0, 3, { workspace });
    expect(Array.from(y0)).toEqual([1]);
    expect(a.y[0]).toBe(b.y[0]);
  });
});

describe('rk4Step', () => {
  it('rk4Step takes one step equal to the fourth-order Taylor polynomial for y′ = y', () => {
    const out = rk4Step(
      (_t, y, o) => {
        o[0] = y[0] as number;
      },
      0,
      Float64Array.of(1),
      0.1,
      new Float64Array(1),
    );
    const h = 0.1;
    expect(out[0]).toBeCloseTo(1 + h + h ** 2 / 2 + h ** 3 / 6 + h ** 4 / 24, 15);
  });

  it('rk4Step may write in place (out = y)', () => {
    const y = Float64Array.of(1, 0);
    const system = harmonicOscillator(1);
    const separate = rk4Step(system.f, 0, y, 0.1, new Float64Array(2));
    rk4Step(system.f, 0, y, 0.1, y, createRk4Workspace(2));
    expect(Array.from(y)).toEqual(Array.from(separate));
  });
});

describe('rk4StepCount and a first stage computed by the caller', () => {
  it('rk4StepCount covers a span in whole steps, merging a remainder under 1e-9 of a step', () => {
    expect(rk4StepCount(1, 0.25)).toBe(4);
    expect(rk4StepCount(1.1, 0.25)).toBe(5);
    expect(rk4StepCount(1 + 1e-12, 0.25)).toBe(4);
    expect(rk4StepCount(0.1, 0.25)).toBe(1);
  });

  it('rk4Step with firstStageReady uses workspace.k1 and calls f three times', () => {
    let calls = 0;
    const f = (_t: number, y: Float64Array, o: Float64Array) => {
      calls++;
      o[0] = -2 * (y[0] as number);
    };
    const plain = rk4Step(f, 0, Float64Array.of(1), 0.1, new Float64Array(1));
    const ws = createRk4Workspace(1);
    f(0, Float64Array.of(1), ws.k1);
    calls = 0;
    const ready = rk4Step(f, 0, Float64Array.of(1), 0.1, new Float64Array(1), ws, true);
    expect(calls).toBe(3);
    expect(ready[0]).toBe(plain[0]);
  });
});

describe('integrateRk4 edge cases', () => {
  const system = exponentialDecay(1);

  it('integrateRk4 over a zero-length interval returns a copy of y0 without calling f', () => {
    let calls = 0;
    const y0 = Float64Array.of(3, 4);
    const result = integrateRk4(
      () => {
        calls++;
      },
      y0,
      2,
      2,
      { outputTimes: Float64Array.of(2) },
    );
    expect(Array.from(result.y)).toEqual([3, 4]);
    expect(result.y).not.toBe(y0);
    expect(Array.from(result.outputs)).toEqual([3, 4]);
    expect(calls).toBe(0);
  });

  for (const bad of [0, -1 / 12, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`integrateRk4 with stepYears = ${bad} throws a RangeError naming stepYears`, () => {
      expect(() => integrateRk4(system.f, system.y0, 0, 1, { stepYears: bad })).toThrow(RangeError);
      expect(() => integrateRk4(system.f, system.y0, 0, 1, { stepYears: bad })).toThrow(/stepYears: .*positive/);
    });
  }

  it('integrateRk4 with a non-numeric stepYears throws a TypeError naming stepYears', () => {
    expect(() => integrateRk4(system.f, system.y0, 0, 1, { stepYears: '1' as unknown as number })).toThrow(/stepYears/);
  });

  it('integrateRk4 with t1 before t0 throws a RangeError naming t1', () => {
    expect(() => integrateRk4(system.f, system.y0, 1, 0)).toThrow(/t1: 0 is before t0 = 1/);
  });

  it('integrateRk4 with a non-finite t0 throws a RangeError naming t0', () => {
    expect(() => integrateRk4(system.f, system.y0, Number.NaN, 1)).toThrow(/t0: NaN is not finite/);
  });

  it('integrateRk4 with y0 not a Float64Array throws a TypeError naming y0', () => {
    expect(() => integrateRk4(system.f, [1] as unknown as Float64Array, 0, 1)).toThrow(TypeError);
    expect(() => integrateRk4(system.f, [1] as unknown as Float64Array, 0, 1)).toThrow(/y0/);
  });

  it('integrateRk4 with a workspace of another size throws a RangeError', () => {
    expect(() => integrateRk4(system.f, system.y0, 0, 1, { workspace: createRk4Workspace(3) })).toThrow(
      /workspace.k1: length 3 .*use length 1/,
    );
  });

  it('integrateRk4 with output times out of order or outside [t0, t1] throws a RangeError naming the time', () => {
    expect(() => integrateRk4(system.f, system.y0, 0, 1, { outputTimes: Float64Array.of(0.5, 0.25) })).toThrow(
      /outputTimes\[1\]: 0.25 comes before/,
    );
    expect(() => integrateRk4(system.f, system.y0, 0, 1, { outputTimes: Float64Array.of(2) })).toThrow(
      /outputTimes\[0\]: 2 is outside/,
    );
  });

  it('createRk4Workspace with a negative size throws a RangeError naming n', () => {
    expect(() => createRk4Workspace(-1)).toThrow(/n: -1/);
  });
});
