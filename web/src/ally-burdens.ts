import { type Dataset, lastYear, observationAt } from '../../src/core/data/dataset.js';
import type { AllyInfo } from './protocol.js';

/**
 * The allies of `year`, by name, each with its latest burden on SIPRI's definition in % of GDP
 * (the dataset keeps shares of GDP in percent, unit `pct_GDP`: the value as it stands).
 *
 * @example alliesWithBurdens(loadDataset(), 2025).find((a) => a.iso3 === 'POL')?.burden // 4.5 (2025)
 */
export function alliesWithBurdens(dataset: Dataset, year: number): AllyInfo[] {
  const sipri = dataset.latestEdition('sipri-', 'milex_share_gdp');
  return dataset
    .members(year)
    .map((iso3): AllyInfo => {
      const name = dataset.country(iso3)?.name ?? iso3;
      const series = sipri === undefined ? undefined : dataset.series(iso3, 'milex_share_gdp', sipri);
      const last = series === undefined ? undefined : lastYear(series);
      const value = series === undefined || last === undefined ? undefined : observationAt(series, last)?.value;
      return value === undefined || last === undefined ? { iso3, name } : { iso3, name, burden: value, year: last };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The compliance table's cell for an ally's latest burden: `4.15 % (2024, SIPRI)`, or `no figure`.
 *
 * @example latestBurdenText({ iso3: 'POL', name: 'Poland', burden: 4.154394, year: 2024 }) // '4.15 % (2024, SIPRI)'
 */
export function latestBurdenText(ally: AllyInfo): string {
  return ally.burden === undefined || ally.year === undefined
    ? 'no figure'
    : `${ally.burden.toFixed(2)} % (${ally.year}, SIPRI)`;
}
