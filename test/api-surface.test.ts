import { describe, expect, it } from 'vitest';
import * as charts from '../src/charts.js';
import * as root from '../src/index.js';
import * as numerics from '../src/numerics.js';

describe('the public API in tiers', () => {
  it('keeps the numerical building blocks out of the root and in armsrace/numerics', () => {
    for (const name of ['luDecompose', 'xoshiro256StarStar', 'rk4Step', 'runDemand', 'fitLinearModel', 'sobolIndices'])
      expect([name, name in root, name in numerics]).toEqual([name, false, true]);
  });

  it('gives what a user of the model needs from the root', () => {
    for (const name of [
      'loadDataset',
      'parseScenario',
      'simulate',
      'runEnsemble',
      'pledgeReport',
      'headline',
      'validateForecasts',
      'selectSpecification',
      'PRESET_SCENARIOS',
      'meetsThreshold',
    ])
      expect([name, typeof (root as Record<string, unknown>)[name]]).not.toEqual([name, 'undefined']);
    expect(Object.keys(root).length).toBeLessThan(200);
  });

  it('serves the chart registry from armsrace/charts', () => {
    expect(charts.CHARTS.map((c) => c.id)).toContain('allies-burden');
  });
});
