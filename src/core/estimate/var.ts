import { InputError } from '../errors.js';
import { luDecompose, luDeterminant } from '../solve/lu.js';
import { fSurvival } from './distributions.js';
import { buildDesign, fitLinearModel, type OlsFit } from './ols.js';

/** Time series of a VAR: one array per variable, all of the same length, in time order. */
export type VarData = ReadonlyArray<ArrayLike<number>>;

/** Options of {@link fitVar}. */
export interface VarOptions {
  /** Variable names; default `y1, y2, …`. */
  readonly names?: readonly string[];
}

/** A VAR(p) with a constant, `y_t = ν + A_1·y_{t−1} + … + A_p·y_{t−p} + u_t`. */
export interface VarFit {
  readonly names: readonly string[];
  /** The lag order `p`. */
  readonly p: number;
  /** The number of variables `K`. */
  readonly variables: number;
  /** `T`, the observations used (the first `p`, or more on a common sample, are presample). */
  readonly observations: number;
  /** One OLS fit per equation; regressors `(Intercept)`, then `name.l1` for every variable, …, `name.lp`. */
  readonly equations: readonly OlsFit[];
  /** `A_1…A_p`, each `K × K` row-major: entry `(i, j)` of `A_l` multiplies `y_{j,t−l}` in equation `i`. */
  readonly lagMatrices: readonly Float64Array[];
  /** `ν`, the constants. */
  readonly intercepts: Float64Array;
  /** `Σ̂_u = ÛᵀÛ/(T − Kp − 1)`, `K × K` row-major. */
  readonly residualCovariance: Float64Array;
  /** `Σ̃_u = ÛᵀÛ/T`, the ML estimate used by the criteria. */
  readonly residualCovarianceMl: Float64Array;
  /** Gaussian log-likelihood `−TK/2·(1 + ln 2π) − T/2·ln det Σ̃_u`. */
  readonly logLikelihood: number;
  /** `ln det Σ̃_u + 2·N/T` with `N = K(Kp + 1)` parameters (vars `VARselect`). */
  readonly aic: number;
  /** `ln det Σ̃_u + ln T·N/T` (Schwarz). */
  readonly bic: number;
  /** `ln det Σ̃_u + 2 ln ln T·N/T` (Hannan–Quinn). */
  readonly hq: number;
  /** `((T + Kp + 1)/(T − Kp − 1))^K·det Σ̃_u`. */
  readonly fpe: number;
}

function checkData(data: VarData, names: readonly string[] | undefined): { columns: Float64Array[]; names: string[] } {
  if (!Array.isArray(data) || data.length < 1) {
    throw new TypeError('data: not an array of series; pass one array per variable, e.g. [gdpGrowth, milexGrowth]');
  }
  const length = (data[0] as ArrayLike<number>).length;
  const labels = names ? [...names] : data.map((_, j) => `y${j + 1}`);
  if (labels.length !== data.length) {
    throw new RangeError(`names: ${labels.length} names for ${data.length} series; give one name per series`);
  }
  const columns = data.map((series, j) => {
    if (series.length !== length) {
      throw new RangeError(
        `data[${j}]: length ${series.length} differs from data[0] (${length}); give all series the same span`,
      );
    }
    const column = Float64Array.from(series);
    column.forEach((v, t) => {
      if (!Number.isFinite(v)) {
        throw new InputError(
          'missing-value',
          `VAR: ${labels[j]}[${t}] is ${v}, a missing or infinite value; use a span without gaps`,
        );
      }
    });
    return column;
  });
  return { columns, names: labels };
}

function checkLag(name: string, p: number): void {
  if (typeof p !== 'number') throw new TypeError(`${name}: ${typeof p} is not a number; use a lag order such as 2`);
  if (!Number.isInteger(p) || p < 1) throw new RangeError(`${name}: ${p} is not a lag order; use an integer ≥ 1`);
}

/** Regressor columns for rows `t = first…N−1`: lags 1…p of every variable, optionally leaving one out. */
function lagColumns(
  columns: readonly Float64Array[],
  names: readonly string[],
  p: number,
  first: number,
  omit = -1,
): { x: Float64Array[]; labels: string[] } {
  const n = (columns[0] as Float64Array).length;
  const x: Float64Array[] = [];
  const labels: string[] = [];
  for (let lag = 1; lag <= p; lag++) {
    columns.forEach((column, j) => {
      if (j === omit) return;
      x.push(column.slice(first - lag, n - lag));
      labels.push(`${names[j]}.l${lag}`);
    });
  }
  return { x, labels };
}

function checkSample(label: string, n: number, first: number, k: number, p: number): number {
  const observations = n - first;
  if (observations <= k) {
    throw new InputError(
      'too-few-observations',
      `${label}: p = ${p} leaves ${observations} observations for ${k} coefficients per equation; use a smaller p or at least ${first + k + 1} time points`,
    );
  }
  return observations;
}

function fitEquations(columns: readonly Float64Array[], names: readonly string[], p: number, first: number): VarFit {
  const K = columns.length;
  const n = (columns[0] as Float64Array).length;
  const T = checkSample('fitVar', n, first, K * p + 1, p);
  const { x, labels } = lagColumns(columns, names, p, first);
  const equations = columns.map((column) => {
    const built = buildDesign(column.slice(first), x, true, labels, 'fitVar');
    return fitLinearModel(built.y, built.design, built.k, {
      names: built.names,
      centered: true,
      intercept: true,
      absorbed: 0,
      level: 0.95,
      label: `fitVar (${built.names.length} coefficients)`,
    });
  });
  const lagMatrices = Array.from({ length: p }, () => new Float64Array(K * K));
  const intercepts = new Float64Array(K);
  equations.forEach((eq, i) => {
    intercepts[i] = eq.coefficients[0] as number;
    for (let lag = 0; lag < p; lag++) {
      for (let j = 0; j < K; j++)
        (lagMatrices[lag] as Float64Array)[i * K + j] = eq.coefficients[1 + lag * K + j] as number;
    }
  });
  const cross = new Float64Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) {
      let s = 0;
      const ra = (equations[a] as OlsFit).residuals;
      const rb = (equations[b] as OlsFit).residuals;
      for (let t = 0; t < T; t++) s += (ra[t] as number) * (rb[t] as number);
      cross[a * K + b] = s;
    }
  }
  const k = K * p + 1;
  const residualCovarianceMl = cross.map((v) => v / T);
  const residualCovariance = cross.map((v) => v / (T - k));
  const det = luDeterminant(luDecompose(residualCovarianceMl, K));
  const logDet = Math.log(det);
  const parameters = K * k;
  return {
    names: [...names],
    p,
    variables: K,
    observations: T,
    equations,
    lagMatrices,
    intercepts,
    residualCovariance,
    residualCovarianceMl,
    logLikelihood: ((-T * K) / 2) * (1 + Math.log(2 * Math.PI)) - (T / 2) * logDet,
    aic: logDet + (2 * parameters) / T,
    bic: logDet + (Math.log(T) * parameters) / T,
    hq: logDet + (2 * Math.log(Math.log(T)) * parameters) / T,
    fpe: ((T + k) / (T - k)) ** K * det,
  };
}

/**
 * Fit a VAR(p) with a constant by equation-wise OLS.
 *
 * Method: OLS per equation, which is the multivariate LS/ML estimator of a VAR with the same
 * regressors in every equation (Lütkepohl, *New Introduction to Multiple Time Series Analysis*,
 * 2005, §3.2); criteria as R `vars::VARselect` (Pfaff 2008), counting the constants.
 *
 * @param data - one series per variable (e.g. growth rates per year), equal lengths `N`
 * @param p - the lag order, `≥ 1`
 * @param options - variable names
 * @returns the equations, `A_1…A_p`, `ν`, residual covariances, log-likelihood and criteria
 * @throws {TypeError|RangeError} for bad arguments or series of different lengths
 * @throws {InputError} codes `missing-value`, `too-few-observations` (N − p ≤ Kp + 1), `singular-design`
 * @example fitVar([[1, 2, 1, 3, 2, 4, 3, 5]], 1).p // → 1
 */
export function fitVar(data: VarData, p: number, options: VarOptions = {}): VarFit {
  checkLag('p', p);
  const { columns, names } = checkData(data, options.names);
  return fitEquations(columns, names, p, p);
}

/** One row of {@link selectVarOrder}. */
export interface VarOrderRow {
  readonly p: number;
  readonly aic: number;
  readonly bic: number;
  readonly hq: number;
  readonly fpe: number;
}

/** The orders chosen by each criterion and the table behind them. */
export interface VarOrderSelection {
  readonly aic: number;
  readonly bic: number;
  readonly hq: number;
  readonly fpe: number;
  /** `T`, the common sample: the last `N − maxLag` time points. */
  readonly observations: number;
  readonly table: readonly VarOrderRow[];
}

/**
 * Choose the VAR lag order by AIC, BIC (SC), HQ and FPE over `p = 1…maxLag` on a common sample.
 *
 * Method: every VAR(p) is fitted to the same last `N − maxLag` observations (Lütkepohl 2005, §4.3;
 * R `vars::VARselect(type = "const")`, whose formulas these are).
 *
 * @param data - one series per variable, equal lengths `N`
 * @param maxLag - the largest order tried, `≥ 1`
 * @param options - variable names
 * @returns the order each criterion picks and the criteria per order
 * @throws {TypeError|RangeError} for bad arguments
 * @throws {InputError} codes `missing-value`, `too-few-observations` (N − maxLag ≤ K·maxLag + 1)
 * @example selectVarOrder([[1, 2, 1, 3, 2, 4, 3, 5, 4, 6]], 2).table.length // → 2
 */
export function selectVarOrder(data: VarData, maxLag: number, options: VarOptions = {}): VarOrderSelection {
  checkLag('maxLag', maxLag);
  const { columns, names } = checkData(data, options.names);
  const table: VarOrderRow[] = [];
  for (let p = 1; p <= maxLag; p++) {
    const fit = fitEquations(columns, names, p, maxLag);
    table.push({ p, aic: fit.aic, bic: fit.bic, hq: fit.hq, fpe: fit.fpe });
  }
  const best = (key: 'aic' | 'bic' | 'hq' | 'fpe'): number =>
    table.reduce((a, b) => (b[key] < a[key] ? b : a), table[0] as VarOrderRow).p;
  return {
    aic: best('aic'),
    bic: best('bic'),
    hq: best('hq'),
    fpe: best('fpe'),
    observations: (columns[0] as Float64Array).length - maxLag,
    table,
  };
}

/** A Granger-causality F test of `cause → effect`. */
export interface GrangerTest {
  readonly cause: string;
  readonly effect: string;
  readonly p: number;
  /** `((RSS_r − RSS_u)/p) / (RSS_u/(T − k))`, `k = Kp + 1`. */
  readonly fStatistic: number;
  /** `p`, the restrictions. */
  readonly df1: number;
  /** `T − k`, the residual degrees of freedom of the unrestricted equation. */
  readonly df2: number;
  /** `P(F(df1, df2) > fStatistic)`: lmtest `grangertest`, statsmodels `grangercausalitytests` (ssr F). */
  readonly pValue: number;
  /** `K·(T − k)`, the denominator df of the system test of vars `causality` / statsmodels `test_causality`. */
  readonly systemDf2: number;
  /** `P(F(df1, systemDf2) > fStatistic)`: vars `causality(...)$Granger`, statsmodels `test_causality(kind='f')`. */
  readonly systemPValue: number;
  readonly rssRestricted: number;
  readonly rssUnrestricted: number;
  /** `T`. */
  readonly observations: number;
}

function resolveVariable(name: string, value: number | string, names: readonly string[]): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value >= names.length) {
      throw new RangeError(
        `${name}: ${value} is not a series index; use 0…${names.length - 1} or a name (${names.join(', ')})`,
      );
    }
    return value;
  }
  const index = names.indexOf(value);
  if (index < 0) throw new RangeError(`${name}: '${value}' is not a series name; use one of ${names.join(', ')}`);
  return index;
}

/**
 * Test whether `cause` Granger-causes `effect` in a VAR(p) with a constant, by an F test.
 *
 * Method: the effect's equation with `p` lags of every variable (unrestricted) against the same
 * equation without the cause's lags (restricted), `F = ((RSS_r − RSS_u)/p)/(RSS_u/(T − Kp − 1))`
 * (Granger 1969; Lütkepohl 2005, §3.6.1). The statistic equals the Wald/F statistic of R
 * `vars::causality` and statsmodels `VARResults.test_causality(kind='f')`; `pValue` uses
 * `df2 = T − Kp − 1` as R `lmtest::grangertest` and statsmodels `grangercausalitytests` (ssr F test)
 * do for two series, `systemPValue` uses their `df2 = K(T − Kp − 1)`.
 *
 * @param data - one series per variable, equal lengths `N`
 * @param cause - the causing series, by index or name
 * @param effect - the affected series, by index or name
 * @param p - the lag order, `≥ 1`
 * @param options - variable names
 * @returns F statistic, degrees of freedom, p-values and the two RSS
 * @throws {TypeError|RangeError} for bad arguments, or `cause` equal to `effect`
 * @throws {InputError} codes `missing-value`, `too-few-observations` (N − p ≤ Kp + 1)
 * @example grangerCausality([x, y], 0, 1, 2).df1 // → 2
 */
export function grangerCausality(
  data: VarData,
  cause: number | string,
  effect: number | string,
  p: number,
  options: VarOptions = {},
): GrangerTest {
  checkLag('p', p);
  const { columns, names } = checkData(data, options.names);
  const c = resolveVariable('cause', cause, names);
  const e = resolveVariable('effect', effect, names);
  if (c === e) throw new RangeError(`cause: '${names[c]}' is also the effect; test one series against another`);
  const K = columns.length;
  const n = (columns[0] as Float64Array).length;
  const k = K * p + 1;
  const T = checkSample('grangerCausality', n, p, k, p);
  const y = (columns[e] as Float64Array).slice(p);
  const fitRss = (omit: number): number => {
    const { x, labels } = lagColumns(columns, names, p, p, omit);
    const built = buildDesign(y, x, true, labels, 'grangerCausality');
    return fitLinearModel(built.y, built.design, built.k, {
      names: built.names,
      centered: true,
      intercept: true,
      absorbed: 0,
      level: 0.95,
      label: 'grangerCausality',
    }).residualSumOfSquares;
  };
  const rssUnrestricted = fitRss(-1);
  const rssRestricted = fitRss(c);
  const df2 = T - k;
  const fStatistic = Math.max(0, (rssRestricted - rssUnrestricted) / p / (rssUnrestricted / df2));
  const systemDf2 = K * df2;
  return {
    cause: names[c] as string,
    effect: names[e] as string,
    p,
    fStatistic,
    df1: p,
    df2,
    pValue: fSurvival(fStatistic, p, df2),
    systemDf2,
    systemPValue: fSurvival(fStatistic, p, systemDf2),
    rssRestricted,
    rssUnrestricted,
    observations: T,
  };
}

/**
 * Run {@link grangerCausality} in both directions between two series.
 *
 * Method: as {@link grangerCausality} (Granger 1969; Lütkepohl 2005, §3.6.1).
 *
 * @param data - one series per variable, equal lengths `N`
 * @param a - the first series, by index or name
 * @param b - the second series, by index or name
 * @param p - the lag order, `≥ 1`
 * @param options - variable names
 * @returns `{ aToB, bToA }`
 * @throws as {@link grangerCausality}
 * @example grangerCausalityBothWays([x, y], 0, 1, 2).bToA.cause // → 'y2'
 */
export function grangerCausalityBothWays(
  data: VarData,
  a: number | string,
  b: number | string,
  p: number,
  options: VarOptions = {},
): { aToB: GrangerTest; bToA: GrangerTest } {
  return { aToB: grangerCausality(data, a, b, p, options), bToA: grangerCausality(data, b, a, p, options) };
}
