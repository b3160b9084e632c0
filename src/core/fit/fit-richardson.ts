import { InputError } from '../errors.js';
import { type OlsFit, ols } from '../estimate/ols.js';
import { type RichardsonStability, richardsonEquilibrium, richardsonStability } from '../model/richardson.js';
import { type AlignedSeries, alignSeries, type YearSeries } from './year-series.js';

/** Options of {@link fitRichardson}. */
export interface RichardsonFitOptions {
  readonly from?: number;
  readonly to?: number;
  /** Regress on the mean of consecutive years, as Richardson did, instead of the start-year level. */
  readonly midpoint?: boolean;
}

/** The per-equation fit `Δx_i = Σ_j k_ij x_j − a_i x_i + g_i` with the model it implies. */
export interface RichardsonFit {
  readonly form: 'equations';
  readonly names: readonly string[];
  readonly span: readonly [number, number];
  readonly midpoint: boolean;
  /** One OLS fit per actor: `(Intercept)` = g_i, the actor's own level = −a_i, the others' = k_ij. */
  readonly equations: readonly OlsFit[];
  /** `k_ij`, row-major N×N, zero diagonal (1/years). */
  readonly reactionMatrix: Float64Array;
  /** `a_i` (1/years). */
  readonly fatigueRate: Float64Array;
  /** `g_i` (units of the series per year). */
  readonly grievance: Float64Array;
  /** `x* = −(R − A)⁻¹g`, or `null` when `R − A` is singular. */
  readonly equilibrium: readonly number[] | null;
  readonly stability: RichardsonStability;
}

/** The two-bloc sum form `Δ(x+y) = c·(x + y − e)`. */
export interface RichardsonSumFit {
  readonly form: 'sum';
  readonly names: readonly string[];
  readonly span: readonly [number, number];
  readonly midpoint: boolean;
  readonly regression: OlsFit;
  /** `c` (1/years): positive = the sum grows away from `e`, an unstable race. */
  readonly c: {
    readonly estimate: number;
    readonly standardError: number;
    readonly lower: number;
    readonly upper: number;
  };
  /** `e = −intercept/c` with a delta-method standard error. */
  readonly e: { readonly estimate: number; readonly standardError: number };
}

const MIN_YEARS = 8;

function differences(aligned: AlignedSeries, midpoint: boolean) {
  const n = aligned.years.length - 1;
  const delta = aligned.values.map((v) =>
    Float64Array.from({ length: n }, (_, t) => (v[t + 1] as number) - (v[t] as number)),
  );
  const level = aligned.values.map((v) =>
    Float64Array.from({ length: n }, (_, t) =>
      midpoint ? ((v[t] as number) + (v[t + 1] as number)) / 2 : (v[t] as number),
    ),
  );
  return { delta, level };
}

/**
 * Fit the Richardson model to yearly levels, one OLS equation per actor on annual differences
 * (Richardson 1960; the estimation design of e.g. Majeski & Jones 1981), and report the implied
 * equilibrium and stability.
 *
 * @throws {InputError} for too few years, a gap, a constant series (see {@link alignSeries}).
 * @example fitRichardson([nato, russia], { from: 1993, to: 2024 }).stability.stable
 */
export function fitRichardson(series: readonly YearSeries[], options: RichardsonFitOptions = {}): RichardsonFit {
  if (series.length < 2)
    throw new InputError(
      'too-few-series',
      `${series.length} series given; the Richardson model needs two or more actors`,
    );
  const aligned = alignSeries(series, options.from, options.to, MIN_YEARS);
  const midpoint = options.midpoint ?? false;
  const { delta, level } = differences(aligned, midpoint);
  const N = series.length;
  const names = aligned.names;
  const equations = delta.map((d) =>
    ols(d, level, { names: names.map((x) => `${x}${midpoint ? ' (mid-year)' : ''}`) }),
  );
  const reactionMatrix = new Float64Array(N * N);
  const fatigueRate = new Float64Array(N);
  const grievance = new Float64Array(N);
  for (const [i, fit] of equations.entries()) {
    grievance[i] = fit.coefficients[0] as number;
    for (let j = 0; j < N; j++) {
      const b = fit.coefficients[j + 1] as number;
      if (i === j) fatigueRate[i] = -b;
      else reactionMatrix[i * N + j] = b;
    }
  }
  const parameters = { reactionMatrix, fatigueRate, grievance };
  const equilibrium = richardsonEquilibrium(parameters);
  return {
    form: 'equations',
    names,
    span: [aligned.years[0] as number, aligned.years.at(-1) as number],
    midpoint,
    equations,
    reactionMatrix,
    fatigueRate,
    grievance,
    equilibrium: equilibrium === undefined ? null : Array.from(equilibrium),
    stability: richardsonStability(parameters),
  };
}

/**
 * Fit the two-bloc sum form `Δ(x+y) = c·(x + y − e)` by OLS of `Δz` on `z = x + y`.
 *
 * @throws {InputError} as {@link fitRichardson}.
 * @example fitRichardsonSum([nato, russia]).c.estimate
 */
export function fitRichardsonSum(series: readonly YearSeries[], options: RichardsonFitOptions = {}): RichardsonSumFit {
  if (series.length < 2)
    throw new InputError('too-few-series', `${series.length} series given; the sum form adds two or more series`);
  const aligned = alignSeries(series, options.from, options.to, MIN_YEARS);
  const total: YearSeries = {
    name: aligned.names.join(' + '),
    years: aligned.years,
    values: aligned.years.map((_, t) => aligned.values.reduce((s, v) => s + (v[t] as number), 0)),
  };
  const midpoint = options.midpoint ?? false;
  const { delta, level } = differences(alignSeries([total], undefined, undefined, MIN_YEARS), midpoint);
  const regression = ols(delta[0] as Float64Array, level, { names: [total.name] });
  const [a, c] = [regression.coefficients[0] as number, regression.coefficients[1] as number];
  const cov = regression.covariance;
  // e = −a/c: gradient (−1/c, a/c²).
  const ga = -1 / c;
  const gc = a / (c * c);
  const varE = ga * ga * (cov[0] as number) + 2 * ga * gc * (cov[1] as number) + gc * gc * (cov[3] as number);
  return {
    form: 'sum',
    names: aligned.names,
    span: [aligned.years[0] as number, aligned.years.at(-1) as number],
    midpoint,
    regression,
    c: {
      estimate: c,
      standardError: regression.standardErrors[1] as number,
      lower: regression.lower[1] as number,
      upper: regression.upper[1] as number,
    },
    e: { estimate: -a / c, standardError: Math.sqrt(varE) },
  };
}
