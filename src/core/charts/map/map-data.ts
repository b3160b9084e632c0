import { type Dataset, observationAt } from '../../data/dataset.js';
import type { SimulationResult } from '../../simulate.js';
import { meetsThreshold } from '../../threshold.js';
import { ACTOR_COLORS } from '../palette.js';
import { scenarioSettingsLine } from '../source-note.js';
import { SOVIET_LAST_YEAR, SOVIET_REPUBLICS } from './world.js';

/** What the allies' colours show: when they joined, or their military burden. */
export type MapMode = 'membership' | 'burden';

/** The modes of the map, for a command line's or a page's choice. */
export const MAP_MODES: readonly MapMode[] = ['membership', 'burden'];

/** The first year on the map: the North Atlantic Treaty entered into force in 1949. */
export const FIRST_MAP_YEAR = 1949;

/** A colour class of the map: its legend text, its fill, and whether its countries are allies. */
export interface MapCategory {
  /** Stable key, also a CSS class of the countries drawn in it (`map-<key>`). */
  readonly key: string;
  readonly label: string;
  readonly fill: string;
  readonly ally: boolean;
}

/** One country the map colours (every ally of the year, the Russian side, and the allies to come). */
export interface MapRow {
  readonly iso3: string;
  readonly name: string;
  /** Key of its {@link MapCategory}. */
  readonly category: string;
  readonly ally: boolean;
  /** Year it joined NATO (by the data, or by the run for a simulated enlargement); `null` if never. */
  readonly joined: number | null;
  /** Military burden in the year, a share of GDP (0.02 = 2 %); `null` without a figure. */
  readonly burden: number | null;
  /** Edition of the burden's figure in a data year (e.g. `sipri-2025`). */
  readonly edition?: string;
}

/** Everything the map shows, without the geometry: the rows of its table. */
export interface AllianceMapData {
  readonly year: number;
  readonly mode: MapMode;
  /** `data` for a year of the dataset, `simulated` for a year of the run. */
  readonly basis: 'data' | 'simulated';
  /** The scenario's name in a simulated year. */
  readonly scenario?: string;
  /** The categories with at least one country, in the legend's order; `other` last. */
  readonly categories: readonly MapCategory[];
  /** Allies first (by accession, then name), then the Russian side, then the allies to come. */
  readonly rows: readonly MapRow[];
  /** Number of allies in the year. */
  readonly allies: number;
  /** ISO3 codes of the Russian side: Russia and Belarus, or the Soviet republics before 1992. */
  readonly russianSide: readonly string[];
  /** Allies with a land border with the Russian side (`data/country_land_borders.csv`). */
  readonly frontline: readonly string[];
  /** Source notes, the last line of the caption. */
  readonly sources: readonly string[];
}

/** Options of {@link allianceMapData}. */
export interface AllianceMapDataOptions {
  /** Calendar year, from 1949. */
  readonly year: number;
  readonly mode: MapMode;
  /** A run whose years are drawn from it (its allies and burdens) instead of the data. */
  readonly result?: SimulationResult | undefined;
}

/** Accession waves: the allies of each span share a shade, the founders the darkest. */
const WAVES = [
  { key: 'wave-1949', from: 1949, to: 1949, fill: '#08519c' },
  { key: 'wave-cold-war', from: 1950, to: 1990, fill: '#3182bd' },
  { key: 'wave-2004', from: 1991, to: 2004, fill: '#6baed6' },
  { key: 'wave-2020', from: 2005, to: 2020, fill: '#9ecae1' },
  { key: 'wave-latest', from: 2021, to: Number.POSITIVE_INFINITY, fill: '#c6dbef' },
] as const;

/** Burden bands of the allies (Okabe–Ito: the 2 % and 3.5 % colours of the other charts). */
const BANDS = {
  below: { key: 'below-2', label: 'Below 2 % of GDP', fill: '#E69F00', ally: true },
  at2: { key: 'at-2', label: '2 % to 3.5 %', fill: '#56B4E9', ally: true },
  at35: { key: 'at-3-5', label: '3.5 % or more', fill: '#0072B2', ally: true },
} as const;

const RUSSIA: MapCategory = { key: 'russia', label: 'Russia', fill: ACTOR_COLORS.RUS as string, ally: false };
const BELARUS: MapCategory = { key: 'belarus', label: 'Belarus', fill: ACTOR_COLORS.BLR as string, ally: false };
const SOVIET: MapCategory = { key: 'soviet', label: 'Soviet Union', fill: ACTOR_COLORS.RUS as string, ally: false };
const LATER: MapCategory = { key: 'later', label: 'Joins later', fill: '#d4d4d4', ally: false };
/** Every country the map does not single out. */
export const OTHER: MapCategory = { key: 'other', label: 'Other countries', fill: '#ececec', ally: false };

/** Where a run's actor is an ally, and since when. */
interface RunMembership {
  readonly ally: boolean;
  readonly joined: number | null;
}

function runMembership(
  dataset: Dataset,
  result: SimulationResult,
  iso3: string,
  index: number,
): RunMembership | undefined {
  const actor = result.actors.find((a) => a.iso3 === iso3);
  if (actor === undefined) return undefined;
  const first = actor.ally.indexOf(true);
  const joined =
    first < 0
      ? null
      : first === 0
        ? (dataset.accession(iso3)?.year ?? (result.years[0] as number))
        : (result.years[first] as number);
  return { ally: actor.ally[index] === true, joined };
}

const pct = (share: number) => `${(share * 100).toFixed(2)} %`;

/** The last year with figures: the newest of the latest SIPRI edition's burdens and the accessions. */
export function lastDataYear(dataset: Dataset): number {
  const edition = dataset.latestEdition('sipri-', 'milex_share_gdp');
  let last = Math.max(FIRST_MAP_YEAR, ...dataset.data.accessions.map((a) => a.year));
  for (const s of dataset.list({ indicator: 'milex_share_gdp', source: edition })) {
    last = Math.max(last, s.firstYear + s.values.length - 1);
  }
  return last;
}

/**
 * The years a map can show: from 1949 to the last data year without a run, to the run's last year
 * with one.
 *
 * @example mapYears(loadDataset()) // { first: 1949, lastData: 2025, last: 2025 }
 */
export function mapYears(
  dataset: Dataset,
  result?: SimulationResult,
): { readonly first: number; readonly lastData: number; readonly last: number } {
  const lastData = lastDataYear(dataset);
  const lastRun = result?.years[result.years.length - 1];
  return { first: FIRST_MAP_YEAR, lastData, last: lastRun === undefined ? lastData : Math.max(lastData, lastRun) };
}

function checkYear(dataset: Dataset, options: AllianceMapDataOptions): 'data' | 'simulated' {
  const { year, result } = options;
  const { first, lastData, last } = mapYears(dataset, result);
  const firstRun = result?.years[0];
  const simulated = firstRun !== undefined && year >= firstRun && year <= last;
  if (!Number.isInteger(year) || year < first || (year > lastData && !simulated)) {
    const span =
      firstRun !== undefined && firstRun > lastData + 1
        ? `${first}–${lastData} or ${firstRun}–${last}`
        : `${first} to ${last}`;
    throw new RangeError(
      `year: ${year} is not on the map; choose a year from ${span}` +
        (result === undefined ? ' (later years need a scenario)' : ''),
    );
  }
  return simulated ? 'simulated' : 'data';
}

/**
 * The colour of every ally, of Russia and Belarus (the Soviet Union before 1992) and of the allies
 * to come in a year, with the counts and sources the map's texts need: the rows of its table.
 *
 * A year of the run (from its first year) takes the run's allies and burdens; an earlier year the
 * dataset's accessions and the latest SIPRI edition's shares of GDP.
 *
 * @param dataset The dataset: accessions, burdens, land borders, names.
 * @param options `year` (1949 on), `mode`, and the run for simulated years.
 * @throws {RangeError} for a year before 1949, or after the data without a run covering it.
 * @example allianceMapData(loadDataset(), { year: 1990, mode: 'membership' }).allies // 16
 */
export function allianceMapData(dataset: Dataset, options: AllianceMapDataOptions): AllianceMapData {
  const { year, mode, result } = options;
  if (mode !== 'membership' && mode !== 'burden') {
    throw new RangeError(`mode: "${String(mode)}" is not a map mode; use ${MAP_MODES.join(' or ')}`);
  }
  const basis = checkYear(dataset, options);
  const index = basis === 'simulated' && result !== undefined ? result.years.indexOf(year) : -1;
  const edition = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const soviet = year <= SOVIET_LAST_YEAR;
  const russianSide = soviet ? [...SOVIET_REPUBLICS] : ['RUS', 'BLR'];

  const membership = (iso3: string): RunMembership => {
    if (result !== undefined && index >= 0) {
      const run = runMembership(dataset, result, iso3, index);
      if (run !== undefined) return run;
    }
    const joined = dataset.accession(iso3)?.year ?? null;
    return { ally: joined !== null && joined <= year, joined };
  };
  const burdenOf = (iso3: string): { burden: number | null; edition?: string } => {
    if (result !== undefined && index >= 0) {
      const b = result.actors.find((a) => a.iso3 === iso3)?.burden[index];
      return { burden: b === undefined || !Number.isFinite(b) ? null : b };
    }
    const series = dataset.series(iso3, 'milex_share_gdp', edition);
    const o = series === undefined ? undefined : observationAt(series, year);
    // The dataset's shares are in percent of GDP.
    return o === undefined ? { burden: null } : { burden: o.value / 100, edition: o.edition ?? edition };
  };

  const noFigure: MapCategory = {
    key: 'no-figure',
    label: basis === 'simulated' ? 'Ally not in the run' : 'Ally without a figure',
    fill: '#ffffff',
    ally: true,
  };
  const waveLabels = new Map<string, number[]>();
  const candidates = new Set<string>([
    ...dataset.allies(),
    ...(result?.actors.map((a) => a.iso3) ?? []),
    ...russianSide,
  ]);
  const rows: MapRow[] = [];
  for (const iso3 of candidates) {
    const name = dataset.country(iso3)?.name ?? result?.actors.find((a) => a.iso3 === iso3)?.name ?? iso3;
    const { ally, joined } = membership(iso3);
    const { burden, edition: used } = burdenOf(iso3);
    const base = { iso3, name, ally, joined, burden, ...(used === undefined ? {} : { edition: used }) };
    if (ally) {
      let category: MapCategory;
      if (mode === 'burden') {
        category =
          burden === null
            ? noFigure
            : meetsThreshold(burden * 100, 3.5)
              ? BANDS.at35
              : meetsThreshold(burden * 100, 2)
                ? BANDS.at2
                : BANDS.below;
      } else {
        const at = joined ?? year;
        const wave = WAVES.find((w) => at >= w.from && at <= w.to) ?? WAVES[0];
        const years = waveLabels.get(wave.key) ?? [];
        years.push(at);
        waveLabels.set(wave.key, years);
        category = { key: wave.key, label: '', fill: wave.fill, ally: true };
      }
      rows.push({ ...base, category: category.key });
    } else if (russianSide.includes(iso3)) {
      rows.push({ ...base, category: soviet ? SOVIET.key : iso3 === 'RUS' ? RUSSIA.key : BELARUS.key });
    } else if (mode === 'membership' && joined !== null) {
      rows.push({ ...base, category: LATER.key });
    }
  }

  const waves: MapCategory[] = WAVES.filter((w) => waveLabels.has(w.key)).map((w) => {
    const years = waveLabels.get(w.key) as number[];
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    return { key: w.key, label: `Joined ${lo === hi ? lo : `${lo}–${hi}`}`, fill: w.fill, ally: true };
  });
  const order: MapCategory[] =
    mode === 'membership'
      ? [...waves, LATER, SOVIET, RUSSIA, BELARUS]
      : [BANDS.below, BANDS.at2, BANDS.at35, noFigure, SOVIET, RUSSIA, BELARUS];
  const used = new Set(rows.map((r) => r.category));
  const categories = [...order.filter((c) => used.has(c.key)), OTHER];
  const rank = new Map(categories.map((c, i) => [c.key, i]));
  rows.sort(
    (a, b) =>
      Number(b.ally) - Number(a.ally) ||
      (a.ally ? 0 : (rank.get(a.category) ?? 0) - (rank.get(b.category) ?? 0)) ||
      (a.joined ?? 9999) - (b.joined ?? 9999) ||
      a.name.localeCompare(b.name),
  );

  const allies = rows.filter((r) => r.ally);
  const allyCodes = new Set(allies.map((r) => r.iso3));
  const frontline = [
    ...new Set(russianSide.flatMap((r) => dataset.landNeighbours(r).filter((n) => allyCodes.has(n)))),
  ].sort((a, b) => (dataset.country(a)?.name ?? a).localeCompare(dataset.country(b)?.name ?? b));

  return {
    year,
    mode,
    basis,
    ...(basis === 'simulated' && result !== undefined ? { scenario: result.scenario.name } : {}),
    categories,
    rows,
    allies: allies.length,
    russianSide,
    frontline,
    sources: mapSources(dataset, basis, mode, rows, result),
  };
}

function mapSources(
  dataset: Dataset,
  basis: 'data' | 'simulated',
  mode: MapMode,
  rows: readonly MapRow[],
  result: SimulationResult | undefined,
): string[] {
  const notes = [
    "Borders: Natural Earth (public domain), today's borders: Germany stands for the Federal Republic before 1990.",
  ];
  if (basis === 'simulated' && result !== undefined) {
    notes.push(
      `Scenario “${result.scenario.name}”: ${scenarioSettingsLine(result)}. Simulated with armsrace; burdens on SIPRI's definition; allies from NATO's accession dates and the scenario's enlargement.`,
    );
    return notes;
  }
  notes.push('Membership: NATO, member countries (dates of accession).');
  if (mode === 'burden') {
    const editions = [...new Set(rows.flatMap((r) => (r.edition === undefined ? [] : [r.edition])))].sort().reverse();
    const citations = editions.map((e) => dataset.source(e)?.citation ?? e);
    notes.push(`Military burden: ${citations.length === 0 ? 'no figure for this year' : citations.join('; ')}.`);
  }
  return notes;
}

/**
 * One line on a row for a table or a tooltip: its accession and burden.
 *
 * @example rowText(row, 2024) // 'Poland: ally since 1999, 4.12 % of GDP'
 */
export function rowText(row: MapRow, year: number): string {
  const parts = [
    row.joined === null ? 'not an ally' : row.joined > year ? `joins ${row.joined}` : `ally since ${row.joined}`,
  ];
  if (row.burden !== null) parts.push(`${pct(row.burden)} of GDP`);
  return `${row.name}: ${parts.join(', ')}`;
}
