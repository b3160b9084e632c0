import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { ols } from '../../../src/core/estimate/index.js';
import { logRelativeError, readNist } from './nist.js';

/**
 * Log relative errors (digits) achieved against the NIST StRD certified values
 * (min over coefficients / min over standard errors / residual SD / R²):
 *
 * | dataset  | coefficients | std. errors | residual SD | R²   |
 * |----------|--------------|-------------|-------------|------|
 * | Longley  | 14.6         | 12.8        | 15.0        | 15.0 |
 * | Norris   | 14.1         | 13.9        | 14.0        | 15.0 |
 * | Pontius  | 13.5         | 13.7        | 13.8        | 15.0 |
 * | NoInt1   | 14.7         | 15.0        | 15.0        | 15.0 |
 * | NoInt2   | 15.0         | 15.0        | 15.0        | 15.0 |
 * | Filip    | 8.0          | 7.2         | 8.1         | 10.3 |
 * | Wampler1 | 15.0         | 15.0 (abs.) | 15.0 (abs.) | 15.0 |
 * | Wampler2 | 13.2         | 15.0        | 15.0        | 15.0 |
 * | Wampler3 | 15.0         | 13.4        | 14.8        | 15.0 |
 * | Wampler4 | 15.0         | 13.4        | 14.8        | 15.0 |
 * | Wampler5 | 15.0         | 13.4        | 14.8        | 13.1 |
 *
 * Wampler1 certifies zero standard errors and residual SD: there the LRE is −log10 of the absolute error.
 * The minimum digits required below leave one digit of margin under the achieved ones.
 */
const required: Record<string, number> = {
  Longley: 11,
  Norris: 12,
  Pontius: 12,
  NoInt1: 13,
  NoInt2: 13,
  Filip: 6,
  Wampler1: 12,
  Wampler2: 12,
  Wampler3: 12,
  Wampler4: 12,
  Wampler5: 12,
};

function fitNist(name: string) {
  const data = readNist('lls', name);
  const y = data.rows.map((row) => row[0] as number);
  const noIntercept = name.startsWith('NoInt');
  const columns: number[][] = [];
  if (name === 'Longley') {
    for (let j = 1; j <= 6; j++) columns.push(data.rows.map((row) => row[j] as number));
  } else {
    const degree = noIntercept ? 1 : data.parameters.length - 1;
    for (let k = 1; k <= degree; k++) columns.push(data.rows.map((row) => (row[1] as number) ** k));
  }
  return { data, fit: ols(y, columns, { intercept: !noIntercept }) };
}

describe('ols on the NIST StRD linear datasets', () => {
  for (const [name, digits] of Object.entries(required)) {
    it(`ols reproduces ${name} coefficients, standard errors, residual SD and R² to ≥ ${digits} digits`, () => {
      const { data, fit } = fitNist(name);
      data.parameters.forEach((parameter, j) => {
        expect(logRelativeError(fit.coefficients[j] as number, parameter.estimate)).toBeGreaterThanOrEqual(digits);
        expect(logRelativeError(fit.standardErrors[j] as number, parameter.standardDeviation)).toBeGreaterThanOrEqual(
          name === 'Filip' ? digits : digits - 1,
        );
      });
      expect(logRelativeError(fit.residualStandardDeviation, data.residualStandardDeviation)).toBeGreaterThanOrEqual(
        digits,
      );
      expect(logRelativeError(fit.rSquared, data.rSquared)).toBeGreaterThanOrEqual(digits);
    });
  }
});

describe('ols statistics', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8];
  const y = [1.2, 1.9, 3.4, 3.8, 5.3, 5.8, 7.4, 7.7];

  it('ols on a straight line gives the textbook slope Sxy/Sxx and intercept ȳ − b·x̄', () => {
    const fit = ols(y, [x]);
    const mx = 4.5;
    const my = y.reduce((a, b) => a + b, 0) / 8;
    let sxy = 0;
    let sxx = 0;
    x.forEach((v, i) => {
      sxy += (v - mx) * ((y[i] as number) - my);
      sxx += (v - mx) ** 2;
    });
    expect(fit.coefficients[1]).toBeCloseTo(sxy / sxx, 13);
    expect(fit.coefficients[0]).toBeCloseTo(my - (sxy / sxx) * mx, 13);
    expect(fit.names).toEqual(['(Intercept)', 'x1']);
    expect(fit.degreesOfFreedom).toBe(6);
  });

  it('ols HC1 covariance equals n/(n − k)·(XᵀX)⁻¹Xᵀdiag(e²)X(XᵀX)⁻¹ computed directly', () => {
    const fit = ols(y, [x]);
    const n = 8;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (const v of x) {
      s0 += 1;
      s1 += v;
      s2 += v * v;
    }
    const det = s0 * s2 - s1 * s1;
    const inv = [s2 / det, -s1 / det, -s1 / det, s0 / det];
    const meat = [0, 0, 0, 0];
    x.forEach((v, i) => {
      const e2 = (fit.residuals[i] as number) ** 2;
      meat[0] = (meat[0] as number) + e2;
      meat[1] = (meat[1] as number) + e2 * v;
      meat[2] = (meat[2] as number) + e2 * v;
      meat[3] = (meat[3] as number) + e2 * v * v;
    });
    const [a, b, , d] = inv as [number, number, number, number];
    const [m0, m1, , m3] = meat as [number, number, number, number];
    const v11 = (b * (b * m0 + d * m1) + d * (b * m1 + d * m3)) * (n / (n - 2));
    expect(fit.robustStandardErrors[1]).toBeCloseTo(Math.sqrt(v11), 12);
    expect(fit.robustCovariance[0]).toBeCloseTo((a * (a * m0 + b * m1) + b * (a * m1 + b * m3)) * (n / 6), 12);
  });

  it('ols p-values, intervals and Durbin–Watson agree with their definitions', () => {
    const fit = ols(y, [x], { names: ['year'] });
    const term = fit.terms[1];
    expect(term?.name).toBe('year');
    expect(term?.upper).toBeCloseTo(
      (term?.estimate as number) + 2.446911851144969 * (term?.standardError as number),
      12,
    ); // R: qt(0.975, 6)
    let numerator = 0;
    for (let i = 1; i < 8; i++) numerator += ((fit.residuals[i] as number) - (fit.residuals[i - 1] as number)) ** 2;
    expect(fit.durbinWatson).toBeCloseTo(numerator / fit.residualSumOfSquares, 13);
    expect(fit.fStatistic).toBeCloseTo((fit.tValues[1] as number) ** 2, 8);
    expect(fit.fPValue).toBeCloseTo(fit.pValues[1] as number, 12);
  });

  it('ols takes a row-major matrix as well as columns', () => {
    const a = [0.3, -1, 2, 0.5, 1.5, 4, -2, 0.1];
    const rowMajor = new Float64Array(16);
    x.forEach((v, i) => {
      rowMajor[2 * i] = v;
      rowMajor[2 * i + 1] = a[i] as number;
    });
    const byColumns = ols(y, [x, a]);
    const byRows = ols(y, { rowMajor, columns: 2 });
    expect(Array.from(byRows.coefficients)).toEqual(Array.from(byColumns.coefficients));
  });
});

describe('ols bad input', () => {
  const catchError = (f: () => unknown): unknown => {
    try {
      f();
    } catch (error) {
      return error;
    }
    throw new Error('did not throw');
  };

  it('ols with n ≤ k throws InputError too-few-observations naming the counts', () => {
    const error = catchError(() => ols([1, 2], [[1, 2]]));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('too-few-observations');
    expect((error as InputError).message).toMatch(/2 observations for 2 parameters .* supply at least 3 observations/);
  });

  it('ols with a constant regressor next to the intercept throws InputError constant-regressor', () => {
    const error = catchError(() =>
      ols(
        [1, 2, 3, 5],
        [
          [1, 2, 3, 4],
          [7, 7, 7, 7],
        ],
        { names: ['t', 'c'] },
      ),
    );
    expect((error as InputError).code).toBe('constant-regressor');
    expect((error as InputError).message).toMatch(/regressor c is constant \(7\)/);
  });

  it('ols with collinear regressors throws InputError singular-design naming the column', () => {
    const error = catchError(() =>
      ols(
        [1, 2, 3, 5],
        [
          [1, 2, 3, 4],
          [2, 4, 6, 8],
        ],
        { names: ['a', 'b'] },
      ),
    );
    expect((error as InputError).code).toBe('singular-design');
    expect((error as InputError).message).toMatch(/regressor b is a linear combination/);
  });

  it('ols with NaN throws InputError missing-value naming the observation', () => {
    const error = catchError(() => ols([1, Number.NaN, 3, 5], [[1, 2, 3, 4]]));
    expect((error as InputError).code).toBe('missing-value');
    expect((error as InputError).message).toMatch(/y\[1\] is NaN/);
  });

  it('ols with mismatched lengths throws a RangeError saying which length to use', () => {
    expect(() => ols([1, 2, 3], [[1, 2]])).toThrow(RangeError);
    expect(() => ols([1, 2, 3], [[1, 2]])).toThrow(/x\[0\]: length 2 does not match y \(length 3\)/);
  });
});
