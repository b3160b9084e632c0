import { Command, Option } from 'commander';
import { CSV_DECIMALS, roundSignificant, roundTo } from '../core/csv-precision.js';
import { rankedFactors, type ScenarioSensitivity, scenarioSensitivity } from '../core/ensemble/scenario-sensitivity.js';
import { InputError } from '../core/errors.js';
import { ScenarioError } from '../core/scenario/parse-scenario.js';
import { readScenario, withFile } from '../node/scenario-file.js';
import { datasetFor, type GlobalOptions, type OutputFile, print, requireOut, writeOutputs } from './context.js';
import { progressBar } from './ensemble.js';
import { fixed, formatTable, toCsv } from './format.js';

interface SensitivityFlags {
  method: 'sobol' | 'morris';
  samples?: string;
  output: string;
  year?: string;
  seed: string;
  format: string;
  out?: string;
  chart?: 'svg' | 'png';
}

/** `armsrace sensitivity`: which uncertain assumptions drive an output. */
export function sensitivityCommand(globals: () => GlobalOptions): Command {
  return new Command('sensitivity')
    .description(
      "Rank a scenario's uncertain parameters by their effect on one output: Sobol' indices (Saltelli sampling, Jansen) or Morris screening",
    )
    .argument('<scenario>', 'scenario file or preset with an ensemble.uncertain block')
    .addOption(new Option('--method <method>', 'sobol or morris').choices(['sobol', 'morris']).default('sobol'))
    .option('--samples <n>', 'Sobol base samples N (default 1024; runs N·(k+2)) or Morris trajectories (default 20)')
    .option(
      '--output <series>',
      'the output: RUS.burden, NATO.burden, NATO.spending, balance, allies_at_3.5 …',
      'RUS.burden',
    )
    .option('--year <year>', 'year of the output (default: the last simulated year)')
    .option('--seed <n>', 'seed of the bootstrap and of Morris trajectories', '1')
    .option('--format <format>', 'table or json', 'table')
    .option('--out <dir>', 'write sensitivity.csv (and the chart) here')
    .addOption(
      new Option(
        '--chart <format>',
        'also render the bar chart of the indices, with their intervals, into --out',
      ).choices(['svg', 'png']),
    )
    .addHelpText(
      'after',
      `
Examples:
  armsrace sensitivity my.yaml --output RUS.burden --year 2035
  armsrace sensitivity my.yaml --method morris --samples 40 --output NATO.spending
  armsrace sensitivity my.yaml --samples 256 --out results --chart png

with, in my.yaml:
  ensemble:
    uncertain:
      response.RUS.elasticity: { uniform: [0.5, 5] }
      response.default.spill_in: { uniform: [0, 3] }
      war.RUS.until: { uniform: [2026, 2032] }`,
    )
    .action(async (scenarioArg: string, flags: SensitivityFlags) => {
      const samples = flags.samples === undefined ? undefined : Number(flags.samples);
      if (samples !== undefined && !(Number.isInteger(samples) && samples >= 2 && samples <= 65536)) {
        throw new InputError(
          'bad-option',
          `--samples: "${flags.samples}" must be a whole number from 2 to 65536, e.g. 1024`,
          'samples',
        );
      }
      requireOut(flags.chart, flags.out);
      const year = flags.year === undefined ? undefined : Number(flags.year);
      if (year !== undefined && !Number.isInteger(year))
        throw new InputError('bad-year', `--year: "${flags.year}" is not a year; e.g. 2035`, 'year');
      const dataset = await datasetFor(globals());
      const { input, path } = readScenario(scenarioArg);
      const bar = progressBar('model runs');
      let analysis: ReturnType<typeof scenarioSensitivity>;
      try {
        analysis = scenarioSensitivity(input, dataset, {
          method: flags.method,
          output: flags.output,
          seed: Number(flags.seed),
          ...(samples !== undefined ? { samples } : {}),
          ...(year !== undefined ? { year } : {}),
          onProgress: bar.update,
        });
      } catch (error) {
        if (error instanceof ScenarioError) throw withFile(error, path);
        throw error;
      } finally {
        bar.stop();
      }
      print(flags.format === 'json' ? JSON.stringify(analysis, typedArraysAsLists, 2) : sensitivityTable(analysis));
      if (flags.out !== undefined) {
        const files: OutputFile[] = [{ name: 'sensitivity.csv', content: sensitivityCsv(analysis) }];
        if (flags.chart !== undefined) {
          const { renderSensitivityChart } = await import('../node/render-ensemble-charts.js');
          const chart = renderSensitivityChart(analysis, { format: flags.chart });
          files.push({ name: chart.file, content: chart.content });
        }
        await writeOutputs(flags.out, files);
      }
    });
}

/** JSON of typed arrays as lists (JSON.stringify writes them as objects keyed by index). */
function typedArraysAsLists(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView)
    ? Array.from(value as unknown as ArrayLike<number>)
    : value;
}

/** The ranked table, with the bootstrap intervals (Sobol') or μ, σ (Morris), and how to read it. */
function sensitivityTable(analysis: ScenarioSensitivity): string {
  const ranked = rankedFactors(analysis);
  const r = analysis.result;
  const head = `Sensitivity of ${analysis.output} in ${analysis.year} — ${r.method === 'sobol' ? `Sobol' indices, N = ${r.baseSamples}` : `Morris screening, ${r.trajectories} trajectories`}, ${r.modelRuns.toLocaleString('en-US')} model runs`;
  if (ranked.method === 'sobol') {
    const r = ranked.result;
    const rows = ranked.factors;
    const bar20 = (v: number) => '█'.repeat(Math.max(0, Math.round(20 * Math.min(1, v))));
    return [
      head,
      '',
      formatTable(
        [
          { header: 'parameter', cell: (x: (typeof rows)[number]) => x.factor },
          {
            header: 'first order S',
            align: 'right',
            cell: (x) => `${fixed(x.first.estimate, 3)} [${fixed(x.first.low, 3)}, ${fixed(x.first.high, 3)}]`,
          },
          {
            header: 'total S_T',
            align: 'right',
            cell: (x) => `${fixed(x.total.estimate, 3)} [${fixed(x.total.low, 3)}, ${fixed(x.total.high, 3)}]`,
          },
          { header: 'S_T', cell: (x) => bar20(x.total.estimate) },
        ],
        rows,
      ),
      '',
      `Intervals: ${Math.round(100 * r.confidence)} % bootstrap (${r.bootstrap} resamples). S: share of the output's variance due to the parameter alone; S_T: including its interactions.`,
      ...r.notes.map((n) => `Note: ${n}`),
    ].join('\n');
  }
  const rows = ranked.factors;
  return [
    head,
    '',
    formatTable(
      [
        { header: 'parameter', cell: (x: (typeof rows)[number]) => x.factor },
        { header: 'μ* (mean |effect|)', align: 'right', cell: (x) => fixed(x.muStar, 5) },
        { header: 'μ', align: 'right', cell: (x) => fixed(x.mu, 5) },
        { header: 'σ', align: 'right', cell: (x) => fixed(x.sigma, 5) },
      ],
      rows,
    ),
    '',
    'Effects in output units over each parameter’s range; σ large against μ*: the parameter acts through interactions or non-linearly.',
    ...ranked.result.notes.map((n) => `Note: ${n}`),
  ].join('\n');
}

/** The table as CSV: per parameter, its indices and interval bounds (Sobol') or μ*, μ and σ (Morris). */
function sensitivityCsv(analysis: ScenarioSensitivity): string {
  const ranked = rankedFactors(analysis);
  const common = { output: analysis.output, year: analysis.year, method: ranked.method };
  // Indices (shares of variance) to 4 decimals; Morris's effects are in the output's unit: 6 significant digits.
  const index = (v: number) => roundTo(v, CSV_DECIMALS.ratio);
  if (ranked.method === 'sobol') {
    return toCsv(
      ranked.factors.map((f) => ({
        ...common,
        parameter: f.factor,
        first_order: index(f.first.estimate),
        first_order_low: index(f.first.low),
        first_order_high: index(f.first.high),
        total: index(f.total.estimate),
        total_low: index(f.total.low),
        total_high: index(f.total.high),
        confidence: ranked.result.confidence,
      })),
    );
  }
  return toCsv(
    ranked.factors.map((f) => ({
      ...common,
      parameter: f.factor,
      mu_star: roundSignificant(f.muStar),
      mu: roundSignificant(f.mu),
      sigma: roundSignificant(f.sigma),
    })),
  );
}
