import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { fitDemand } from '../../../src/core/fit/fit-demand.js';

const dataset = loadDataset();

describe('fitDemand', () => {
  const fit = fitDemand(dataset, { draws: 99, seed: 3 });

  it('turns the panel coefficients into the model parameters', () => {
    const [rho, beta, betaR, gamma] = Array.from(fit.regression.coefficients);
    const lambda = 1 - (rho as number);
    expect(fit.speed.estimate).toBeCloseTo(lambda, 14);
    expect(fit.elasticity.estimate).toBeCloseTo((beta as number) / lambda, 12);
    expect(fit.elasticityRussia.estimate).toBeCloseTo(((beta as number) + (betaR as number)) / lambda, 12);
    expect(fit.spillIn.estimate).toBeCloseTo(-(gamma as number) / lambda, 12);
    expect(fit.regression.names).toEqual([
      'ln s(t-1)',
      'ln threat',
      'ln threat x RUS',
      'ln spill-in',
      'war (RUS, UKR)',
    ]);
    expect(fit.caveats[0]).toMatch(/Nickell bias/);
  });

  it('keeps Russia in every bootstrap replication and is reproducible from its seed', () => {
    expect(fit.bootstrap.failedDraws).toBe(0);
    expect(fit.bootstrap.draws).toBe(99);
    const again = fitDemand(dataset, { draws: 99, seed: 3 });
    expect(Array.from(again.bootstrap.lower)).toEqual(Array.from(fit.bootstrap.lower));
    expect(fit.speed.lower).toBeLessThan(fit.speed.estimate);
    expect(fit.speed.upper).toBeGreaterThan(fit.speed.estimate);
  });

  it('matches the committed fit behind the simulator defaults (data/fitted.json)', () => {
    const committed = dataset.data.fitted;
    expect(committed?.command).toBe('armsrace fit --model demand --draws 499 --seed 1 --write-defaults');
    const fresh = fitDemand(dataset, {
      from: committed?.span[0] as number,
      to: committed?.span[1] as number,
      draws: 499,
      seed: 1,
    });
    expect(fresh.speed.estimate).toBeCloseTo(committed?.parameters.speed.estimate as number, 12);
    expect(fresh.elasticityRussia.estimate).toBeCloseTo(committed?.parameters.elasticity_RUS.estimate as number, 12);
    expect(fresh.spillIn.lower).toBeCloseTo(committed?.parameters.spill_in.lower as number, 12);
    expect(committed?.draws.speed).toHaveLength(499);
  });

  it('rejects a span too short and an unknown country', () => {
    expect(() => fitDemand(dataset, { from: 2020, to: 2022 })).toThrow(/needs at least 6 years/);
    expect(() => fitDemand(dataset, { countries: ['POL', 'XXX'] })).toThrow(/"XXX" has no burden series/);
  });
});
