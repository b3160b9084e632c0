import { describe, expect, it } from 'vitest';
import { percentileInterval } from '../../../src/core/sensitivity/percentile-interval.js';

describe('percentileInterval', () => {
  it('percentileInterval([3, 1, 2, 4, 5], 0.5) gives the R-7 quartiles [2, 4]', () => {
    // R: quantile(c(3, 1, 2, 4, 5), c(0.25, 0.75), type = 7) → 2 4
    expect(percentileInterval(Float64Array.of(3, 1, 2, 4, 5), 0.5)).toEqual([2, 4]);
  });

  it('percentileInterval interpolates between order statistics and leaves NaN out', () => {
    // numpy.percentile([1, 2, 3, 4], [5, 95]) → [1.15, 3.85]
    const [low, high] = percentileInterval(Float64Array.of(4, Number.NaN, 1, 3, 2), 0.9);
    expect(low).toBeCloseTo(1.15, 14);
    expect(high).toBeCloseTo(3.85, 14);
    expect(percentileInterval(Float64Array.of(Number.NaN), 0.9)).toEqual([Number.NaN, Number.NaN]);
  });
});
