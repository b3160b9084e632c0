import type { Dataset } from '../data/dataset.js';
import { exposureToRussia } from '../model/proximity.js';
import { DEFAULTS } from '../scenario/defaults.js';
import { historicalPanel } from './historical-exposures.js';

export { exposureToRussia };

/** One country-year of the demand panel, with every regressor any specification uses. */
export interface DemandRow {
  readonly iso3: string;
  readonly year: number;
  /** ln s_it, the burden (share of GDP). */
  readonly lnBurden: number;
  /** ln s_i,t−1. */
  readonly lnLag: number;
  /** ln Θ_it; `NaN` where the country has no adversary. */
  readonly lnThreat: number;
  /** ln Φ_it; `NaN` where the country has no ally. */
  readonly lnSpillIn: number;
  /** Whether the country is a NATO ally in that year. */
  readonly ally: boolean;
}

/** The rows of a span, the countries they cover and the exposure of each ally. */
export interface DemandRows {
  readonly rows: readonly DemandRow[];
  readonly source: string;
  /** Frontline exposure of each country to Russia, `exp(−d/D)` between capitals (D the default decay length). */
  readonly exposure: Readonly<Record<string, number>>;
}

/** The last year with a burden observation in the dataset's latest SIPRI edition. */
export function lastBurdenYear(dataset: Dataset): number {
  const source = dataset.latestEdition('sipri-', 'milex_share_gdp');
  return Math.max(
    ...dataset.list({ indicator: 'milex_share_gdp', source }).map((s) => s.firstYear + s.values.length - 1),
  );
}

/**
 * Country-years from `from` to `to` (the dependent variable's years; the lag reaches `from − 1`)
 * with an observed burden and lag, and the threat and spill-in of {@link historicalPanel}.
 */
export function demandRows(dataset: Dataset, countries: readonly string[], from: number, to: number): DemandRows {
  const panel = historicalPanel(dataset, countries, from - 1, to);
  const rows: DemandRow[] = [];
  const exposure: Record<string, number> = {};
  countries.forEach((c, i) => {
    exposure[c] = exposureToRussia(dataset, c, DEFAULTS.decayKm);
    for (let k = 1; k < panel.years.length; k++) {
      const s = panel.burden[i]?.[k];
      const lag = panel.burden[i]?.[k - 1];
      if (s == null || lag == null || !(s > 0) || !(lag > 0)) continue;
      const th = panel.threat[i]?.[k] as number;
      const sp = panel.spillIn[i]?.[k] as number;
      const year = panel.years[k] as number;
      rows.push({
        iso3: c,
        year,
        lnBurden: Math.log(s),
        lnLag: Math.log(lag),
        lnThreat: th > 0 ? Math.log(th) : Number.NaN,
        lnSpillIn: sp > 0 ? Math.log(sp) : Number.NaN,
        ally: dataset.isMember(c, year),
      });
    }
  });
  return { rows, source: panel.source, exposure };
}
