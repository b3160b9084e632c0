import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundarySegment,
  DEFAULT_DETERRENCE,
  deterrenceBoundaries,
  deterrenceParameters,
  deterrencePosition,
  mutualDeterrenceVertex,
} from '../../../src/core/analyze/deterrence.js';

// Closed forms of the linear Intriligator–Brito regions, written out here independently of the code:
// A deters B iff x − f_B·y ≥ Ū_A; B deters A iff y − f_A·x ≥ Ū_B; A may initiate iff y − f_A·x ≤ Â_A.
const params = {
  retaliationNeededA: 300,
  retaliationNeededB: 500,
  acceptedByA: 20,
  acceptedByB: 10,
  exchangeA: 0.4,
  exchangeB: 0.6,
};

describe('deterrencePosition', () => {
  it('deterrencePosition puts the vertex of the cone at the closed form ((Ū_A + f_B Ū_B), (Ū_B + f_A Ū_A)) / (1 − f_A f_B)', () => {
    const det = 1 - 0.4 * 0.6;
    const v = mutualDeterrenceVertex(params);
    expect(v?.a).toBeCloseTo((300 + 0.6 * 500) / det, 10);
    expect(v?.b).toBeCloseTo((500 + 0.4 * 300) / det, 10);
    // On the vertex both surpluses are zero; a little above it both sides deter.
    const at = deterrencePosition(v?.a ?? 0, v?.b ?? 0, params);
    expect(at.surplusA).toBeCloseTo(0, 9);
    expect(at.surplusB).toBeCloseTo(0, 9);
    expect(deterrencePosition((v?.a ?? 0) + 5, (v?.b ?? 0) + 5, params).region).toBe('mutual-deterrence');
    expect(deterrencePosition((v?.a ?? 0) - 5, (v?.b ?? 0) - 5, params).region).not.toBe('mutual-deterrence');
  });

  it('deterrencePosition switches region exactly on each boundary line', () => {
    for (const y of [0, 250, 900]) {
      const line = 300 + 0.6 * y; // x at which A starts to deter B
      expect(deterrencePosition(line + 1e-6, y, params).aDeters).toBe(true);
      expect(deterrencePosition(line - 1e-6, y, params).aDeters).toBe(false);
      const initiate = 10 + 0.6 * y; // B may initiate at or below this x
      expect(deterrencePosition(initiate, y, params).bMayInitiate).toBe(true);
      expect(deterrencePosition(initiate + 1e-6, y, params).bMayInitiate).toBe(false);
    }
    for (const x of [0, 400, 1200]) {
      const line = 500 + 0.4 * x;
      expect(deterrencePosition(x, line + 1e-6, params).bDeters).toBe(true);
      expect(deterrencePosition(x, line - 1e-6, params).bDeters).toBe(false);
    }
  });

  it('deterrencePosition agrees with the closed-form inequalities at random points', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (x, y) => {
          const r = deterrencePosition(x, y, params);
          const aDeters = x - 0.6 * y >= 300;
          const bDeters = y - 0.4 * x >= 500;
          const initiation = y - 0.4 * x <= 20 || x - 0.6 * y <= 10;
          const expected = initiation
            ? 'war-initiation'
            : aDeters && bDeters
              ? 'mutual-deterrence'
              : aDeters
                ? 'only-a-deters'
                : bDeters
                  ? 'only-b-deters'
                  : 'no-deterrence';
          expect(r.region).toBe(expected);
        },
      ),
      { seed: 1984, numRuns: 500 },
    );
  });

  it('deterrencePosition puts a nuclear monopoly in the war-initiation region', () => {
    const r = deterrencePosition(1000, 0);
    expect(r.region).toBe('war-initiation');
    expect(r.aMayInitiate).toBe(true);
    expect(r.aDeters).toBe(true);
  });

  it('mutualDeterrenceVertex is undefined when f_A·f_B ≥ 1: no forces deter both ways', () => {
    expect(mutualDeterrenceVertex({ exchangeA: 1, exchangeB: 1 })).toBeUndefined();
    expect(mutualDeterrenceVertex()).toEqual({ a: 800, b: 800 });
  });

  it('deterrenceParameters rejects negative values and accepted damage at or above the unacceptable', () => {
    expect(() => deterrenceParameters({ exchangeA: -0.1 })).toThrow(
      /deterrence.exchangeA: -0.1 must be a finite number ≥ 0/,
    );
    expect(() => deterrenceParameters({ acceptedByA: 400 })).toThrow(
      /acceptedByA: 400 must be below retaliationNeededB \(400\)/,
    );
    expect(() => deterrencePosition(-1, 10)).toThrow(RangeError);
    expect(deterrenceParameters()).toEqual(DEFAULT_DETERRENCE);
  });
});

describe('deterrenceBoundaries and boundarySegment', () => {
  it('deterrenceBoundaries gives the four lines in closed form', () => {
    expect(deterrenceBoundaries(params)).toEqual([
      { id: 'a-deters', of: 'y', intercept: 300, slope: 0.6 },
      { id: 'b-deters', of: 'x', intercept: 500, slope: 0.4 },
      { id: 'a-may-initiate', of: 'x', intercept: 20, slope: 0.4 },
      { id: 'b-may-initiate', of: 'y', intercept: 10, slope: 0.6 },
    ]);
  });

  it('boundarySegment clips each line to the box, and its points lie on the line', () => {
    for (const line of deterrenceBoundaries(params)) {
      const seg = boundarySegment(line, 2000, 1500);
      expect(seg).toHaveLength(2);
      for (const [a, b] of seg) {
        expect(a).toBeGreaterThanOrEqual(-1e-9);
        expect(a).toBeLessThanOrEqual(2000 + 1e-9);
        expect(b).toBeGreaterThanOrEqual(-1e-9);
        expect(b).toBeLessThanOrEqual(1500 + 1e-9);
        const [free, dependent] = line.of === 'x' ? [a, b] : [b, a];
        expect(dependent).toBeCloseTo(line.intercept + line.slope * free, 9);
      }
    }
    expect(boundarySegment({ id: 'b-deters', of: 'x', intercept: 400, slope: 0.5 }, 1000, 1000)).toEqual([
      [0, 400],
      [1000, 900],
    ]);
    expect(boundarySegment({ id: 'b-deters', of: 'x', intercept: 2000, slope: 0.5 }, 1000, 1000)).toEqual([]);
  });
});
