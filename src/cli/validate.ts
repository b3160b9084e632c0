import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../core/errors.js';
import { DEMAND_SPECIFICATIONS, type DemandSpecificationId } from '../core/fit/fit-demand.js';
import { specificationStability } from '../core/validate/fitted-defaults.js';
import { type Selection, selectSpecification } from '../core/validate/select-specification.js';
import { FORECASTERS, GROUPS, type Validation, validateForecasts } from '../core/validate/validate-forecasts.js';
import { datasetFor, type GlobalOptions, type OutputFile, print, requireOut, writeOutputs } from './context.js';
import { progressBar } from './ensemble.js';
import { fixed, formatTable } from './format.js';

interface ValidateFlags {
  from: string;
  to: string;
  horizons: string;
  intervals: string;
  specification?: DemandSpecificationId;
  all?: boolean;
  format: 'table' | 'csv' | 'json';
  out?: string;
  chart?: 'svg' | 'png';
}

const whole = (flag: string, text: string, lo: number, hi: number, example: string) => {
  const v = Number(text);
  if (!Number.isInteger(v) || v < lo || v > hi)
    throw new InputError(
      'bad-option',
      `${flag}: "${text}" must be a whole number from ${lo} to ${hi}, e.g. ${example}`,
      flag,
    );
  return v;
};

/** `armsrace validate`: the out-of-sample test every default must pass. */
export function validateCommand(globals: () => GlobalOptions): Command {
  return new Command('validate')
    .description(
      'Refit the demand model at rolling origins and score its forecasts 1–10 years ahead against a random walk, pledge-only and country trends',
    )
    .option('--from <year>', 'first origin (the last year of data a refit sees)', '2008')
    .option('--to <year>', 'last origin', '2021')
    .option('--horizons <n>', 'longest horizon, years', '10')
    .option('--intervals <n>', "bootstrap draws per origin for the coverage of the model's ensemble (0: none)", '49')
    .addOption(
      new Option('--specification <id>', 'the responses scored as "model" (default: the committed choice)').choices([
        ...DEMAND_SPECIFICATIONS,
      ]),
    )
    .option(
      '--all',
      'also score every specification, check that its responses keep the baselines stable to 2049, and show how the default is chosen',
    )
    .addOption(new Option('--format <format>', 'output').choices(['table', 'csv', 'json']).default('table'))
    .option('--out <dir>', 'write validation.csv (and the chart) here')
    .addOption(
      new Option('--chart <format>', 'render the chart of skill by horizon into --out').choices(['svg', 'png']),
    )
    .addHelpText(
      'after',
      `
Examples:
  armsrace validate                                   the default responses, origins 2008–2021, horizons 1–10
  armsrace validate --all                             every specification tried, and the choice of the default
  armsrace validate --specification exposure          score another specification as "model"
  armsrace validate --format json > validation.json
  armsrace validate --out results --chart png         validation.csv and forecast-skill.png`,
    )
    .action(async (flags: ValidateFlags) => {
      requireOut(flags.chart, flags.out);
      const dataset = await datasetFor(globals());
      const from = whole('--from', flags.from, 2005, 2100, '2008');
      const to = whole('--to', flags.to, 2005, 2100, '2021');
      if (to < from)
        throw new InputError('bad-option', `--to: ${to} is before --from ${from}; give a later year`, 'to');
      const horizons = whole('--horizons', flags.horizons, 1, 20, '10');
      const intervalDraws = whole('--intervals', flags.intervals, 0, 999, '49');
      if (intervalDraws === 1)
        throw new InputError(
          'bad-option',
          '--intervals: 1 draw makes no interval; use 0 or at least 2, e.g. 49',
          'intervals',
        );
      const bar = progressBar('origins');
      let v: Validation;
      try {
        v = validateForecasts(dataset, {
          origins: Array.from({ length: to - from + 1 }, (_, k) => from + k),
          horizons,
          ...(flags.specification ? { specification: flags.specification } : {}),
          compareSpecifications: flags.all ?? false,
          intervalDraws,
          onProgress: bar.update,
        });
      } finally {
        bar.stop();
      }
      if (flags.format === 'json') print(JSON.stringify(validationJson(v), null, 2));
      else if (flags.format === 'csv') print(validationCsv(v).trimEnd());
      else
        print(
          validationTable(
            v,
            flags,
            flags.all ? selectSpecification(v, { stability: specificationStability(dataset).stability }) : undefined,
          ),
        );
      if (flags.out !== undefined) {
        const files: OutputFile[] = [{ name: 'validation.csv', content: validationCsv(v) }];
        if (flags.chart !== undefined) {
          const { renderSkillChart } = await import('../node/render-ensemble-charts.js');
          const chart = renderSkillChart(v, { format: flags.chart });
          files.push({ name: chart.file, content: chart.content });
        }
        await writeOutputs(flags.out, files);
      }
    });
}

/** The JSON of the validation: horizons, then per forecaster and group `rmse`, `mase`, `n` by horizon. */
export function validationJson(v: Validation): Record<string, unknown> {
  const round = (xs: readonly number[]) => xs.map((x) => (Number.isFinite(x) ? Number(x.toFixed(4)) : null));
  const out: Record<string, unknown> = { horizons: v.horizons };
  for (const f of FORECASTERS)
    out[f] = Object.fromEntries(
      GROUPS.map((g) => [
        g,
        { rmse: round(v.scores[f][g].rmse), mase: round(v.scores[f][g].mase), n: v.scores[f][g].n },
      ]),
    );
  out.diebold_mariano = Object.fromEntries(
    Object.entries(v.dieboldMariano).map(([f, byGroup]) => [
      f,
      Object.fromEntries(GROUPS.map((g) => [g, { statistic: round(byGroup[g].statistic), p: round(byGroup[g].p) }])),
    ]),
  );
  if (v.coverage !== undefined)
    out.coverage = Object.fromEntries(
      GROUPS.map((g) => [
        g,
        {
          inside_50: round((v.coverage as NonNullable<Validation['coverage']>)[g].inside50),
          inside_90: round((v.coverage as NonNullable<Validation['coverage']>)[g].inside90),
          n: (v.coverage as NonNullable<Validation['coverage']>)[g].n,
        },
      ]),
    );
  out.specification = v.specification;
  out.origins = v.origins;
  out.source = v.source;
  if (Object.keys(v.specifications).length > 0)
    out.specifications = Object.fromEntries(
      Object.entries(v.specifications).map(([s, byGroup]) => [
        s,
        Object.fromEntries(GROUPS.map((g) => [g, { rmse: round(byGroup[g].rmse), n: byGroup[g].n }])),
      ]),
    );
  out.notes = v.notes;
  return out;
}

/** One row per forecaster, group and horizon: RMSE (pp), MASE, n, RMSE over the random walk's, DM. */
export function validationCsv(v: Validation): string {
  const rows: (string | number)[][] = [
    [
      'forecaster',
      'group',
      'horizon_years',
      'rmse_pp_of_gdp',
      'mase',
      'n',
      'rmse_over_random_walk',
      'dm_statistic',
      'dm_p',
    ],
  ];
  for (const f of FORECASTERS)
    for (const g of GROUPS)
      v.horizons.forEach((h, k) => {
        const s = v.scores[f][g];
        const rw = v.scores.random_walk[g].rmse[k] as number;
        const dm = f === 'random_walk' ? undefined : v.dieboldMariano[f][g];
        const r4 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : x.toFixed(4));
        rows.push([
          f,
          g,
          h,
          r4(s.rmse[k]),
          r4(s.mase[k]),
          s.n[k] as number,
          r4((s.rmse[k] as number) / rw),
          r4(dm?.statistic[k]),
          r4(dm?.p[k]),
        ]);
      });
  return stringify(rows);
}

function validationTable(v: Validation, flags: ValidateFlags, sel: Selection | undefined): string {
  const lines = [
    `Out-of-sample validation of the demand model (${v.specification}): origins ${v.origins[0]}–${v.origins[v.origins.length - 1]}, horizons 1–${v.horizons.length}, ${v.source}`,
  ];
  for (const g of GROUPS) {
    const rw = v.scores.random_walk[g];
    const m = v.scores.model[g];
    const dm = v.dieboldMariano.model[g];
    const ratio = (f: (typeof FORECASTERS)[number], k: number) =>
      fixed((v.scores[f][g].rmse[k] as number) / (rw.rmse[k] as number), 2);
    lines.push(
      '',
      g === 'allies' ? 'Allies (pooled; the allies of each origin year)' : 'Russia',
      formatTable(
        [
          { header: 'h', align: 'right', cell: (k: number) => String(v.horizons[k]) },
          { header: 'n', align: 'right', cell: (k: number) => String(m.n[k]) },
          { header: 'RMSE model', align: 'right', cell: (k: number) => fixed(m.rmse[k], 3) },
          { header: 'RMSE random walk', align: 'right', cell: (k: number) => fixed(rw.rmse[k], 3) },
          { header: 'model/RW', align: 'right', cell: (k: number) => ratio('model', k) },
          { header: 'pledge-only/RW', align: 'right', cell: (k: number) => ratio('pledge_only', k) },
          { header: 'trend/RW', align: 'right', cell: (k: number) => ratio('trend', k) },
          { header: 'MASE model', align: 'right', cell: (k: number) => fixed(m.mase[k], 2) },
          { header: 'MASE RW', align: 'right', cell: (k: number) => fixed(rw.mase[k], 2) },
          { header: 'DM vs RW', align: 'right', cell: (k: number) => fixed(dm.statistic[k], 2) },
          { header: 'p', align: 'right', cell: (k: number) => fixed(dm.p[k], 3) },
          ...(v.coverage === undefined
            ? []
            : [
                {
                  header: 'in 50 %',
                  align: 'right' as const,
                  cell: (k: number) => fixed(v.coverage?.[g].inside50[k], 2),
                },
                {
                  header: 'in 90 %',
                  align: 'right' as const,
                  cell: (k: number) => fixed(v.coverage?.[g].inside90[k], 2),
                },
              ]),
        ],
        v.horizons.map((_, k) => k),
      ),
    );
  }
  lines.push(
    '',
    '(RMSE in percentage points of GDP; model/RW below 1: better than the random walk; DM: Diebold–Mariano with the HLN correction, negative favours the model)',
  );
  if (sel !== undefined) {
    lines.push(
      '',
      "Specifications tried: RMSE over the random walk's, mean over horizons (and at 1, 5, 10 years)",
      formatTable(
        [
          { header: 'specification', cell: (s: (typeof sel.scores)[number]) => s.specification },
          { header: 'allies', align: 'right', cell: (s) => fixed(s.alliesMean, 3) },
          {
            header: 'allies h1/h5/h10',
            align: 'right',
            cell: (s) => [0, 4, 9].map((k) => fixed(s.allies[k], 2)).join(' / '),
          },
          { header: 'Russia', align: 'right', cell: (s) => fixed(s.russiaMean, 3) },
          {
            header: 'Russia h1/h5/h10',
            align: 'right',
            cell: (s) => [0, 4, 9].map((k) => fixed(s.russia[k], 2)).join(' / '),
          },
          { header: 'score', align: 'right', cell: (s) => fixed(s.score, 3) },
          {
            header: 'stable to the end (worst margin)',
            cell: (s) =>
              s.stability === undefined
                ? '–'
                : `${s.stability.stable ? 'yes' : 'no'} (${s.stability.worst.margin >= 0 ? '+' : ''}${fixed(s.stability.worst.margin, 3)}/yr, ${s.stability.worst.scenario} ${s.stability.worst.year})`,
          },
          { header: 'admissible', cell: (s) => (s.admissible ? 'yes' : 'no') },
        ],
        sel.scores,
      ),
      `Choice: ${sel.reason}`,
      `Rule: ${sel.rule}.`,
    );
  }
  lines.push(
    '',
    'Notes:',
    ...v.notes.map((n) => `  - ${n}`),
    `Reproduce: armsrace validate${flags.all ? ' --all' : ''}`,
  );
  return lines.join('\n');
}
