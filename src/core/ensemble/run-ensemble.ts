import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { log } from '../math/elementary.js';
import { type RandomGenerator, stream } from '../math/random.js';
import { type AnnualMeans, integrateAnnual, SAMPLES_PER_YEAR } from '../model/annual-means.js';
import {
  buildDemandModel,
  type DemandModel,
  type MemberParameters,
  type PreparedDemandModel,
  prepareDemandModel,
} from '../model/demand/index.js';
import { demandJacobians } from '../model/stability.js';
import { OUTPUTS, type OutputDefinition, outputIndex } from '../outputs/catalogue.js';
import { reduceRun } from '../outputs/reduce.js';
import { ScenarioError, scenarioError } from '../scenario/parse-scenario.js';
import { type ResolvedScenario, resolveScenario } from '../scenario/resolve-scenario.js';
import { LIMITS, type ScenarioInput } from '../scenario/schema.js';
import { scenarioSettingsLine } from '../scenario/settings-line.js';
import { MAX_BURDEN } from '../simulate.js';
import { eigenvalues } from '../solve/eigenvalues.js';
import { addToHistogram, CELL_SIZE, histogramQuantiles } from './histogram.js';
import { parameterLabel } from './parameter-label.js';
import { compileUncertain, type UncertainParameter } from './uncertain.js';

/** Members per chunk: the unit of work a worker takes; fixed, so results never depend on workers. */
export const CHUNK_MEMBERS = 32;
/** The most members one ensemble may have. */
export const MAX_RUNS = LIMITS.runs;
/**
 * Ensemble members take RK4 steps of a quarter year and four samples a year for the annual means
 * (a single run: 1/12 and 12), unless the scenario sets `step_years`; a test bounds the difference.
 */
export const ENSEMBLE_STEP_YEARS = 0.25;
export const ENSEMBLE_SAMPLES_PER_YEAR = 4;

/** Quantiles reported for every series and year. */
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** An outcome whose probability the ensemble estimates. */
export type EnsembleEvent =
  | {
      readonly name: string;
      readonly series: string;
      readonly above?: number;
      readonly below?: number;
      readonly when: 'any' | 'all' | number;
    }
  | { readonly name: string; readonly stability: 'positive'; readonly year: number };

/** Everything a chunk needs, prepared once per process (main thread or worker). */
export interface EnsembleSetup {
  readonly input: ScenarioInput;
  readonly scenario: ResolvedScenario;
  readonly dataset: Dataset;
  /** The member-independent part of the compiled model, shared by every chunk. */
  readonly prepared: PreparedDemandModel;
  readonly seed: number;
  readonly uncertain: readonly UncertainParameter[];
  /** Standard deviation of annual real GDP growth per actor (2000–2019, World Bank), or zeros. */
  readonly gdpShockSd: Float64Array;
  readonly lastGdpDataYear: number;
  readonly series: readonly string[];
  readonly years: readonly number[];
  /** Range centre of each (series, year) cell, from the deterministic run. */
  readonly centers: Float64Array;
  readonly events: readonly EnsembleEvent[];
}

/**
 * The floating-point sums and event counts of one chunk of members; added up in chunk order they
 * make the ensemble's. (Histogram counts are integers: each process adds them into its own
 * array, in any order, and the arrays are summed at the end.)
 */
export interface ChunkSummary {
  readonly chunk: number;
  readonly members: number;
  readonly sums: Float64Array;
  readonly eventCounts: Int32Array;
}

/** A zeroed histogram array for an ensemble's series and years. */
export function createCounts(setup: EnsembleSetup): Int32Array {
  return new Int32Array(setup.series.length * setup.years.length * CELL_SIZE);
}

/** Quantiles, means and event probabilities of an ensemble. */
export interface EnsembleResult {
  readonly runs: number;
  readonly seed: number;
  readonly years: readonly number[];
  readonly series: readonly {
    readonly name: string;
    readonly unit: string;
    /** Per year; `null` where no member has a value (the first year's race intensity, a bloc without members). */
    readonly mean: readonly (number | null)[];
    /** One array per entry of {@link QUANTILES}, each per year; `null` as in `mean`. */
    readonly quantiles: readonly (readonly (number | null)[])[];
  }[];
  readonly events: readonly {
    readonly name: string;
    readonly probability: number;
    readonly standardError: number;
    readonly count: number;
  }[];
  readonly uncertain: readonly string[];
  readonly gdpShocks: boolean;
  /** The edition of the burdens the members start from, e.g. `sipri-2026`. */
  readonly burdenSource: string;
  /** The scenario's name and its main settings ({@link scenarioSettingsLine}), for the charts' captions. */
  readonly scenario: { readonly name: string; readonly settings: string };
  /** Each path of `uncertain` in words ({@link parameterLabel}), for the charts. */
  readonly parameterLabels: Readonly<Record<string, string>>;
}

const SHOCK_FROM_YEAR = 2000;
const SHOCK_TO_YEAR = 2019;

/** Per member and year, the value of every tracked series. */
interface SeriesDefinition {
  readonly name: string;
  readonly unit: string;
  readonly count?: boolean;
}

/** The catalogued outputs an ensemble tracks beyond each actor's burden. */
export const ENSEMBLE_OUTPUTS = [
  'NATO.spending',
  'NATO.burden',
  'NATO_EUR_CAN.spending',
  'NATO_EUR_CAN.burden',
  'RUS_BLOC.spending',
  'RUS_BLOC.burden',
  'balance',
  'RUS.security_ratio',
  'race_intensity',
  'allies_at_2',
  'allies_at_3.5',
  'allies_short_of_3.5',
] as const;

function seriesDefinitions(scenario: ResolvedScenario): SeriesDefinition[] {
  return [
    ...scenario.actors.map((a) => ({ name: `${a.iso3}.burden`, unit: 'share of GDP' })),
    ...ENSEMBLE_OUTPUTS.map((id) => {
      const o = OUTPUTS[outputIndex(id)] as OutputDefinition;
      return { name: id, unit: o.unit, ...(o.count ? { count: true } : {}) };
    }),
  ];
}

/** The default events when a scenario names none. */
export const DEFAULT_EVENTS: readonly EnsembleEvent[] = [
  { name: "Russia's burden above 10 % in any year", series: 'RUS.burden', above: 0.1, when: 'any' },
  { name: 'All allies at 3.5 % in 2035', series: 'allies_short_of_3.5', below: 0.5, when: 2035 },
];

/**
 * Compute every series of every member of a chunk into `out[(s·M + m)·Y + y]`: each actor's burden,
 * then the catalogued outputs of {@link reduceRun}, the reduction the deterministic run uses too.
 */
function computeSeries(
  model: DemandModel,
  scenario: ResolvedScenario,
  annual: ReturnType<typeof integrateAnnual>,
  defs: readonly SeriesDefinition[],
  out: Float64Array,
): void {
  const { n, members: M } = model;
  const Y = annual.years;
  for (let i = 0; i < n; i++)
    for (let m = 0; m < M; m++)
      for (let y = 0; y < Y; y++) {
        const c = (i * M + m) * Y + y;
        out[c] = (annual.spending[c] as number) / (annual.gdp[c] as number);
      }
  const reduced = reduceRun(model, scenario, annual);
  for (let s = n; s < defs.length; s++) {
    const k = outputIndex((defs[s] as SeriesDefinition).name);
    out.set(reduced.subarray(k * M * Y, (k + 1) * M * Y), s * M * Y);
  }
}

/**
 * Prepare an ensemble: validate the uncertain parameters and events, run the deterministic
 * scenario to fix the histogram ranges, and measure each actor's GDP volatility.
 *
 * @throws {ScenarioError} for a bad uncertain path or distribution, or an unknown event series.
 */
export function prepareEnsemble(
  input: ScenarioInput,
  dataset: Dataset,
  options: { seed?: number } = {},
): EnsembleSetup {
  if (input.model === 'richardson') {
    throw new ScenarioError([
      {
        path: 'scenario.model',
        value: 'richardson',
        message: 'scenario.model: ensembles run the demand model; remove model: richardson',
      },
    ]);
  }
  const scenario = resolveScenario(input, dataset);
  const uncertain = compileUncertain(input, scenario, dataset.data.fitted);
  const defs = seriesDefinitions(scenario);
  const years = Array.from({ length: scenario.end - scenario.start }, (_, k) => scenario.start + k);
  const inRun = (e: EnsembleEvent) => {
    const y = 'stability' in e ? e.year : typeof e.when === 'number' ? e.when : undefined;
    return y === undefined || (y >= scenario.start && y < scenario.end);
  };
  // Default events outside the run are left out; a scenario's own are checked below.
  const events: EnsembleEvent[] = (input.ensemble?.events ?? DEFAULT_EVENTS.filter(inRun)).map((e, k) => {
    if ('stability' in e)
      return { name: e.name ?? `Stability margin positive in ${e.year}`, stability: 'positive', year: e.year };
    const share = (v: number | string | undefined) =>
      v === undefined
        ? undefined
        : typeof v === 'number'
          ? v
          : Number(/^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/.exec(v)?.[1]) / 100;
    const ev = e as {
      name?: string;
      series: string;
      above?: number | string;
      below?: number | string;
      when: 'any' | 'all' | number;
    };
    if (!defs.some((d) => d.name === ev.series)) {
      throw new ScenarioError([
        {
          path: `scenario.ensemble.events[${k}].series`,
          value: ev.series,
          message: `scenario.ensemble.events[${k}].series: "${ev.series}" is not a tracked series; use one of ${defs.map((d) => d.name).join(', ')}`,
        },
      ]);
    }
    const above = share(ev.above);
    const below = share(ev.below);
    return {
      name:
        ev.name ??
        `${ev.series} ${above !== undefined ? `above ${ev.above}` : `below ${ev.below}`} ${typeof ev.when === 'number' ? `in ${ev.when}` : ev.when === 'any' ? 'in any year' : 'in every year'}`,
      series: ev.series,
      ...(above !== undefined ? { above } : {}),
      ...(below !== undefined ? { below } : {}),
      when: ev.when,
    };
  });
  for (const [k, e] of events.entries()) {
    const year = 'stability' in e ? e.year : typeof e.when === 'number' ? e.when : undefined;
    if (year !== undefined && !years.includes(year) && !('stability' in e && year === scenario.end)) {
      throw new ScenarioError([
        {
          path: `scenario.ensemble.events[${k}]`,
          value: year,
          message: `scenario.ensemble.events[${k}]: year ${year} is outside the run ${scenario.start}–${scenario.end - 1}`,
        },
      ]);
    }
  }

  // GDP volatility: standard deviation of annual real growth, 2000–2019 (World Bank).
  const shocks = input.ensemble?.gdp_shocks ?? true;
  const gdpShockSd = Float64Array.from(scenario.actors, (a) => {
    if (!shocks) return 0;
    const g: number[] = [];
    for (let y = SHOCK_FROM_YEAR; y <= SHOCK_TO_YEAR; y++) {
      const now = dataset.observation(a.iso3, 'gdp_usd_constant', 'wdi-2026-02', y)?.value;
      const before = dataset.observation(a.iso3, 'gdp_usd_constant', 'wdi-2026-02', y - 1)?.value;
      if (now !== undefined && before !== undefined) g.push(log(now / before));
    }
    if (g.length < 2) return 0;
    const mean = g.reduce((s, v) => s + v, 0) / g.length;
    return Math.sqrt(g.reduce((s, v) => s + (v - mean) * (v - mean), 0) / (g.length - 1));
  });
  const lastGdpDataYear = Math.max(
    ...scenario.actors.map((a) => {
      const s = dataset.series(a.iso3, 'gdp_usd_constant', 'wdi-2026-02');
      return s === undefined ? scenario.start : s.firstYear + s.values.length - 1;
    }),
  );

  // Range centres from the deterministic run.
  const prepared = prepareDemandModel(scenario, dataset);
  const model = buildDemandModel(scenario, dataset, { prepared });
  const annual = integrateAnnual(model, ensembleStepping(input));
  const values = new Float64Array(defs.length * years.length);
  computeSeries(model, scenario, annual, defs, values);
  checkMembers(scenario, [], annual, values, 0);
  const centers = Float64Array.from(values, (v, c) => {
    const def = defs[Math.floor(c / years.length)] as SeriesDefinition;
    if (def.count) return 10;
    return Number.isFinite(v) && v > 0 ? v : def.name === 'race_intensity' ? 0.01 : 1;
  });
  return {
    input,
    scenario,
    dataset,
    prepared,
    seed: options.seed ?? input.ensemble?.seed ?? 1,
    uncertain,
    gdpShockSd,
    lastGdpDataYear,
    series: defs.map((d) => d.name),
    years,
    centers,
    events,
  };
}

/** Draw member `member`'s parameters and GDP shocks from its own stream `(seed, member)`. */
function drawMember(
  setup: EnsembleSetup,
  model: { n: number; gdpFirstYear: number; gdpYears: number; members: number },
  rng: RandomGenerator,
  shock: Float64Array | undefined,
  m: number,
  parameters: MemberParameters,
): void {
  for (const u of setup.uncertain) u.draw(rng, parameters, m);
  if (shock === undefined) return;
  const { n, gdpFirstYear, gdpYears, members: M } = model;
  for (let i = 0; i < n; i++) {
    const sd = setup.gdpShockSd[i] as number;
    let level = 0;
    for (let k = 0; k < gdpYears; k++) {
      if (gdpFirstYear + k > setup.lastGdpDataYear) level += sd * rng.normal();
      shock[(k * n + i) * M + m] = level;
    }
  }
}

/**
 * Run chunk `chunk` of an ensemble (members `chunk·32` to `chunk·32 + count − 1`) and summarise it.
 * Each member's draws come from `stream(seed, member)` alone.
 */
export function runChunk(setup: EnsembleSetup, chunk: number, runs: number, counts: Int32Array): ChunkSummary {
  const first = chunk * CHUNK_MEMBERS;
  const M = Math.min(CHUNK_MEMBERS, runs - first);
  if (!(M > 0)) throw new RangeError(`chunk: ${chunk} is past the last member ${runs - 1}`);
  const streams = Array.from({ length: M }, (_, m) => stream(setup.seed, first + m));
  const { model, annual, values } = runMembers(setup, M, (parameters, shock) => {
    const shape = {
      n: setup.scenario.actors.length,
      gdpFirstYear: setup.scenario.start - 1,
      gdpYears: setup.scenario.end - setup.scenario.start + 3,
      members: M,
    };
    for (let m = 0; m < M; m++) drawMember(setup, shape, streams[m] as RandomGenerator, shock, m, parameters);
  });
  const S = setup.series.length;
  const Y = setup.years.length;
  const sums = new Float64Array(S * Y);
  for (let s = 0; s < S; s++) {
    for (let y = 0; y < Y; y++) {
      const c = s * Y + y;
      const center = setup.centers[c] as number;
      let sum = 0;
      for (let m = 0; m < M; m++) {
        const v = values[(s * M + m) * Y + y] as number;
        if (Number.isNaN(v)) continue;
        addToHistogram(counts, c, center, v);
        sum += v;
      }
      sums[c] = sum;
    }
  }
  const eventCounts = new Int32Array(setup.events.length);
  for (const [k, e] of setup.events.entries()) {
    if ('stability' in e) {
      eventCounts[k] = countUnstable(model, annual.yearStates, e.year - setup.scenario.start);
      continue;
    }
    const s = setup.series.indexOf(e.series);
    for (let m = 0; m < M; m++) {
      const hit = (y: number) => {
        const v = values[(s * M + m) * Y + y] as number;
        return (e.above === undefined || v > e.above) && (e.below === undefined || v < e.below);
      };
      let yes: boolean;
      if (e.when === 'any') yes = setup.years.some((_, y) => hit(y));
      else if (e.when === 'all') yes = setup.years.every((_, y) => hit(y));
      else yes = hit(e.when - setup.scenario.start);
      if (yes) eventCounts[k] = (eventCounts[k] as number) + 1;
    }
  }
  return { chunk, members: M, sums, eventCounts };
}

/**
 * Run M members whose parameters `configure` sets (and whose GDP shocks it may fill), and compute
 * every tracked series for each: `values[(s·M + m)·Y + y]`.
 */
export function runMembers(
  setup: EnsembleSetup,
  M: number,
  configure: (parameters: MemberParameters, shock: Float64Array | undefined) => void,
): { model: DemandModel; annual: AnnualMeans; values: Float64Array } {
  let shock: Float64Array | undefined;
  const model = buildDemandModel(setup.scenario, setup.dataset, {
    members: M,
    prepared: setup.prepared,
    gdpShock: (shape) => {
      shock = setup.gdpShockSd.some((s) => s > 0)
        ? new Float64Array(shape.n * shape.members * shape.gdpYears)
        : undefined;
      return shock;
    },
    configure: (parameters) => configure(parameters, shock),
  });
  const annual = integrateAnnual(model, ensembleStepping(setup.input));
  const values = new Float64Array(setup.series.length * M * setup.years.length);
  computeSeries(model, setup.scenario, annual, seriesDefinitions(setup.scenario), values);
  checkMembers(
    setup.scenario,
    setup.uncertain.map((u) => u.path),
    annual,
    values,
    setup.gdpShockSd.some((v) => v > 0) ? 1 : 0,
  );
  return { model, annual, values };
}

/**
 * Every member's flows and stocks are finite, and its series finite or missing (`NaN`): a member
 * that leaves the finite numbers stops the ensemble with an error naming what it varies.
 *
 * @throws {ScenarioError} naming `scenario.ensemble.uncertain` (or the scenario's own responses).
 */
function checkMembers(
  scenario: ResolvedScenario,
  uncertain: readonly string[],
  annual: AnnualMeans,
  values: Float64Array,
  shocks: number,
): void {
  const finite = (a: Float64Array) => {
    for (let k = 0; k < a.length; k++) if (!Number.isFinite(a[k] as number)) return false;
    return true;
  };
  let ok = [annual.gdp, annual.spending, annual.capability, annual.threat, annual.spillIn].every(finite);
  // A burden outside [0, MAX_BURDEN] means the integration diverged (see runDemand's guard).
  for (let c = 0; ok && c < annual.gdp.length; c++) {
    const burden = (annual.spending[c] as number) / (annual.gdp[c] as number);
    if (!(burden >= -1e-9 && burden <= MAX_BURDEN)) ok = false;
  }
  for (let k = 0; ok && k < values.length; k++) {
    const v = values[k] as number;
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) ok = false;
  }
  if (ok) return;
  const varied = [...uncertain, ...(shocks > 0 ? ['GDP shocks'] : [])];
  if (varied.length === 0)
    throw scenarioError(
      'scenario.response',
      scenario.actors.map((a) => a.iso3),
      'the run leaves the finite numbers at the ensemble’s step (step_years, default 0.25); use a shorter step_years or smaller responses',
    );
  throw scenarioError(
    'scenario.ensemble.uncertain',
    varied,
    `a member drawn from ${varied.join(', ')} leaves the finite numbers; narrow the distributions`,
  );
}

/** Members whose stability margin (largest real part of the Jacobian's eigenvalues) is positive. */
function countUnstable(model: DemandModel, yearStates: Float64Array, yearIndex: number): number {
  const size = 2 * model.n * model.members;
  const y = yearStates.slice(yearIndex * size, (yearIndex + 1) * size);
  let unstable = 0;
  for (const J of demandJacobians(model, model.start + yearIndex, y, model.members))
    if ((eigenvalues(J, 2 * model.n).real[0] as number) > 0) unstable++;
  return unstable;
}

/**
 * Adds chunk summaries in chunk order whatever order they arrive in, holding only those that
 * arrive early: memory stays bounded however many members there are.
 */
export class EnsembleAccumulator {
  readonly #setup: EnsembleSetup;
  readonly #sums: Float64Array;
  readonly #events: Int32Array;
  readonly #waiting = new Map<number, ChunkSummary>();
  #next = 0;
  #members = 0;

  constructor(setup: EnsembleSetup) {
    this.#setup = setup;
    this.#sums = new Float64Array(setup.series.length * setup.years.length);
    this.#events = new Int32Array(setup.events.length);
  }

  /** Take one chunk's summary. */
  add(summary: ChunkSummary): void {
    this.#waiting.set(summary.chunk, summary);
    for (let c = this.#waiting.get(this.#next); c !== undefined; c = this.#waiting.get(this.#next)) {
      this.#waiting.delete(this.#next);
      for (let k = 0; k < this.#sums.length; k++) this.#sums[k] = (this.#sums[k] as number) + (c.sums[k] as number);
      for (let k = 0; k < this.#events.length; k++)
        this.#events[k] = (this.#events[k] as number) + (c.eventCounts[k] as number);
      this.#members += c.members;
      this.#next++;
    }
  }

  /** Members added so far in chunk order. */
  get members(): number {
    return this.#members;
  }

  /** The ensemble's result, with the histogram counts of every process added up. */
  result(runs: number, counts: Int32Array): EnsembleResult {
    if (this.#members !== runs || this.#waiting.size > 0)
      throw new RangeError(`chunks hold ${this.#members} members in order, expected ${runs}`);
    return summarize(this.#setup, runs, counts, this.#sums, this.#events);
  }
}

function summarize(
  setup: EnsembleSetup,
  runs: number,
  counts: Int32Array,
  sums: Float64Array,
  events: Int32Array,
): EnsembleResult {
  const Y = setup.years.length;
  const defs = seriesDefinitions(setup.scenario);
  return {
    runs,
    seed: setup.seed,
    years: setup.years,
    series: defs.map((d, s) => {
      // One pass over each year's histogram gives its count (for the mean) and every quantile.
      const mean: (number | null)[] = [];
      const quantiles = QUANTILES.map(() => [] as (number | null)[]);
      const cell: number[] = [];
      for (let y = 0; y < Y; y++) {
        const c = s * Y + y;
        const valid = histogramQuantiles(counts, c, setup.centers[c] as number, QUANTILES, cell);
        mean.push(valid === 0 ? null : (sums[c] as number) / valid);
        for (const [j, list] of quantiles.entries()) list.push(valid === 0 ? null : (cell[j] as number));
      }
      return { name: d.name, unit: d.unit, mean, quantiles };
    }),
    events: setup.events.map((e, k) => {
      const p = (events[k] as number) / runs;
      return {
        name: e.name,
        probability: p,
        standardError: Math.sqrt((p * (1 - p)) / runs),
        count: events[k] as number,
      };
    }),
    uncertain: setup.uncertain.map((u) => u.path),
    gdpShocks: setup.gdpShockSd.some((s) => s > 0),
    burdenSource: setup.scenario.burdenSource,
    scenario: { name: setup.scenario.name, settings: scenarioSettingsLine(setup) },
    parameterLabels: parameterLabels(
      setup.scenario,
      setup.uncertain.map((u) => u.path),
    ),
  };
}

/**
 * Return each uncertain parameter's path in words, countries named as the scenario names them.
 *
 * @example parameterLabels(scenario, ['response.RUS.elasticity']) // { 'response.RUS.elasticity': "Russia's threat elasticity ε" }
 */
export function parameterLabels(scenario: ResolvedScenario, paths: readonly string[]): Record<string, string> {
  const nameOf = (iso3: string) => scenario.actors.find((a) => a.iso3 === iso3)?.name;
  return Object.fromEntries(paths.map((p) => [p, parameterLabel(p, nameOf)]));
}

/** Options of {@link runEnsemble}. */
export interface EnsembleOptions {
  readonly runs: number;
  readonly seed?: number;
  /** Called after each chunk with the members done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Run an ensemble of the demand model in this thread (the Node entry point spreads chunks over
 * worker threads with the same result, bit for bit).
 *
 * @throws {RangeError} for `runs` not a whole number from 1 to {@link MAX_RUNS}.
 * @throws {ScenarioError} for bad uncertain parameters or events.
 * @example runEnsemble(parseScenario('end: 2030'), loadDataset(), { runs: 100, seed: 1 }).events[0]?.probability
 */
export function runEnsemble(input: ScenarioInput, dataset: Dataset, options: EnsembleOptions): EnsembleResult {
  checkRuns(options.runs);
  const setup = prepareEnsemble(input, dataset, options.seed === undefined ? {} : { seed: options.seed });
  const counts = createCounts(setup);
  const accumulator = new EnsembleAccumulator(setup);
  const total = Math.ceil(options.runs / CHUNK_MEMBERS);
  for (let c = 0; c < total; c++) {
    accumulator.add(runChunk(setup, c, options.runs, counts));
    options.onProgress?.(accumulator.members, options.runs);
  }
  return accumulator.result(options.runs, counts);
}

/** @throws {InputError} `bad-runs` naming `runs` unless it is a whole number from 1 to {@link MAX_RUNS}. */
export function checkRuns(runs: number): void {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) {
    throw new InputError(
      'bad-runs',
      `runs: ${runs} is not accepted; use a whole number of members from 1 to ${MAX_RUNS.toLocaleString('en-US')}, e.g. 1000`,
      'runs',
    );
  }
}

/**
 * The step and sampling of ensemble members: the scenario's `step_years`, else a quarter year; a
 * sample a step, up to the single run's twelve a year (more samples add nothing to an annual mean,
 * and a sample spacing just above the step would double the steps).
 */
export function ensembleStepping(input: ScenarioInput): { stepYears: number; solver: 'rk4'; samplesPerYear: number } {
  const step = input.step_years ?? ENSEMBLE_STEP_YEARS;
  return {
    stepYears: step,
    solver: 'rk4',
    samplesPerYear: Math.min(SAMPLES_PER_YEAR, Math.max(1, Math.round(1 / step))),
  };
}
