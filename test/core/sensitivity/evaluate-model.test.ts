import { describe, expect, it } from 'vitest';
import { evaluateModel } from '../../../src/core/sensitivity/index.js';

describe('evaluateModel', () => {
  it('evaluateModel(f, rows, 1, names) calls f once per row, as in its @example', () => {
    expect(Array.from(evaluateModel((x) => 2 * (x[0] ?? 0), Float64Array.of(1, 2), 1, ['a']).values)).toEqual([2, 4]);
  });

  it('evaluateModel rejects a vector model returning the wrong count and repeated output names', () => {
    const rows = Float64Array.of(1, 2);
    expect(() => evaluateModel({ outputs: ['p', 'q'], evaluateMany: () => [1] }, rows, 1, ['a'])).toThrow(
      'model.evaluateMany: returned 1 values at run 0; return 2, one per output',
    );
    expect(() => evaluateModel({ outputs: ['p', 'p'], evaluateMany: () => [1, 2] }, rows, 1, ['a'])).toThrow(
      /repeated name/,
    );
    expect(() => evaluateModel({ outputs: [], evaluateMany: () => [] }, rows, 1, ['a'])).toThrow(/is empty/);
  });

  it('evaluateModel names the output that is not finite', () => {
    expect(() =>
      evaluateModel(
        { outputs: ['p', 'q'], evaluateMany: (x) => [1, (x[0] ?? 0) > 1 ? -Infinity : 0] },
        Float64Array.of(1, 2),
        1,
        ['a'],
      ),
    ).toThrow(
      'model output q is -Infinity at run 1 (a = 2); return a finite number for every point of the factor ranges, or narrow the ranges',
    );
  });
});
