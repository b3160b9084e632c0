import { describe, expect, it } from 'vitest';
import {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSurvival,
  fCdf,
  fQuantile,
  fSurvival,
  inverseRegularizedBeta,
  logBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
  studentTCdf,
  studentTQuantile,
} from '../../../src/core/estimate/index.js';

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('logGamma', () => {
  it('logGamma(n) equals ln((n − 1)!) for n = 1…30', () => {
    let factorial = 1;
    for (let n = 1; n <= 30; n++) {
      expect(
        relative(logGamma(n), Math.log(factorial)) < 2e-15 || Math.abs(logGamma(n) - Math.log(factorial)) < 1e-15,
      ).toBe(true);
      factorial *= n;
    }
  });
  it('logGamma(0.5) equals ln √π and satisfies Γ(x + 1) = xΓ(x)', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    for (const x of [0.1, 0.7, 3.3, 17.5, 150.25]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
  });
  it('logGamma(100) matches R lgamma(100) = 359.1342053695754', () => {
    expect(relative(logGamma(100), 359.1342053695754)).toBeLessThan(1e-15);
  });
  it('logGamma rejects x ≤ 0 with a RangeError naming x', () => {
    expect(() => logGamma(0)).toThrow(/x: 0 is not a positive finite number/);
  });
});

describe('regularizedBeta', () => {
  it('regularizedBeta has the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    for (const x of [0.01, 0.3, 0.9]) {
      for (const a of [0.5, 2, 7.5]) {
        expect(relative(regularizedBeta(x, a, 1), x ** a)).toBeLessThan(1e-14);
        expect(relative(regularizedBeta(x, 1, a), 1 - (1 - x) ** a)).toBeLessThan(1e-14);
      }
    }
  });
  it('regularizedBeta is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a), and I_½(a, a) = ½', () => {
    for (const [x, a, b] of [
      [0.2, 3, 5],
      [0.7, 0.5, 12],
      [0.45, 40, 60],
    ] as const) {
      expect(regularizedBeta(x, a, b) + regularizedBeta(1 - x, b, a)).toBeCloseTo(1, 14);
    }
    expect(regularizedBeta(0.5, 13.7, 13.7)).toBeCloseTo(0.5, 13);
  });
  it('inverseRegularizedBeta inverts regularizedBeta to near machine precision', () => {
    for (const [p, a, b] of [
      [0.05, 2, 3],
      [0.5, 0.5, 0.5],
      [0.999, 10, 1000],
      [1e-10, 5, 0.5],
    ] as const) {
      const x = inverseRegularizedBeta(p, a, b);
      expect(relative(regularizedBeta(x, a, b), p)).toBeLessThan(1e-12);
    }
  });
  it('logBeta(a, b) equals ln(Γ(a)Γ(b)/Γ(a + b)); B(2, 3) = 1/12', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });
});

describe('regularizedGammaP and regularizedGammaQ', () => {
  it('P(1, x) = 1 − e^−x and Q(1, x) = e^−x, each tail directly', () => {
    for (const x of [0.01, 1, 5, 40]) {
      expect(relative(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(1e-14);
      expect(relative(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(1e-14);
    }
  });
});

describe('normalCdf and normalQuantile', () => {
  // R: pnorm(-1) = 0.158655253931457; pnorm(1.96) = 0.975002104851780; qnorm(0.975) = 1.959963984540054
  it('normalCdf matches R pnorm at −1 and 1.96', () => {
    expect(relative(normalCdf(-1), 0.158655253931457)).toBeLessThan(1e-14);
    expect(relative(normalCdf(1.96), 0.97500210485178)).toBeLessThan(1e-14);
  });
  it('normalCdf keeps the relative accuracy of a far tail: Φ(−10) = 7.619853024160527e-24 (R pnorm(-10))', () => {
    expect(relative(normalCdf(-10), 7.619853024160527e-24)).toBeLessThan(1e-13);
  });
  it('normalQuantile matches R qnorm(0.975) and inverts normalCdf from 1e-300 to 1 − 1e-16', () => {
    expect(relative(normalQuantile(0.975), 1.959963984540054)).toBeLessThan(1e-15);
    for (const p of [1e-300, 1e-20, 1e-5, 0.02, 0.3, 0.5, 0.8, 0.99, 1 - 1e-12]) {
      const x = normalQuantile(p);
      expect(relative(normalCdf(x), p)).toBeLessThan(1e-12);
    }
  });
  it('normalQuantile gives ±∞ at 0 and 1 and rejects p = 1.5', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(/p: 1.5 is not a probability; use a value in \[0, 1\]/);
  });
});

describe('studentTCdf and studentTQuantile', () => {
  it('studentTQuantile(0.975, 10) equals R qt(0.975, 10) = 2.228138851986274', () => {
    expect(relative(studentTQuantile(0.975, 10), 2.228138851986274)).toBeLessThan(1e-14);
    expect(relative(studentTCdf(2.228138851986274, 10), 0.975)).toBeLessThan(1e-15);
  });
  it('studentTQuantile with df = 1 is the Cauchy quantile tan(π(p − ½))', () => {
    for (const p of [0.6, 0.975, 0.999]) {
      expect(relative(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)))).toBeLessThan(1e-13);
    }
  });
  it('studentTQuantile with df = 2 has the closed form (2p − 1)/√(2p(1 − p))', () => {
    for (const p of [1e-10, 0.01, 0.3, 0.51, 0.9, 0.999]) {
      expect(relative(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)))).toBeLessThan(1e-13);
    }
  });
  it('studentTQuantile matches printed t tables (3 decimals): t(0.975, 30) = 2.042, t(0.995, 20) = 2.845, t(0.95, 5) = 2.015', () => {
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.995, 20)).toBeCloseTo(2.845, 3);
    expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015, 3);
  });
  it('studentTQuantile tends to normalQuantile as df grows', () => {
    expect(studentTQuantile(0.975, 1e8)).toBeCloseTo(normalQuantile(0.975), 7);
  });
  it('studentTCdf is symmetric and a tiny tail keeps relative accuracy (df = 2 closed form)', () => {
    const t = -1e4;
    expect(relative(studentTCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)))).toBeLessThan(1e-6);
    expect(studentTCdf(1.3, 7) + studentTCdf(-1.3, 7)).toBeCloseTo(1, 15);
  });
});

describe('fCdf, fSurvival and fQuantile', () => {
  // R: pf(3, 2, 20, lower.tail = FALSE) = 0.0725381502864; with df1 = 2, P(F > f) = (1 + 2f/df2)^(−df2/2) = 1.3^−10
  it('fSurvival(3, 2, 20) equals R pf(3, 2, 20, lower.tail = FALSE) = 1.3^−10', () => {
    expect(relative(fSurvival(3, 2, 20), 1.3 ** -10)).toBeLessThan(1e-14);
    expect(fCdf(3, 2, 20) + fSurvival(3, 2, 20)).toBeCloseTo(1, 15);
  });
  it('fSurvival(t², 1, d) equals the two-sided t p-value 2·P(T ≤ −|t|)', () => {
    for (const [t, d] of [
      [0.5, 3],
      [2.1, 17],
      [6, 40],
    ] as const) {
      expect(relative(fSurvival(t * t, 1, d), 2 * studentTCdf(-t, d))).toBeLessThan(1e-13);
    }
  });
  it('fQuantile with df1 = 2 has the closed form (df2/2)·((1 − p)^(−2/df2) − 1); R qf(0.95, 2, 20) = 3.492828476735632', () => {
    expect(relative(fQuantile(0.95, 2, 20), 10 * (0.05 ** -0.1 - 1))).toBeLessThan(1e-13);
  });
  it('fQuantile matches the printed F table: F(0.95; 3, 10) = 3.71, F(0.99; 5, 20) = 4.10', () => {
    expect(fQuantile(0.95, 3, 10)).toBeCloseTo(3.71, 2);
    expect(fQuantile(0.99, 5, 20)).toBeCloseTo(4.1, 2);
  });
});

describe('chiSquareCdf, chiSquareSurvival and chiSquareQuantile', () => {
  it('chiSquareSurvival with df = 2 is e^(−x/2); with df = 1 it is 2Φ(−√x)', () => {
    for (const x of [0.1, 3, 50]) {
      expect(relative(chiSquareSurvival(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-14);
      expect(relative(chiSquareSurvival(x, 1), 2 * normalCdf(-Math.sqrt(x)))).toBeLessThan(1e-13);
    }
  });
  it('chiSquareQuantile matches −2 ln(1 − p) for df = 2 and the printed table χ²(0.95, 10) = 18.307', () => {
    expect(relative(chiSquareQuantile(0.95, 2), -2 * Math.log(0.05))).toBeLessThan(1e-14);
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.307, 3);
    expect(chiSquareCdf(chiSquareQuantile(0.3, 4.5), 4.5)).toBeCloseTo(0.3, 14);
  });
});
