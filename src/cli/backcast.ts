import { Command, Option } from 'commander';
import { backcast } from '../core/analyze/backcast.js';
import { InputError } from '../core/errors.js';
import { readScenario } from '../node/scenario-file.js';
import { datasetFor, type GlobalOptions, print } from './context.js';
import { fixed, formatTable } from './format.js';

/** `armsrace backcast`: run the model over past years and compare with the observed burdens. */
export function backcastCommand(globals: () => GlobalOptions): Command {
  return new Command('backcast')
    .description(
      'Run the demand model from a past year to the last data year and compare simulated with observed burdens',
    )
    .option('--from <year>', 'first year', '2014')
    .option('--countries <list>', 'comma-separated ISO3 codes', 'RUS,USA,DEU,FRA,GBR,POL,ITA')
    .option('--scenario <file>', 'take the parameters from a scenario (its start and end are replaced)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText('after', '\nExamples:\n  armsrace backcast\n  armsrace backcast --from 2010 --countries RUS,USA,FIN')
    .action(async (flags: { from: string; countries: string; scenario?: string; format: string }) => {
      const from = Number(flags.from);
      if (!Number.isInteger(from) || from < 1995 || from > 2023) {
        throw new InputError(
          'bad-year',
          `--from: "${flags.from}" is out of range; use a year from 1995 to 2023`,
          'from',
        );
      }
      const dataset = await datasetFor(globals());
      const actors = flags.countries
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter((c) => c !== '');
      const scenario = flags.scenario === undefined ? undefined : readScenario(flags.scenario).input;
      const b = backcast(dataset, { from, actors, field: '--countries', ...(scenario ? { scenario } : {}) });
      if (flags.format === 'json') return print(JSON.stringify(b, null, 2));
      const years = b.rows[0]?.years ?? [];
      print(
        [
          `Backcast ${b.from}–${b.to}: simulated (sim) against observed (obs) burdens, % of GDP, ${b.source}; default parameters, no war term`,
          '',
          formatTable(
            [
              { header: 'year', align: 'right', cell: (k: number) => String(years[k]) },
              ...b.rows.flatMap((r) => [
                {
                  header: `${r.iso3} obs`,
                  align: 'right' as const,
                  cell: (k: number) => fixed(r.observed[k] === null ? null : 100 * (r.observed[k] as number), 2),
                },
                {
                  header: `${r.iso3} sim`,
                  align: 'right' as const,
                  cell: (k: number) => fixed(100 * (r.simulated[k] as number), 2),
                },
              ]),
            ],
            years.map((_, k) => k),
          ),
          '',
          `RMSE (pp): ${b.rows.map((r) => `${r.iso3} ${r.rmsePp.toFixed(2)}`).join(', ')}`,
          `Error in ${b.to} (sim − obs, pp): ${b.rows.map((r) => `${r.iso3} ${fixed(r.lastErrorPp, 2)}`).join(', ')}`,
        ].join('\n'),
      );
    });
}
