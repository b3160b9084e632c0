import type { DemandRow } from '../../../src/core/fit/demand-rows.js';
import { stream } from '../../../src/core/math/random.js';

/** True parameters of a simulated panel. */
export interface PanelTruth {
  /** Allies' ρ = 1 − λ and their threat response per unit of exposure ε (β = λ·ε). */
  readonly rho: number;
  readonly threatPerExposure: number;
  /** Russia's ρ_R and ε_R. */
  readonly rhoRussia: number;
  readonly elasticityRussia: number;
  /** Standard deviation of the shocks (log points). */
  readonly sigma: number;
  readonly sigmaRussia: number;
}

/**
 * Replace the burdens of real panel rows by draws of the model's own equations, keeping the real
 * countries, years, memberships and regressors (threat, spill-in, exposure): allies
 * `ln s = ρ ln s₋₁ + λε·x_i·ln Θ + α_i + τ_t + e`, Russia `ln s = c + ρ_R ln s₋₁ + λ_R ε_R ln Θ + e`.
 * Country effects are set so that each series starts near its real level; year effects are drawn
 * once per replication. A row whose previous year has no row takes the real lag.
 */
export function simulatePanel(
  rows: readonly DemandRow[],
  exposure: Readonly<Record<string, number>>,
  truth: PanelTruth,
  seed: number,
): DemandRow[] {
  const rng = stream(seed, 7);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const tau = new Map(years.map((y) => [y, 0.05 * rng.normal()]));
  const out: DemandRow[] = [];
  const last = new Map<string, { year: number; ln: number }>();
  const alpha = new Map<string, number>();
  for (const r of rows) {
    const russia = r.iso3 === 'RUS';
    const rho = russia ? truth.rhoRussia : truth.rho;
    const beta = russia
      ? (1 - truth.rhoRussia) * truth.elasticityRussia
      : (1 - truth.rho) * truth.threatPerExposure * (exposure[r.iso3] ?? 0);
    const threat = Number.isFinite(r.lnThreat) ? r.lnThreat : 0;
    if (!alpha.has(r.iso3)) alpha.set(r.iso3, (1 - rho) * r.lnLag - beta * threat);
    const prev = last.get(r.iso3);
    const lnLag = prev !== undefined && prev.year === r.year - 1 ? prev.ln : r.lnLag;
    const shock = (russia ? truth.sigmaRussia : truth.sigma) * rng.normal();
    const ln =
      (alpha.get(r.iso3) as number) + rho * lnLag + beta * threat + (russia ? 0 : (tau.get(r.year) as number)) + shock;
    last.set(r.iso3, { year: r.year, ln });
    out.push({ ...r, lnBurden: ln, lnLag });
  }
  return out;
}
