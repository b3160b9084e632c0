import { Command } from 'commander';
import { InputError } from '../core/errors.js';
import { grangerTest } from '../core/fit/granger-test.js';
import { datasetFor, type GlobalOptions, print } from './context.js';
import { namedSeries } from './fit.js';
import { fixed, formatTable } from './format.js';

interface GrangerFlags {
  x: string;
  y: string;
  lags: string;
  from?: string;
  to?: string;
  input?: string;
  levels?: boolean;
  format: string;
}

/** `armsrace granger`: Granger-causality tests in both directions. */
export function grangerCommand(globals: () => GlobalOptions): Command {
  return new Command('granger')
    .description(
      'Test whether one series helps predict the other (Granger causality), in both directions, on annual growth rates',
    )
    .option('--x <series>', 'first series: NATO, NATO_EUR_CAN, RUS_BLOC, an ISO3 code, or a column of --input', 'NATO')
    .option('--y <series>', 'second series', 'RUS')
    .option('--lags <n|auto>', 'lag order, or auto (AIC)', 'auto')
    .option('--from <year>', 'first year of levels (default 1993)')
    .option('--to <year>', 'last year (default: the last year of data)')
    .option('--input <file.csv>', 'your own data: columns year,<series>,<series>…')
    .option('--levels', 'test levels instead of growth rates')
    .option('--format <format>', 'table or json', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  armsrace granger --from 1993 --to 2021\n  armsrace granger --x NATO_EUR_CAN --y RUS --lags 2\n  armsrace granger --input mydata.csv --x A --y B',
    )
    .action(async (flags: GrangerFlags) => {
      const lags = flags.lags === 'auto' ? 'auto' : Number(flags.lags);
      if (lags !== 'auto' && !(Number.isInteger(lags) && lags >= 1))
        throw new InputError('bad-lags', `--lags: "${flags.lags}" must be auto or a whole number ≥ 1, e.g. 2`, 'lags');
      const from = flags.from === undefined ? undefined : Number(flags.from);
      const to = flags.to === undefined ? undefined : Number(flags.to);
      for (const [flag, v] of [
        ['--from', from],
        ['--to', to],
      ] as const) {
        if (v !== undefined && !Number.isInteger(v))
          throw new InputError('bad-year', `${flag}: not a year; use four digits, e.g. 1993`, flag);
      }
      const dataset = await datasetFor(globals());
      const [x, y] = namedSeries(dataset, [flags.x, flags.y], flags.input, from, to);
      if (x === undefined || y === undefined) throw new InputError('bad-usage', 'two series are needed: --x and --y');
      const r = grangerTest(x, y, {
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        lags,
        transform: flags.levels ? 'level' : 'growth',
      });
      const command = `armsrace granger --x ${flags.x} --y ${flags.y} --lags ${flags.lags}${flags.from ? ` --from ${flags.from}` : ''}${flags.to ? ` --to ${flags.to}` : ''}${flags.input ? ` --input ${flags.input}` : ''}${flags.levels ? ' --levels' : ''}`;
      if (flags.format === 'json') return print(JSON.stringify({ command, ...r }, null, 2));
      const tests = [r.xToY, r.yToX];
      print(
        [
          `Granger causality on ${r.transform === 'growth' ? 'annual growth rates (log differences)' : 'levels'}, ${r.span[0]}–${r.span[1]}, VAR(${r.lags})${r.lagChoice ? ` chosen by AIC (BIC: ${r.lagChoice.bic}, HQ: ${r.lagChoice.hq})` : ''}`,
          '',
          formatTable(
            [
              {
                header: 'null hypothesis',
                cell: (t: (typeof tests)[number]) => `${t.cause} does not Granger-cause ${t.effect}`,
              },
              { header: 'F', align: 'right', cell: (t: (typeof tests)[number]) => fixed(t.fStatistic, 3) },
              { header: 'df', align: 'right', cell: (t: (typeof tests)[number]) => `${t.df1}, ${t.df2}` },
              { header: 'p-value', align: 'right', cell: (t: (typeof tests)[number]) => fixed(t.pValue, 4) },
              { header: 'n', align: 'right', cell: (t: (typeof tests)[number]) => String(t.observations) },
            ],
            tests,
          ),
          '',
          'A small p-value says past values of one series help predict the other beyond its own past; it is not proof that one side causes the other (common shocks, omitted third parties and short samples all produce it).',
          `Reproduce: ${command}`,
        ].join('\n'),
      );
    });
}
