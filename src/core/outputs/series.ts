import type { SimulationResult } from '../simulate.js';
import { BLOCS, OUTPUTS, outputIndex } from './catalogue.js';

/**
 * A catalogued output of a deterministic run, by id ({@link OUTPUTS}), year by year; `null` where it
 * does not exist (the growth of the first year, a ratio to nothing). Also `<ISO3>.burden` for an
 * actor's own burden. The one way consumers ask a run for a series.
 *
 * @throws {RangeError} for an id that is neither catalogued nor an actor's burden.
 * @example outputSeries(simulate({}, loadDataset()), 'NATO_EUR_CAN.burden')[0] // Europe and Canada's burden in the first year
 */
export function outputSeries(result: SimulationResult, id: string): readonly (number | null)[] {
  const actor = /^([A-Z]{3})\.burden$/.exec(id)?.[1];
  const own = actor === undefined ? undefined : result.actors.find((a) => a.iso3 === actor);
  if (own !== undefined) return own.burden;
  outputIndex(id); // refuses an unknown id, naming the catalogue
  const [head, field] = id.split('.') as [string, string | undefined];
  const bloc = result.blocs.find((b) => b.id === head);
  if (bloc !== undefined && BLOCS.some((b) => b.id === head)) {
    if (field === 'spending' || field === 'gdp' || field === 'capability' || field === 'burden') return bloc[field];
  }
  const ind = result.indicators;
  const rus = result.actors.find((a) => a.iso3 === 'RUS');
  switch (id) {
    case 'balance':
      return ind.balanceEuropeCanada;
    case 'balance_nato':
      return ind.balanceNato;
    case 'RUS.security_ratio':
      return rus?.securityRatio ?? result.years.map(() => null);
    case 'RUS.frontline_balance':
      return ind.frontlineBalance;
    case 'race_intensity':
      return ind.raceIntensity;
    case 'allies':
      return ind.allies;
    case 'allies_at_2':
      return ind.alliesAt2;
    case 'allies_at_3.5':
      return ind.alliesAt35;
    case 'allies_short_of_3.5':
      return ind.allies.map((n, k) => n - (ind.alliesAt35[k] as number));
  }
  throw new RangeError(`output "${id}" has no series in a run; use one of ${OUTPUTS.map((o) => o.id).join(', ')}`);
}
