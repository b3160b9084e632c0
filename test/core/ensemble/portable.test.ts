import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../../src/core/ensemble/run-ensemble.js';
import { scenarioSensitivity } from '../../../src/core/ensemble/scenario-sensitivity.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

// The functions of Math that the standard leaves open to the last bit (all but abs, sqrt, floor,
// round, min, max and the like, which IEEE-754 fixes).
const OPEN = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
] as const;

const SCENARIO = `
end: 2032
ensemble:
  uncertain:
    response.RUS.elasticity: { normal: [4, 0.5] }
    compliance.default: { triangular: [0.4, 0.8, 1] }
    response.default.speed: { uniform: [0.2, 0.4] }
    geography.decay_km: { lognormal: [7.3, 0.2] }
  events:
    - { stability: positive, year: 2030 }
`;

describe('a run, an ensemble and a sensitivity analysis give the same bits on every engine', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('call none of the functions of Math that engines may round differently', () => {
    const dataset = loadDataset();
    const input = parseScenario(SCENARIO);
    const called: string[] = [];
    for (const name of OPEN) {
      vi.spyOn(Math, name).mockImplementation(() => {
        called.push(name);
        return Number.NaN;
      });
    }
    const run = simulate(input, dataset);
    const ensemble = runEnsemble(input, dataset, { runs: 40, seed: 3 });
    const sobol = scenarioSensitivity(input, dataset, {
      method: 'sobol',
      samples: 8,
      output: 'RUS.burden',
      bootstrap: 20,
    });
    const morris = scenarioSensitivity(input, dataset, { method: 'morris', samples: 4, output: 'NATO.burden' });
    expect(called).toEqual([]);
    // And the runs did run: finite results from the stubbed Math would be impossible otherwise.
    expect(run.actors.every((a) => a.burden.every(Number.isFinite))).toBe(true);
    expect(ensemble.series[0]?.quantiles[2]?.every(Number.isFinite)).toBe(true);
    expect(ensemble.events[0]?.count).toBeGreaterThanOrEqual(0);
    expect(sobol.result).toBeDefined();
    expect(morris.result).toBeDefined();
  });
});
