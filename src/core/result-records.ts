import { CSV_DECIMALS, roundTo } from './csv-precision.js';
import type { Indicators, SimulationResult } from './simulate.js';

/** One value of a run in long form: a CSV row of `armsrace run --out` and of the page's download. */
export interface ResultRecord {
  readonly year: number;
  /** An actor's ISO3 code, a bloc's id, or `indicator`. */
  readonly entity: string;
  readonly variable: string;
  /** In `unit`, rounded to its CSV precision; `null` where the run has no value. */
  readonly value: number | null;
  readonly unit: string;
}

/** How a variable is written: its unit, the factor from the run's value to it, and its decimals. */
interface Column {
  readonly unit: string;
  readonly scale: number;
  readonly digits: number;
}

const MONEY: Column = { unit: 'USD_m_const2015', scale: 1, digits: CSV_DECIMALS.money };
const WEIGHTED: Column = { unit: 'USD_m_const2015_weighted', scale: 1, digits: CSV_DECIMALS.money };
/** Burdens are shares of GDP in the run and percent of GDP in the file, as the page shows them. */
const BURDEN: Column = { unit: 'pct_GDP', scale: 100, digits: CSV_DECIMALS.percent };
const RATIO: Column = { unit: 'ratio', scale: 1, digits: CSV_DECIMALS.ratio };
const ALLIES: Column = { unit: 'allies', scale: 1, digits: CSV_DECIMALS.count };

const ACTOR_COLUMNS = {
  gdp: MONEY,
  spending: MONEY,
  burden: BURDEN,
  capability: MONEY,
  threat: WEIGHTED,
  spillIn: WEIGHTED,
  securityRatio: RATIO,
} as const;

const BLOC_COLUMNS = { gdp: MONEY, spending: MONEY, burden: BURDEN, capability: MONEY } as const;

const INDICATOR_COLUMNS: Record<keyof Indicators, Column> = {
  // A growth rate in the run, percent a year in the file (the race-intensity chart's unit).
  raceIntensity: { unit: 'pct_per_year', scale: 100, digits: CSV_DECIMALS.percent },
  balanceEuropeCanada: RATIO,
  balanceNato: RATIO,
  frontlineBalance: RATIO,
  alliesAt2: ALLIES,
  alliesAt35: ALLIES,
  allies: ALLIES,
};

/**
 * Every annual value of a demand-model run in long form, as the CSV files write it: each actor's and
 * bloc's variables, then the indicators, year by year. Burdens in percent of GDP (`pct_GDP`) to 4
 * decimals, money in million constant 2015 US$ to 1 decimal, ratios to 4 decimals, counts of allies
 * as whole numbers (docs/cli.md, "CSV files"); the run itself keeps shares and full precision.
 *
 * @example resultRecords(simulate(parseScenario('end: 2027'), loadDataset()))[0] // { year: 2025, entity: 'BEL', variable: 'gdp', … }
 */
export function resultRecords(r: SimulationResult): ResultRecord[] {
  const records: ResultRecord[] = [];
  const add = (entity: string, variable: string, values: readonly (number | null)[], column: Column) => {
    for (const [k, year] of r.years.entries()) {
      const v = values[k];
      const value = v === null || v === undefined ? null : roundTo(v * column.scale, column.digits);
      records.push({ year, entity, variable, value, unit: column.unit });
    }
  };
  for (const a of r.actors)
    for (const [v, column] of Object.entries(ACTOR_COLUMNS)) add(a.iso3, v, a[v as keyof typeof ACTOR_COLUMNS], column);
  for (const b of r.blocs)
    for (const [v, column] of Object.entries(BLOC_COLUMNS)) add(b.id, v, b[v as keyof typeof BLOC_COLUMNS], column);
  for (const [v, column] of Object.entries(INDICATOR_COLUMNS))
    add('indicator', v, r.indicators[v as keyof Indicators], column);
  return records;
}
