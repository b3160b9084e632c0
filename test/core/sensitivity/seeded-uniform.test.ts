import { describe, expect, it } from 'vitest';
import { createSeededUniform, randomIndex } from '../../../src/core/sensitivity/seeded-uniform.js';

describe('createSeededUniform', () => {
  it('createSeededUniform(1) starts 0.6270739405881613, as in its @example, and stays in [0, 1)', () => {
    const random = createSeededUniform(1);
    expect(random()).toBe(0.6270739405881613);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
  });

  it('createSeededUniform rejects a seed that is not a 32-bit integer; randomIndex rejects u outside [0, 1)', () => {
    expect(() => createSeededUniform(1.5)).toThrow(/seed: 1.5/);
    expect(() => createSeededUniform(2 ** 32)).toThrow(RangeError);
    expect(randomIndex(() => 0.5, 4)).toBe(2);
    expect(() => randomIndex(() => 1, 4)).toThrow(
      /random: returned 1; pass a function giving uniform numbers on \[0, 1\)/,
    );
  });
});
