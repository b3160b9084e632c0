import { outputSeries } from '../outputs/series.js';
import type { SimulationResult } from '../simulate.js';

/** The year the Hague pledge falls due: the headline's middle year when the run reaches it. */
export const HEADLINE_YEAR = 2035;

/** One figure of the headline strip, with the baseline's figure and the difference where given. */
export interface HeadlineFigure {
  readonly id:
    | 'russia-burden-mid'
    | 'russia-burden-end'
    | 'nato-burden-mid'
    | 'nato-burden-end'
    | 'allies-at-2'
    | 'allies-at-35'
    | 'nato-extra-spending'
    | 'russia-extra-spending'
    | 'balance-end';
  readonly label: string;
  readonly year: number;
  readonly value: number;
  readonly unit: '% of GDP' | 'allies' | 'USD bn' | '×';
  /** The same figure in the baseline run; absent without one. */
  readonly baseline?: number;
  /** `value − baseline`; absent without a baseline. */
  readonly difference?: number;
}

/** The answers the levers change: what a reader wants first, in numbers and in words. */
export interface Headline {
  readonly midYear: number;
  readonly endYear: number;
  readonly figures: readonly HeadlineFigure[];
  /** One or two sentences stating the figures. */
  readonly text: string;
  /** The baseline's scenario name, when there is one. */
  readonly baselineName?: string;
}

const at = (r: SimulationResult, year: number) => r.years.indexOf(year);

function blocBurden(r: SimulationResult, id: 'NATO', year: number): number {
  return 100 * ((r.blocs.find((b) => b.id === id)?.burden[at(r, year)] as number | null) ?? Number.NaN);
}

function actorBurden(r: SimulationResult, iso3: string, year: number): number {
  return 100 * ((r.actors.find((a) => a.iso3 === iso3)?.burden[at(r, year)] as number | undefined) ?? Number.NaN);
}

/** A bloc's spending summed over the run's years, USD bn at constant 2015 prices. */
function cumulative(r: SimulationResult, id: 'NATO' | 'RUS_BLOC'): number {
  return (outputSeries(r, `${id}.spending`) as readonly number[]).reduce((s, x) => s + x / 1000, 0);
}

const pp = (x: number) => `${x.toFixed(2)} %`;
const signed = (x: number, digits: number) =>
  `${x >= 0 ? '+' : '−'}${Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;

/**
 * The headline of a run: Russia's and NATO's burden in {@link HEADLINE_YEAR} (or the last year when
 * the run ends before it) and at the end, the allies at 2 % and 3.5 % in that year, the balance of
 * Europe and Canada against Russia and Belarus at the end and, with a baseline over the same years,
 * each figure's difference and NATO's cumulative extra spending against it.
 *
 * @throws {RangeError} when the baseline does not cover the run's years.
 * @example headline(simulate({}, loadDataset())).figures[0]?.label // "Russia's burden, 2035"
 */
export function headline(result: SimulationResult, baseline?: SimulationResult): Headline {
  const first = result.years[0] as number;
  const endYear = result.years[result.years.length - 1] as number;
  const midYear = Math.min(Math.max(HEADLINE_YEAR, first), endYear);
  if (baseline !== undefined && result.years.some((y) => !baseline.years.includes(y)))
    throw new RangeError(
      `headline: the baseline covers ${baseline.years[0]}–${baseline.years.at(-1)}, not the run's ${first}–${endYear}`,
    );
  const balance = (r: SimulationResult) => r.indicators.balanceEuropeCanada[at(r, endYear)] as number;
  const count = (r: SimulationResult, which: 'alliesAt2' | 'alliesAt35') =>
    r.indicators[which][at(r, midYear)] as number;
  const specs: [HeadlineFigure['id'], string, number, HeadlineFigure['unit'], (r: SimulationResult) => number][] = [
    ['russia-burden-mid', `Russia's burden, ${midYear}`, midYear, '% of GDP', (r) => actorBurden(r, 'RUS', midYear)],
    ['nato-burden-mid', `NATO's burden, ${midYear}`, midYear, '% of GDP', (r) => blocBurden(r, 'NATO', midYear)],
    ['allies-at-2', `Allies at 2 %, ${midYear}`, midYear, 'allies', (r) => count(r, 'alliesAt2')],
    ['allies-at-35', `Allies at 3.5 %, ${midYear}`, midYear, 'allies', (r) => count(r, 'alliesAt35')],
    ['russia-burden-end', `Russia's burden, ${endYear}`, endYear, '% of GDP', (r) => actorBurden(r, 'RUS', endYear)],
    ['nato-burden-end', `NATO's burden, ${endYear}`, endYear, '% of GDP', (r) => blocBurden(r, 'NATO', endYear)],
    ['balance-end', `Europe and Canada ÷ Russia and Belarus, capability, ${endYear}`, endYear, '×', balance],
  ];
  const figures: HeadlineFigure[] = specs.map(([id, label, year, unit, f]) => {
    const value = f(result);
    if (baseline === undefined) return { id, label, year, unit, value };
    const base = f(baseline);
    return { id, label, year, unit, value, baseline: base, difference: value - base };
  });
  if (baseline !== undefined) {
    for (const [id, bloc, name] of [
      ['nato-extra-spending', 'NATO', "NATO's"],
      ['russia-extra-spending', 'RUS_BLOC', "Russia and Belarus's"],
    ] as const) {
      const extra = cumulative(result, bloc) - cumulative(baseline, bloc);
      figures.push({
        id,
        label: `${name} spending above the baseline, ${first}–${endYear}`,
        year: endYear,
        unit: 'USD bn',
        value: extra,
        baseline: 0,
        difference: extra,
      });
    }
  }
  const get = (id: HeadlineFigure['id']) => figures.find((f) => f.id === id) as HeadlineFigure;
  const allies = result.indicators.allies[at(result, midYear)] as number;
  let text =
    `In ${midYear} NATO spends ${pp(get('nato-burden-mid').value)} of GDP and Russia ${pp(get('russia-burden-mid').value)}; ` +
    `${get('allies-at-2').value} of ${allies} allies are at 2 % and ${get('allies-at-35').value} at 3.5 %. ` +
    `By ${endYear}: NATO ${pp(get('nato-burden-end').value)}, Russia ${pp(get('russia-burden-end').value)}, ` +
    `Europe and Canada ${get('balance-end').value.toFixed(1)} × Russia and Belarus in capability.`;
  if (baseline !== undefined) {
    const extra = get('nato-extra-spending').value;
    text +=
      ` Against "${baseline.scenario.name}": Russia ${signed(get('russia-burden-end').difference as number, 2)} points in ${endYear}, ` +
      `NATO's spending ${signed(extra, 0)} bn USD (2015 prices) over ${first}–${endYear}.`;
  }
  return {
    midYear,
    endYear,
    figures,
    text,
    ...(baseline === undefined ? {} : { baselineName: baseline.scenario.name }),
  };
}
