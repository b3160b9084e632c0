import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityMatrix, matrixExponential, multiplyMatrices } from '../../../src/core/solve/index.js';

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
};

/** e^A by its Taylor series Σ A^k / k!, summed until the terms vanish (reliable for ‖A‖ ≤ 1). */
function taylorExponential(a: Float64Array, n: number): Float64Array {
  const sum = identityMatrix(n);
  let term = identityMatrix(n);
  for (let k = 1; k <= 40; k++) {
    term = multiplyMatrices(term, a, n);
    for (let i = 0; i < term.length; i++) term[i] = (term[i] as number) / k;
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (term[i] as number);
  }
  return sum;
}

describe('matrixExponential against closed forms', () => {
  it('matrixExponential of a diagonal matrix exponentiates the diagonal', () => {
    const d = [-3, -0.5, 0, 1.25, 7];
    const a = new Float64Array(25);
    d.forEach((v, i) => {
      a[i * 5 + i] = v;
    });
    const e = matrixExponential(a, 5);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const expected = i === j ? Math.exp(d[i] as number) : 0;
        expect(Math.abs((e[i * 5 + j] as number) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, expected));
      }
    }
  });

  it('matrixExponential of a nilpotent matrix N (N³ = 0) is I + N + N²/2 exactly', () => {
    const n = Float64Array.of(0, 2, -1, 0, 0, 3, 0, 0, 0);
    // I + N + N²/2 with N² = [[0, 0, 6], [0, 0, 0], [0, 0, 0]].
    expect(maxDifference(matrixExponential(n, 3), [1, 2, 2, 0, 1, 3, 0, 0, 1])).toBeLessThan(1e-14);
  });

  for (const angle of [0.01, 0.5, 3, 50, 1000]) {
    it(`matrixExponential([[0, −w], [w, 0]]) is the rotation by w = ${angle} (cos, sin) to 1e-13·max(1, w)`, () => {
      const e = matrixExponential(Float64Array.of(0, -angle, angle, 0), 2);
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      expect(maxDifference(e, [c, -s, s, c])).toBeLessThan(1e-13 * Math.max(1, angle));
    });
  }

  it('matrixExponential of an upper-triangular 2 × 2 matrix matches the divided-difference formula', () => {
    // exp([[a, b], [0, c]]) = [[e^a, b(e^a − e^c)/(a − c)], [0, e^c]].
    const [a, b, c] = [-0.7, 3, 0.4];
    const e = matrixExponential(Float64Array.of(a, b, 0, c), 2);
    const expected = [Math.exp(a), (b * (Math.exp(a) - Math.exp(c))) / (a - c), 0, Math.exp(c)];
    expect(maxDifference(e, expected)).toBeLessThan(1e-14);
  });

  it('matrixExponential agrees with scipy.linalg.expm on a 4 × 4 matrix of 1-norm 7.75 (scaling path) to 1e-13 relative', () => {
    // python3 -c "import numpy as np, scipy.linalg as sl; A=np.array([[1.5,-2,0.5,3],[0.25,-1,2,-0.5],
    //   [4,1,-3,1.5],[-2,0.5,1,2]]); print(sl.expm(A).ravel().tolist())"   (scipy 1.17.1)
    const a = Float64Array.of(1.5, -2, 0.5, 3, 0.25, -1, 2, -0.5, 4, 1, -3, 1.5, -2, 0.5, 1, 2);
    const expected = [
      -3.6391508023744255, 2.192759282471347, 1.8477321423407458, 7.733870047883599, 0.5494517640337606,
      0.35671349350270104, 1.111431007233667, 4.882038538677605, -1.9283410851135994, 1.5725311295344884,
      1.8656206985165802, 7.9590029782418625, -1.8218492117206841, 2.4794106623637293, 1.0916900787715889,
      0.1364255924427503,
    ];
    expect(maxDifference(matrixExponential(a, 4), expected) / 7.96).toBeLessThan(1e-13);
  });

  it('matrixExponential of a 0 × 0 matrix is empty and of the zero matrix is I', () => {
    expect(matrixExponential(new Float64Array(0), 0).length).toBe(0);
    expect(Array.from(matrixExponential(new Float64Array(9), 3))).toEqual(Array.from(identityMatrix(3)));
  });
});

describe('matrixExponential properties', () => {
  const matrix = () =>
    fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        entries: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      }),
    );

  it('matrixExponential agrees with the Taylor series for 1-norm at most 1 to 1e-14 (Padé degrees 3 to 9)', () => {
    fc.assert(
      fc.property(matrix(), fc.double({ min: 1e-4, max: 1, noNaN: true }), ({ n, entries }, norm) => {
        const a = Float64Array.from(entries);
        let largest = 0;
        for (let j = 0; j < n; j++) {
          let column = 0;
          for (let i = 0; i < n; i++) column += Math.abs(a[i * n + j] as number);
          largest = Math.max(largest, column);
        }
        if (largest === 0) return;
        for (let i = 0; i < a.length; i++) a[i] = ((a[i] as number) / largest) * norm;
        expect(maxDifference(matrixExponential(a, n), taylorExponential(a, n))).toBeLessThan(1e-14);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('matrixExponential(A)·matrixExponential(−A) = I for random matrices with entries up to 5 (to 1e-11)', () => {
    fc.assert(
      fc.property(matrix(), ({ n, entries }) => {
        const a = Float64Array.from(entries, (v) => 5 * v);
        const product = multiplyMatrices(
          matrixExponential(a, n),
          matrixExponential(
            a.map((v) => -v),
            n,
          ),
          n,
        );
        // The error grows with the condition of e^A, at most about e^{2‖A‖}·ε.
        let norm = 0;
        for (const v of a) norm = Math.max(norm, Math.abs(v) * n);
        expect(maxDifference(product, identityMatrix(n))).toBeLessThan(1e-13 * Math.exp(norm) + 1e-12);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('matrixExponential(A·(s + t)) = matrixExponential(A·s)·matrixExponential(A·t)', () => {
    const a = Float64Array.of(-0.5, 0.2, 0.1, 0.3, -0.4, 0.05, 0.02, 0.1, -0.3);
    const scaled = (k: number) => a.map((v) => v * k);
    const whole = matrixExponential(scaled(25), 3);
    const parts = multiplyMatrices(matrixExponential(scaled(10), 3), matrixExponential(scaled(15), 3), 3);
    expect(maxDifference(whole, parts)).toBeLessThan(1e-14);
  });
});

describe('matrixExponential argument checks', () => {
  it('matrixExponential with a length that is not n² throws a RangeError naming matrix', () => {
    expect(() => matrixExponential(new Float64Array(3), 2)).toThrow(/matrix: length 3/);
  });

  it('matrixExponential with an infinite entry throws a RangeError naming the entry', () => {
    expect(() => matrixExponential(Float64Array.of(0, Number.POSITIVE_INFINITY, 0, 0), 2)).toThrow(
      /matrix\[0, 1\]: Infinity is not finite/,
    );
  });
});
