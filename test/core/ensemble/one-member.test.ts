import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { prepareEnsemble, runMembers } from '../../../src/core/ensemble/run-ensemble.js';
import { OUTPUTS } from '../../../src/core/outputs/catalogue.js';
import { reduceRun } from '../../../src/core/outputs/reduce.js';
import { outputSeries } from '../../../src/core/outputs/series.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();

describe('the deterministic run is the one-member case of the ensemble', () => {
  it.each([
    ['the default scenario', ''],
    [
      'the Hague pledge binding, Ukraine joining in 2035',
      'compliance: { default: binding }\nenlargement: [{ country: UKR, year: 2035 }]',
    ],
  ])('gives the same value for every series the ensemble tracks: %s', (_, yaml) => {
    // The same step and sampling in both paths (an ensemble's default step is a quarter year).
    const input = parseScenario(`${yaml}\nstep_years: ${1 / 12}\nensemble: { gdp_shocks: false }`);
    const setup = prepareEnsemble(input, dataset);
    const { values } = runMembers(setup, 1, () => undefined);
    const run = simulate(input, dataset);
    const Y = setup.years.length;
    expect(setup.years).toEqual(run.years);
    for (const [s, name] of setup.series.entries()) {
      const det = outputSeries(run, name);
      for (let y = 0; y < Y; y++) {
        const a = values[s * Y + y] as number;
        const b = det[y];
        if (b === null || b === undefined || Number.isNaN(b)) {
          expect([name, y, Number.isNaN(a)]).toEqual([name, y, true]);
          continue;
        }
        expect([name, y, Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b))]).toEqual([name, y, true]);
      }
    }
  });

  it('gives every catalogued output of the deterministic run by id, as the one reduction computes it', () => {
    const run = simulate(parseScenario('enlargement: [{ country: UKR, year: 2035 }]'), dataset);
    const Y = run.years.length;
    const n = run.actors.length;
    // The annual means as the run holds them, reduced again for one member.
    const annual = {
      years: Y,
      gdp: Float64Array.from(run.actors.flatMap((a) => a.gdp)),
      spending: Float64Array.from(run.actors.flatMap((a) => a.spending)),
      capability: Float64Array.from(run.actors.flatMap((a) => a.capability)),
      threat: Float64Array.from(run.actors.flatMap((a) => a.threat)),
    };
    const model = {
      n,
      members: 1,
      start: run.years[0] as number,
      isAlly: (i: number, y: number) => run.actors[i]?.ally[y - (run.years[0] as number)] === true,
    };
    const reduced = reduceRun(model, run.scenario, annual);
    for (const [k, o] of OUTPUTS.entries()) {
      const series = outputSeries(run, o.id);
      expect([o.id, series.length]).toEqual([o.id, Y]);
      for (let y = 0; y < Y; y++) {
        const v = reduced[k * Y + y] as number;
        expect([o.id, y, series[y] ?? Number.NaN]).toEqual([o.id, y, v]);
      }
    }
    expect(() => outputSeries(run, 'NATO.happiness')).toThrow(/is not catalogued; use one of NATO.spending/);
  });
});
