import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EigenvalueConvergenceError,
  eigenvalues,
  luDecompose,
  luDeterminant,
  spectralAbscissa,
} from '../../../src/core/solve/index.js';

/** Compare sorted eigenvalues with expected [re, im] pairs (sorted the same way). */
function expectEigenvalues(matrix: number[], n: number, expected: [number, number][], tolerance: number): void {
  const { real, imaginary } = eigenvalues(Float64Array.from(matrix), n);
  const sorted = [...expected].sort((p, q) => q[0] - p[0] || Math.abs(q[1]) - Math.abs(p[1]) || q[1] - p[1]);
  expect(real.length).toBe(n);
  sorted.forEach(([re, im], k) => {
    expect(Math.abs((real[k] as number) - re)).toBeLessThan(tolerance);
    expect(Math.abs((imaginary[k] as number) - im)).toBeLessThan(tolerance);
  });
}

describe('eigenvalues of known matrices', () => {
  it('eigenvalues of a symmetric 2 × 2 matrix [[2, 1], [1, 2]] are 3 and 1', () => {
    expectEigenvalues(
      [2, 1, 1, 2],
      2,
      [
        [3, 0],
        [1, 0],
      ],
      1e-14,
    );
  });

  it('eigenvalues of the symmetric tridiagonal (−1, 2, −1) matrix of order 8 are 2 − 2cos(kπ/9)', () => {
    const n = 8;
    const a: number[] = new Array(n * n).fill(0);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2;
      if (i > 0) a[i * n + i - 1] = -1;
      if (i < n - 1) a[i * n + i + 1] = -1;
    }
    const expected = Array.from({ length: n }, (_, k): [number, number] => [
      2 - 2 * Math.cos(((k + 1) * Math.PI) / 9),
      0,
    ]);
    expectEigenvalues(a, n, expected, 1e-13);
  });

  it('eigenvalues of the rotation generator [[0, −w], [w, 0]] are the complex pair ±iw', () => {
    expectEigenvalues(
      [0, -0.7, 0.7, 0],
      2,
      [
        [0, 0.7],
        [0, -0.7],
      ],
      1e-15,
    );
  });

  it('eigenvalues of a damped rotation [[a, −w], [w, a]] are a ± iw', () => {
    expectEigenvalues(
      [-0.2, -1.5, 1.5, -0.2],
      2,
      [
        [-0.2, 1.5],
        [-0.2, -1.5],
      ],
      1e-14,
    );
  });

  it('eigenvalues of the companion matrix of (x−1)(x−2)(x−3)(x−4) are 1, 2, 3, 4', () => {
    // x⁴ − 10x³ + 35x² − 50x + 24.
    expectEigenvalues(
      [10, -35, 50, -24, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0],
      4,
      [
        [4, 0],
        [3, 0],
        [2, 0],
        [1, 0],
      ],
      1e-12,
    );
  });

  it('eigenvalues of the companion matrix of (x² + 1)(x − 2)(x + 3) are ±i, 2, −3', () => {
    // (x² + 1)(x² + x − 6) = x⁴ + x³ − 5x² + x − 6.
    expectEigenvalues(
      [-1, 5, -1, 6, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0],
      4,
      [
        [2, 0],
        [0, 1],
        [0, -1],
        [-3, 0],
      ],
      1e-12,
    );
  });

  it('eigenvalues of a defective Jordan block [[1, 1], [0, 1]] are 1 (double), accurate to √ε', () => {
    expectEigenvalues(
      [1, 1, 0, 1],
      2,
      [
        [1, 0],
        [1, 0],
      ],
      1e-8,
    );
  });

  it('eigenvalues of a perturbed 3 × 3 Jordan block are 1 to about ε^(1/3)', () => {
    // Similarity transform of J₃(1) by an upper-triangular matrix, so the defect is hidden.
    expectEigenvalues(
      [1, 2, 3, 0, 1, 4, 0, 0, 1],
      3,
      [
        [1, 0],
        [1, 0],
        [1, 0],
      ],
      1e-4,
    );
  });

  it('eigenvalues agree with numpy.linalg.eigvals on a 5 × 5 nonsymmetric matrix to 1e-12', () => {
    // python3 -c "import numpy as np; B=np.array([[4,-2,1,0,3],[1,1,-1,2,0],[0,3,2,-1,1],[2,0,1,-3,2],
    //   [-1,1,0,2,1]],float); print(np.linalg.eigvals(B))"   (numpy 2.4.6)
    expectEigenvalues(
      [4, -2, 1, 0, 3, 1, 1, -1, 2, 0, 0, 3, 2, -1, 1, 2, 0, 1, -3, 2, -1, 1, 0, 2, 1],
      5,
      [
        [3.8782849533004407, 0],
        [1.5506960206945901, 2.4062260792215464],
        [1.5506960206945901, -2.4062260792215464],
        [1.3307085190725965, 0],
        [-3.310385513762214, 0],
      ],
      1e-12,
    );
  });

  it('eigenvalues converges on a Jacobian with a cluster of 30 eigenvalues near −0.1 and agrees with numpy on its margin', () => {
    // A member's 68 × 68 Jacobian (its 34 capability rows share one depreciation rate). The QR
    // iteration needs more than 60 iterations on one eigenvalue here; the budget is per matrix.
    // Reference: test/fixtures/eigenvalues/clustered-jacobian.json (numpy.linalg.eigvals).
    const fixture = JSON.parse(
      readFileSync(new URL('../../fixtures/eigenvalues/clustered-jacobian.json', import.meta.url), 'utf8'),
    ) as { n: number; matrix: number[]; real: number[]; imaginary: number[] };
    const { n } = fixture;
    const result = eigenvalues(Float64Array.from(fixture.matrix), n);
    expect(result.real[0]).toBeCloseTo(fixture.real[0] as number, 12);
    expect(result.real[1]).toBeCloseTo(fixture.real[1] as number, 12);
    expect(Math.abs(result.imaginary[1] as number)).toBeCloseTo(Math.abs(fixture.imaginary[1] as number), 12);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += fixture.matrix[i * n + i] as number;
    expect(result.real.reduce((sum, v) => sum + v, 0)).toBeCloseTo(trace, 10);
  });

  it('eigenvalues of a 1 × 1 matrix and of a badly scaled diagonal matrix are exact', () => {
    expectEigenvalues([-4.5], 1, [[-4.5, 0]], 0.1e-300);
    expectEigenvalues(
      [1e10, 0, 0, 1e-10],
      2,
      [
        [1e10, 0],
        [1e-10, 0],
      ],
      1e-20,
    );
  });
});

describe('eigenvalues invariants', () => {
  it('the eigenvalues of random matrices sum to the trace and multiply to the determinant', () => {
    const matrices = fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        entries: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      }),
    );
    fc.assert(
      fc.property(matrices, ({ n, entries }) => {
        const a = Float64Array.from(entries);
        const { real, imaginary } = eigenvalues(a, n);
        let trace = 0;
        let scale = 0;
        for (let i = 0; i < n; i++) trace += a[i * n + i] as number;
        for (const v of a) scale = Math.max(scale, Math.abs(v));
        let sumRe = 0;
        let sumIm = 0;
        let prodRe = 1;
        let prodIm = 0;
        for (let k = 0; k < n; k++) {
          sumRe += real[k] as number;
          sumIm += imaginary[k] as number;
          const re = prodRe * (real[k] as number) - prodIm * (imaginary[k] as number);
          prodIm = prodRe * (imaginary[k] as number) + prodIm * (real[k] as number);
          prodRe = re;
        }
        const det = luDeterminant(luDecompose(a, n));
        expect(Math.abs(sumRe - trace)).toBeLessThan(1e-10 * n * Math.max(1, scale));
        expect(Math.abs(sumIm)).toBeLessThan(1e-10 * n * Math.max(1, scale));
        expect(Math.abs(prodRe - det)).toBeLessThan(1e-8 * Math.max(1, (n * scale) ** n));
        // Complex eigenvalues come in conjugate pairs next to each other.
        for (let k = 0; k < n; k++) {
          if ((imaginary[k] as number) > 0) {
            expect(imaginary[k + 1]).toBe(-(imaginary[k] as number));
            expect(real[k + 1]).toBe(real[k]);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('eigenvalues does not modify its argument', () => {
    const a = Float64Array.of(1, 2, 3, 4);
    eigenvalues(a, 2);
    expect(Array.from(a)).toEqual([1, 2, 3, 4]);
  });

  it('eigenvalues with a length that is not n² throws a RangeError naming matrix', () => {
    expect(() => eigenvalues(new Float64Array(3), 2)).toThrow(/matrix: length 3/);
  });

  it('EigenvalueConvergenceError carries a stable code', () => {
    const error = new EigenvalueConvergenceError('eigenvalues-no-convergence', 'x');
    expect(error.code).toBe('eigenvalues-no-convergence');
    expect(error.name).toBe('EigenvalueConvergenceError');
  });
});

describe('spectralAbscissa', () => {
  it('spectralAbscissa of an upper-triangular matrix is its largest diagonal entry', () => {
    expect(spectralAbscissa(Float64Array.of(-1, 2, 0, -3), 2)).toBe(-1);
  });

  it('spectralAbscissa of a damped rotation is the real part of the complex pair', () => {
    expect(spectralAbscissa(Float64Array.of(-0.2, -1.5, 1.5, -0.2), 2)).toBeCloseTo(-0.2, 14);
  });

  it('spectralAbscissa of a 0 × 0 matrix throws a RangeError naming n', () => {
    expect(() => spectralAbscissa(new Float64Array(0), 0)).toThrow(/n: 0/);
  });
});
