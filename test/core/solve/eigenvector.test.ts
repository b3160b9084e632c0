import { describe, expect, it } from 'vitest';
import { eigenvalues, eigenvector } from '../../../src/core/solve/index.js';

/** `‖A·v − λ·v‖∞ / (‖A‖∞·‖v‖∞)` for a real eigenpair. */
function relativeResidual(a: Float64Array, n: number, lambda: number, v: Float64Array): number {
  let worst = 0;
  let norm = 0;
  let size = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    let row = 0;
    for (let j = 0; j < n; j++) {
      s += (a[i * n + j] as number) * (v[j] as number);
      row += Math.abs(a[i * n + j] as number);
    }
    worst = Math.max(worst, Math.abs(s - lambda * (v[i] as number)));
    norm = Math.max(norm, row);
    size = Math.max(size, Math.abs(v[i] as number));
  }
  return worst / (norm * size);
}

describe('eigenvector (inverse iteration)', () => {
  it('the eigenvector of [[2, 1], [1, 2]] for 3 is (1, 1) and for 1 is (1, −1)', () => {
    const a = Float64Array.of(2, 1, 1, 2);
    const three = eigenvector(a, 2, 3);
    expect(three.real[0]).toBe(1);
    expect(three.real[1]).toBeCloseTo(1, 12);
    expect(Array.from(three.imaginary)).toEqual([0, 0]);
    const one = eigenvector(a, 2, 1);
    expect(Math.abs(one.real[0] as number)).toBeCloseTo(1, 12);
    expect((one.real[0] as number) + (one.real[1] as number)).toBeCloseTo(0, 12);
  });

  it('a complex eigenvalue: the rotation [[0, −1], [1, 0]] has (1, −i) for +i, scaled so the first component is 1', () => {
    const v = eigenvector(Float64Array.of(0, -1, 1, 0), 2, 0, 1);
    expect(v.real[0]).toBe(1);
    expect(v.imaginary[0]).toBe(0);
    expect(v.real[1]).toBeCloseTo(0, 12);
    expect(v.imaginary[1]).toBeCloseTo(-1, 12);
    expect(v.residual).toBeLessThan(1e-12);
  });

  it('solves a matrix whose entries span 14 orders of magnitude (shares of GDP against stocks in millions)', () => {
    // ds/dt = −0.4 s + 10⁻⁷ K_other; dK/dt = 10⁶ s − 0.1 K: the Jacobian of two coupled actors.
    const n = 4;
    const a = new Float64Array(n * n);
    const set = (i: number, j: number, v: number) => {
      a[i * n + j] = v;
    };
    set(0, 0, -0.4);
    set(1, 1, -0.4);
    set(0, 3, 1.5e-7);
    set(1, 2, 1.5e-7);
    set(2, 0, 1e6);
    set(3, 1, 1e6);
    set(2, 2, -0.1);
    set(3, 3, -0.1);
    const { real } = eigenvalues(a, n);
    // (μ + 0.4)(μ + 0.1) = 0.15 for the in-phase mode.
    const mu = (-0.5 + Math.sqrt(0.09 + 4 * 0.15)) / 2;
    expect(real[0]).toBeCloseTo(mu, 10);
    const v = eigenvector(a, n, real[0] as number);
    expect(relativeResidual(a, n, real[0] as number, v.real)).toBeLessThan(1e-12);
    // Burdens in phase, capability = 10⁶·s/(μ + 0.1).
    expect((v.real[1] as number) / (v.real[0] as number)).toBeCloseTo(1, 10);
    expect((v.real[2] as number) / (v.real[0] as number) / (1e6 / (mu + 0.1))).toBeCloseTo(1, 10);
  });

  it('rejects a non-finite eigenvalue', () => {
    expect(() => eigenvector(Float64Array.of(1), 1, Number.NaN)).toThrow(RangeError);
  });
});
