import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { demandRows } from '../../../src/core/fit/demand-rows.js';
import { fitAllies } from '../../../src/core/fit/fit-allies.js';
import { fitRussia } from '../../../src/core/fit/fit-russia.js';
import { simulatePanel } from './simulated-panel.js';

// Panels simulated with the real panel's shape: its countries, years 1995–2024, memberships,
// threat and spill-in regressors and exposures; only the burdens are drawn from known equations.
const dataset = loadDataset();
const countries = [...dataset.allies(), 'RUS', 'BLR', 'UKR'].filter(
  (c) => dataset.series(c, 'milex_share_gdp', 'sipri-2025') !== undefined,
);
const data = demandRows(dataset, countries, 1995, 2024);
const truth = { rho: 0.8, threatPerExposure: 3, rhoRussia: 0.5, elasticityRussia: 1, sigma: 0.1, sigmaRussia: 0.12 };

const stats = (xs: readonly number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd, se: sd / Math.sqrt(xs.length) };
};

describe('the estimators recover known parameters from panels of the real shape', () => {
  it("allies' equation (year effects, exposure × ln Θ): λ and ε per unit of exposure", () => {
    // 50 replications (seed 100…149). Monte Carlo at these settings: λ mean 0.201 (sd 0.002),
    // ε mean 3.26 (sd 0.85). Tolerance: 3 Monte Carlo standard errors of the mean plus the finite-
    // sample bias seen there (0.002 for λ; 10 % of ε, the order of the Nickell bias of ρ/λ).
    const lambda: number[] = [];
    const eps: number[] = [];
    for (let k = 0; k < 50; k++) {
      const rows = simulatePanel(data.rows, data.exposure, truth, 100 + k);
      const a = fitAllies(rows, data.exposure, { threat: 'exposure', spillIn: false }, { jackknife: false });
      lambda.push(a.speed.estimate);
      eps.push(a.threat.estimate);
    }
    const l = stats(lambda);
    const e = stats(eps);
    expect(Math.abs(l.mean - (1 - truth.rho))).toBeLessThan(3 * l.se + 0.002);
    expect(Math.abs(e.mean - truth.threatPerExposure)).toBeLessThan(3 * e.se + 0.1 * truth.threatPerExposure);
  });

  it("the allies' equation attributes nothing to exposure when the truth has no threat response", () => {
    const none = { ...truth, threatPerExposure: 0 };
    const eps: number[] = [];
    for (let k = 0; k < 30; k++) {
      const rows = simulatePanel(data.rows, data.exposure, none, 300 + k);
      eps.push(
        fitAllies(rows, data.exposure, { threat: 'exposure', spillIn: false }, { jackknife: false }).threat.estimate,
      );
    }
    const e = stats(eps);
    expect(Math.abs(e.mean)).toBeLessThan(3 * e.se + 0.1);
  });

  it("Russia's own equation: ε_R and the coverage of its wild-bootstrap interval", () => {
    // 100 replications with 199 wild-bootstrap draws each. In a 30-year autoregression λ_R is
    // biased upward (Hurwicz), and the 95 % percentile interval of the ratio ε_R = β/λ_R covers
    // the truth less often than 95 %: about 80 % at these settings (200 replications: 0.79). The
    // documented reading is "roughly an 80 % interval"; the test pins coverage to 0.65–0.95.
    const eps: number[] = [];
    let covered = 0;
    const R = 100;
    for (let k = 0; k < R; k++) {
      const rows = simulatePanel(data.rows, data.exposure, truth, 1000 + k);
      const r = fitRussia(rows, { draws: 199, seed: k, jackknife: false });
      eps.push(r.elasticity.estimate);
      if (r.elasticity.lower <= truth.elasticityRussia && truth.elasticityRussia <= r.elasticity.upper) covered++;
    }
    const e = stats(eps);
    expect(Math.abs(e.mean - truth.elasticityRussia)).toBeLessThan(3 * e.se + 0.1);
    expect(covered / R).toBeGreaterThan(0.65);
    expect(covered / R).toBeLessThan(0.95);
  });
});
