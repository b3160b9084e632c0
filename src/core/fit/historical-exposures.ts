import type { Dataset } from '../data/dataset.js';
import { gdpPath } from '../data/gdp-path.js';
import { relation } from '../model/blocs.js';
import { capabilityPath } from '../model/capability.js';
import { greatCircleKm, proximityWeight } from '../model/proximity.js';
import { DEFAULTS } from '../scenario/defaults.js';

/** Observed burdens with the threat and spill-in each actor faced, year by year. */
export interface HistoricalPanel {
  readonly actors: readonly string[];
  readonly years: readonly number[];
  /** Burden (share of GDP), `[actor][year]`; `null` where the source has no figure. */
  readonly burden: readonly (readonly (number | null)[])[];
  /** Θ and Φ at the start of each year (million constant 2015 US$, proximity-weighted). */
  readonly threat: readonly (readonly number[])[];
  readonly spillIn: readonly (readonly number[])[];
  readonly source: string;
}

/** Options of {@link historicalPanel}; every field defaults to the simulator's default. */
export interface HistoricalPanelOptions {
  /** Decay length `D` of the proximity weights, km. */
  readonly decayKm?: number;
  /** Capability depreciation `δ`, 1/years. */
  readonly depreciation?: number;
  /** NATO partners that the Russian bloc counts as adversaries (default `[UKR]`). */
  readonly partners?: readonly string[];
  /** Projection floors `π_j` by ISO3 code (default USA 0.25, others 0). */
  readonly floorByActor?: Readonly<Record<string, number>>;
  /**
   * Whether `iso3` is a NATO ally in `year`; default the dataset's membership timeline. A
   * counterfactual rule (an enlargement that did not happen) changes the blocs and nothing else.
   */
  readonly member?: (iso3: string, year: number) => boolean;
}

/**
 * Reconstruct the threat `Θ_it` and spill-in `Φ_it` of docs/model.md §2 from data: capability stocks by
 * the perpetual inventory of observed spending (SIPRI burden × World Bank real GDP; a missing year
 * keeps the previous burden), blocs from the membership timeline, proximity weights with the
 * default decay length and floors.
 *
 * @example historicalPanel(loadDataset(), ['POL', 'RUS'], 1995, 2024).threat[0] // Poland's threat by year
 */
export function historicalPanel(
  dataset: Dataset,
  actors: readonly string[],
  from: number,
  to: number,
  options: HistoricalPanelOptions = {},
): HistoricalPanel {
  const source = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const decay = options.decayKm ?? DEFAULTS.decayKm;
  const depreciation = options.depreciation ?? DEFAULTS.depreciation;
  const partners = new Set(options.partners ?? DEFAULTS.partners);
  const floors: Readonly<Record<string, number>> = options.floorByActor ?? DEFAULTS.floorByActor;
  const member = options.member ?? ((iso3: string, year: number) => dataset.isMember(iso3, year));
  const first = 1990;
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  // Capability at the start of each year from `first` to `to`.
  const capability = actors.map((iso3) => {
    const gdp = gdpPath(dataset, iso3);
    const spending: number[] = [];
    let share: number | undefined;
    for (let y = first; y <= to; y++) {
      share = dataset.observation(iso3, 'milex_share_gdp', source, y)?.value ?? share;
      spending.push(share === undefined ? 0 : (share / 100) * (gdp.at(y) ?? 0));
    }
    const startAt = spending.findIndex((m) => m > 0);
    const path = capabilityPath(spending.slice(Math.max(0, startAt)), depreciation, 1);
    return (y: number) => {
      const k = y - first - Math.max(0, startAt);
      return k < 0 ? 0 : (path[k] as number);
    };
  });
  const standing = (iso3: string, y: number) => ({
    ally: member(iso3, y),
    russianBloc: (DEFAULTS.russianBloc as readonly string[]).includes(iso3),
    partner: partners.has(iso3),
  });
  const weight = actors.map((a) =>
    actors.map((b) => {
      const ca = dataset.country(a)?.capital;
      const cb = dataset.country(b)?.capital;
      if (ca === undefined || cb === undefined || a === b) return 0;
      return proximityWeight(greatCircleKm(ca, cb), decay, floors[b] ?? 0);
    }),
  );
  const threat = actors.map((a, i) =>
    years.map((y) =>
      actors.reduce(
        (s, b, j) =>
          relation(standing(a, y), standing(b, y)) === 1
            ? s + (weight[i]?.[j] as number) * (capability[j] as (y: number) => number)(y)
            : s,
        0,
      ),
    ),
  );
  const spillIn = actors.map((a, i) =>
    years.map((y) =>
      actors.reduce(
        (s, b, j) =>
          relation(standing(a, y), standing(b, y)) === -1
            ? s + (weight[i]?.[j] as number) * (capability[j] as (y: number) => number)(y)
            : s,
        0,
      ),
    ),
  );
  const burden = actors.map((a) =>
    years.map((y) => {
      const o = dataset.observation(a, 'milex_share_gdp', source, y);
      return o === undefined ? null : o.value / 100;
    }),
  );
  return { actors, years, burden, threat, spillIn, source };
}
