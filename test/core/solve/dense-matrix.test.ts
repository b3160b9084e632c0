import { describe, expect, it } from 'vitest';
import { identityMatrix, matrixNorm1, multiplyMatrices, multiplyMatrixVector } from '../../../src/core/solve/index.js';

describe('dense matrix helpers', () => {
  it('identityMatrix(3) has ones on the diagonal only', () => {
    expect(Array.from(identityMatrix(3))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('multiplyMatrices multiplies row-major matrices', () => {
    expect(Array.from(multiplyMatrices(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2))).toEqual([
      19, 22, 43, 50,
    ]);
  });

  it('multiplyMatrices overwrites a supplied output buffer', () => {
    const out = Float64Array.of(9, 9, 9, 9);
    multiplyMatrices(identityMatrix(2), Float64Array.of(1, 2, 3, 4), 2, out);
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
  });

  it('multiplyMatrixVector multiplies a matrix by a vector', () => {
    expect(Array.from(multiplyMatrixVector(Float64Array.of(1, 2, 3, 4), Float64Array.of(1, -1), 2))).toEqual([-1, -1]);
  });

  it('matrixNorm1 is the largest absolute column sum', () => {
    expect(matrixNorm1(Float64Array.of(1, -7, -3, 4), 2)).toBe(11);
  });

  it('multiplyMatrices with mismatched sizes throws a RangeError naming the argument', () => {
    expect(() => multiplyMatrices(new Float64Array(4), new Float64Array(9), 2)).toThrow(/b: length 9/);
  });

  it('identityMatrix with a fractional order throws a RangeError naming n', () => {
    expect(() => identityMatrix(1.5)).toThrow(/n: 1.5/);
  });
});
