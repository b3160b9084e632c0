import { Command, Option } from 'commander';
import { headline } from '../core/analyze/headline.js';
import { boundsReached, validationSentence } from '../core/analyze/run-notices.js';
import { roundSignificant } from '../core/csv-precision.js';
import type { Dataset } from '../core/data/dataset.js';
import type { FittedDefaults } from '../core/data/fitted.js';
import { InputError } from '../core/errors.js';
import type { KernelChoice } from '../core/model/annual-means.js';
import { stabilityText } from '../core/model/stability.js';
import { outputSeries } from '../core/outputs/series.js';
import { resultRecords } from '../core/result-records.js';
import { runScenario, type ScenarioResult } from '../core/run-scenario.js';
import { ScenarioError } from '../core/scenario/parse-scenario.js';
import type { SimulationResult } from '../core/simulate.js';
import type { RichardsonRun } from '../core/simulate-richardson.js';
import { readScenario, withFile } from '../node/scenario-file.js';
import { datasetFor, type GlobalOptions, type OutputFile, print, requireOut, writeOutputs } from './context.js';
import { fixed, formatTable, grouped, toCsv } from './format.js';

interface RunFlags {
  out?: string;
  format: 'csv' | 'json';
  chart?: 'svg' | 'png';
  compare?: string;
  kernel: KernelChoice;
}

/** `armsrace run`: run a scenario and write its results and charts. */
export function runCommand(globals: () => GlobalOptions): Command {
  return new Command('run')
    .description(
      'Run a scenario (a YAML/JSON file or a preset name) and print a summary; write results and charts with --out',
    )
    .argument('<scenario>', 'scenario file (.yaml or .json) or preset name (see armsrace presets)')
    .option('--out <dir>', 'folder to write results (and charts) into; created if missing')
    .addOption(new Option('--format <format>', 'results file format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--chart <format>', 'also render the charts').choices(['svg', 'png']))
    .option('--compare <baseline>', 'a baseline scenario (file or preset): differences and extra cost against it')
    .addOption(
      new Option('--kernel <kernel>', 'the kernel that integrates the model (the same numbers either way)')
        .choices(['auto', 'wasm', 'typescript'])
        .default('auto'),
    )
    .addHelpText(
      'after',
      `
Examples:
  armsrace run hague-met                                  summary of a preset
  armsrace run my-scenario.yaml --out results --chart png
  armsrace run russia-proportional --compare status-quo   what the Hague pledge and Russia's answer add
  armsrace run hague-met --kernel typescript              the same run without WebAssembly

--kernel auto runs the model in WebAssembly where it loads, else in TypeScript; both give the
same bits (docs/architecture.md).`,
    )
    .action(async (scenarioArg: string, flags: RunFlags) => {
      requireOut(flags.chart, flags.out);
      const dataset = await datasetFor(globals());
      const main = load(scenarioArg, dataset, flags.kernel);
      const baseline = flags.compare === undefined ? undefined : load(flags.compare, dataset, flags.kernel);
      if (baseline !== undefined && baseline.model !== main.model) {
        throw new ScenarioError([
          {
            path: 'compare',
            value: flags.compare,
            message: `--compare: ${flags.compare} uses model ${baseline.model}, ${scenarioArg} uses ${main.model}; compare scenarios of one model`,
          },
        ]);
      }
      if (baseline !== undefined && baseline.model === 'demand' && baseline.years.join() !== main.years.join()) {
        throw new InputError(
          'bad-compare',
          `--compare: ${flags.compare} runs ${baseline.years[0]}–${baseline.years.at(-1)}, ${scenarioArg} ${main.years[0]}–${main.years.at(-1)}; compare scenarios over the same years (set the same start and end)`,
          'compare',
        );
      }
      print(
        main.model === 'demand'
          ? summarizeDemand(main, baseline as SimulationResult | undefined, dataset.data.fitted)
          : summarizeRichardson(main),
      );
      if (flags.out !== undefined) {
        // Everything is computed before the first file is written; each file is written atomically.
        const files: OutputFile[] = [];
        files.push(
          flags.format === 'json'
            ? { name: 'results.json', content: `${JSON.stringify(main, null, 2)}\n` }
            : { name: 'results.csv', content: resultsCsv(main) },
        );
        if (flags.chart !== undefined && main.model === 'demand') {
          const { renderCharts } = await import('../node/render-charts.js');
          const charts = await renderCharts(main, {
            format: flags.chart,
            ...(baseline ? { baseline: baseline as SimulationResult } : {}),
          });
          for (const c of charts) files.push({ name: c.file, content: c.content });
        }
        await writeOutputs(flags.out, files);
      }
    });
}

function load(fileOrPreset: string, dataset: Dataset, kernel: KernelChoice): ScenarioResult {
  const { input, path } = readScenario(fileOrPreset);
  try {
    return runScenario(input, dataset, {
      stabilityYears: [input.start ?? 2025, 2035, (input.end ?? 2050) - 1],
      kernel,
    });
  } catch (error) {
    if (error instanceof ScenarioError) throw withFile(error, path);
    throw error;
  }
}

const pct = (share: number | undefined | null) =>
  share === undefined || share === null ? '–' : (share * 100).toFixed(2);

/** Years shown in the summary: the start, every fifth year, and the last. */
function summaryYears(years: readonly number[]): number[] {
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  return years.filter((y) => y === first || y === last || y % 5 === 0);
}

function summarizeDemand(r: SimulationResult, base?: SimulationResult, fitted?: FittedDefaults): string {
  const at = (y: number) => r.years.indexOf(y);
  const brief = headline(r, base);
  // Every column asks the run for a catalogued output by id.
  const out = (id: string) => (y: number) => outputSeries(r, id)[at(y)] ?? undefined;
  const rows = summaryYears(r.years);
  const lines = [
    `${r.scenario.name} — ${r.scenario.start}–${r.scenario.end - 1}, alliance-demand model, ${r.solver.name} (${r.solver.steps} steps, ${r.solver.kernel === 'wasm' ? 'WebAssembly' : 'TypeScript'})`,
    `${r.scenario.burdenNote}. Burdens in % of GDP; spending in USD bn at constant 2015 prices.`,
    '',
    formatTable(
      [
        { header: 'year', align: 'right', cell: (y: number) => String(y) },
        { header: 'Russia (% GDP)', align: 'right', cell: (y: number) => pct(out('RUS.burden')(y)) },
        { header: 'NATO (% GDP)', align: 'right', cell: (y: number) => pct(out('NATO.burden')(y)) },
        { header: 'Europe+Canada (% GDP)', align: 'right', cell: (y: number) => pct(out('NATO_EUR_CAN.burden')(y)) },
        {
          header: 'allies ≥2 %',
          align: 'right',
          cell: (y: number) => `${out('allies_at_2')(y)}/${out('allies')(y)}`,
        },
        { header: 'allies ≥3.5 %', align: 'right', cell: (y: number) => String(out('allies_at_3.5')(y)) },
        {
          header: 'NATO spending (USD bn)',
          align: 'right',
          cell: (y: number) => grouped((out('NATO.spending')(y) ?? Number.NaN) / 1000),
        },
        {
          header: 'Russia+Belarus (USD bn)',
          align: 'right',
          cell: (y: number) => grouped((out('RUS_BLOC.spending')(y) ?? Number.NaN) / 1000),
        },
        {
          header: 'balance Eur+Can/RUS',
          align: 'right',
          cell: (y: number) => fixed(out('balance')(y), 2),
        },
        { header: 'RUS security ratio', align: 'right', cell: (y: number) => fixed(out('RUS.security_ratio')(y), 3) },
        { header: 'race intensity', align: 'right', cell: (y: number) => fixed(out('race_intensity')(y), 4) },
      ],
      rows,
    ),
    '',
    `In brief: ${brief.text}`,
    '',
    "Stability margin (largest real part of the Jacobian's eigenvalues, 1/years) and the mode that drives it:",
    ...r.stability.map((s) => `  ${s.year} ${stabilityText(s)}`),
  ];
  const bounds = boundsReached(r);
  if (bounds.length > 0)
    lines.push(
      '',
      `Warning: ${bounds.length === 1 ? 'a burden reaches its bound' : 'burdens reach their bounds'}; from then on the bound, not the responses, sets the result:`,
      ...bounds.map(
        (b) =>
          `  ${b.name} reaches its ${b.bound} bound of ${pct(b.value)} % of GDP in ${b.year} (scenario field bounds.${b.bound === 'upper' ? 'max' : 'min'})`,
      ),
    );
  const evidence = validationSentence(fitted);
  if (evidence !== undefined)
    lines.push('', evidence + (respondsByDefault(r) ? '' : ' This scenario sets some responses itself.'));
  if (base !== undefined) {
    const extra = (id: string) => brief.figures.find((f) => f.id === id)?.value ?? Number.NaN;
    const lastOf = (x: SimulationResult, id: string) => outputSeries(x, id).at(-1) ?? undefined;
    const last = r.years.length - 1;
    lines.push(
      '',
      `Against ${base.scenario.name} (${r.years[0]}–${r.years[last]}):`,
      `  cumulative spending, NATO: ${extra('nato-extra-spending') >= 0 ? '+' : ''}${grouped(
        extra('nato-extra-spending'),
        0,
      )} bn; Russia and Belarus: ${grouped(extra('russia-extra-spending'), 0)} bn (USD, constant 2015)`,
      `  Russia's burden in ${r.years[last]}: ${pct(lastOf(r, 'RUS.burden'))} % against ${pct(lastOf(base, 'RUS.burden'))} %; security ratio ${fixed(lastOf(r, 'RUS.security_ratio'), 3)} against ${fixed(lastOf(base, 'RUS.security_ratio'), 3)}`,
    );
  }
  return lines.join('\n');
}

/** Whether the run takes every response from the committed fit's validated choice. */
const respondsByDefault = (r: SimulationResult) =>
  r.scenario.input.response === undefined && r.scenario.input.response_fit === undefined;

function summarizeRichardson(r: RichardsonRun): string {
  const rows = summaryYears(r.years);
  return [
    `${r.name} — classic Richardson model, ${r.solver}`,
    '',
    formatTable(
      [
        { header: 'year', align: 'right', cell: (y: number) => String(y) },
        ...r.actors.map((a) => ({
          header: a.name,
          align: 'right' as const,
          cell: (y: number) => fixed(a.level[r.years.indexOf(y)], 3),
        })),
      ],
      rows,
    ),
    '',
    `Equilibrium x* = −(R − A)⁻¹g: ${r.equilibrium === null ? 'none (R − A is singular)' : r.equilibrium.map((x, i) => `${r.actors[i]?.name} ${x.toFixed(3)}`).join(', ')}`,
    `Eigenvalues of R − A: ${r.stability.eigenvalues.map((e) => (e.im === 0 ? e.re.toFixed(4) : `${e.re.toFixed(4)}${e.im >= 0 ? '+' : '−'}${Math.abs(e.im).toFixed(4)}i`)).join(', ')} → ${r.stability.stable ? 'stable' : 'unstable: a runaway race'} (margin ${r.stability.margin.toFixed(4)})`,
    `Largest gap between the solver and the closed form: ${Math.max(...r.actors.flatMap((a) => a.level.map((x, k) => Math.abs(x - (a.exact[k] as number))))).toExponential(2)}`,
  ].join('\n');
}

function resultsCsv(r: ScenarioResult): string {
  if (r.model === 'richardson') {
    return toCsv(
      r.actors.flatMap((a) =>
        r.years.map((year, k) => ({
          year,
          actor: a.name,
          level: roundSignificant(a.level[k]),
          exact: roundSignificant(a.exact[k]),
        })),
      ),
    );
  }
  return toCsv(resultRecords(r) as unknown as Record<string, unknown>[]);
}
