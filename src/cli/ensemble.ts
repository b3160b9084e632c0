import { SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { CSV_DECIMALS, roundSignificant, roundTo } from '../core/csv-precision.js';
import { CHUNK_MEMBERS, type EnsembleResult, MAX_RUNS, QUANTILES } from '../core/ensemble/run-ensemble.js';
import { InputError } from '../core/errors.js';
import { ScenarioError } from '../core/scenario/parse-scenario.js';
import { runEnsembleParallel } from '../node/ensemble-pool.js';
import { readScenario, withFile } from '../node/scenario-file.js';
import { defaultWorkers, WorkerPool } from '../node/worker-pool.js';
import { datasetFor, type GlobalOptions, type OutputFile, print, requireOut, writeOutputs } from './context.js';
import { formatTable, toCsv } from './format.js';

interface EnsembleFlags {
  runs?: string;
  seed?: string;
  workers?: string;
  out?: string;
  format: 'csv' | 'json';
  chart?: 'svg' | 'png';
}

const whole = (flag: string, text: string | undefined, lo: number, hi: number, example: string): number | undefined => {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (!Number.isInteger(v) || v < lo || v > hi) {
    throw new InputError(
      'bad-option',
      `${flag}: "${text}" is not accepted; use a whole number from ${lo.toLocaleString('en-US')} to ${hi.toLocaleString('en-US')}, e.g. ${example}`,
      flag,
    );
  }
  return v;
};

/** A progress bar on a terminal, nothing when output is piped. */
export function progressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}, eta {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** `armsrace ensemble`: the spread of futures the uncertain parameters allow. */
export function ensembleCommand(globals: () => GlobalOptions): Command {
  return new Command('ensemble')
    .description(
      'Run a seeded Monte Carlo ensemble of a scenario over its ensemble.uncertain parameters and GDP shocks: quantiles, fan charts, event probabilities',
    )
    .argument('<scenario>', 'scenario file or preset name')
    .option(
      '--runs <n>',
      `members (1 to ${MAX_RUNS.toLocaleString('en-US')}; default: the scenario's ensemble.runs, else 1000)`,
    )
    .option('--seed <n>', "seed (default: the scenario's ensemble.seed, else 1)")
    .option('--workers <n>', 'worker threads (default: the number of cores)')
    .option('--out <dir>', 'write ensemble.csv (or .json) and the charts here')
    .addOption(new Option('--format <format>', 'results file format').choices(['csv', 'json']).default('csv'))
    .addOption(new Option('--chart <format>', 'also render fan charts into --out').choices(['svg', 'png']))
    .addHelpText(
      'after',
      `
Examples:
  armsrace ensemble hague-met --runs 1000
  armsrace ensemble my.yaml --runs 10000 --seed 7 --workers 2 --out results --chart png

The uncertain parameters come from the scenario, e.g.
  ensemble:
    uncertain:
      response: { bootstrap: fitted }             # the fit's bootstrap draws of the responses
      war.RUS.until: { uniform: [2026, 2030] }
      compliance.default: { triangular: [0.4, 0.8, 1] }
    events:
      - { series: RUS.burden, above: 10%, when: any }`,
    )
    .action(async (scenarioArg: string, flags: EnsembleFlags) => {
      requireOut(flags.chart, flags.out);
      const dataset = await datasetFor(globals());
      const { input, path } = readScenario(scenarioArg);
      const runs = whole('--runs', flags.runs, 1, MAX_RUNS, '1000') ?? input.ensemble?.runs ?? 1000;
      if (runs > MAX_RUNS)
        throw new InputError(
          'bad-option',
          `ensemble.runs: ${runs} is above the maximum ${MAX_RUNS.toLocaleString('en-US')}`,
        );
      const seed = whole('--seed', flags.seed, 0, 2 ** 31, '7') ?? input.ensemble?.seed ?? 1;
      const workers = whole('--workers', flags.workers, 1, 64, '2');
      const bar = progressBar('members');
      // Workers start as chunks need them (never more than there are chunks) and stop at the end.
      const pool = new WorkerPool({
        size: Math.min(workers ?? defaultWorkers(), Math.ceil(runs / CHUNK_MEMBERS)),
      });
      let result: EnsembleResult;
      try {
        result = await runEnsembleParallel(input, dataset, { runs, seed, pool, onProgress: bar.update });
      } catch (error) {
        if (error instanceof ScenarioError) throw withFile(error, path);
        throw error;
      } finally {
        bar.stop();
        await pool.close();
      }
      print(summary(result, input.name ?? path));
      if (flags.out !== undefined) {
        const files: OutputFile[] = [
          flags.format === 'json'
            ? { name: 'ensemble.json', content: `${JSON.stringify(result, null, 2)}\n` }
            : { name: 'ensemble.csv', content: ensembleCsv(result) },
        ];
        if (flags.chart !== undefined) {
          const { renderEnsembleCharts } = await import('../node/render-ensemble-charts.js');
          for (const c of await renderEnsembleCharts(result, { format: flags.chart }))
            files.push({ name: c.file, content: c.content });
        }
        await writeOutputs(flags.out, files);
      }
    });
}

const SHOWN = [
  ['RUS.burden', 'Russia, % GDP', 100],
  ['NATO.burden', 'NATO, % GDP', 100],
  ['NATO_EUR_CAN.burden', 'Europe+Canada, % GDP', 100],
  ['allies_at_3.5', 'allies at 3.5 %', 1],
  ['balance', 'balance Eur+Can/RUS', 1],
] as const;

function summary(r: EnsembleResult, name: string): string {
  const years = r.years.filter((y, k) => k === 0 || k === r.years.length - 1 || y % 5 === 0);
  const cell = (series: string, scale: number, year: number) => {
    const s = r.series.find((x) => x.name === series);
    const k = r.years.indexOf(year);
    if (s === undefined) return '–';
    const f = (v: number | null | undefined) =>
      v === undefined || v === null || Number.isNaN(v)
        ? '–'
        : (v * scale).toFixed(scale === 1 && series.startsWith('allies') ? 0 : 2);
    return `${f(s.quantiles[2]?.[k])} [${f(s.quantiles[0]?.[k])}–${f(s.quantiles[4]?.[k])}]`;
  };
  return [
    `${name} — ensemble of ${r.runs.toLocaleString('en-US')} members, seed ${r.seed}; varying: ${[...r.uncertain, ...(r.gdpShocks ? ['GDP shocks'] : [])].join(', ') || 'nothing'}`,
    'Median [5–95 %] of members:',
    '',
    formatTable(
      [
        { header: 'year', align: 'right', cell: (y: number) => String(y) },
        ...SHOWN.map(([series, header, scale]) => ({
          header,
          align: 'right' as const,
          cell: (y: number) => cell(series, scale, y),
        })),
      ],
      years,
    ),
    '',
    'Events (probability ± Monte Carlo standard error):',
    ...r.events.map(
      (e) =>
        `  ${e.name}: ${(100 * e.probability).toFixed(1)} % ± ${(100 * e.standardError).toFixed(1)} (${e.count} of ${r.runs})`,
    ),
  ].join('\n');
}

/** A mean of a count (17.35 allies on average) keeps two decimals; its quantiles are whole numbers. */
const MEAN_COUNT_DECIMALS = 2;

/**
 * How a series is written to ensemble.csv: burdens (shares of GDP in the run) in percent of GDP and
 * growth rates in percent a year to 4 decimals, money to 1 decimal, counts of allies as whole numbers
 * (their means to 2 decimals), ratios to 4 decimals; other units as they are, 6 significant digits.
 */
function csvColumn(
  unit: string,
  statistic: 'mean' | 'quantile',
): { unit: string; write: (v: number | null | undefined) => number | null } {
  const scaled = (factor: number, digits: number) => (v: number | null | undefined) =>
    roundTo(v === null || v === undefined ? v : v * factor, digits);
  if (unit === 'share of GDP') return { unit: 'pct_GDP', write: scaled(100, CSV_DECIMALS.percent) };
  if (unit === 'growth rate') return { unit: 'pct_per_year', write: scaled(100, CSV_DECIMALS.percent) };
  if (unit === 'USD m, constant 2015') return { unit: 'USD_m_const2015', write: scaled(1, CSV_DECIMALS.money) };
  if (unit === 'allies')
    return { unit, write: scaled(1, statistic === 'mean' ? MEAN_COUNT_DECIMALS : CSV_DECIMALS.count) };
  if (unit.includes('ratio') || unit.includes(' / ')) return { unit, write: scaled(1, CSV_DECIMALS.ratio) };
  return { unit, write: (v) => roundSignificant(v) };
}

function ensembleCsv(r: EnsembleResult): string {
  const rows: Record<string, unknown>[] = [];
  for (const s of r.series) {
    const mean = csvColumn(s.unit, 'mean');
    const quantile = csvColumn(s.unit, 'quantile');
    for (const [k, year] of r.years.entries()) {
      rows.push({ series: s.name, year, statistic: 'mean', value: mean.write(s.mean[k]), unit: mean.unit });
      QUANTILES.forEach((q, j) => {
        rows.push({
          series: s.name,
          year,
          statistic: `q${Math.round(q * 100)}`,
          value: quantile.write(s.quantiles[j]?.[k]),
          unit: quantile.unit,
        });
      });
    }
  }
  return toCsv(rows);
}
