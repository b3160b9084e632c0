import { Command, Option } from 'commander';
import { mapFileStem } from '../core/charts/file-names.js';
import { type AllianceMapData, allianceMapData, MAP_MODES, type MapMode, mapYears } from '../core/charts/map/index.js';
import { CSV_DECIMALS, roundTo } from '../core/csv-precision.js';
import type { Dataset } from '../core/data/dataset.js';
import { InputError } from '../core/errors.js';
import { ScenarioError } from '../core/scenario/parse-scenario.js';
import { type SimulationResult, simulate } from '../core/simulate.js';
import { readScenario, withFile } from '../node/scenario-file.js';
import { datasetFor, type GlobalOptions, type OutputFile, print, writeOutputs } from './context.js';
import { fixed, formatTable, toCsv } from './format.js';

interface MapFlags {
  year?: string;
  mode: MapMode;
  scenario?: string;
  out?: string;
  chart?: 'svg' | 'png';
  detail: '50m' | '110m';
}

/** `armsrace map`: NATO and Russia on a map of Europe for a year, by membership or military burden. */
export function mapCommand(globals: () => GlobalOptions): Command {
  return new Command('map')
    .description(
      "A map of Europe for a year: NATO's allies by when they joined or by their military burden, Russia and Belarus, and their land border; prints the map's numbers, writes the map with --out",
    )
    .option('--year <year>', 'calendar year from 1949 (default: the last data year, or the scenario’s last year)')
    .addOption(
      new Option('--mode <mode>', 'colour the allies by accession or by burden')
        .choices(MAP_MODES)
        .default('membership'),
    )
    .option('--scenario <scenario>', 'a scenario file or preset: its years (from its start) show the simulated run')
    .option('--out <dir>', 'folder to write the map and its numbers (CSV) into; created if missing')
    .addOption(new Option('--chart <format>', 'format of the map written with --out').choices(['svg', 'png']))
    .addOption(
      new Option('--detail <scale>', "Natural Earth's scale of the borders").choices(['50m', '110m']).default('50m'),
    )
    .addHelpText(
      'after',
      `
Examples:
  armsrace map --year 1990                                  the 16 allies of 1990 and the Soviet Union
  armsrace map --year 2024 --mode burden --out maps --chart png
  armsrace map --year 2035 --mode burden --scenario hague-met --out maps
  armsrace map --year 2040 --scenario ukraine-joins-2035 --out maps --chart svg

Data years (1949 to the latest SIPRI figures) come from NATO's accession dates and SIPRI's shares of
GDP; with --scenario the years of the run come from the simulation. The United States and Canada
are drawn in an inset.`,
    )
    .action(async (flags: MapFlags) => {
      if (flags.chart !== undefined && flags.out === undefined) {
        throw new InputError(
          'bad-option',
          `--chart ${flags.chart}: add --out DIR, the folder to write the map into`,
          'chart',
        );
      }
      const dataset = await datasetFor(globals());
      const result = flags.scenario === undefined ? undefined : simulateScenario(flags.scenario, dataset);
      const year = parseYear(flags.year, dataset, result);
      const data = allianceMapData(dataset, { year, mode: flags.mode, result });
      print(summary(data));
      if (flags.out === undefined) return;
      const { readWorldTopology, renderAllianceMap } = await import('../node/world-map.js');
      const format = flags.chart ?? 'svg';
      const chart = renderAllianceMap(
        { dataset, topology: readWorldTopology(flags.detail), year, mode: flags.mode, result },
        format,
      );
      const stem = mapFileStem(year, flags.mode);
      const files: OutputFile[] = [
        { name: `${stem}.${format}`, content: chart.content },
        { name: `${stem}.csv`, content: mapCsv(data) },
      ];
      await writeOutputs(flags.out, files);
    });
}

function simulateScenario(fileOrPreset: string, dataset: Dataset): SimulationResult {
  let read: ReturnType<typeof readScenario>;
  try {
    read = readScenario(fileOrPreset);
  } catch (error) {
    if (error instanceof InputError && !(error instanceof ScenarioError)) {
      throw new InputError(error.code, `--${error.message}`, 'scenario');
    }
    throw error;
  }
  if (read.input.model === 'richardson') {
    throw new InputError(
      'bad-scenario',
      `--scenario: "${fileOrPreset}" uses the classic Richardson model, which has no allies or burdens to map; use a scenario of the alliance-demand model (the default)`,
      'scenario',
    );
  }
  try {
    return simulate(read.input, dataset);
  } catch (error) {
    if (error instanceof ScenarioError) throw withFile(error, read.path);
    throw error;
  }
}

function parseYear(text: string | undefined, dataset: Dataset, result: SimulationResult | undefined): number {
  const { first, lastData, last } = mapYears(dataset, result);
  const span = `${first} to ${last}`;
  if (text === undefined) return result === undefined ? lastData : last;
  if (!/^\d{4}$/.test(text)) {
    throw new InputError(
      'bad-year',
      `--year: "${text}" is not a year; use four digits from ${span}, e.g. 2024`,
      'year',
    );
  }
  const year = Number(text);
  const firstRun = result?.years[0];
  const simulated = firstRun !== undefined && year >= firstRun && year <= last;
  if (year < first || (year > lastData && !simulated)) {
    const later =
      year < first
        ? ''
        : result === undefined
          ? `; a later year needs --scenario, a scenario whose run covers it`
          : firstRun !== undefined && firstRun > lastData + 1
            ? `; the run starts in ${firstRun}`
            : '';
    throw new InputError(
      'bad-year',
      `--year: ${year} is not on the map; use a year from ${result === undefined ? `${first} to ${lastData}` : span}${later}`,
      'year',
    );
  }
  return year;
}

const pct = (share: number | null) => (share === null ? null : share * 100);

function summary(data: AllianceMapData): string {
  const label = (key: string) => data.categories.find((c) => c.key === key)?.label ?? key;
  const basis =
    data.basis === 'simulated' ? `simulated, scenario ${data.scenario}` : 'data: NATO accession dates, SIPRI';
  return [
    `NATO and Russia in ${data.year} (${basis}): ${data.allies} allies`,
    '',
    formatTable(
      [
        { header: 'country', cell: (r) => r.name },
        { header: 'iso3', cell: (r) => r.iso3 },
        { header: 'map colour', cell: (r) => label(r.category) },
        { header: 'joined', align: 'right', cell: (r) => (r.joined === null ? '–' : String(r.joined)) },
        { header: 'burden (% GDP)', align: 'right', cell: (r) => fixed(pct(r.burden), 2) },
      ],
      data.rows,
    ),
    '',
    `Allies with a land border with ${data.russianSide.length > 2 ? 'the Soviet Union' : 'Russia or Belarus'}: ${
      data.frontline.length === 0
        ? 'none'
        : data.frontline.map((c) => data.rows.find((r) => r.iso3 === c)?.name ?? c).join(', ')
    }`,
    ...data.sources,
  ].join('\n');
}

function mapCsv(data: AllianceMapData): string {
  const label = (key: string) => data.categories.find((c) => c.key === key)?.label ?? key;
  return toCsv(
    data.rows.map((r) => ({
      year: data.year,
      mode: data.mode,
      basis: data.basis,
      iso3: r.iso3,
      country: r.name,
      ally: r.ally,
      category: r.category,
      map_colour: label(r.category),
      joined: r.joined,
      burden_pct_gdp: roundTo(pct(r.burden), CSV_DECIMALS.percent),
      source: data.basis === 'simulated' ? `armsrace scenario ${data.scenario}` : (r.edition ?? ''),
    })),
  );
}
