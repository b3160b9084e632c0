import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { Dataset } from '../core/data/dataset.js';
import type { FittedDefaults } from '../core/data/fitted.js';
import { InputError } from '../core/errors.js';
import { type DemandFit, fitDemand } from '../core/fit/fit-demand.js';
import {
  fitRichardson,
  fitRichardsonSum,
  type RichardsonFit,
  type RichardsonSumFit,
} from '../core/fit/fit-richardson.js';
import { spendingSeries } from '../core/fit/named-series.js';
import type { YearSeries } from '../core/fit/year-series.js';
import { readSeriesCsv } from '../node/series-csv.js';
import { datasetFor, type GlobalOptions, print } from './context.js';
import { fixed, formatTable } from './format.js';

interface FitFlags {
  model: 'richardson' | 'demand';
  from?: string;
  to?: string;
  countries?: string;
  sum?: boolean;
  midpoint?: boolean;
  input?: string;
  draws: string;
  seed: string;
  format: 'table' | 'json';
  writeDefaults?: boolean;
}

/** Where `--write-defaults` writes: the package's own `data/fitted.json`. */
const FITTED_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../data/fitted.json');

const year = (flag: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const y = Number(text);
  if (!Number.isInteger(y) || y < 1900 || y > 2100)
    throw new InputError('bad-year', `${flag}: "${text}" is not a year; use four digits, e.g. 1993`, flag);
  return y;
};

/** Series for a Richardson fit or a Granger test: columns of `--input`, or spending series by name. */
export function namedSeries(
  dataset: Dataset,
  names: readonly string[],
  input: string | undefined,
  from: number | undefined,
  to: number | undefined,
): YearSeries[] {
  if (input !== undefined) {
    const table = readSeriesCsv(input);
    const wanted = names.length > 0 ? names : [...table.columns.keys()];
    return wanted.map((name) => {
      const values = table.columns.get(name);
      if (values === undefined) {
        throw new InputError(
          'unknown-column',
          `${input}: no column "${name}"; columns: ${[...table.columns.keys()].join(', ')}`,
          name,
        );
      }
      return { name, years: table.years, values };
    });
  }
  return names.map((name) => spendingSeries(dataset, name, from ?? 1993, to ?? lastSipriYear(dataset)));
}

const lastSipriYear = (dataset: Dataset) => {
  const source = dataset.editions('sipri-')[0]?.id ?? 'sipri-2025';
  return Math.max(
    ...dataset.list({ indicator: 'milex_usd_constant', source }).map((s) => s.firstYear + s.values.length - 1),
  );
};

/** The command line that reproduces a run of this command. */
function reproduce(flags: FitFlags): string {
  const parts = ['armsrace fit', `--model ${flags.model}`];
  if (flags.from) parts.push(`--from ${flags.from}`);
  if (flags.to) parts.push(`--to ${flags.to}`);
  if (flags.countries) parts.push(`--countries ${flags.countries}`);
  if (flags.sum) parts.push('--sum');
  if (flags.midpoint) parts.push('--midpoint');
  if (flags.input) parts.push(`--input ${flags.input}`);
  if (flags.model === 'demand') parts.push(`--draws ${flags.draws} --seed ${flags.seed}`);
  return parts.join(' ');
}

/** `armsrace fit`: fit the Richardson or the alliance-demand model to history. */
export function fitCommand(globals: () => GlobalOptions): Command {
  return new Command('fit')
    .description(
      'Fit the Richardson model (per equation, or the two-bloc sum form) or the alliance-demand panel to history',
    )
    .addOption(new Option('--model <model>', 'which model').choices(['richardson', 'demand']).default('richardson'))
    .option('--from <year>', 'first year (richardson: default 1993; demand: 1995)')
    .option('--to <year>', 'last year (default: the last year of data)')
    .option(
      '--countries <list>',
      'richardson: series, ISO3 codes or NATO, NATO_EUR_CAN, RUS_BLOC (default NATO,RUS), or CSV columns; demand: the panel countries',
    )
    .option('--sum', 'richardson: the two-bloc sum form Δ(x+y) = c(x+y−e)')
    .option('--midpoint', 'richardson: regress on the mean of consecutive years, as Richardson did')
    .option('--input <file.csv>', 'your own data: columns year,<series>,<series>…')
    .option('--draws <n>', 'demand: cluster bootstrap replications', '499')
    .option('--seed <n>', 'demand: bootstrap seed', '1')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json']).default('table'))
    .option('--write-defaults', "demand: write the fit to data/fitted.json, the simulator's default responses")
    .addHelpText(
      'after',
      `
Examples:
  armsrace fit                                        Richardson, NATO against Russia, 1993 to the last year
  armsrace fit --sum --midpoint --from 1993 --to 2021
  armsrace fit --countries USA,RUS --from 2000
  armsrace fit --input mydata.csv --countries A,B     your own series
  armsrace fit --model demand --from 1995             the alliance-demand panel with bootstrap intervals`,
    )
    .action(async (flags: FitFlags) => {
      const dataset = await datasetFor(globals());
      const from = year('--from', flags.from);
      const to = year('--to', flags.to);
      const draws = Number(flags.draws);
      if (!Number.isInteger(draws) || draws < 2 || draws > 100000)
        throw new InputError(
          'bad-draws',
          `--draws: "${flags.draws}" must be a whole number from 2 to 100000, e.g. 499`,
          'draws',
        );
      const command = reproduce(flags);
      if (flags.model === 'demand') {
        if (flags.input !== undefined)
          throw new InputError(
            'bad-usage',
            '--input works with --model richardson; the demand panel is built from the embedded data',
          );
        const countries = flags.countries?.split(',').map((c) => c.trim().toUpperCase());
        const fit = fitDemand(dataset, {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(countries ? { countries } : {}),
          draws,
          seed: Number(flags.seed),
        });
        if (flags.writeDefaults) {
          writeFileSync(FITTED_FILE, `${JSON.stringify(toFitted(fit, `${command} --write-defaults`), null, 2)}\n`);
        }
        if (flags.format === 'json')
          return print(
            JSON.stringify(
              {
                command,
                ...fit,
                regression: { terms: fit.regression.terms, rSquared: fit.regression.rSquared, n: fit.regression.n },
              },
              null,
              2,
            ),
          );
        print(demandTable(fit, command));
        if (flags.writeDefaults) print(`Wrote ${FITTED_FILE}; run npm run build to bundle it.`);
        return;
      }
      if (flags.writeDefaults)
        throw new InputError(
          'bad-usage',
          '--write-defaults works with --model demand, whose parameters the simulator uses',
        );
      const names = flags.countries?.split(',').map((c) => c.trim()) ?? (flags.input ? [] : ['NATO', 'RUS']);
      const series = namedSeries(dataset, names, flags.input, from, to);
      const options = { ...(from ? { from } : {}), ...(to ? { to } : {}), midpoint: flags.midpoint ?? false };
      const fit = flags.sum ? fitRichardsonSum(series, options) : fitRichardson(series, options);
      if (flags.format === 'json') return print(JSON.stringify({ command, ...fit }, null, 2));
      print(fit.form === 'sum' ? sumTable(fit, command) : richardsonTable(fit, command));
    });
}

function toFitted(fit: DemandFit, command: string): FittedDefaults {
  const p = (e: DemandFit['speed']) => ({
    estimate: e.estimate,
    standard_error: e.standardError,
    lower: e.lower,
    upper: e.upper,
  });
  const column = (k: number) =>
    Array.from({ length: fit.bootstrap.draws }, (_, r) => fit.bootstrap.replications[r * 5 + k] as number);
  return {
    command,
    model: 'demand',
    data: { burdens: fit.source, gdp: 'wdi-2026-02' },
    span: fit.span,
    observations: fit.observations,
    countries: fit.countries,
    parameters: {
      speed: p(fit.speed),
      elasticity: p(fit.elasticity),
      elasticity_RUS: p(fit.elasticityRussia),
      spill_in: p(fit.spillIn),
    },
    draws: { speed: column(0), elasticity: column(1), elasticity_RUS: column(2), spill_in: column(3) },
    caveats: fit.caveats,
  };
}

const termRows = (
  terms: readonly { name: string; estimate: number; standardError: number; lower: number; upper: number; p: number }[],
) =>
  formatTable(
    [
      { header: 'term', cell: (t: (typeof terms)[number]) => t.name },
      { header: 'estimate', align: 'right', cell: (t: (typeof terms)[number]) => fixed(t.estimate, 4) },
      { header: 'std. error', align: 'right', cell: (t: (typeof terms)[number]) => fixed(t.standardError, 4) },
      {
        header: '95 % interval',
        align: 'right',
        cell: (t: (typeof terms)[number]) => `[${fixed(t.lower, 4)}, ${fixed(t.upper, 4)}]`,
      },
      { header: 'p', align: 'right', cell: (t: (typeof terms)[number]) => fixed(t.p, 4) },
    ],
    terms,
  );

function richardsonTable(fit: RichardsonFit, command: string): string {
  const lines = [
    `Richardson model by OLS on annual differences, ${fit.span[0]}–${fit.span[1]}${fit.midpoint ? ', mid-year levels' : ''}; levels in USD bn (constant prices) unless your file says otherwise`,
  ];
  for (const [i, eq] of fit.equations.entries()) {
    lines.push(
      '',
      `Δ${fit.names[i]}  (n ${eq.n}, R² ${eq.rSquared.toFixed(3)}, Durbin–Watson ${eq.durbinWatson.toFixed(2)})`,
      termRows(eq.terms),
    );
  }
  const N = fit.names.length;
  lines.push(
    '',
    'Implied model: ' +
      fit.names
        .map(
          (name, i) =>
            `a(${name}) = ${fixed(fit.fatigueRate[i], 4)}, g(${name}) = ${fixed(fit.grievance[i], 3)}, ` +
            fit.names
              .filter((_, j) => j !== i)
              .map((o) => `k(${name}←${o}) = ${fixed(fit.reactionMatrix[i * N + fit.names.indexOf(o)], 4)}`)
              .join(', '),
        )
        .join('; '),
    `Equilibrium: ${fit.equilibrium === null ? 'none (R − A singular)' : fit.equilibrium.map((x, i) => `${fit.names[i]} ${x.toFixed(1)}`).join(', ')}; stability margin ${fit.stability.margin.toFixed(4)} → ${fit.stability.stable ? 'stable' : 'unstable (a runaway race, or a trend the model reads as one)'}`,
    `Reproduce: ${command}`,
  );
  return lines.join('\n');
}

function sumTable(fit: RichardsonSumFit, command: string): string {
  return [
    `Two-bloc sum form Δ(x+y) = c·(x + y − e), ${fit.names.join(' + ')}, ${fit.span[0]}–${fit.span[1]}${fit.midpoint ? ', mid-year levels' : ''}`,
    '',
    termRows(fit.regression.terms),
    '',
    `c = ${fit.c.estimate.toFixed(4)} (s.e. ${fit.c.standardError.toFixed(4)}, 95 % [${fit.c.lower.toFixed(4)}, ${fit.c.upper.toFixed(4)}]) — ${fit.c.estimate > 0 ? 'positive: the sum grows away from e' : 'negative: the sum returns toward e'}`,
    `e = ${fit.e.estimate.toFixed(1)} (delta-method s.e. ${fit.e.standardError.toFixed(1)}); n ${fit.regression.n}, R² ${fit.regression.rSquared.toFixed(3)}, Durbin–Watson ${fit.regression.durbinWatson.toFixed(2)}`,
    `Reproduce: ${command}`,
  ].join('\n');
}

function demandTable(fit: DemandFit, command: string): string {
  const rows = [
    ['speed λ = 1 − ρ (1/years)', fit.speed],
    ['threat elasticity ε (allies, BLR, UKR)', fit.elasticity],
    ['threat elasticity ε of Russia', fit.elasticityRussia],
    ['spill-in elasticity η', fit.spillIn],
    ['war term (log points)', fit.war],
  ] as const;
  return [
    `Alliance-demand panel with country fixed effects, ${fit.span[0]}–${fit.span[1]}: ${fit.observations} country-years, ${fit.countries.length} countries (${fit.source}); cluster bootstrap ${fit.bootstrap.draws} draws (${fit.bootstrap.failedDraws} failed)`,
    '',
    formatTable(
      [
        { header: 'term', cell: (k: number) => fit.regression.names[k] as string },
        { header: 'estimate', align: 'right', cell: (k: number) => fixed(fit.regression.coefficients[k], 4) },
        { header: 'std. error', align: 'right', cell: (k: number) => fixed(fit.regression.standardErrors[k], 4) },
        {
          header: 'clustered s.e.',
          align: 'right',
          cell: (k: number) => fixed(fit.regression.clusterStandardErrors[k], 4),
        },
        { header: 'p (classic)', align: 'right', cell: (k: number) => fixed(fit.regression.pValues[k], 4) },
      ],
      fit.regression.names.map((_, k) => k),
    ),
    `(clustered s.e.: CR1 by country; within R² ${fit.regression.rSquared.toFixed(3)}; the model parameters below carry bootstrap intervals)`,
    '',
    formatTable(
      [
        { header: 'model parameter', cell: (r: (typeof rows)[number]) => r[0] },
        { header: 'estimate', align: 'right', cell: (r: (typeof rows)[number]) => fixed(r[1].estimate, 3) },
        { header: 'bootstrap s.e.', align: 'right', cell: (r: (typeof rows)[number]) => fixed(r[1].standardError, 3) },
        {
          header: '95 % percentile interval',
          align: 'right',
          cell: (r: (typeof rows)[number]) => `[${fixed(r[1].lower, 3)}, ${fixed(r[1].upper, 3)}]`,
        },
      ],
      rows,
    ),
    '',
    'Caveats:',
    ...fit.caveats.map((c) => `  - ${c}`),
    `Reproduce: ${command}`,
  ].join('\n');
}
