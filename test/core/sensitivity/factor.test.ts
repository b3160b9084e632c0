import { describe, expect, it } from 'vitest';
import { checkFactors, factorValue, mapUnitPoints } from '../../../src/core/sensitivity/factor.js';

describe('factors', () => {
  it('factorValue maps u to low + u·(high − low), or through inverseCdf', () => {
    expect(factorValue({ name: 'x', low: -1, high: 3 }, 0.25)).toBe(0);
    expect(factorValue({ name: 'e', inverseCdf: (u) => -Math.log1p(-u) }, 0.5)).toBeCloseTo(Math.LN2, 15);
    expect(Array.from(mapUnitPoints([{ name: 'x', low: 0, high: 10 }], Float64Array.of(0.5)))).toEqual([5]);
  });

  it('checkFactors rejects malformed factors with the index and what is accepted', () => {
    expect(() => checkFactors([{ name: '', low: 0, high: 1 }])).toThrow(TypeError);
    expect(() => checkFactors([{ name: 'x', low: 0, high: Number.POSITIVE_INFINITY }])).toThrow(
      /low 0 and high Infinity do not make a range/,
    );
    expect(() => checkFactors([{ name: 'x', low: Number.NaN, high: 1 }])).toThrow(RangeError);
    // @ts-expect-error: a factor with neither bounds nor a quantile function
    expect(() => checkFactors([{ name: 'x' }])).toThrow(/low and high must be numbers/);
    // @ts-expect-error: inverseCdf must be a function
    expect(() => checkFactors([{ name: 'x', inverseCdf: 3 }])).toThrow(/inverseCdf: is not a function/);
  });
});
