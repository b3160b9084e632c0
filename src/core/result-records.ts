import type { SimulationResult } from './simulate.js';

/** One value of a run in long form: a CSV row of `armsrace run --out` and of the page's download. */
export interface ResultRecord {
  readonly year: number;
  /** An actor's ISO3 code, a bloc's id, or `indicator`. */
  readonly entity: string;
  readonly variable: string;
  readonly value: number | null | undefined;
  readonly unit: string;
}

const UNITS = {
  gdp: 'USD_m_const2015',
  spending: 'USD_m_const2015',
  burden: 'share_of_GDP',
  capability: 'USD_m_const2015',
  threat: 'USD_m_const2015_weighted',
  spillIn: 'USD_m_const2015_weighted',
  securityRatio: 'ratio',
} as const;

const ACTOR_VARIABLES = ['gdp', 'spending', 'burden', 'capability', 'threat', 'spillIn', 'securityRatio'] as const;
const BLOC_VARIABLES = ['gdp', 'spending', 'burden', 'capability'] as const;

/**
 * Every annual value of a demand-model run in long form: each actor's and bloc's variables, then
 * the indicators, year by year.
 *
 * @example resultRecords(simulate(parseScenario('end: 2027'), loadDataset()))[0] // { year: 2025, entity: 'BEL', variable: 'gdp', … }
 */
export function resultRecords(r: SimulationResult): ResultRecord[] {
  const records: ResultRecord[] = [];
  const add = (entity: string, variable: string, values: readonly (number | null)[], unit: string) => {
    for (const [k, year] of r.years.entries()) records.push({ year, entity, variable, value: values[k], unit });
  };
  for (const a of r.actors) for (const v of ACTOR_VARIABLES) add(a.iso3, v, a[v], UNITS[v]);
  for (const b of r.blocs) for (const v of BLOC_VARIABLES) add(b.id, v, b[v], UNITS[v]);
  for (const [v, values] of Object.entries(r.indicators)) add('indicator', v, values as readonly (number | null)[], '');
  return records;
}
