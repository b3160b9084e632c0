import { Command, Option } from 'commander';
import { editionSpans, lastYear, observationAt } from '../core/data/dataset.js';
import { loadDataset } from '../core/data/load-dataset.js';
import type { Series } from '../core/data/types.js';
import { InputError } from '../core/errors.js';
import { datasetFor, type GlobalOptions, print } from './context.js';
import { formatTable, toCsv } from './format.js';

const firstWithData = (s: Series) => s.firstYear + s.values.findIndex((v) => v !== null);

/** `armsrace data`: list, show and import data. */
export function dataCommand(globals: () => GlobalOptions): Command {
  const data = new Command('data').description(
    "List the sourced data, show a country's series, import a newer edition",
  );

  data
    .command('list')
    .description('List the source editions and the countries with series')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExample:\n  armsrace data list')
    .action(async (flags: { format: string }) => {
      const dataset = await datasetFor(globals());
      const sources = dataset.data.sources.map((s) => {
        const series = dataset.list({ source: s.id });
        const last = Math.max(...series.map((x) => lastYear(x) ?? 0));
        return {
          id: s.id,
          publisher: s.publisher,
          edition: s.edition,
          released: s.releasedOn ?? String(s.released),
          basis: s.basis ?? '',
          series: series.length,
          countries: new Set(series.map((x) => x.iso3)).size,
          years: series.length ? `${Math.min(...series.map(firstWithData))}–${last}` : '',
          citation: s.citation,
        };
      });
      const actors = [...new Set(dataset.data.series.map((s) => s.iso3))].sort();
      if (flags.format === 'json') return print(JSON.stringify({ sources, countries: actors }, null, 2));
      print(
        [
          formatTable(
            [
              { header: 'source', cell: (x) => x.id },
              { header: 'publisher', cell: (x) => x.publisher },
              { header: 'edition', cell: (x) => x.edition },
              { header: 'released', cell: (x) => x.released },
              { header: 'series', align: 'right', cell: (x) => String(x.series) },
              { header: 'countries', align: 'right', cell: (x) => String(x.countries) },
              { header: 'years', cell: (x) => x.years },
            ],
            sources,
          ),
          '',
          'What each edition measures (NATO changed its basis in 2026; editions are never mixed):',
          ...sources.filter((x) => x.basis !== '').map((x) => `  ${x.id}: ${x.basis}`),
          '',
          `Countries with series (${actors.length}): ${actors.join(' ')}`,
          `NATO allies (${dataset.allies().length}) with accession years: ${dataset.data.accessions.map((a) => `${a.iso3} ${a.year}`).join(', ')}`,
          'Show one: armsrace data show POL',
        ].join('\n'),
      );
    });

  data
    .command('show')
    .description("Show a country's series year by year, with their sources")
    .argument('<iso3>', 'ISO 3166 alpha-3 code, e.g. POL, RUS, USA')
    .option('--from <year>', 'first year shown (default: 2010)')
    .option('--to <year>', 'last year shown (default: the last year with data)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .addHelpText('after', '\nExamples:\n  armsrace data show RUS\n  armsrace data show POL --from 1990 --format csv')
    .action(async (code: string, flags: { from?: string; to?: string; format: string }) => {
      const dataset = await datasetFor(globals());
      const iso3 = code.toUpperCase();
      const series = dataset.list({ iso3 });
      if (series.length === 0) {
        const known = [...new Set(dataset.data.series.map((s) => s.iso3))].sort().join(' ');
        throw new InputError(
          'unknown-country',
          `iso3: "${code}" has no series in the dataset; known: ${known}`,
          'iso3',
        );
      }
      const country = dataset.country(iso3);
      if (flags.format === 'json') return print(JSON.stringify({ country, series }, null, 2));
      const from = flags.from === undefined ? 2010 : Number(flags.from);
      const to = flags.to === undefined ? Math.max(...series.map((s) => lastYear(s) ?? 0)) : Number(flags.to);
      if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
        throw new InputError(
          'bad-year',
          `--from ${flags.from ?? from} --to ${flags.to ?? to}: use two years with from ≤ to, e.g. --from 1990 --to 2024`,
        );
      }
      const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      if (flags.format === 'csv') {
        return print(
          toCsv(
            series.flatMap((s) =>
              years.flatMap((year) => {
                const o = observationAt(s, year);
                return o === undefined
                  ? []
                  : [
                      {
                        iso3,
                        year,
                        indicator: s.indicator,
                        value: o.value,
                        unit: s.unit,
                        flag: o.flag,
                        source: s.source,
                        edition: o.edition ?? s.source,
                      },
                    ];
              }),
            ),
          ),
        );
      }
      const cell = (s: Series, year: number) => {
        const o = observationAt(s, year);
        if (o === undefined) return '–';
        const digits = s.unit === 'pct_GDP' ? 2 : 0;
        return `${o.value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}${o.flag === '.' ? '' : o.flag}`;
      };
      const lines = [
        `${country?.name ?? iso3} (${iso3})${country?.capital ? `, capital ${country.capital.name}` : ''}${dataset.accession(iso3) ? `, NATO ally since ${dataset.accession(iso3)?.date}` : ''}`,
        '',
        formatTable(
          [
            { header: 'indicator', cell: (s: Series) => s.indicator },
            { header: 'unit', cell: (s: Series) => s.unit },
            { header: 'source', cell: (s: Series) => s.source },
            ...years.map((y) => ({ header: String(y), align: 'right' as const, cell: (s: Series) => cell(s, y) })),
          ],
          series,
        ),
        '',
        'Flags: e estimate, u highly uncertain, p projection, s quoted by the press.',
        ...series.flatMap((s) =>
          (s.breaks ?? []).map((b) => `Break in ${s.indicator} (${s.source}) at ${b.year}: ${b.note}`),
        ),
        ...series.flatMap((s) => {
          const spans = editionSpans(s);
          return spans.length < 2
            ? []
            : [
                `Editions in ${s.indicator} (${s.source}): ${spans.map((e) => `${e.from === e.to ? e.from : `${e.from}–${e.to}`} from ${e.edition}`).join(', ')}; never spliced silently.`,
              ];
        }),
        'Sources:',
        ...[...new Set(series.map((s) => s.source))].map((id) => `  ${id}: ${dataset.source(id)?.citation ?? ''}`),
      ];
      print(lines.join('\n'));
    });

  data
    .command('import')
    .description('Import a newer edition of a published file into your data directory (never into the embedded data)')
    .argument(
      '<file>',
      "SIPRI's Milex workbook (.xlsx) or one of its sheets saved as .csv, NATO's defence expenditure tables (.xlsx) or a World Bank indicator CSV",
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      '\nExamples:\n  armsrace data import SIPRI-Milex-data-1949-2024_2.xlsx\n  armsrace data import SIPRI-Milex-data-1949-2025_v1.2_constant2024USD_user-export.csv   one sheet saved as CSV\n  armsrace --data-dir ./mydata data import 240617-def-exp-2024-TABLES-en.xlsx',
    )
    .action(async (file: string, flags: { format: string }) => {
      const { defaultDataDir, importIntoDataDir } = await import('../node/user-data.js');
      const dir = globals().dataDir ?? defaultDataDir();
      const report = await importIntoDataDir(file, dir, loadDataset());
      if (flags.format === 'json') return print(JSON.stringify(report, null, 2));
      print(
        [
          `Imported ${file} as ${report.sourceId} (${report.format}) into ${dir}`,
          `series added: ${report.seriesAdded}; values added: ${report.valuesAdded}; revised: ${report.valuesRevised.length}; unchanged: ${report.valuesUnchanged}`,
          ...report.valuesRevised
            .slice(0, 20)
            .map((r) => `  revised ${r.iso3} ${r.indicator} ${r.year}: ${r.old} → ${r.new}`),
          ...(report.valuesRevised.length > 20
            ? [`  … and ${report.valuesRevised.length - 20} more (--format json lists all)`]
            : []),
          ...report.warnings.slice(0, 10).map((w) => `warning: ${w}`),
          ...(report.warnings.length > 10
            ? [`… and ${report.warnings.length - 10} more warnings (--format json lists all)`]
            : []),
        ].join('\n'),
      );
    });

  return data;
}
