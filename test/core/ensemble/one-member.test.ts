import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { prepareEnsemble, runMembers } from '../../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { type SimulationResult, simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();

/** Each series an ensemble tracks, read from a deterministic run by the same name. */
function fromRun(r: SimulationResult, name: string): readonly (number | null)[] {
  const bloc = (id: string) => r.blocs.find((b) => b.id === id);
  const [head, tail] = name.split('.') as [string, string | undefined];
  if (tail === 'burden' && /^[A-Z]{3}$/.test(head)) return r.actors.find((a) => a.iso3 === head)?.burden ?? [];
  if (tail === 'spending' || tail === 'burden') return bloc(head)?.[tail] ?? [];
  const rus = r.actors.find((a) => a.iso3 === 'RUS');
  const series: Record<string, readonly (number | null)[]> = {
    balance: r.indicators.balanceEuropeCanada,
    'RUS.security_ratio': rus?.securityRatio ?? [],
    race_intensity: r.indicators.raceIntensity,
    allies_at_2: r.indicators.alliesAt2,
    'allies_at_3.5': r.indicators.alliesAt35,
    'allies_short_of_3.5': r.indicators.allies.map((n, k) => n - (r.indicators.alliesAt35[k] as number)),
  };
  const s = series[name];
  if (s === undefined) throw new Error(`no deterministic output for the ensemble series ${name}`);
  return s;
}

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
      const det = fromRun(run, name);
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
});
