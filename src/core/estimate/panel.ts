import { InputError } from '../errors.js';
import { stream } from '../math/random.js';
import { buildDesign, fitLinearModel, type OlsFit, type Regressors } from './ols.js';

/** Options of {@link panelFixedEffects}. */
export interface PanelOptions {
  /** Names of the regressors; default `x1, x2, …`. */
  readonly names?: readonly string[];
  /** Coverage of the confidence intervals; default 0.95. */
  readonly level?: number;
}

/** A fixed-effects (within) fit: the slope statistics of {@link OlsFit} plus the entity effects. */
export interface PanelFit extends OlsFit {
  /** The entities in order of first appearance. */
  readonly entities: readonly (string | number)[];
  /** `α_i = ȳ_i − x̄_iᵀ·b`, one per entity. */
  readonly entityEffects: Float64Array;
  /** Number of entities `G` (absorbed parameters). */
  readonly groups: number;
  /** Cluster-robust (by entity) standard errors, CR1 with factor `G/(G−1)·(N−1)/(N−K)`. */
  readonly clusterStandardErrors: Float64Array;
}

function groupIndex(
  groups: ArrayLike<string | number>,
  n: number,
  name: string,
): { index: Int32Array; labels: (string | number)[] } {
  if (groups === null || typeof groups !== 'object' || typeof groups.length !== 'number') {
    throw new TypeError(`${name}: ${typeof groups} is not an array; pass one entity label per observation`);
  }
  if (groups.length !== n) {
    throw new RangeError(
      `${name}: length ${groups.length} does not match y (length ${n}); give one label per observation`,
    );
  }
  const map = new Map<string | number, number>();
  const labels: (string | number)[] = [];
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = groups[i] as string | number;
    if (label === undefined || label === null || (typeof label === 'number' && Number.isNaN(label))) {
      throw new InputError(
        'missing-value',
        `${name}[${i}] is ${String(label)}, a missing entity; label every observation`,
      );
    }
    let g = map.get(label);
    if (g === undefined) {
      g = labels.length;
      map.set(label, g);
      labels.push(label);
    }
    index[i] = g;
  }
  return { index, labels };
}

/** Subtract each entity's mean from `values`. */
function demean(
  values: Float64Array,
  index: Int32Array,
  groups: number,
): { demeaned: Float64Array; means: Float64Array } {
  const sums = new Float64Array(groups);
  const counts = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) {
    const g = index[i] as number;
    sums[g] = (sums[g] as number) + (values[i] as number);
    counts[g] = (counts[g] as number) + 1;
  }
  const means = sums.map((s, g) => s / (counts[g] as number));
  const demeaned = values.map((v, i) => v - (means[index[i] as number] as number));
  return { demeaned, means };
}

/**
 * Fit a linear panel regression with entity (e.g. country) fixed effects by the within transformation.
 *
 * Method: demean `y` and every regressor by entity and fit the demeaned data by least squares
 * (Wooldridge, *Econometric Analysis of Cross Section and Panel Data*, 2nd ed., 2010, §10.5); the
 * residual degrees of freedom are `N − G − K`, so the standard errors equal those of OLS with one
 * dummy per entity (Stata `xtreg, fe`, R `plm(model = "within")`). R² is the within R². The
 * cluster-robust errors are CR1 (Cameron & Miller 2015, *J. Human Resources* 50, §II.C).
 * With a lagged dependent variable and short panels the slope is biased (Nickell 1981).
 *
 * @param y - the response, length `N` (e.g. ln spending)
 * @param x - the regressors (no constant: it is absorbed)
 * @param entities - the entity of each observation (e.g. ISO3 codes)
 * @param options - `names`, `level`
 * @returns slopes with their statistics, entity effects and cluster-robust standard errors
 * @throws {TypeError|RangeError} for arguments of the wrong kind or mismatched lengths
 * @throws {InputError} codes `missing-value`, `too-few-observations` (N ≤ G + K),
 *   `singular-design` (a regressor constant within every entity, or collinear regressors)
 * @example panelFixedEffects([1, 2, 5, 6], [[0, 1, 0, 1]], ['a', 'a', 'b', 'b']).coefficients[0] // → 1
 */
export function panelFixedEffects(
  y: Float64Array | readonly number[],
  x: Regressors,
  entities: ArrayLike<string | number>,
  options: PanelOptions = {},
): PanelFit {
  const level = options.level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`level: ${String(level)} is not a coverage; use a number in (0, 1), e.g. 0.95`);
  }
  const built = buildDesign(y, x, false, options.names, 'panelFixedEffects');
  const n = built.y.length;
  const k = built.k;
  if (k < 1) throw new RangeError('x: no regressors; give at least one column (the constant is absorbed)');
  const { index, labels } = groupIndex(entities, n, 'entities');
  const groups = labels.length;
  const { demeaned: yWithin, means: yMeans } = demean(built.y, index, groups);
  const design = new Float64Array(n * k);
  const xMeans: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const { demeaned, means } = demean(built.design.subarray(j * n, (j + 1) * n), index, groups);
    let scale = 0;
    let spread = 0;
    for (let i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(built.design[j * n + i] as number));
      spread = Math.max(spread, Math.abs(demeaned[i] as number));
    }
    if (spread <= 1e-14 * scale || spread === 0) {
      throw new InputError(
        'singular-design',
        `panelFixedEffects: regressor ${built.names[j]} is constant within every entity, so the entity effects absorb it; drop it`,
      );
    }
    design.set(demeaned, j * n);
    xMeans.push(means);
  }
  const fit = fitLinearModel(
    yWithin,
    design,
    k,
    { names: built.names, centered: true, intercept: false, absorbed: groups, level, label: 'panelFixedEffects' },
    built.y,
  );
  const entityEffects = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let v = yMeans[g] as number;
    for (let j = 0; j < k; j++) v -= (fit.coefficients[j] as number) * ((xMeans[j] as Float64Array)[g] as number);
    entityEffects[g] = v;
  }
  const clusterStandardErrors = clusterRobust(design, n, k, fit.residuals, index, groups, fit);
  return { ...fit, entities: labels, entityEffects, groups, clusterStandardErrors };
}

/** CR1: `c·(X̃ᵀX̃)⁻¹·Σ_g (X̃_gᵀe_g)(X̃_gᵀe_g)ᵀ·(X̃ᵀX̃)⁻¹`, `c = G/(G−1)·(N−1)/(N−K)`. */
function clusterRobust(
  design: Float64Array,
  n: number,
  k: number,
  residuals: Float64Array,
  index: Int32Array,
  groups: number,
  fit: OlsFit,
): Float64Array {
  const s2 = fit.residualStandardDeviation ** 2;
  const bread = fit.covariance.map((v) => v / s2);
  const scores = new Float64Array(groups * k);
  for (let i = 0; i < n; i++) {
    const g = index[i] as number;
    for (let j = 0; j < k; j++) {
      scores[g * k + j] = (scores[g * k + j] as number) + (design[j * n + i] as number) * (residuals[i] as number);
    }
  }
  const meat = new Float64Array(k * k);
  for (let g = 0; g < groups; g++) {
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        meat[a * k + b] = (meat[a * k + b] as number) + (scores[g * k + a] as number) * (scores[g * k + b] as number);
      }
    }
  }
  const factor = groups > 1 ? (groups / (groups - 1)) * ((n - 1) / (n - k)) : Number.NaN;
  const out = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let v = 0;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++)
        v += (bread[j * k + a] as number) * (meat[a * k + b] as number) * (bread[b * k + j] as number);
    }
    out[j] = Math.sqrt(v * factor);
  }
  return out;
}

/** Options of {@link clusterBootstrap}. */
export interface ClusterBootstrapOptions {
  /** Number of bootstrap replications; default 999. */
  readonly draws?: number;
  /** Seed of the random stream (stream 0 of {@link stream}); required for reproducibility. */
  readonly seed: number;
  /** Coverage of the percentile intervals; default 0.95. */
  readonly level?: number;
}

/** Bootstrap distribution summaries, one entry per statistic returned by the fit function. */
export interface ClusterBootstrapResult {
  /** The statistics on the full sample. */
  readonly estimate: Float64Array;
  /** Standard deviation of the replications (divisor `R − 1`). */
  readonly standardErrors: Float64Array;
  /** Percentile interval ends, R type-7 quantiles of the replications. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly level: number;
  /** Replications, `draws × m` row-major (successful draws only). */
  readonly replications: Float64Array;
  /** Successful replications. */
  readonly draws: number;
  /** Replications whose fit threw an `InputError` (e.g. a resample with too little variation). */
  readonly failedDraws: number;
}

/**
 * The `p` quantile of sorted values by R's type 7 (linear interpolation between order statistics).
 *
 * @example quantile7([1, 2, 3, 4], 0.5) // → 2.5
 */
export function quantile7(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * Bootstrap a statistic by resampling whole clusters (e.g. countries) with replacement.
 *
 * Method: the pairs cluster bootstrap of Cameron & Miller (2015, *J. Human Resources* 50, §VI.A;
 * Cameron, Gelbach & Miller 2008): each replication draws `G` clusters with replacement, keeps all
 * rows of each and relabels repeated clusters as distinct (as Stata's `idcluster`), refits, and
 * reports bootstrap standard errors and percentile intervals (R type-7 quantiles).
 *
 * @param fitSample - `(rows, clusters) ↦ statistics`: fits the sample made of `rows` (indices into the
 *   data, repeated as drawn) with `clusters[i]` the new cluster number of row `rows[i]`
 * @param groups - the cluster of each observation
 * @param options - `seed` (required), `draws` (default 999), `level` (default 0.95)
 * @returns full-sample estimate, bootstrap standard errors, percentile intervals and the replications
 * @throws {TypeError|RangeError} for bad arguments (fewer than two clusters, bad `draws` or `seed`)
 * @throws {InputError} (code `bootstrap-failed`) when fewer than two replications succeed
 * @example clusterBootstrap((rows) => [rows.length], ['a', 'b'], { seed: 1, draws: 9 }).estimate[0] // → 2
 */
export function clusterBootstrap(
  fitSample: (rows: Int32Array, clusters: Int32Array) => ArrayLike<number>,
  groups: ArrayLike<string | number>,
  options: ClusterBootstrapOptions,
): ClusterBootstrapResult {
  if (typeof fitSample !== 'function')
    throw new TypeError(`fitSample: ${typeof fitSample} is not a function; pass (rows, clusters) => statistics`);
  const draws = options.draws ?? 999;
  if (!Number.isInteger(draws) || draws < 2) {
    throw new RangeError(`draws: ${draws} is not a replication count; use an integer ≥ 2, e.g. 999`);
  }
  const level = options.level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`level: ${String(level)} is not a coverage; use a number in (0, 1), e.g. 0.95`);
  }
  const rng = stream(options.seed, 0);
  const n = groups.length;
  const { index, labels } = groupIndex(groups, n, 'groups');
  const count = labels.length;
  if (count < 2) throw new RangeError(`groups: ${count} cluster; resampling needs at least two clusters`);
  const members: number[][] = labels.map(() => []);
  for (let i = 0; i < n; i++) (members[index[i] as number] as number[]).push(i);
  const allRows = Int32Array.from({ length: n }, (_, i) => i);
  const estimate = Float64Array.from(fitSample(allRows, index));
  const m = estimate.length;
  const replications: number[] = [];
  let failedDraws = 0;
  for (let r = 0; r < draws; r++) {
    const rows: number[] = [];
    const clusters: number[] = [];
    for (let g = 0; g < count; g++) {
      const picked = members[rng.integer(count)] as number[];
      for (const i of picked) {
        rows.push(i);
        clusters.push(g);
      }
    }
    try {
      const value = fitSample(Int32Array.from(rows), Int32Array.from(clusters));
      if (value.length !== m) {
        throw new RangeError(
          `fitSample: returned ${value.length} statistics on a resample and ${m} on the data; return the same number`,
        );
      }
      for (let j = 0; j < m; j++) replications.push(value[j] as number);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failedDraws++;
    }
  }
  const done = replications.length / Math.max(m, 1);
  if (done < 2) {
    throw new InputError(
      'bootstrap-failed',
      `clusterBootstrap: ${failedDraws} of ${draws} replications failed to fit; use more clusters or a simpler model`,
    );
  }
  const standardErrors = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  const column = new Float64Array(done);
  for (let j = 0; j < m; j++) {
    let mean = 0;
    for (let r = 0; r < done; r++) {
      column[r] = replications[r * m + j] as number;
      mean += column[r] as number;
    }
    mean /= done;
    let ss = 0;
    for (let r = 0; r < done; r++) ss += ((column[r] as number) - mean) ** 2;
    standardErrors[j] = Math.sqrt(ss / (done - 1));
    const sorted = column.slice().sort();
    lower[j] = quantile7(sorted, (1 - level) / 2);
    upper[j] = quantile7(sorted, (1 + level) / 2);
  }
  return {
    estimate,
    standardErrors,
    lower,
    upper,
    level,
    replications: Float64Array.from(replications),
    draws: done,
    failedDraws,
  };
}
