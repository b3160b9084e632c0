import { describe, expect, it } from 'vitest';
import { saltelliRows, saltelliSample } from '../../../src/core/sensitivity/index.js';
import { describeSaltelliRun, resolveBaseSamples } from '../../../src/core/sensitivity/saltelli-sample.js';

describe('saltelliSample', () => {
  const x = { name: 'x', low: 0, high: 1 };

  it("saltelliSample([x], 4) takes A from Sobol' points 4–7 (skip = N), as in its @example", () => {
    const sample = saltelliSample([x], 4);
    expect(Array.from(sample.a)).toEqual([0.375, 0.875, 0.625, 0.125]);
    expect(Array.from(sample.b)).toEqual([0.375, 0.875, 0.125, 0.625]);
    expect(sample.skip).toBe(4);
    expect(saltelliRows(sample).length).toBe(12);
    expect(describeSaltelliRun(sample, 5)).toBe('run 5 (row 1 of B)');
  });

  it('saltelliSample(factors, N) builds AB_i as A with column i of B, and BA_i the other way', () => {
    const factors = [
      { name: 'a', low: 0, high: 1 },
      { name: 'b', low: 10, high: 20 },
      { name: 'c', low: -1, high: 1 },
    ];
    const sample = saltelliSample(factors, 16, { secondOrder: true });
    expect(sample.ab.length).toBe(3);
    expect(sample.ba.length).toBe(3);
    for (let i = 0; i < 3; i++) {
      for (let r = 0; r < 16; r++) {
        for (let j = 0; j < 3; j++) {
          expect(sample.ab[i]?.[3 * r + j]).toBe((i === j ? sample.b : sample.a)[3 * r + j]);
          expect(sample.ba[i]?.[3 * r + j]).toBe((i === j ? sample.a : sample.b)[3 * r + j]);
        }
      }
    }
    // Each column of A and of B is one point in each of the 16 equal cells of its range.
    for (const matrix of [sample.a, sample.b]) {
      factors.forEach((factor, j) => {
        const cells = new Set(
          Array.from({ length: 16 }, (_, r) =>
            Math.floor((((matrix[3 * r + j] as number) - factor.low) / (factor.high - factor.low)) * 16),
          ),
        );
        expect(cells.size).toBe(16);
      });
    }
    expect(saltelliRows(sample).length).toBe(16 * 8 * 3);
    expect(describeSaltelliRun(sample, 16 * 7 + 2)).toBe('run 114 (row 2 of BA_3)');
  });

  it('saltelliSample(factors, 100) rounds N up to 128 with a note; resolveBaseSamples(1000) gives 1024', () => {
    expect(saltelliSample([x], 100).baseSamples).toBe(128);
    expect(saltelliSample([x], 100).notes).toHaveLength(1);
    expect(resolveBaseSamples(1000).baseSamples).toBe(1024);
    expect(resolveBaseSamples(1024).note).toBeUndefined();
  });

  it('saltelliSample with skip 0 puts the origin in A, which an unbounded inverseCdf rejects with a hint', () => {
    const normalish = { name: 'z', inverseCdf: (u: number) => Math.log(u / (1 - u)) };
    expect(saltelliSample([x], 4, { skip: 0 }).a[0]).toBe(0);
    expect(() => saltelliSample([normalish], 4, { skip: 0 })).toThrow(
      'z: inverseCdf(0) is -Infinity; return a finite value for every u in (0, 1), or keep the sample off the bounds (e.g. skip ≥ 1)',
    );
    expect(() => saltelliSample([normalish], 4)).not.toThrow();
  });
});
