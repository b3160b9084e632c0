import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from '../../../src/core/sensitivity/index.js';

// Reference values from SciPy 1.17.1, which carries the same Joe–Kuo table:
//   python3 -c "from scipy.stats import qmc; print(qmc.Sobol(d=3, scramble=False, bits=32).random(9).tolist())"
const FIRST_POINTS_3D = [
  [0, 0, 0],
  [0.5, 0.5, 0.5],
  [0.75, 0.25, 0.25],
  [0.25, 0.75, 0.75],
  [0.375, 0.375, 0.625],
  [0.875, 0.875, 0.125],
  [0.625, 0.125, 0.875],
  [0.125, 0.625, 0.375],
  [0.1875, 0.3125, 0.9375],
];

function point(points: Float64Array, index: number, dimensions: number): number[] {
  return Array.from(points.subarray(index * dimensions, (index + 1) * dimensions));
}

describe('sobolSequence', () => {
  it('sobolSequence(9, 3) matches the published first points of dimensions 1–3', () => {
    const points = sobolSequence(9, 3);
    expect(FIRST_POINTS_3D.map((_, n) => point(points, n, 3))).toEqual(FIRST_POINTS_3D);
  });

  it('sobolSequence(5, 2, { skip: 1 }) gives 0.5, 0.75, 0.25, 0.375, 0.875 … in dimension 1 and 0.5, 0.25, 0.75, 0.375, 0.875 … in dimension 2', () => {
    const points = sobolSequence(5, 2, { skip: 1 });
    expect([0, 1, 2, 3, 4].map((n) => points[2 * n])).toEqual([0.5, 0.75, 0.25, 0.375, 0.875]);
    expect([0, 1, 2, 3, 4].map((n) => points[2 * n + 1])).toEqual([0.5, 0.25, 0.75, 0.375, 0.875]);
  });

  it('sobolSequence(2048, 64) matches SciPy in all 64 dimensions', () => {
    // python3 -c "from scipy.stats import qmc; import numpy as np; x = qmc.Sobol(d=64, scramble=False, bits=32).random(2048);
    //   w = (np.arange(2048) + 1)[:, None] * (np.arange(64) + 1)[None, :]; print((x * 2**11 * w).sum())"  → 4468726284288.0
    const points = sobolSequence(2048, 64);
    let fingerprint = 0;
    for (let n = 0; n < 2048; n++) {
      for (let d = 0; d < 64; d++) fingerprint += (points[n * 64 + d] as number) * 2 ** 11 * (n + 1) * (d + 1);
    }
    expect(fingerprint).toBe(4468726284288);
    // x[1000][[0, 1, 15, 31, 47, 63]] and x[2047][[0, 9, 19, 39, 63]] from the same SciPy call.
    const at1000 = point(points, 1000, 64);
    expect([0, 1, 15, 31, 47, 63].map((d) => at1000[d])).toEqual([
      0.2197265625, 0.0966796875, 0.3701171875, 0.1455078125, 0.9189453125, 0.4462890625,
    ]);
    const at2047 = point(points, 2047, 64);
    expect([0, 9, 19, 39, 63].map((d) => at2047[d])).toEqual([
      0.00048828125, 0.44580078125, 0.03662109375, 0.67626953125, 0.98876953125,
    ]);
  });

  it('sobolSequence(1, 64, { skip: 3e9 }) jumps straight to a late point, as SciPy fast_forward does', () => {
    // s = qmc.Sobol(d=64, scramble=False, bits=32); s.fast_forward(3_000_000_000); s.random(1)[0][[0, 1, 2, 31, 63]]
    const late = sobolSequence(1, 64, { skip: 3_000_000_000 });
    expect([0, 1, 2, 31, 63].map((d) => late[d])).toEqual([
      0.002168526640161872, 0.04796422482468188, 0.9205889680888504, 0.8547498362604529, 0.724106473615393,
    ]);
  });

  it('sobolSequence(n, d, { skip }) equals the tail of one longer run (the Gray-code start point)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 64 }), (skip, dimensions) => {
        const full = sobolSequence(skip + 5, dimensions);
        const tail = sobolSequence(5, dimensions, { skip });
        expect(Array.from(tail)).toEqual(Array.from(full.subarray(skip * dimensions)));
      }),
      { seed: 20240611, numRuns: 40 },
    );
  });

  it('sobolSequence(2^m, 1) is a permutation of the dyadic grid {0, 1, …, 2^m − 1} / 2^m', () => {
    for (let m = 0; m <= 12; m++) {
      const size = 2 ** m;
      const scaled = Array.from(sobolSequence(size, 1), (x) => x * size).sort((a, b) => a - b);
      expect(scaled).toEqual(Array.from({ length: size }, (_, i) => i));
    }
  });

  it('sobolSequence(2^m, d, { skip: j·2^m }) puts one point in each interval [i/2^m, (i+1)/2^m) of every dimension', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: SOBOL_MAX_DIMENSIONS }),
        (m, block, dimensions) => {
          const size = 2 ** m;
          const points = sobolSequence(size, dimensions, { skip: block * size });
          for (let d = 0; d < dimensions; d++) {
            const cells = new Set<number>();
            for (let n = 0; n < size; n++) cells.add(Math.floor((points[n * dimensions + d] as number) * size));
            expect(cells.size).toBe(size);
          }
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it('sobolSequence(1024, 5, { skip: 2^32 − 1024 }) keeps every coordinate in [0, 1) up to the last point', () => {
    const points = sobolSequence(1024, 5, { skip: 2 ** 32 - 1024 });
    expect(points.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('sobolSequence(0, 3) is empty', () => {
    expect(sobolSequence(0, 3).length).toBe(0);
  });

  it('sobolSequence rejects a bad count, dimension or skip with a message saying what is accepted', () => {
    expect(() => sobolSequence(-1, 2)).toThrow(/count: -1 .*non-negative integer/);
    expect(() => sobolSequence(4, 0)).toThrow(/dimensions: 0 .*from 1 to 64/);
    expect(() => sobolSequence(4, 65)).toThrow(RangeError);
    expect(() => sobolSequence(4, 2, { skip: 1.5 })).toThrow(/skip: 1.5/);
    expect(() => sobolSequence(2, 2, { skip: 2 ** 32 - 1 })).toThrow(/exceeds the 2\^32 points/);
  });
});
