import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { simulate } from '../simulate.js';

/** Observed against simulated burden of one actor over the backcast years. */
export interface BackcastRow {
  readonly iso3: string;
  readonly name: string;
  readonly years: readonly number[];
  /** Observed burden (share of GDP) per year; `null` where the source has no figure. */
  readonly observed: readonly (number | null)[];
  readonly simulated: readonly number[];
  /** Root-mean-square error over the years with a figure, percentage points. */
  readonly rmsePp: number;
  /** Simulated minus observed in the last year, percentage points. */
  readonly lastErrorPp: number | null;
}

export interface Backcast {
  readonly from: number;
  readonly to: number;
  readonly source: string;
  readonly rows: readonly BackcastRow[];
}

/** Actors a backcast reports by default: Russia, the United States and five European allies. */
export const BACKCAST_ACTORS = ['RUS', 'USA', 'DEU', 'FRA', 'GBR', 'POL', 'ITA'] as const;

/**
 * Run the demand model from `from` to the last year of burden data with a scenario's parameters
 * (default: every default) and compare the simulated burdens with the observed ones.
 *
 * The backcast knows only what was known in `from`: no pledge but the given ones, no war term
 * unless the scenario sets one.
 *
 * @throws {InputError} `unknown-country` when `actors` is empty or names a country the run does not
 *   simulate (the message names the codes and lists the ones it does).
 * @example backcast(loadDataset(), { from: 2014 }).rows[0]?.iso3 // 'RUS'
 */
export function backcast(
  dataset: Dataset,
  options: {
    from?: number;
    to?: number;
    actors?: readonly string[];
    scenario?: ScenarioInput;
    /** The name of `actors` in an error message, e.g. `--countries` on the command line; default `actors`. */
    field?: string;
  } = {},
): Backcast {
  const from = options.from ?? 2014;
  const source = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const last = Math.max(
    ...dataset.list({ indicator: 'milex_share_gdp', source }).map((s) => s.firstYear + s.values.length - 1),
  );
  const to = options.to ?? last;
  const result = simulate(
    {
      pledges: [{ name: 'Wales 2 %', target: 0.02, from, by: from + 10 }],
      ...options.scenario,
      start: from,
      end: to + 1,
    },
    dataset,
  );
  const actors = options.actors ?? BACKCAST_ACTORS;
  const simulated = result.actors.map((a) => a.iso3);
  const unknown = actors.filter((iso3) => !simulated.includes(iso3));
  if (actors.length === 0 || unknown.length > 0) {
    const what =
      unknown.length === 0
        ? 'names no country'
        : `"${unknown.join(',')}" ${unknown.length === 1 ? 'is' : 'are'} not simulated from ${from}`;
    throw new InputError(
      'unknown-country',
      `${options.field ?? 'actors'}: ${what}; use ISO3 codes of the run's actors, separated by commas: ${[...simulated].sort().join(', ')}`,
      options.field ?? 'actors',
    );
  }
  const rows = actors.flatMap((iso3) => {
    const a = result.actors.find((x) => x.iso3 === iso3);
    if (a === undefined) return [];
    const observed = result.years.map((y) => {
      const o = dataset.observation(iso3, 'milex_share_gdp', source, y);
      return o === undefined ? null : o.value / 100;
    });
    const errors = observed.flatMap((o, k) => (o === null ? [] : [(a.burden[k] as number) - o]));
    const lastObserved = observed[observed.length - 1];
    return [
      {
        iso3,
        name: a.name,
        years: result.years,
        observed,
        simulated: a.burden,
        rmsePp: 100 * Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / Math.max(1, errors.length)),
        lastErrorPp:
          lastObserved === null || lastObserved === undefined
            ? null
            : 100 * ((a.burden[a.burden.length - 1] as number) - lastObserved),
      },
    ];
  });
  return { from, to, source, rows };
}
