import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asin, cos, exp, expEach, log, logEach, pow, sin } from '../../../src/core/math/elementary.js';

// Reference values: `python3 scripts/elementary-tables.py reference` (mpmath, 80 digits). Each row is
// the argument(s), the nearest double of the exact value and the exact value's remainder.
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/elementary/reference.json', import.meta.url), 'utf8'),
) as { exp: number[][]; log: number[][]; pow: number[][]; sin: number[][]; cos: number[][]; asin: number[][] };

const view = new Float64Array(1);
const words = new BigInt64Array(view.buffer);

/** The double's position on the number line of doubles (consecutive doubles differ by 1). */
function ordinal(x: number): bigint {
  view[0] = x;
  const v = words[0] as bigint;
  return v < 0n ? -(v & 0x7fffffffffffffffn) : v;
}

/** Distance in ulps between two finite doubles of the same sign, or 0 when both are equal. */
function ulpsApart(a: number, b: number): number {
  return a === b || (Number.isNaN(a) && Number.isNaN(b)) ? 0 : Math.abs(Number(ordinal(a) - ordinal(b)));
}

/** The spacing of the doubles at |x| (the ulp of the nearest double, 2^-1074 for subnormals). */
function ulpOf(x: number): number {
  view[0] = Math.abs(x);
  const up = words[0] as bigint;
  words[0] = up + 1n;
  const next = view[0] as number;
  return next - Math.abs(x);
}

/** Error of `value` against the exact `nearest + remainder`, in ulps of `nearest` (fractional). */
function ulpError(value: number, nearest: number, remainder: number): number {
  return Math.abs(value - nearest - remainder) / ulpOf(nearest);
}

/** A deterministic stream of doubles in [0, 1) (xorshift-multiply, 53 bits). */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

describe('exp', () => {
  it('exp is within 0.52 ulp of the mpmath values for normal results and 1 ulp for subnormal ones', () => {
    let worstNormal = 0;
    let worstSubnormal = 0;
    for (const [x, nearest, remainder] of reference.exp as [number, number, number][]) {
      const e = ulpError(exp(x), nearest, remainder);
      if (nearest >= 2.2250738585072014e-308) worstNormal = Math.max(worstNormal, e);
      else worstSubnormal = Math.max(worstSubnormal, e);
    }
    expect(reference.exp.length).toBeGreaterThan(2000);
    expect(worstNormal).toBeLessThan(0.52);
    expect(worstSubnormal).toBeLessThanOrEqual(1);
  });

  it('exp is within 1 ulp of Math.exp at 2,000,000 random points in [-708, 709.7]', () => {
    const u = uniforms(1);
    let worst = 0;
    for (let k = 0; k < 2_000_000; k++) {
      const x = -708 + u() * 1417.7;
      const a = exp(x);
      const b = Math.exp(x);
      if (a !== b) worst = Math.max(worst, ulpsApart(a, b));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('exp is within 1 ulp of Math.exp at 1,000,000 random points with |x| from 2^-60 to 1', () => {
    const u = uniforms(2);
    let worst = 0;
    for (let k = 0; k < 1_000_000; k++) {
      const x = (u() < 0.5 ? -1 : 1) * 2 ** (-60 * u());
      const a = exp(x);
      const b = Math.exp(x);
      if (a !== b) worst = Math.max(worst, ulpsApart(a, b));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('exp gives exact and correctly rounded values at special arguments', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(2 ** -60)).toBe(1);
    expect(exp(-(2 ** -60))).toBe(1);
    expect(exp(1e-300)).toBe(1);
    // Correctly rounded values from mpmath: mp.exp(1), mp.exp(-1), mp.exp(mpf(2)**-30).
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: mpmath's correctly rounded value, not the engine's constant
    expect(exp(1)).toBe(2.718281828459045);
    expect(exp(-1)).toBe(0.36787944117144233);
    expect(exp(2 ** -30)).toBe(1.0000000009313226);
    expect(exp(Math.LN2)).toBe(2);
  });

  it('exp overflows, underflows and passes NaN exactly at the thresholds', () => {
    expect(exp(709.782712893384)).toBe(1.7976931348622732e308);
    expect(exp(709.7827128933841)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    // The smallest subnormal and below: mp.exp(mpf(-745.1332191019411)) = 4.94…e-324.
    expect(exp(-745.1332191019411)).toBe(Number.MIN_VALUE);
    expect(exp(-745.1332191019412)).toBe(0);
    expect(exp(-1000)).toBe(0);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    // The smallest normal result: mp.exp(mpf(-708.3964185322641)).
    expect(exp(-708.3964185322641)).toBe(2.2250738585072626e-308);
  });

  it('exp is monotone over consecutive doubles and over a sorted random sample', () => {
    for (const start of [-745.2, -708.5, -704.0001, -1, -1e-10, 0, 0.34657359027997264, 1, 703.9999, 709.7]) {
      let x = start;
      let previous = exp(x);
      for (let k = 0; k < 20_000; k++) {
        view[0] = x;
        words[0] = (words[0] as bigint) + (x < 0 ? -1n : 1n);
        x = view[0] as number;
        const value = exp(x);
        expect(value >= previous).toBe(true);
        previous = value;
      }
    }
    const u = uniforms(3);
    const xs = Float64Array.from({ length: 200_000 }, () => -745 + u() * 1455).sort();
    let bad = 0;
    for (let k = 1; k < xs.length; k++) if (exp(xs[k] as number) < exp(xs[k - 1] as number)) bad++;
    expect(bad).toBe(0);
  });

  it('exp(a + b) agrees with exp(a)·exp(b) to 4 ulps of rounding (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -300, max: 300, noNaN: true }),
        fc.double({ min: -300, max: 300, noNaN: true }),
        (a, b) => {
          const sum = a + b;
          const exact = exp(a) * exp(b);
          // sum's rounding moves the result by up to |sum|·2^-53 relative.
          return Math.abs(exp(sum) / exact - 1) <= 4 * 2 ** -53 + Math.abs(sum) * 2 ** -53;
        },
      ),
      { seed: 42, numRuns: 20_000 },
    );
  });
});

describe('log', () => {
  it('log is within 0.52 ulp of the mpmath values, subnormal arguments and arguments near 1 included', () => {
    let worst = 0;
    for (const [x, nearest, remainder] of reference.log as [number, number, number][]) {
      worst = Math.max(worst, ulpError(log(x), nearest, remainder));
    }
    expect(reference.log.length).toBeGreaterThan(2000);
    expect(worst).toBeLessThan(0.52);
  });

  it('log is within 1 ulp of Math.log at 2,000,000 random points spread over [1e-300, 1e300]', () => {
    const u = uniforms(4);
    let worst = 0;
    for (let k = 0; k < 2_000_000; k++) {
      const x = 10 ** (-300 + 600 * u());
      const a = log(x);
      const b = Math.log(x);
      if (a !== b) worst = Math.max(worst, ulpsApart(a, b));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('log is within 1 ulp of Math.log at 1,000,000 random points in [0.5, 2]', () => {
    const u = uniforms(5);
    let worst = 0;
    for (let k = 0; k < 1_000_000; k++) {
      const x = 0.5 + 1.5 * u();
      const a = log(x);
      const b = Math.log(x);
      if (a !== b) worst = Math.max(worst, ulpsApart(a, b));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('log gives exact and correctly rounded values at special arguments', () => {
    expect(Object.is(log(1), 0)).toBe(true);
    // Correctly rounded values from mpmath (mp.log of the exact double).
    expect(log(1 + 2 ** -52)).toBe(2.2204460492503128e-16);
    expect(log(1 - 2 ** -53)).toBe(-1.1102230246251565e-16);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: mpmath's correctly rounded value, not the engine's constant
    expect(log(2)).toBe(0.6931471805599453);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: mpmath's correctly rounded value, not the engine's constant
    expect(log(10)).toBe(2.302585092994046);
    expect(log(0.6875)).toBe(-0.3746934494414107);
    expect(log(1.375)).toBe(0.3184537311185346);
    expect(log(Math.E)).toBe(1);
    expect(log(Number.MIN_VALUE)).toBe(-744.4400719213812);
    expect(log(2.2250738585072014e-308)).toBe(-708.3964185322641);
    expect(log(Number.MAX_VALUE)).toBe(709.782712893384);
  });

  it('log returns -Infinity at zero, NaN for negatives and NaN, Infinity at Infinity', () => {
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(-Number.MIN_VALUE)).toBeNaN();
    expect(log(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(log(Number.NaN)).toBeNaN();
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('log(2^k) is k·ln 2 rounded, and log(2^-k) = -log(2^k), for k = -1074 … 1023', () => {
    for (let k = -1074; k <= 1023; k++) {
      const x = 2 ** k;
      expect(ulpsApart(log(x), Math.log(x))).toBeLessThanOrEqual(1);
      if (k >= -1022 && k <= 1022) expect(log(2 ** -k) + log(x)).toBe(0);
    }
  });

  it('log is monotone over consecutive doubles at the table edges, near 1 and at the ends of the range', () => {
    const starts = [
      Number.MIN_VALUE,
      2.225073858507e-308,
      0.6875,
      0.9375,
      1 - 2 ** -9,
      1,
      1 + 2 ** -8,
      1.375,
      1.9999,
      1e300,
    ];
    for (const start of starts) {
      let x = start;
      let previous = log(x);
      for (let k = 0; k < 20_000; k++) {
        view[0] = x;
        words[0] = (words[0] as bigint) + 1n;
        x = view[0] as number;
        const value = log(x);
        expect(value >= previous).toBe(true);
        previous = value;
      }
    }
    const u = uniforms(6);
    const xs = Float64Array.from({ length: 200_000 }, () => 10 ** (-300 + 600 * u())).sort();
    let bad = 0;
    for (let k = 1; k < xs.length; k++) if (log(xs[k] as number) < log(xs[k - 1] as number)) bad++;
    expect(bad).toBe(0);
  });

  it('log(x·y) agrees with log(x) + log(y), and log(exp(t)) with t (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-150, max: 1e150, noNaN: true }),
        fc.double({ min: 1e-150, max: 1e150, noNaN: true }),
        (x, y) => {
          const lx = log(x);
          const ly = log(y);
          const sum = lx + ly;
          // x·y rounds by 2^-53 relative (2^-53 absolute in ln), each log by 0.52 ulp, the sum by 0.5 ulp.
          return Math.abs(log(x * y) - sum) <= 2 ** -53 + ulpOf(lx) + ulpOf(ly) + 2 * ulpOf(sum);
        },
      ),
      { seed: 42, numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (t) => {
        // exp(t) carries 0.52 ulp of relative error, which ln turns into 2^-53 absolute.
        return Math.abs(log(exp(t)) - t) <= 2 * 2 ** -53 + 2 * ulpOf(t);
      }),
      { seed: 42, numRuns: 20_000 },
    );
  });
});

describe('pow', () => {
  it('pow is within 0.52 ulp of the mpmath values while |y·ln x| ≤ 700', () => {
    let worst = 0;
    for (const [x, y, nearest, remainder] of reference.pow as [number, number, number, number][]) {
      worst = Math.max(worst, ulpError(pow(x, y), nearest, remainder));
    }
    expect(reference.pow.length).toBeGreaterThan(1000);
    expect(worst).toBeLessThan(0.52);
  });

  it('pow is within 1 ulp of x ** y at 1,000,000 random points of the growth paths (x in [0.5, 2], |y| ≤ 100)', () => {
    const u = uniforms(7);
    let worst = 0;
    for (let k = 0; k < 1_000_000; k++) {
      const x = 0.5 + 1.5 * u();
      const y = -100 + 200 * u();
      const a = pow(x, y);
      const b = x ** y;
      if (a !== b) worst = Math.max(worst, ulpsApart(a, b));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('pow follows ** at the special values for x ≥ 0 (−0 as +0) and gives NaN for negative x', () => {
    const xs = [0, 0.5, 1, 2, Number.POSITIVE_INFINITY, Number.NaN, Number.MIN_VALUE];
    const ys = [0, -0, 1, -1, 2, 0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
    for (const x of xs) {
      for (const y of ys) {
        const expected = x ** y;
        const got = pow(x, y);
        if (Number.isNaN(expected)) expect(got).toBeNaN();
        else if (!Number.isFinite(expected) || expected === 0) expect(got).toBe(expected);
        else expect(ulpsApart(got, expected)).toBeLessThanOrEqual(1);
      }
    }
    expect(pow(2, 10)).toBe(1024);
    expect(pow(2, 0.5)).toBe(Math.SQRT2);
    expect(pow(1.02, 10)).toBe(1.2189944199947573);
    expect(pow(-2, 2)).toBeNaN();
    expect(pow(10, 400)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(10, -400)).toBe(0);
  });
});

describe('sin, cos and asin', () => {
  /** The worst error of `f` against the mpmath rows of `name`, in ulps. */
  const worstAgainstReference = (name: 'sin' | 'cos' | 'asin', f: (x: number) => number) => {
    let worst = 0;
    for (const [x, nearest, remainder] of reference[name] as [number, number, number][]) {
      worst = Math.max(worst, ulpError(f(x), nearest, remainder));
    }
    return worst;
  };

  it('sin and cos are within 0.8 ulp of the mpmath values, next to multiples of π/4 and up to 1.6 million', () => {
    expect(reference.sin.length).toBeGreaterThan(2000);
    expect(worstAgainstReference('sin', sin)).toBeLessThan(0.8);
    expect(worstAgainstReference('cos', cos)).toBeLessThan(0.8);
  });

  it('asin is within 0.7 ulp of the mpmath values, next to ±1, 1/2 and 0 included', () => {
    expect(reference.asin.length).toBeGreaterThan(2000);
    expect(worstAgainstReference('asin', asin)).toBeLessThan(0.7);
  });

  it('sin, cos and asin are within 1 ulp of Math.sin, Math.cos and Math.asin at 1,000,000 random points each', () => {
    const u = uniforms(21);
    let worst = 0;
    for (let k = 0; k < 1_000_000; k++) {
      const x = k % 2 === 0 ? Math.PI * (2 * u() - 1) : 2e4 * (2 * u() - 1);
      const s = 2 * u() - 1;
      worst = Math.max(worst, ulpsApart(sin(x), Math.sin(x)), ulpsApart(cos(x), Math.cos(x)));
      worst = Math.max(worst, ulpsApart(asin(s), Math.asin(s)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('sin and asin are odd and cos is even, bit for bit, and the signs of zero are kept', () => {
    const u = uniforms(22);
    let differ = 0;
    for (let k = 0; k < 100_000; k++) {
      const x = 10 * (2 * u() - 1);
      const s = 2 * u() - 1;
      if (!Object.is(sin(-x), -sin(x)) || !Object.is(cos(-x), cos(x)) || !Object.is(asin(-s), -asin(s))) differ++;
    }
    expect(differ).toBe(0);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(Object.is(asin(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
  });

  it('sin, cos and asin give the exact or correctly rounded values at special arguments', () => {
    expect(sin(Math.PI / 6)).toBe(0.49999999999999994);
    expect(cos(Math.PI / 3)).toBe(0.5000000000000001);
    expect(sin(Math.PI)).toBe(1.2246467991473532e-16); // π − Math.PI, rounded
    expect(cos(Math.PI / 2)).toBe(6.123233995736766e-17);
    expect(sin(Math.PI / 2)).toBe(1);
    expect(cos(Math.PI)).toBe(-1);
    expect(asin(1)).toBe(Math.PI / 2);
    expect(asin(-1)).toBe(-Math.PI / 2);
    expect(asin(0.5)).toBe(0.5235987755982989); // π/6 rounded
    expect(sin(1e-10)).toBe(1e-10);
    expect(asin(1e-10)).toBe(1e-10);
  });

  it('sin and cos of ±Infinity and NaN, and asin beyond [−1, 1] or of NaN, are NaN', () => {
    for (const x of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      expect(sin(x)).toBeNaN();
      expect(cos(x)).toBeNaN();
    }
    for (const s of [1.0000000000000002, -1.0000000000000002, 2, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(asin(s)).toBeNaN();
    }
  });

  it('sin² + cos² is 1 and asin(sin x) is x to a few ulps (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (x) => {
        const s = sin(x);
        const c = cos(x);
        expect(Math.abs(s * s + c * c - 1)).toBeLessThan(4e-16);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1.5, max: 1.5, noNaN: true }), (x) => {
        // asin's slope 1/cos x magnifies sin's rounding: the bound grows towards ±π/2.
        const bound = (4 * 2 ** -52 * Math.max(Math.abs(x), 1)) / Math.cos(x);
        expect(Math.abs(asin(sin(x)) - x)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the model uses one implementation', () => {
  it('the model, the ensemble and the random draws call the portable functions, not Math.exp, Math.log, Math.sin … or **', () => {
    const files = [
      'model/demand/build.ts',
      'model/demand/derive.ts',
      'model/demand/kernel.ts',
      'model/demand/prepare.ts',
      'model/demand/sums.ts',
      'model/demand/time-terms.ts',
      'model/capability.ts',
      'model/proximity.ts',
      'data/gdp-path.ts',
      'math/random.ts',
      'ensemble/histogram.ts',
      'ensemble/run-ensemble.ts',
      'ensemble/accumulator.ts',
      'ensemble/chunk.ts',
      'ensemble/series.ts',
      'ensemble/setup.ts',
      'ensemble/types.ts',
      'ensemble/uncertain.ts',
    ];
    for (const file of files) {
      const source = readFileSync(new URL(`../../../src/core/${file}`, import.meta.url), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(source, file).not.toMatch(/Math\.(exp|log|pow|sin|cos|tan|asin|acos|atan2?)\(|\*\*/);
    }
  });
});

describe('expEach and logEach', () => {
  // The loops repeat the steps of exp and log for speed; they must give the same bits everywhere.
  const special = [0, -0, 1, -1, 704, -704, 709.78, 709.8, -745.2, -740, 1e-320, 5e-324, 2 ** 31, 2 ** 31 - 1];
  const extremes = [Number.MIN_VALUE, Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
  const concat = (a: Float64Array, b: number[]) => {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };

  it('expEach gives the bits of exp at every argument, the slow ranges included', () => {
    const u = uniforms(11);
    const x = Float64Array.from({ length: 200_000 }, (_, k) => (k % 2 === 0 ? -760 + 1520 * u() : -3 + 6 * u()));
    const all = concat(x, [...special, ...extremes]);
    const out = new Float64Array(all.length);
    expEach(all, out);
    let differ = 0;
    for (let k = 0; k < all.length; k++) if (!Object.is(out[k], exp(all[k] as number))) differ++;
    expect(differ).toBe(0);
  });

  it('logEach gives the bits of log at every argument, subnormals, negatives and zeros included', () => {
    const u = uniforms(12);
    const x = Float64Array.from({ length: 200_000 }, (_, k) =>
      k % 2 === 0 ? 10 ** (-320 + 628 * u()) : 0.5 + 2 ** 32 * u() ** 8,
    );
    const all = concat(x, [...special, ...special.map((v) => -v), ...extremes]);
    const out = new Float64Array(all.length);
    logEach(all, out);
    let differ = 0;
    for (let k = 0; k < all.length; k++) if (!Object.is(out[k], log(all[k] as number))) differ++;
    expect(differ).toBe(0);
  });

  it('expEach and logEach touch the range they are given and nothing else', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5);
    const out = new Float64Array(5).fill(-7);
    logEach(x, out, 1, 3);
    expect([...out]).toEqual([-7, log(2), log(3), -7, -7]);
    expEach(x, out, 3, 5);
    expect([...out]).toEqual([-7, log(2), log(3), exp(4), exp(5)]);
  });

  it('expEach works in place', () => {
    const x = Float64Array.of(0, 1, -2);
    expEach(x, x);
    expect([...x]).toEqual([1, exp(1), exp(-2)]);
  });
});
