import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { lastBurdenYear } from '../../../src/core/fit/demand-rows.js';
import { DEMAND_SPECIFICATIONS, fitDemand } from '../../../src/core/fit/fit-demand.js';
import { fitPooledDemand } from '../../../src/core/fit/fit-pooled.js';
import { halfPanelJackknife } from '../../../src/core/fit/half-panel-jackknife.js';
import { fittedDefaults } from '../../../src/core/validate/fitted-defaults.js';

const dataset = loadDataset();

describe('fitDemand', () => {
  const fit = fitDemand(dataset, { specification: 'exposure', draws: 49, seed: 3 });

  it("turns the allies' and Russia's coefficients into the model parameters", () => {
    const a = fit.allies;
    const r = fit.russia;
    if (a === undefined || r === undefined) throw new Error('exposure fits both equations');
    const [rho, beta, gamma] = Array.from(a.regression.coefficients);
    const lambda = 1 - (rho as number);
    expect(a.speed.estimate).toBeCloseTo(lambda, 14);
    expect(a.threat.estimate).toBeCloseTo((beta as number) / lambda, 12);
    expect(a.spillIn.estimate).toBeCloseTo(-(gamma as number) / lambda, 12);
    expect(a.regression.names.slice(0, 3)).toEqual(['ln s(t-1)', 'exposure x ln threat', 'ln spill-in']);
    expect(a.regression.names.filter((n) => n.startsWith('year ')).length).toBeGreaterThan(20);
    const [, rhoR, betaR] = Array.from(r.regression.coefficients);
    expect(r.speed.estimate).toBeCloseTo(1 - (rhoR as number), 14);
    expect(r.elasticity.estimate).toBeCloseTo((betaR as number) / (1 - (rhoR as number)), 12);
    expect(r.regression.names).not.toContain('ln spill-in');
    // Each ally's elasticity is the response per unit of exposure times its own exposure.
    expect(fit.responses.EST?.elasticity).toBeCloseTo(a.threat.estimate * (fit.exposure.EST as number), 12);
    expect(fit.responses.EST?.elasticity).toBeGreaterThan(fit.responses.PRT?.elasticity as number);
    expect(fit.responses.RUS?.spill_in).toBe(0);
    expect(fit.caveats[0]).toMatch(/Nickell bias/);
  });

  it("warns that one country identifies Russia's coefficients, and reports who is left out", () => {
    expect(fit.warnings.join(' ')).toMatch(/rest on one country/);
    expect(fit.excluded.map((e) => e.iso3)).toEqual(expect.arrayContaining(['ISL', 'BLR', 'UKR']));
    expect(fit.countries).toContain('RUS');
  });

  it('is reproducible from its seed, with intervals around the estimate', () => {
    const again = fitDemand(dataset, { specification: 'exposure', draws: 49, seed: 3 });
    expect(again.russia?.elasticity.lower).toBe(fit.russia?.elasticity.lower);
    expect(Array.from(again.allies?.bootstrap?.lower ?? [])).toEqual(Array.from(fit.allies?.bootstrap?.lower ?? []));
    expect(fit.allies?.speed.lower).toBeLessThan(fit.allies?.speed.estimate as number);
    expect(fit.allies?.speed.upper).toBeGreaterThan(fit.allies?.speed.estimate as number);
  });

  it('runs for every end year from 2005 to the last year of data, in every specification', () => {
    for (let to = 2005; to <= lastBurdenYear(dataset); to++)
      for (const specification of DEMAND_SPECIFICATIONS) {
        const f = fitDemand(dataset, { to, specification, draws: 0, jackknife: false });
        for (const r of Object.values(f.responses)) {
          expect(Number.isFinite(r.elasticity)).toBe(true);
          expect(Number.isFinite(r.speed)).toBe(true);
        }
        expect(f.russia?.war ?? false).toBe(to >= 2022 && f.russia !== undefined);
      }
  });

  it('rejects a span too short, an unknown country and an unknown specification', () => {
    expect(() => fitDemand(dataset, { from: 2020, to: 2022 })).toThrow(/needs at least 8 years/);
    expect(() => fitDemand(dataset, { countries: ['POL', 'XXX'] })).toThrow(/"XXX" has no burden series/);
    expect(() => fitDemand(dataset, { specification: 'nope' as never })).toThrow(/specification: "nope"/);
  });
});

describe('fitPooledDemand', () => {
  it('fits spans that end before the war without the war term', () => {
    const f = fitPooledDemand(dataset, { to: 2021, draws: 0 });
    expect(f.war).toBeNull();
    expect(f.regression.names).not.toContain('war (RUS, UKR)');
    expect(fitPooledDemand(dataset, { draws: 0 }).war).not.toBeNull();
  });
});

describe('halfPanelJackknife', () => {
  it('removes a bias of order 1/T exactly', () => {
    // An estimator with bias c/T: on T years θ + c/T, on each half θ + 2c/T.
    const theta = 0.5;
    const c = 0.9;
    const years: [number, number] = [1995, 2024];
    const est = (a: number, b: number) => [theta + c / (b - a + 1)];
    const corrected = halfPanelJackknife(est(...years), years, est);
    expect(corrected?.[0]).toBeCloseTo(theta, 14);
  });
});

describe('data/fitted.json', () => {
  it('is what armsrace fit --model demand --write-defaults produces on the embedded data', () => {
    const committed = dataset.data.fitted;
    if (committed === undefined) throw new Error('no committed fit');
    expect(committed.command).toBe('armsrace fit --model demand --draws 499 --seed 1 --write-defaults');
    const fresh = fittedDefaults(dataset, { draws: 499, seed: 1, command: committed.command }).fitted;
    expect(fresh.selection.specification).toBe(committed.selection.specification);
    expect(fresh.parameters.speed.estimate).toBeCloseTo(committed.parameters.speed.estimate, 12);
    expect(fresh.parameters.elasticity_RUS.estimate).toBeCloseTo(committed.parameters.elasticity_RUS.estimate, 12);
    expect(fresh.parameters.elasticity_RUS.lower).toBeCloseTo(committed.parameters.elasticity_RUS.lower, 12);
    expect(fresh.selection.specifications.map((s) => s.score)).toEqual(
      committed.selection.specifications.map((s) => s.score),
    );
    expect(fresh.responses).toEqual(committed.responses);
    // Every kept replication lies inside the schema's bounds.
    expect(committed.draws_kept.kept).toBe(committed.draws.speed.length);
    for (const e of committed.draws.elasticity_RUS) expect(Math.abs(e)).toBeLessThanOrEqual(5);
    for (const s of [...committed.draws.speed, ...committed.draws.speed_RUS]) {
      expect(s).toBeGreaterThanOrEqual(0.01);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('chooses a default whose allies forecast no worse than a random walk at every horizon', () => {
    const f = dataset.data.fitted;
    const row = f?.selection.specifications.find((s) => s.specification === f.selection.specification);
    expect(row?.admissible).toBe(true);
    const { model, random_walk } = f?.selection.rmse.allies ?? { model: [], random_walk: [] };
    expect(model).toHaveLength(10);
    for (const [k, m] of model.entries()) expect(m).toBeLessThanOrEqual(random_walk[k] as number);
  });
});
