import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { Dataset } from '../core/data/dataset.js';
import { InputError } from '../core/errors.js';
import type { StructuralEstimate } from '../core/fit/fit-allies.js';
import {
  DEMAND_SPECIFICATIONS,
  type DemandFit,
  type DemandSpecificationId,
  fitDemand,
  SPECIFICATION_LABELS,
} from '../core/fit/fit-demand.js';
import {
  fitRichardson,
  fitRichardsonSum,
  type RichardsonFit,
  type RichardsonSumFit,
} from '../core/fit/fit-richardson.js';
import { spendingSeries } from '../core/fit/named-series.js';
import type { YearSeries } from '../core/fit/year-series.js';
import { fittedDefaults } from '../core/validate/fitted-defaults.js';
import { readSeriesCsv } from '../node/series-csv.js';
import { datasetFor, type GlobalOptions, print } from './context.js';
import { progressBar } from './ensemble.js';
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
  specification?: string;
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
  const source = dataset.latestEdition('sipri-', 'milex_usd_constant');
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
  if (flags.model === 'demand' && flags.specification) parts.push(`--specification ${flags.specification}`);
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
    .addOption(
      new Option(
        '--specification <id>',
        'demand: which responses to fit (default: the validated choice of data/fitted.json, else exposure)',
      ).choices([...DEMAND_SPECIFICATIONS]),
    )
    .option('--draws <n>', 'demand: bootstrap replications (allies by country, Russia wild)', '499')
    .option('--seed <n>', 'demand: bootstrap seed', '1')
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json']).default('table'))
    .option(
      '--write-defaults',
      "demand: validate every specification out of sample, choose the default by that test among those whose responses keep the default scenario and the status quo stable to 2049, and write data/fitted.json (the simulator's default responses)",
    )
    .addHelpText(
      'after',
      `
Examples:
  armsrace fit                                        Richardson, NATO against Russia, 1993 to the last year
  armsrace fit --sum --midpoint --from 1993 --to 2021
  armsrace fit --countries USA,RUS --from 2000
  armsrace fit --input mydata.csv --countries A,B     your own series
  armsrace fit --model demand                         the default responses: allies' panel and Russia's own equation
  armsrace fit --model demand --to 2014 --draws 99    the same on data up to 2014 (any end from 2005 on)
  armsrace fit --model demand --specification exposure   the allies' threat response by exposure to Russia
  armsrace fit --model demand --write-defaults        validate, choose and write data/fitted.json`,
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
        if (flags.writeDefaults) {
          if (from !== undefined || to !== undefined || countries !== undefined || flags.specification !== undefined)
            throw new InputError(
              'bad-usage',
              '--write-defaults fits the default span, countries and the validated specification; drop --from, --to, --countries and --specification',
            );
          const bar = progressBar('validation origins');
          const run = fittedDefaults(dataset, {
            draws,
            seed: Number(flags.seed),
            command: `${command} --write-defaults`,
            onProgress: (stage, done, total) => (stage === 'validation' ? bar.update(done, total) : undefined),
          });
          bar.stop();
          writeFileSync(FITTED_FILE, `${JSON.stringify(run.fitted, null, 2)}\n`);
          print(demandTable(run.fit, command));
          print(`\nChosen by the out-of-sample test: ${run.selection.reason}`);
          print(`Wrote ${FITTED_FILE}; run npm run build to bundle it.`);
          return;
        }
        const committed = dataset.data.fitted?.selection.specification;
        const specification = (flags.specification ??
          (DEMAND_SPECIFICATIONS.includes(committed as DemandSpecificationId)
            ? committed
            : 'exposure')) as DemandSpecificationId;
        const fit = fitDemand(dataset, {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(countries ? { countries } : {}),
          draws,
          seed: Number(flags.seed),
          specification,
        });
        if (flags.format === 'json')
          return print(
            JSON.stringify(
              {
                command,
                specification: fit.specification,
                span: fit.span,
                source: fit.source,
                countries: fit.countries,
                excluded: fit.excluded,
                observations: fit.observations,
                allies: fit.allies && {
                  terms: fit.allies.regression.terms.filter((t) => !t.name.startsWith('year ')),
                  yearEffects: fit.allies.regression.terms.filter((t) => t.name.startsWith('year ')).length,
                  rSquared: fit.allies.regression.rSquared,
                  n: fit.allies.regression.n,
                  speed: fit.allies.speed,
                  threat: fit.allies.threat,
                  spillIn: fit.allies.spillIn,
                },
                russia: fit.russia && {
                  terms: fit.russia.regression.terms,
                  n: fit.russia.regression.n,
                  speed: fit.russia.speed,
                  elasticity: fit.russia.elasticity,
                  hac: fit.russia.hac,
                },
                pooled: fit.pooled && {
                  terms: fit.pooled.regression.terms,
                  speed: fit.pooled.speed,
                  elasticity: fit.pooled.elasticity,
                  elasticityRussia: fit.pooled.elasticityRussia,
                  spillIn: fit.pooled.spillIn,
                },
                exposure: fit.exposure,
                responses: fit.responses,
                warnings: fit.warnings,
                caveats: fit.caveats,
              },
              null,
              2,
            ),
          );
        print(demandTable(fit, command));
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

type Row = readonly [string, StructuralEstimate, number | undefined];

function parameterTable(rows: readonly Row[]): string {
  return formatTable(
    [
      { header: 'model parameter', cell: (r: Row) => r[0] },
      { header: 'estimate (FE)', align: 'right', cell: (r: Row) => fixed(r[1].estimate, 3) },
      { header: 'bias-corrected', align: 'right', cell: (r: Row) => fixed(r[1].biasCorrected, 3) },
      { header: 'bootstrap s.e.', align: 'right', cell: (r: Row) => fixed(r[1].standardError, 3) },
      {
        header: '95 % interval',
        align: 'right',
        cell: (r: Row) => `[${fixed(r[1].lower, 3)}, ${fixed(r[1].upper, 3)}]`,
      },
      { header: 'HAC s.e.', align: 'right', cell: (r: Row) => fixed(r[2] ?? null, 3) },
    ],
    rows,
  );
}

function demandTable(fit: DemandFit, command: string): string {
  const lines = [
    `Alliance-demand responses, specification ${fit.specification}: ${SPECIFICATION_LABELS[fit.specification]}`,
    `${fit.span[0]}–${fit.span[1]}, ${fit.source}; ${fit.observations} country-years`,
  ];
  const a = fit.allies;
  if (a !== undefined) {
    const shown = a.regression.terms.filter((t) => !t.name.startsWith('year '));
    const years = a.regression.terms.length - shown.length;
    lines.push(
      '',
      `Allies' equation: ${a.observations} ally-years of ${a.countries.length} allies, ${a.years[0]}–${a.years[1]}, country fixed effects${years > 0 ? ` and ${years} year effects` : ''}; within R² ${a.regression.rSquared.toFixed(3)}; cluster bootstrap by country, ${a.bootstrap?.draws ?? 0} draws`,
      termRows(
        shown.map((t) => ({
          ...t,
          standardError: a.regression.clusterStandardErrors[a.regression.names.indexOf(t.name)] as number,
        })),
      ),
      '(standard errors clustered by country, CR1)',
    );
  }
  const r = fit.russia;
  if (r !== undefined) {
    lines.push(
      '',
      `Russia's own equation: ${r.observations} years, ${r.years[0]}–${r.years[1]}, OLS${r.war ? ' with a war term' : ''}; R² ${r.regression.rSquared.toFixed(3)}, Durbin–Watson ${r.regression.durbinWatson.toFixed(2)}; wild bootstrap on its own residuals, ${r.draws} draws`,
      termRows(r.regression.terms),
    );
  }
  const rows: Row[] = [];
  if (a !== undefined) {
    rows.push(["allies' speed λ (1/years)", a.speed, undefined]);
    if (a.specification.threat !== 'none')
      rows.push([
        a.specification.threat === 'exposure' ? "allies' threat ε per unit of exposure" : "allies' threat ε",
        a.threat,
        undefined,
      ]);
    if (a.specification.spillIn) rows.push(["allies' spill-in η", a.spillIn, undefined]);
  }
  if (r !== undefined) {
    rows.push(["Russia's speed λ_R (1/years)", r.speed, r.hac.speed]);
    rows.push(["Russia's threat ε_R", r.elasticity, r.hac.elasticity]);
  }
  const p = fit.pooled;
  if (p !== undefined) {
    const pooled = (e: {
      estimate: number;
      standardError: number;
      lower: number;
      upper: number;
    }): StructuralEstimate => ({
      ...e,
      biasCorrected: null,
    });
    lines.push('', 'Pooled panel (no year effects):', termRows(p.regression.terms));
    rows.push(['speed λ', pooled(p.speed), undefined], ['ε (all but Russia)', pooled(p.elasticity), undefined]);
    rows.push(["Russia's ε", pooled(p.elasticityRussia), undefined], ['spill-in η', pooled(p.spillIn), undefined]);
  }
  lines.push('', parameterTable(rows));
  if (a?.specification.threat === 'exposure') {
    const top = Object.entries(fit.responses)
      .filter(([c]) => c !== 'RUS')
      .sort((x, y) => y[1].elasticity - x[1].elasticity)
      .slice(0, 5);
    lines.push(
      `Each ally's ε is the response per unit of exposure times its exposure exp(−d/1500 km): ${top.map(([c, v]) => `${c} ${v.elasticity.toFixed(2)}`).join(', ')} … USA ${fit.responses.USA?.elasticity.toFixed(2) ?? '–'}`,
    );
  }
  lines.push(
    `Bias-corrected: half-panel jackknife (Dhaene & Jochmans 2015). Countries used: ${fit.countries.join(' ')}`,
    ...fit.excluded.map((e) => `Left out: ${e.iso3} (${e.reason})`),
  );
  if (fit.warnings.length > 0) lines.push('', 'Warnings:', ...fit.warnings.map((w) => `  - ${w}`));
  lines.push('', 'Caveats:', ...fit.caveats.map((c) => `  - ${c}`), `Reproduce: ${command}`);
  return lines.join('\n');
}
