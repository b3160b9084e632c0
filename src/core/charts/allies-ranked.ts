import * as Plot from '@observablehq/plot';
import type { SimulationResult } from '../simulate.js';
import { meetsThreshold } from '../threshold.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { CONTEXT_GREY, INK } from './palette.js';
import { sourceNote } from './source-note.js';

/** Options of {@link alliesRanked}: the year to rank, besides the size. */
export interface AlliesRankedOptions extends ChartSpecOptions {
  /** A year of the run; default its last. */
  readonly year?: number | undefined;
}

/** One bar of the ranking. */
export interface RankedAlly {
  readonly iso3: string;
  readonly name: string;
  /** Burden in % of GDP. */
  readonly burden: number;
  /** The highest of the targets (2 %, 3.5 %) the ally reaches, or 'below'. */
  readonly band: 'below 2 %' | '2 % to 3.5 %' | '3.5 % or more';
}

const BAND_COLORS = { 'below 2 %': CONTEXT_GREY, '2 % to 3.5 %': '#0072B2', '3.5 % or more': '#D55E00' } as const;

/**
 * The allies of a run's year ranked by burden, highest first; actors that are not allies that year
 * are left out.
 *
 * @throws {RangeError} naming the year when the run does not cover it.
 * @example rankAllies(result, 2035)[0]?.iso3 // the ally with the highest burden in 2035
 */
export function rankAllies(result: SimulationResult, year: number): RankedAlly[] {
  const index = result.years.indexOf(year);
  if (index < 0) {
    const first = result.years[0];
    const last = result.years[result.years.length - 1];
    throw new RangeError(`year: ${year} is not simulated; choose a year from ${first} to ${last}`);
  }
  const ranked: RankedAlly[] = [];
  for (const a of result.actors) {
    if (a.ally[index] !== true) continue;
    const burden = (a.burden[index] as number) * 100;
    // The count's rule: the burden rounded to two decimals of a percent, as NATO publishes it.
    const band = meetsThreshold(burden, 3.5)
      ? '3.5 % or more'
      : meetsThreshold(burden, 2)
        ? '2 % to 3.5 %'
        : 'below 2 %';
    ranked.push({ iso3: a.iso3, name: a.name, burden, band });
  }
  return ranked.sort((a, b) => b.burden - a.burden || a.name.localeCompare(b.name));
}

/** A pointer tooltip with an ally's exact burden. */
function tip(ranked: readonly RankedAlly[], year: number): Plot.Markish {
  return Plot.tip(
    ranked,
    Plot.pointerY({
      x: 'burden',
      y: 'name',
      title: (r: RankedAlly) => `${r.name} (${r.iso3})\n${r.burden.toFixed(2)} % of GDP in ${year}`,
      className: 'tooltip',
    }),
  );
}

/**
 * Describe a bar chart of every ally's burden in one year, ranked, with the 2 % and 3.5 % lines and
 * the bars coloured by the highest target they reach.
 *
 * @param result The simulated run.
 * @param options `year` to rank (default the last) and the chart size in px (960×540).
 * @throws {RangeError} for a year outside the run.
 * @example alliesRanked(result, { year: 2035 }).id // 'allies-ranked'
 */
export function alliesRanked(result: SimulationResult, options: AlliesRankedOptions = {}): ChartSpec {
  const year = options.year ?? (result.years[result.years.length - 1] as number);
  const ranked = rankAllies(result, year);
  const at2 = ranked.filter((r) => r.band !== 'below 2 %').length;
  const at35 = ranked.filter((r) => r.band === '3.5 % or more').length;
  const top = Math.max(4, ...ranked.map((r) => r.burden));
  return {
    id: 'allies-ranked',
    title: `Allies ranked by military burden, ${year}`,
    subtitle:
      `Military expenditure as % of GDP in ${year}: ${at2} of ${ranked.length} allies at 2 % or more, ` +
      `${at35} at 3.5 % or more (orange; blue: 2 % to 3.5 %; grey: below 2 %).`,
    caption: [sourceNote(result)],
    plot: {
      marginLeft: 120,
      marginRight: 48,
      marginTop: 8,
      marginBottom: 36,
      x: { label: '% of GDP', domain: [0, Math.ceil(top)], grid: true },
      y: { label: null, domain: ranked.map((r) => r.name), tickSize: 0 },
      color: { domain: Object.keys(BAND_COLORS), range: Object.values(BAND_COLORS) },
      marks: [
        Plot.barX(ranked, { x: 'burden', y: 'name', fill: 'band', className: 'ranked-bar' }),
        Plot.text(ranked, {
          x: 'burden',
          y: 'name',
          text: (r: RankedAlly) => r.burden.toFixed(2),
          textAnchor: 'start',
          dx: 4,
          fill: INK,
          fontSize: 10,
        }),
        Plot.ruleX([2, 3.5], { stroke: '#555555', strokeDasharray: '2 3' }),
        Plot.ruleX([0], { stroke: INK }),
        ...(options.interactive === true ? [tip(ranked, year)] : []),
      ],
    },
  };
}
