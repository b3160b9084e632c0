import { describe, expect, it } from 'vitest';
import { type Derivative, integrateDormandPrince, integrateRk4 } from '../../../src/core/solve/index.js';
import { relativeError } from './closed-forms.js';

// Lotka–Volterra predator–prey: x′ = αx − βxy, y′ = δxy − γy, a nonlinear system without an
// elementary closed form; its first integral V = δx − γ ln x + βy − α ln y is conserved.
const alpha = 0.6;
const beta = 0.05;
const delta = 0.02;
const gamma = 0.4;
const lotkaVolterra: Derivative = (_t, y, out) => {
  const x = y[0] as number;
  const p = y[1] as number;
  out[0] = alpha * x - beta * x * p;
  out[1] = delta * x * p - gamma * p;
};
const invariant = (y: Float64Array): number => {
  const x = y[0] as number;
  const p = y[1] as number;
  return delta * x - gamma * Math.log(x) + beta * p - alpha * Math.log(p);
};

// Logistic growth y′ = r·y(1 − y/K) → y = K / (1 + (K/y0 − 1)e^{−rt}).
const rate = 0.5;
const capacity = 100;
const logistic: Derivative = (_t, y, out) => {
  out[0] = rate * (y[0] as number) * (1 - (y[0] as number) / capacity);
};

describe('integrateRk4 and integrateDormandPrince agree on nonlinear systems', () => {
  it('both solve Lotka–Volterra over 25 years to within 1e-7 of each other', () => {
    const y0 = Float64Array.of(20, 8);
    const times = Float64Array.from({ length: 26 }, (_, k) => k);
    const rk4 = integrateRk4(lotkaVolterra, y0, 0, 25, { stepYears: 1 / 200, outputTimes: times });
    const dopri = integrateDormandPrince(lotkaVolterra, y0, 0, 25, { rtol: 1e-12, atol: 1e-12, outputTimes: times });
    for (let k = 0; k < times.length; k++) {
      expect(
        relativeError(rk4.outputs.subarray(2 * k, 2 * k + 2), dopri.outputs.subarray(2 * k, 2 * k + 2)),
      ).toBeLessThan(1e-7);
    }
  });

  it('both conserve the Lotka–Volterra first integral to 1e-9 relative', () => {
    const y0 = Float64Array.of(20, 8);
    const v0 = invariant(y0);
    const rk4 = integrateRk4(lotkaVolterra, y0, 0, 25, { stepYears: 1 / 200 });
    const dopri = integrateDormandPrince(lotkaVolterra, y0, 0, 25, { rtol: 1e-12, atol: 1e-12 });
    expect(Math.abs(invariant(rk4.y) / v0 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(invariant(dopri.y) / v0 - 1)).toBeLessThan(1e-9);
  });

  it('both match the logistic closed form over 25 years (RK4 at 1/12 to 1e-9, DOPRI at rtol 1e-9 to 1e-8)', () => {
    const y0 = Float64Array.of(5);
    const exact = capacity / (1 + (capacity / 5 - 1) * Math.exp(-rate * 25));
    const rk4 = integrateRk4(logistic, y0, 0, 25);
    const dopri = integrateDormandPrince(logistic, y0, 0, 25, { rtol: 1e-9 });
    expect(Math.abs((rk4.y[0] as number) / exact - 1)).toBeLessThan(1e-9);
    expect(Math.abs((dopri.y[0] as number) / exact - 1)).toBeLessThan(1e-8);
    expect(Math.abs((rk4.y[0] as number) - (dopri.y[0] as number)) / exact).toBeLessThan(1e-7);
  });
});
