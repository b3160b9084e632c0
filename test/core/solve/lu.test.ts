import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  identityMatrix,
  luDecompose,
  luDeterminant,
  luSolve,
  luSolveMatrix,
  multiplyMatrices,
  multiplyMatrixVector,
  solveLinear,
} from '../../../src/core/solve/index.js';

const maxAbs = (v: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
};

/** A random n × n matrix made diagonally dominant (so well conditioned) and a right-hand side. */
const system = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    entries: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }),
    b: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
  }),
);

describe('luDecompose and luSolve', () => {
  it('luSolve leaves a residual ‖Ax − b‖∞ below 1e-12·‖A‖·‖x‖ on random well-conditioned systems', () => {
    fc.assert(
      fc.property(system, ({ n, entries, b }) => {
        const a = Float64Array.from(entries);
        for (let i = 0; i < n; i++) a[i * n + i] = (a[i * n + i] as number) + 10 * n + 1;
        const rhs = Float64Array.from(b);
        const x = solveLinear(a, n, rhs);
        const residual = multiplyMatrixVector(a, x, n);
        for (let i = 0; i < n; i++) residual[i] = (residual[i] as number) - (rhs[i] as number);
        expect(maxAbs(residual)).toBeLessThanOrEqual(1e-12 * maxAbs(a) * n * Math.max(maxAbs(x), 1e-300) + 1e-300);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('luDecompose pivots on a zero leading entry: [[0, 1], [1, 0]] swaps the rows', () => {
    const lu = luDecompose(Float64Array.of(0, 1, 1, 0), 2);
    expect(lu.sign).toBe(-1);
    expect(Array.from(lu.pivots)).toEqual([1, 0]);
    expect(Array.from(luSolve(lu, Float64Array.of(3, 4)))).toEqual([4, 3]);
  });

  it('luDecompose on a 3 × 3 system gives the textbook solution [1, 2, 3]', () => {
    // 2x + y − z = 1; −3x − y + 2z = 1; −2x + y + 2z = 6 (Gaussian elimination example).
    const a = Float64Array.of(2, 1, -1, -3, -1, 2, -2, 1, 2);
    const x = solveLinear(a, 3, Float64Array.of(1, 1, 6));
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(2, 14);
    expect(x[2]).toBeCloseTo(3, 14);
  });

  it('luDeterminant equals the product of eigenvalues of a triangular matrix and the 2 × 2 formula', () => {
    expect(luDeterminant(luDecompose(Float64Array.of(1, 2, 3, 4), 2))).toBeCloseTo(-2, 14);
    expect(luDeterminant(luDecompose(Float64Array.of(2, 5, 7, 0, 3, 1, 0, 0, -4), 3))).toBeCloseTo(-24, 13);
  });

  it('luSolveMatrix with B = I gives the inverse: A·X = I to 1e-14', () => {
    const a = Float64Array.of(4, -2, 1, 3, 6, -4, 2, 1, 8);
    const inverse = luSolveMatrix(luDecompose(a, 3), identityMatrix(3));
    const product = multiplyMatrices(a, inverse, 3);
    const identity = identityMatrix(3);
    for (let i = 0; i < 9; i++) expect(Math.abs((product[i] as number) - (identity[i] as number))).toBeLessThan(1e-14);
  });

  it('luDecompose flags a singular matrix and luSolve refuses it with a RangeError', () => {
    const lu = luDecompose(Float64Array.of(1, 2, 2, 4), 2);
    expect(lu.singular).toBe(true);
    expect(luDeterminant(lu)).toBe(0);
    expect(() => luSolve(lu, Float64Array.of(1, 1))).toThrow(/singular/);
    expect(luDecompose(new Float64Array(4), 2).singular).toBe(true);
  });

  it('luDecompose of a 0 × 0 matrix is an empty, non-singular factorisation', () => {
    const lu = luDecompose(new Float64Array(0), 0);
    expect(lu.singular).toBe(false);
    expect(luSolve(lu, new Float64Array(0)).length).toBe(0);
  });

  it('luDecompose with a length that is not n² throws a RangeError naming matrix', () => {
    expect(() => luDecompose(new Float64Array(5), 2)).toThrow(/matrix: length 5 does not fit an 2 × 2 matrix/);
  });

  it('luDecompose with a NaN entry throws a RangeError naming the entry', () => {
    expect(() => luDecompose(Float64Array.of(1, Number.NaN, 0, 1), 2)).toThrow(/matrix\[0, 1\]: NaN is not finite/);
  });

  it('luSolve with a right-hand side of the wrong length throws a RangeError naming b', () => {
    expect(() => luSolve(luDecompose(identityMatrix(2), 2), Float64Array.of(1, 2, 3))).toThrow(/b: length 3/);
  });

  it('luDecompose with a plain array throws a TypeError naming matrix', () => {
    expect(() => luDecompose([1, 0, 0, 1] as unknown as Float64Array, 2)).toThrow(TypeError);
  });
});
