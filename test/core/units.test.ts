import { describe, expect, it } from 'vitest';
import { parseShare } from '../../src/core/units.js';

describe('parseShare', () => {
  it.each([
    ['3.5%', 0.035],
    ['2 %', 0.02],
    ['0.035', 0.035],
    [0.02, 0.02],
    ['.5', 0.5],
    ['0%', 0],
  ])('reads %s as %f', (text, value) => {
    expect(parseShare(text, 'x')).toBeCloseTo(value, 15);
  });

  it.each([
    ['2', /ambiguous; write a percentage such as 2%/],
    ['abc', /"abc" is not a share of GDP/],
    ['120%', /out of range/],
    ['-1%', /out of range/],
  ])('rejects %s', (text, message) => {
    expect(() => parseShare(text, 'threshold')).toThrow(message);
  });
});
