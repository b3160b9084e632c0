import { InputError } from '../errors.js';
import { type OlsFit, ols } from '../estimate/ols.js';
import { quantile7 } from '../estimate/panel.js';
import { stream } from '../math/random.js';
import type { DemandRow } from './demand-rows.js';
import type { StructuralEstimate } from './fit-allies.js';
import { halfPanelJackknife } from './half-panel-jackknife.js';

/** Russia's own equation and the parameters it implies. */
export interface RussiaFit {
  readonly regression: OlsFit;
  readonly years: readonly [number, number];
  readonly observations: number;
  /** Whether the war term entered (the span reaches its first year). */
  readonly war: boolean;
  /** λ_R = 1 − ρ_R. */
  readonly speed: StructuralEstimate;
  /** ε_R = β_R/λ_R. */
  readonly elasticity: StructuralEstimate;
  /** Newey–West (HAC) standard errors of λ_R and ε_R (delta method), the cross-check of the bootstrap. */
  readonly hac: { readonly lags: number; readonly speed: number; readonly elasticity: number };
  /** Wild-bootstrap replications of `[λ_R, ε_R]`, row-major. */
  readonly replications: Float64Array;
  readonly draws: number;
}

/** First year of the war term: Russia's full-scale invasion of Ukraine. */
export const WAR_FROM = 2022;

function regressors(rows: readonly DemandRow[]) {
  const war = rows.some((r) => r.year >= WAR_FROM) && rows.some((r) => r.year < WAR_FROM);
  const x: number[][] = [rows.map((r) => r.lnLag), rows.map((r) => r.lnThreat)];
  const names = ['ln s(t-1)', 'ln threat'];
  if (war) {
    x.push(rows.map((r) => (r.year >= WAR_FROM ? 1 : 0)));
    names.push(`war (from ${WAR_FROM})`);
  }
  return { x, names, war };
}

const structural = (f: OlsFit): [number, number] => {
  const rho = f.coefficients[1] as number;
  const beta = f.coefficients[2] as number;
  return [1 - rho, beta / (1 - rho)];
};

/**
 * Newey–West covariance `(XᵀX)⁻¹ (Σ_l w_l Γ_l) (XᵀX)⁻¹` with Bartlett weights `1 − l/(L+1)` and
 * `L = ⌊4 (T/100)^{2/9}⌋` (Newey & West 1994's rule), `k × k` row-major.
 */
function neweyWest(f: OlsFit, columns: readonly (readonly number[])[]): { cov: Float64Array; lags: number } {
  const n = f.n;
  const k = f.k;
  const s2 = f.residualStandardDeviation ** 2;
  const xtxInv = f.covariance.map((v) => v / s2);
  const row = (t: number) => [1, ...columns.map((c) => c[t] as number)];
  const lags = Math.floor(4 * (n / 100) ** (2 / 9));
  const meat = new Float64Array(k * k);
  for (let l = 0; l <= lags; l++) {
    const w = l === 0 ? 1 : 1 - l / (lags + 1);
    for (let t = l; t < n; t++) {
      const a = row(t);
      const b = row(t - l);
      const e = (f.residuals[t] as number) * (f.residuals[t - l] as number) * w;
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          const v = e * (a[i] as number) * (b[j] as number);
          meat[i * k + j] = (meat[i * k + j] as number) + v + (l > 0 ? e * (b[i] as number) * (a[j] as number) : 0);
        }
    }
  }
  const tmp = new Float64Array(k * k);
  const cov = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += (xtxInv[i * k + q] as number) * (meat[q * k + j] as number);
      tmp[i * k + j] = s;
    }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += (tmp[i * k + q] as number) * (xtxInv[q * k + j] as number);
      cov[i * k + j] = s;
    }
  return { cov, lags };
}

/**
 * Russia's own equation by OLS: `ln s_t = c + ρ ln s_t−1 + β ln Θ_t + δ·[t ≥ 2022] + e_t` (the
 * war term only where the span has years on both sides of 2022), so `λ_R = 1 − ρ`, `ε_R = β/λ_R`.
 * No spill-in: Belarus's capability stock, Russia's only ally, moves with Russia's threat series
 * and cannot be told apart from it. Inference from Russia's own residuals: a fixed-design wild
 * bootstrap with Rademacher weights (valid under conditional heteroskedasticity in autoregressions,
 * Gonçalves & Kilian 2004), with Newey–West standard errors as a cross-check.
 *
 * @throws {InputError} with fewer than 8 years.
 */
export function fitRussia(
  rowsIn: readonly DemandRow[],
  options: { draws?: number; seed?: number; jackknife?: boolean } = {},
): RussiaFit {
  const rows = rowsIn.filter((r) => r.iso3 === 'RUS' && Number.isFinite(r.lnThreat));
  if (rows.length < 8)
    throw new InputError(
      'too-few-observations',
      `${rows.length} years of Russia's data; its equation needs at least 8`,
    );
  const { x, names, war } = regressors(rows);
  const y = rows.map((r) => r.lnBurden);
  const regression = ols(y, x, { names });
  const point = structural(regression);
  const years: [number, number] = [rows[0]?.year as number, rows[rows.length - 1]?.year as number];
  const corrected =
    options.jackknife === false
      ? undefined
      : halfPanelJackknife(point, years, (a, b) => {
          const half = rows.filter((r) => r.year >= a && r.year <= b);
          if (half.length < 6) throw new InputError('too-few-observations', 'half too short');
          const h = regressors(half);
          return structural(
            ols(
              half.map((r) => r.lnBurden),
              h.x,
              { names: h.names },
            ),
          );
        });

  const draws = options.draws ?? 0;
  const rng = stream(options.seed ?? 1, 1);
  const replications: number[] = [];
  for (let d = 0; d < draws; d++) {
    const ys = y.map(
      (_, t) => (regression.fitted[t] as number) + (rng.uniform() < 0.5 ? -1 : 1) * (regression.residuals[t] as number),
    );
    try {
      replications.push(...structural(ols(ys, x, { names })));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  const done = replications.length / 2;
  const { cov, lags } = neweyWest(regression, x);
  const k = regression.k;
  const [lambda, eps] = point;
  const beta = regression.coefficients[2] as number;
  // Delta method: ε = β/(1 − ρ); ∂ε/∂ρ = β/(1 − ρ)², ∂ε/∂β = 1/(1 − ρ).
  const gr = beta / lambda ** 2;
  const gb = 1 / lambda;
  const vRho = cov[1 * k + 1] as number;
  const vBeta = cov[2 * k + 2] as number;
  const cRB = cov[1 * k + 2] as number;
  const hac = {
    lags,
    speed: Math.sqrt(vRho),
    elasticity: Math.sqrt(gr * gr * vRho + gb * gb * vBeta + 2 * gr * gb * cRB),
  };
  const summary = (j: number, est: number): StructuralEstimate => {
    const col = Array.from({ length: done }, (_, r) => replications[r * 2 + j] as number).sort((a, b) => a - b);
    const mean = col.reduce((s, v) => s + v, 0) / Math.max(1, done);
    const sd = Math.sqrt(col.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, done - 1));
    const q = (p: number) => (done < 2 ? Number.NaN : quantile7(col, p));
    return {
      estimate: est,
      biasCorrected: corrected?.[j] ?? null,
      standardError: done >= 2 ? sd : Number.NaN,
      lower: q(0.025),
      upper: q(0.975),
    };
  };
  return {
    regression,
    years,
    observations: rows.length,
    war,
    speed: summary(0, lambda as number),
    elasticity: summary(1, eps as number),
    hac,
    replications: Float64Array.from(replications),
    draws: done,
  };
}
