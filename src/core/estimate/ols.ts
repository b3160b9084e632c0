import { InputError } from '../errors.js';
import { fSurvival, studentTCdf, studentTQuantile } from './distributions.js';
import { type QrFactorization, qrDecompose, qrInverseR, qrSolve, qrThinQ, qrUnscaledCovariance } from './qr.js';

/**
 * Regressors: an array of columns (one array per regressor, each as long as `y`), or a row-major
 * matrix `{ rowMajor, columns }` whose row `i` holds observation `i`.
 */
export type Regressors =
  | ReadonlyArray<ArrayLike<number>>
  | { readonly rowMajor: ArrayLike<number>; readonly columns: number };

/** Options of {@link ols}. */
export interface OlsOptions {
  /** Add a constant column first, named `(Intercept)`; default `true`. */
  readonly intercept?: boolean;
  /** Names of the regressors (without the intercept); default `x1, x2, …`. */
  readonly names?: readonly string[];
  /** Coverage of the confidence intervals; default `0.95`. */
  readonly level?: number;
}

/** One coefficient as a user would cite it. */
export interface OlsTerm {
  readonly name: string;
  readonly estimate: number;
  /** Classic standard error, `s·√[(XᵀX)⁻¹]_jj`. */
  readonly standardError: number;
  /** Heteroskedasticity-consistent HC1 standard error. */
  readonly robustStandardError: number;
  /** `estimate / standardError`. */
  readonly t: number;
  /** Two-sided p-value from Student t with `degreesOfFreedom`. */
  readonly p: number;
  /** Lower end of the `level` interval, `estimate − t_{(1+level)/2, df}·standardError`. */
  readonly lower: number;
  /** Upper end of the `level` interval. */
  readonly upper: number;
}

/** A fitted linear model. Vectors are indexed like {@link OlsFit.names}. */
export interface OlsFit {
  /** Coefficient names, `(Intercept)` first when there is one. */
  readonly names: readonly string[];
  readonly coefficients: Float64Array;
  readonly standardErrors: Float64Array;
  /** HC1 standard errors (White 1980 with the `n/(n − k)` factor of MacKinnon & White 1985). */
  readonly robustStandardErrors: Float64Array;
  readonly tValues: Float64Array;
  readonly pValues: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Coverage of `lower`/`upper`, e.g. 0.95. */
  readonly level: number;
  /** The same numbers per coefficient. */
  readonly terms: readonly OlsTerm[];
  /** `1 − RSS/TSS`; TSS about the mean with an intercept (or absorbed effects), about zero without. */
  readonly rSquared: number;
  /** `1 − (1 − R²)·(n − i)/df`, `i` = 1 with an intercept, else 0. */
  readonly adjustedRSquared: number;
  /** `s = √(RSS/df)`. */
  readonly residualStandardDeviation: number;
  readonly residualSumOfSquares: number;
  readonly totalSumOfSquares: number;
  /** `Σ(e_t − e_{t−1})² / Σe_t²`, in the order of the observations. */
  readonly durbinWatson: number;
  /** F statistic of all slopes being zero, with `(k − i, df)` degrees of freedom. */
  readonly fStatistic: number;
  readonly fPValue: number;
  /** Number of observations. */
  readonly n: number;
  /** Number of estimated coefficients (including the intercept, excluding absorbed effects). */
  readonly k: number;
  /** Residual degrees of freedom, `n − k` less any absorbed effects. */
  readonly degreesOfFreedom: number;
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
  /** `s²·(XᵀX)⁻¹`, `k × k` row-major. */
  readonly covariance: Float64Array;
  /** HC1 covariance, `k × k` row-major. */
  readonly robustCovariance: Float64Array;
  /** Whether the model has an intercept. */
  readonly intercept: boolean;
}

/** What {@link fitLinearModel} needs besides the data. */
export interface LinearModelSpec {
  readonly names: readonly string[];
  /** Whether the design holds a constant column (or the data were demeaned by absorbed effects). */
  readonly centered: boolean;
  /** Whether the first column is an explicit intercept (it is then left out of the overall F test). */
  readonly intercept: boolean;
  /** Parameters absorbed before the fit (e.g. entity effects), taken off the degrees of freedom. */
  readonly absorbed: number;
  readonly level: number;
  /** The caller's name in messages, e.g. `ols`. */
  readonly label: string;
}

function toVector(name: string, value: unknown): Float64Array {
  if (value instanceof Float64Array) return value;
  if (Array.isArray(value)) return Float64Array.from(value as number[]);
  throw new TypeError(`${name}: ${typeof value} is not an array of numbers; pass a Float64Array or number[]`);
}

/**
 * Assemble `y` and the regressors into a column-major design, checking sizes and missing values.
 *
 * @param y - the response
 * @param x - the regressors
 * @param intercept - prepend a column of ones
 * @param names - regressor names, or `undefined` for `x1, x2, …`
 * @param label - the caller's name for messages, e.g. `ols`
 * @returns the response, design (column-major `n × k`), `k` and the coefficient names
 * @throws {TypeError|RangeError} for arguments of the wrong kind or size
 * @throws {InputError} (code `missing-value`) for `NaN` or infinite data
 * @example buildDesign([1, 2], [[3, 4]], true, undefined, 'ols').k // → 2
 */
export function buildDesign(
  y: ArrayLike<number>,
  x: Regressors,
  intercept: boolean,
  names: readonly string[] | undefined,
  label: string,
): { y: Float64Array; design: Float64Array; k: number; names: string[] } {
  const response = toVector('y', y);
  const n = response.length;
  let columns: Float64Array[];
  if (Array.isArray(x)) {
    columns = (x as ArrayLike<number>[]).map((column, j) => {
      const v = toVector(`x[${j}]`, column);
      if (v.length !== n) {
        throw new RangeError(
          `x[${j}]: length ${v.length} does not match y (length ${n}); give every column ${n} values`,
        );
      }
      return v;
    });
  } else if (typeof x === 'object' && x !== null && 'rowMajor' in x) {
    const p = x.columns;
    if (!Number.isInteger(p) || p < 0) {
      throw new RangeError(`x.columns: ${p} is not a column count; use a non-negative integer`);
    }
    const data = toVector('x.rowMajor', x.rowMajor);
    if (data.length !== n * p) {
      throw new RangeError(
        `x.rowMajor: length ${data.length} does not fit ${n} rows × ${p} columns; use length ${n * p} (one row per value of y)`,
      );
    }
    columns = [];
    for (let j = 0; j < p; j++) {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) column[i] = data[i * p + j] as number;
      columns.push(column);
    }
  } else {
    throw new TypeError(`x: ${typeof x} is not regressors; pass an array of columns or { rowMajor, columns }`);
  }
  const regressorNames = names ? [...names] : columns.map((_, j) => `x${j + 1}`);
  if (regressorNames.length !== columns.length) {
    throw new RangeError(
      `names: ${regressorNames.length} names for ${columns.length} regressors; give one name per column of x`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(response[i] as number)) {
      throw new InputError(
        'missing-value',
        `${label}: y[${i}] is ${response[i]}, a missing or infinite value; drop observation ${i} or supply the datum`,
      );
    }
  }
  columns.forEach((column, j) => {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column[i] as number)) {
        throw new InputError(
          'missing-value',
          `${label}: ${regressorNames[j]}[${i}] is ${column[i]}, a missing or infinite value; drop observation ${i} or supply the datum`,
        );
      }
    }
  });
  if (intercept) {
    columns.forEach((column, j) => {
      if (n > 1 && column.every((v) => v === column[0])) {
        throw new InputError(
          'constant-regressor',
          `${label}: regressor ${regressorNames[j]} is constant (${column[0]}) and duplicates the intercept; drop it or fit without an intercept`,
        );
      }
    });
  }
  const allNames = intercept ? ['(Intercept)', ...regressorNames] : regressorNames;
  const k = allNames.length;
  const design = new Float64Array(n * k);
  let offset = 0;
  if (intercept) {
    design.fill(1, 0, n);
    offset = n;
  }
  for (const column of columns) {
    design.set(column, offset);
    offset += n;
  }
  return { y: response, design, k, names: allNames };
}

/**
 * Fit `y = X·b + e` by least squares on an assembled column-major design and report the statistics.
 *
 * Method: Householder QR of `X` (Golub & Van Loan 2013, algorithm 5.3.2), covariance `s²·R⁻¹R⁻ᵀ`,
 * HC1 covariance `n/df · R⁻¹·Q₁ᵀ·diag(e²)·Q₁·R⁻ᵀ` (White 1980; MacKinnon & White 1985), Student t
 * tests and intervals.
 *
 * @param y - the response, length `n`
 * @param design - `X`, column-major `n × k`
 * @param k - the number of columns
 * @param spec - names, centring, absorbed parameters, interval level and a label for messages
 * @param observed - the response for fitted values and TSS when `y` was transformed (defaults to `y`)
 * @returns the fit
 * @throws {InputError} (codes `too-few-observations`, `singular-design`) when the data cannot identify `b`
 * @example fitLinearModel(Float64Array.of(1, 3), Float64Array.of(1, 1), 1, { names: ['m'], centered: false, intercept: false, absorbed: 0, level: 0.95, label: 'ols' }).coefficients[0] // → 2
 */
export function fitLinearModel(
  y: Float64Array,
  design: Float64Array,
  k: number,
  spec: LinearModelSpec,
  observed: Float64Array = y,
): OlsFit {
  const n = y.length;
  const df = n - k - spec.absorbed;
  if (df < 1) {
    throw new InputError(
      'too-few-observations',
      `${spec.label}: ${n} observations for ${k + spec.absorbed} parameters leave ${df} residual degrees of freedom; supply at least ${k + spec.absorbed + 1} observations`,
    );
  }
  const f: QrFactorization = qrDecompose(design, n, k, { layout: 'column-major' });
  if (f.rank < k) {
    const column = f.pivots[f.rank] as number;
    throw new InputError(
      'singular-design',
      `${spec.label}: regressor ${spec.names[column]} is a linear combination of the regressors before it (numerical rank ${f.rank} of ${k}); drop it or one of those it duplicates`,
    );
  }
  const { solution, residuals, residualSumOfSquares: rss } = qrSolve(f, y);
  const fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) fitted[i] = (observed[i] as number) - (residuals[i] as number);
  let tss = 0;
  if (spec.centered) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i] as number;
    mean /= n;
    for (let i = 0; i < n; i++) tss += ((y[i] as number) - mean) ** 2;
  } else {
    for (let i = 0; i < n; i++) tss += (y[i] as number) ** 2;
  }
  const s2 = rss / df;
  const unscaled = qrUnscaledCovariance(f);
  const covariance = unscaled.map((v) => v * s2);
  const robustCovariance = hc1Covariance(f, residuals, n / df);
  const level = spec.level;
  const critical = studentTQuantile(0.5 + level / 2, df);
  const standardErrors = new Float64Array(k);
  const robustStandardErrors = new Float64Array(k);
  const tValues = new Float64Array(k);
  const pValues = new Float64Array(k);
  const lower = new Float64Array(k);
  const upper = new Float64Array(k);
  const terms: OlsTerm[] = [];
  for (let j = 0; j < k; j++) {
    const b = solution[j] as number;
    const se = Math.sqrt(covariance[j * k + j] as number);
    const t = b / se;
    standardErrors[j] = se;
    robustStandardErrors[j] = Math.sqrt(robustCovariance[j * k + j] as number);
    tValues[j] = t;
    pValues[j] = Number.isNaN(t) ? Number.NaN : 2 * studentTCdf(-Math.abs(t), df);
    lower[j] = b - critical * se;
    upper[j] = b + critical * se;
    terms.push({
      name: spec.names[j] ?? `x${j}`,
      estimate: b,
      standardError: se,
      robustStandardError: robustStandardErrors[j] as number,
      t,
      p: pValues[j] as number,
      lower: lower[j] as number,
      upper: upper[j] as number,
    });
  }
  const rSquared = tss > 0 ? 1 - rss / tss : Number.NaN;
  const base = spec.intercept ? 1 : 0;
  const adjustedRSquared = 1 - ((1 - rSquared) * (n - (spec.centered ? 1 : 0))) / df;
  const slopes = k - base;
  const fStatistic = slopes > 0 ? (tss - rss) / slopes / s2 : Number.NaN;
  const fPValue = fStatistic >= 0 && Number.isFinite(fStatistic) ? fSurvival(fStatistic, slopes, df) : Number.NaN;
  let dwNumerator = 0;
  for (let i = 1; i < n; i++) dwNumerator += ((residuals[i] as number) - (residuals[i - 1] as number)) ** 2;
  return {
    names: [...spec.names],
    coefficients: solution,
    standardErrors,
    robustStandardErrors,
    tValues,
    pValues,
    lower,
    upper,
    level,
    terms,
    rSquared,
    adjustedRSquared,
    residualStandardDeviation: Math.sqrt(s2),
    residualSumOfSquares: rss,
    totalSumOfSquares: tss,
    durbinWatson: rss > 0 ? dwNumerator / rss : Number.NaN,
    fStatistic,
    fPValue,
    n,
    k,
    degreesOfFreedom: df,
    residuals,
    fitted,
    covariance,
    robustCovariance,
    intercept: spec.intercept,
  };
}

/** `factor · R⁻¹·Q₁ᵀ·diag(e²)·Q₁·R⁻ᵀ` in the original column order. */
function hc1Covariance(f: QrFactorization, residuals: Float64Array, factor: number): Float64Array {
  const n = f.rows;
  const k = f.columns;
  const q = qrThinQ(f);
  const meat = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const e2 = (residuals[i] as number) ** 2;
    for (let a = 0; a < k; a++) {
      const qa = (q[i * k + a] as number) * e2;
      for (let b = a; b < k; b++) meat[a * k + b] = (meat[a * k + b] as number) + qa * (q[i * k + b] as number);
    }
  }
  const inv = qrInverseR(f);
  const middle = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let c = 0; c < k; c++) {
        const m = (c <= b ? meat[c * k + b] : meat[b * k + c]) as number;
        s += (inv[a * k + c] as number) * m;
      }
      middle[a * k + b] = s;
    }
  }
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let c = b; c < k; c++) s += (middle[a * k + c] as number) * (inv[b * k + c] as number);
      out[(f.pivots[a] as number) * k + (f.pivots[b] as number)] = s * factor;
    }
  }
  return out;
}

/**
 * Fit a linear regression by ordinary least squares and report what a user would cite.
 *
 * Method: Householder QR, not the normal equations (Golub & Van Loan, *Matrix Computations*, 4th ed.,
 * 2013, §5.3); classic covariance `s²(XᵀX)⁻¹`; HC1 heteroskedasticity-consistent covariance
 * (White 1980, *Econometrica* 48; MacKinnon & White 1985, *J. Econometrics* 29); two-sided Student t
 * tests; Durbin & Watson (1950) statistic. Matches R's `lm` and `sandwich::vcovHC(type = "HC1")`.
 *
 * @param y - the response, length `n` (in the unit of the data)
 * @param x - the regressors: an array of columns, or `{ rowMajor, columns }`
 * @param options - `intercept` (default `true`), `names`, `level` (default 0.95)
 * @returns coefficients, standard errors, tests, intervals, fit statistics, residuals and covariances
 * @throws {TypeError|RangeError} for arguments of the wrong kind or mismatched lengths
 * @throws {InputError} codes `missing-value` (NaN or infinite data), `too-few-observations` (n ≤ k),
 *   `constant-regressor` (a constant column next to the intercept), `singular-design` (collinear columns)
 * @example ols([1, 3, 5], [[0, 1, 2]]).coefficients[1] // → 2
 */
export function ols(y: Float64Array | readonly number[], x: Regressors, options: OlsOptions = {}): OlsFit {
  const intercept = options.intercept ?? true;
  if (typeof intercept !== 'boolean') {
    throw new TypeError(`intercept: ${typeof intercept} is not a boolean; use true or false`);
  }
  const level = options.level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`level: ${String(level)} is not a coverage; use a number in (0, 1), e.g. 0.95`);
  }
  const built = buildDesign(y, x, intercept, options.names, 'ols');
  return fitLinearModel(built.y, built.design, built.k, {
    names: built.names,
    centered: intercept,
    intercept,
    absorbed: 0,
    level,
    label: 'ols',
  });
}
