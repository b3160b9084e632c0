import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import {
  fitVar,
  grangerCausality,
  grangerCausalityBothWays,
  ols,
  selectVarOrder,
} from '../../../src/core/estimate/index.js';
import { stream } from '../../../src/core/math/random.js';

/** y_t = ν + A1·y_{t−1} + A2·y_{t−2} + u_t with x not Granger-causing z (A_l[0][1] = 0). */
const A1 = [0.5, 0, 0.3, 0.2];
const A2 = [-0.25, 0, 0.2, 0.1];
const NU = [1, -0.5];

function simulateVar2(seed: number, length: number): [Float64Array, Float64Array] {
  const rng = stream(seed, 0);
  const burn = 200;
  const x = new Float64Array(length + burn);
  const z = new Float64Array(length + burn);
  for (let t = 2; t < length + burn; t++) {
    const [a, b, c, d] = A1 as [number, number, number, number];
    const [e, f, g, h] = A2 as [number, number, number, number];
    x[t] =
      (NU[0] as number) +
      a * (x[t - 1] as number) +
      b * (z[t - 1] as number) +
      e * (x[t - 2] as number) +
      f * (z[t - 2] as number) +
      rng.normal();
    z[t] =
      (NU[1] as number) +
      c * (x[t - 1] as number) +
      d * (z[t - 1] as number) +
      g * (x[t - 2] as number) +
      h * (z[t - 2] as number) +
      0.8 * rng.normal();
  }
  return [x.slice(burn), z.slice(burn)];
}

describe('fitVar', () => {
  const data = simulateVar2(1, 2000);
  const fit = fitVar(data, 2, { names: ['x', 'z'] });

  it('fitVar recovers the VAR(2) coefficients within 4 standard errors', () => {
    const truth = [A1, A2];
    fit.equations.forEach((eq, i) => {
      expect(eq.names).toEqual(['(Intercept)', 'x.l1', 'z.l1', 'x.l2', 'z.l2']);
      expect(Math.abs((eq.coefficients[0] as number) - (NU[i] as number))).toBeLessThan(
        4 * (eq.standardErrors[0] as number),
      );
      for (let lag = 0; lag < 2; lag++) {
        for (let j = 0; j < 2; j++) {
          const estimate = (fit.lagMatrices[lag] as Float64Array)[i * 2 + j] as number;
          const se = eq.standardErrors[1 + lag * 2 + j] as number;
          expect(Math.abs(estimate - ((truth[lag] as number[])[i * 2 + j] as number))).toBeLessThan(4 * se);
        }
      }
    });
    expect(fit.observations).toBe(1998);
  });

  it('fitVar equations are the OLS fits of each variable on the lags', () => {
    const [x, z] = data;
    const lags = [x.slice(1, -1), z.slice(1, -1), x.slice(0, -2), z.slice(0, -2)];
    const direct = ols(z.slice(2), lags);
    expect(Array.from(fit.equations[1]?.coefficients ?? [])).toEqual(Array.from(direct.coefficients));
  });

  it('fitVar residual covariance is ÛᵀÛ/(T − Kp − 1) and the ML one ÛᵀÛ/T', () => {
    const r0 = fit.equations[0]?.residuals as Float64Array;
    let s = 0;
    for (const v of r0) s += v * v;
    expect(fit.residualCovariance[0]).toBeCloseTo(s / (1998 - 5), 12);
    expect(fit.residualCovarianceMl[0]).toBeCloseTo(s / 1998, 12);
  });
});

describe('selectVarOrder', () => {
  it('selectVarOrder picks p = 2 by AIC and BIC on a long VAR(2) series', () => {
    const selection = selectVarOrder(simulateVar2(2, 2000), 6);
    expect(selection.aic).toBe(2);
    expect(selection.bic).toBe(2);
    expect(selection.hq).toBe(2);
    expect(selection.table).toHaveLength(6);
    expect(selection.observations).toBe(1994);
  });

  it('selectVarOrder with maxLag too large for the series throws InputError too-few-observations', () => {
    const short = [
      [1, 2, 1.5, 3, 2.2, 4, 3.1, 5],
      [0, 1, 0.2, 0.4, 1.2, 0.3, 0.5, 0.9],
    ];
    let error: unknown;
    try {
      selectVarOrder(short, 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('too-few-observations');
    expect((error as InputError).message).toMatch(
      /p = 1 leaves 5 observations for 3 coefficients|p = 2 leaves 5 observations for 5 coefficients/,
    );
  });
});

describe('grangerCausality', () => {
  it('grangerCausality rejects x ↛ z (true coefficients non-zero) with p < 1e-10', () => {
    const test = grangerCausality(simulateVar2(3, 2000), 0, 1, 2);
    expect(test.pValue).toBeLessThan(1e-10);
    expect(test.df1).toBe(2);
    expect(test.df2).toBe(1998 - 5);
    expect(test.systemDf2).toBe(2 * (1998 - 5));
  });

  it('grangerCausality of z → x (true coefficients zero) does not reject at 5 % in most of 50 seeds', () => {
    let rejections = 0;
    for (let seed = 0; seed < 50; seed++) {
      const { bToA } = grangerCausalityBothWays(simulateVar2(1000 + seed, 500), 'x', 'z', 2, { names: ['x', 'z'] });
      if (bToA.pValue < 0.05) rejections++;
    }
    expect(rejections).toBeLessThanOrEqual(7);
  });

  it('grangerCausality F equals the restricted-versus-unrestricted OLS comparison', () => {
    const [x, z] = simulateVar2(4, 300);
    const test = grangerCausality([x, z], 1, 0, 1);
    const unrestricted = ols(x.slice(1), [x.slice(0, -1), z.slice(0, -1)]);
    const restricted = ols(x.slice(1), [x.slice(0, -1)]);
    const f =
      (restricted.residualSumOfSquares - unrestricted.residualSumOfSquares) /
      (unrestricted.residualSumOfSquares / (299 - 3));
    expect(test.fStatistic).toBeCloseTo(f, 10);
    // for one restriction the F test is the square of the t test on the lag
    expect(test.fStatistic).toBeCloseTo((unrestricted.tValues[2] as number) ** 2, 8);
    expect(test.pValue).toBeCloseTo(unrestricted.pValues[2] as number, 12);
  });

  it('grangerCausality with an unknown name throws a RangeError listing the names', () => {
    expect(() =>
      grangerCausality(
        [
          [1, 2, 3],
          [3, 2, 1],
        ],
        'gdp',
        0,
        1,
      ),
    ).toThrow(/'gdp' is not a series name; use one of y1, y2/);
  });

  it('fitVar with NaN throws InputError missing-value and with mismatched lengths a RangeError', () => {
    expect(() => fitVar([[1, Number.NaN, 3, 4, 5, 6]], 1)).toThrow(/y1\[1\] is NaN/);
    expect(() =>
      fitVar(
        [
          [1, 2, 3],
          [1, 2],
        ],
        1,
      ),
    ).toThrow(/data\[1\]: length 2 differs from data\[0\] \(3\)/);
  });
});
