import { describe, expect, it } from 'vitest';
import { splitMix64, stream, xoshiro256StarStar } from '../../../src/core/math/random.js';

const MASK = (1n << 64n) - 1n;
const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (64n - k))) & MASK;

/** The reference xoshiro256** 1.0 (Blackman & Vigna) in BigInt arithmetic. */
function referenceXoshiro(state: bigint[]): () => bigint {
  const s = state.slice() as [bigint, bigint, bigint, bigint];
  return () => {
    const result = (rotl((s[1] * 5n) & MASK, 7n) * 9n) & MASK;
    const t = (s[1] << 17n) & MASK;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    return result;
  };
}

const toBigInt = ([hi, lo]: [number, number]): bigint => (BigInt(hi) << 32n) | BigInt(lo);

describe('xoshiro256StarStar', () => {
  it('xoshiro256StarStar from state (1, 2, 3, 4) gives the published first outputs 11520, 0, 1509978240, 1215971899390074240', () => {
    const rng = xoshiro256StarStar([1n, 2n, 3n, 4n]);
    const first = [0, 1, 2, 3].map(() => toBigInt(rng.nextUint64()));
    expect(first).toEqual([11520n, 0n, 1509978240n, 1215971899390074240n]);
  });

  it('xoshiro256StarStar over 32-bit halves equals the BigInt reference for 10 000 outputs', () => {
    const state = splitMix64(123456789n, 4);
    const rng = xoshiro256StarStar(state);
    const reference = referenceXoshiro(state);
    for (let i = 0; i < 10_000; i++) expect(toBigInt(rng.nextUint64())).toBe(reference());
  });
});

describe('splitMix64', () => {
  it('splitMix64 from state 0 starts with 0xe220a8397b1dcdaf (the reference implementation)', () => {
    expect(splitMix64(0n, 1)[0]).toBe(0xe220a8397b1dcdafn);
  });
});

describe('stream', () => {
  it('stream(seed, k) is reproducible', () => {
    const a = stream(42, 3);
    const b = stream(42, 3);
    for (let i = 0; i < 1000; i++) expect(a.uniform()).toBe(b.uniform());
  });

  it('stream gives different sequences for different k and seeds, with no correlation between streams', () => {
    const draws = (seed: number, k: number) => {
      const rng = stream(seed, k);
      return Array.from({ length: 20_000 }, () => rng.uniform());
    };
    const base = draws(42, 0);
    for (const [seed, k] of [
      [42, 1],
      [42, 2],
      [43, 0],
    ] as const) {
      const other = draws(seed, k);
      expect(other.slice(0, 10)).not.toEqual(base.slice(0, 10));
      let sxy = 0;
      for (let i = 0; i < base.length; i++) sxy += ((base[i] as number) - 0.5) * ((other[i] as number) - 0.5);
      const correlation = sxy / base.length / (1 / 12);
      expect(Math.abs(correlation)).toBeLessThan(4 / Math.sqrt(base.length));
    }
  });

  it('uniform passes a Kolmogorov–Smirnov test on 100 000 draws (D below the 1 % critical value 1.628/√n)', () => {
    const rng = stream(7, 0);
    const n = 100_000;
    const sorted = Float64Array.from({ length: n }, () => rng.uniform()).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const u = sorted[i] as number;
      d = Math.max(d, (i + 1) / n - u, u - i / n);
    }
    expect(d).toBeLessThan(1.628 / Math.sqrt(n));
    expect(sorted[0]).toBeGreaterThanOrEqual(0);
    expect(sorted[n - 1]).toBeLessThan(1);
  });

  it('normal has mean 0, variance 1, skewness 0 and kurtosis 3 within sampling error on 100 000 draws', () => {
    const rng = stream(8, 0);
    const n = 100_000;
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      m1 += z;
      m2 += z * z;
      m3 += z ** 3;
      m4 += z ** 4;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m3 / n)).toBeLessThan(4 * Math.sqrt(15 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
  });

  it('lognormal(mu, sigma) has mean exp(mu + sigma²/2) within sampling error', () => {
    const rng = stream(9, 0);
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.lognormal(0.1, 0.5);
    const mean = Math.exp(0.1 + 0.125);
    const sd = Math.sqrt((Math.exp(0.25) - 1) * Math.exp(0.2 + 0.25));
    expect(Math.abs(sum / n - mean)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('triangular(a, c, b) stays in [a, b] with mean (a + b + c)/3', () => {
    const rng = stream(10, 0);
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = rng.triangular(1, 2, 5);
      expect(v >= 1 && v <= 5).toBe(true);
      sum += v;
    }
    const sd = Math.sqrt((1 + 4 + 25 - 2 - 5 - 10) / 18);
    expect(Math.abs(sum / n - 8 / 3)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('integer(6) gives each face about n/6 times (chi-square below the 0.1 % critical value 20.52)', () => {
    const rng = stream(11, 0);
    const n = 60_000;
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < n; i++) {
      const v = rng.integer(6);
      counts[v] = (counts[v] as number) + 1;
    }
    const chi2 = counts.reduce((s, c) => s + (c - n / 6) ** 2 / (n / 6), 0);
    expect(chi2).toBeLessThan(20.52);
  });

  it('stream and the draws reject bad arguments with messages naming them', () => {
    expect(() => stream(1.5)).toThrow(/seed: 1.5 is not a safe integer/);
    expect(() => stream(1, -1)).toThrow(/k: -1 is negative/);
    expect(() => stream(1).integer(0)).toThrow(/n: 0 is not a positive safe integer/);
    expect(() => stream(1).triangular(0, 3, 2)).toThrow(/c: 3 is not between a = 0 and b = 2/);
    expect(() => stream(1).lognormal(0, -1)).toThrow(/sigma: -1 is negative/);
  });
});
