import type { Dataset } from './data/dataset.js';
import { integrateAnnual, type KernelChoice } from './model/annual-means.js';
import { buildDemandModel, type DemandModel } from './model/demand/index.js';
import { type StabilityReport, stabilityMargin } from './model/stability.js';
import { BLOCS, inBloc, outputIndex } from './outputs/catalogue.js';
import { reduceRun } from './outputs/reduce.js';
import { type ScenarioError, scenarioError } from './scenario/parse-scenario.js';
import { type ResolvedScenario, resolveScenario } from './scenario/resolve-scenario.js';
import type { ScenarioInput } from './scenario/schema.js';
import { meetsThreshold, PUBLISHED_HALF_STEP_PCT } from './threshold.js';

/** Annual results of one actor; money in million constant 2015 US$, shares as fractions. */
export interface ActorResult {
  readonly iso3: string;
  readonly name: string;
  /** NATO ally in each year (a scenario's enlargement included). */
  readonly ally: readonly boolean[];
  readonly gdp: readonly number[];
  readonly spending: readonly number[];
  /** Spending ÷ GDP over the year (annual means). */
  readonly burden: readonly number[];
  readonly capability: readonly number[];
  readonly threat: readonly number[];
  readonly spillIn: readonly number[];
  /** Capability ÷ threat: the security dilemma in one line (docs/model.md §4); `null` in a year without threat. */
  readonly securityRatio: readonly (number | null)[];
}

/** Totals of a bloc per year. */
export interface BlocResult {
  readonly id: 'NATO' | 'NATO_EUR_CAN' | 'RUS_BLOC';
  readonly name: string;
  readonly members: readonly (readonly string[])[];
  readonly gdp: readonly number[];
  readonly spending: readonly number[];
  /** Spending ÷ GDP of the members; `null` in a year the bloc has none. */
  readonly burden: readonly (number | null)[];
  readonly capability: readonly number[];
}

/** Indicators per year (docs/model.md §4). */
export interface Indicators {
  /**
   * Wallace's race intensity from the real growth of NATO's and the Russian bloc's spending; `null`
   * in the first year and where a bloc had no spending the year before.
   */
  readonly raceIntensity: readonly (number | null)[];
  /** Capability of NATO Europe and Canada ÷ the Russian bloc's. */
  readonly balanceEuropeCanada: readonly number[];
  /** Capability of all NATO ÷ the Russian bloc's. */
  readonly balanceNato: readonly number[];
  /** Proximity-weighted frontline balance: Russia's threat ÷ Russia's own capability. */
  readonly frontlineBalance: readonly (number | null)[];
  readonly alliesAt2: readonly number[];
  readonly alliesAt35: readonly number[];
  readonly allies: readonly number[];
}

export interface SimulationResult {
  readonly model: 'demand';
  readonly scenario: ResolvedScenario;
  readonly years: readonly number[];
  readonly actors: readonly ActorResult[];
  readonly blocs: readonly BlocResult[];
  readonly indicators: Indicators;
  /** Stability margin at the start of the years asked for (docs/model.md §4). */
  readonly stability: readonly StabilityReport[];
  readonly solver: {
    readonly name: string;
    readonly steps: number;
    readonly evaluations: number;
    /** The kernel that integrated the run: `wasm` (WebAssembly) or `typescript`; the same bits. */
    readonly kernel: 'wasm' | 'typescript';
  };
}

/**
 * The largest burden a run may report (a share of GDP): the model holds every burden between its
 * bounds (s_max at most 1.25 times a start burden of at most 1), so beyond this the integration has
 * diverged.
 */
export const MAX_BURDEN = 2;
/** How far below zero rounding may take a burden. */
const BURDEN_SLACK = 1e-9;

/**
 * Half of 0.01 percentage point, as a share of GDP: the rounding of NATO's published burdens.
 * Counts of allies at a threshold apply it through {@link meetsThreshold}.
 */
export const ROUNDING_TOLERANCE = PUBLISHED_HALF_STEP_PCT / 100;

/**
 * Run a scenario of the alliance-demand model and return annual results per actor and bloc.
 *
 * @throws {ScenarioError} when the scenario does not fit the dataset (unknown country …), names
 *   `model: richardson`, or its run leaves the range of finite numbers (naming the field most likely
 *   responsible: a result never holds `NaN` or `Infinity`).
 * @example simulate(parseScenario('end: 2030'), loadDataset()).years // [2025, …, 2029]
 */
export function simulate(input: ScenarioInput, dataset: Dataset, options: SimulateOptions = {}): SimulationResult {
  refuseRichardson(input);
  const scenario = resolveScenario(input, dataset);
  const model = buildDemandModel(scenario, dataset);
  return runDemand(scenario, model, options);
}

/** @throws {ScenarioError} for `model: richardson`, which {@link simulate} does not run. */
function refuseRichardson(input: ScenarioInput): void {
  if (input.model === 'richardson')
    throw scenarioError(
      'scenario.model',
      'richardson',
      '"richardson" is not the demand model that simulate runs; run it with runScenario or simulateRichardson, or remove model: richardson',
    );
}

/** A run whose stability margins are computed only when asked for: see {@link simulateStaged}. */
export interface StagedRun {
  /** The run without its stability margins (`stability` is empty). */
  readonly result: SimulationResult;
  /**
   * The margins of `stabilityYears`: with them the result is what {@link simulate} returns.
   *
   * @throws {ScenarioError} as {@link simulate} does when a margin is not a finite number.
   */
  stability(): readonly StabilityReport[];
}

/**
 * {@link simulate} in two stages: the run first, then its stability margins (a Jacobian and its
 * eigenvalues a year, often more time than the run itself), for a caller that shows the run
 * without waiting for them. `{ ...result, stability: stability() }` equals `simulate(input,
 * dataset, options)`.
 *
 * @throws {ScenarioError} as {@link simulate}.
 * @example simulateStaged(parseScenario(''), loadDataset(), { stabilityYears: [2035] }).stability()[0]?.margin
 */
export function simulateStaged(input: ScenarioInput, dataset: Dataset, options: SimulateOptions = {}): StagedRun {
  refuseRichardson(input);
  const scenario = resolveScenario(input, dataset);
  const model = buildDemandModel(scenario, dataset);
  return runDemandStaged(scenario, model, options);
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /**
   * Years at whose start to compute the stability margin (a Jacobian and its eigenvalues each,
   * a few milliseconds); default none.
   */
  readonly stabilityYears?: readonly number[];
  /** The kernel that integrates the run with RK4 (same bits either way); default `auto`. */
  readonly kernel?: KernelChoice;
}

/** Integrate a compiled model and reduce it to annual results. */
export function runDemand(
  scenario: ResolvedScenario,
  model: DemandModel,
  options: SimulateOptions = {},
): SimulationResult {
  const staged = runDemandStaged(scenario, model, options);
  return { ...staged.result, stability: staged.stability() };
}

/** {@link runDemand} in the two stages of {@link simulateStaged}. */
export function runDemandStaged(
  scenario: ResolvedScenario,
  model: DemandModel,
  options: SimulateOptions = {},
): StagedRun {
  const { start, end } = scenario;
  const nYears = end - start;
  const n = model.n;
  const annual = integrateGuarded(scenario, model, options.kernel);
  const solver = annual.solver;
  const years = Array.from({ length: nYears }, (_, k) => start + k);
  const row = (f: Float64Array, i: number) => Array.from(f.subarray(i * nYears, (i + 1) * nYears));
  const sums = annual;
  const actors: ActorResult[] = scenario.actors.map((a, i) => {
    const gdp = row(sums.gdp, i);
    const spending = row(sums.spending, i);
    const capability = row(sums.capability, i);
    const threat = row(sums.threat, i);
    return {
      iso3: a.iso3,
      name: a.name,
      ally: years.map((y) => model.isAlly(i, y)),
      gdp,
      spending,
      burden: spending.map((m, k) => m / (gdp[k] as number)),
      capability,
      threat,
      spillIn: row(sums.spillIn, i),
      securityRatio: capability.map((c, k) => ((threat[k] as number) > 0 ? c / (threat[k] as number) : null)),
    };
  });

  // Blocs and indicators: the one reduction the ensemble uses too, for one member.
  const reduced = reduceRun(model, scenario, annual);
  const output = (id: string) => Array.from(reduced.subarray(outputIndex(id) * nYears, (outputIndex(id) + 1) * nYears));
  const orNull = (v: readonly number[]) => v.map((x) => (Number.isNaN(x) ? null : x));
  const [nato, europe, rus] = BLOCS.map(
    (b): BlocResult => ({
      id: b.id,
      name: b.name,
      members: years.map((y) =>
        scenario.actors.filter((a, i) => inBloc(b.id, a, model.isAlly(i, y))).map((a) => a.iso3),
      ),
      gdp: output(`${b.id}.gdp`),
      spending: output(`${b.id}.spending`),
      burden: orNull(output(`${b.id}.burden`)),
      capability: output(`${b.id}.capability`),
    }),
  ) as [BlocResult, BlocResult, BlocResult];
  const indicators: Indicators = {
    raceIntensity: orNull(output('race_intensity')),
    balanceEuropeCanada: output('balance'),
    balanceNato: output('balance_nato'),
    frontlineBalance: orNull(output('RUS.frontline_balance')),
    alliesAt2: output('allies_at_2'),
    alliesAt35: output('allies_at_3.5'),
    allies: output('allies'),
  };
  const stability = () => {
    const reports = (options.stabilityYears ?? [])
      .filter((y) => y >= start && y <= end)
      .map((y) => {
        const k = y - start;
        return stabilityMargin(model, y, annual.yearStates.slice(k * 2 * n, (k + 1) * 2 * n), {
          russianBloc: scenario.actors.map((a) => a.russianBloc),
        });
      });
    checkFiniteStability(scenario, reports);
    return reports;
  };
  const result: SimulationResult = {
    model: 'demand',
    scenario,
    years,
    actors,
    blocs: [nato, europe, rus],
    indicators,
    stability: [],
    solver,
  };
  checkFiniteResult(result);
  return { result, stability };
}

/**
 * Integrate a compiled model and check that every annual quantity is finite; the solver's own
 * refusals (an adaptive step that cannot reach the end) become scenario errors too.
 *
 * @throws {ScenarioError} naming the scenario field most likely responsible.
 */
function integrateGuarded(
  scenario: ResolvedScenario,
  model: DemandModel,
  kernel: KernelChoice = 'auto',
): ReturnType<typeof integrateAnnual> {
  let annual: ReturnType<typeof integrateAnnual>;
  try {
    annual = integrateAnnual(model, { stepYears: scenario.stepYears, solver: scenario.solver, kernel });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw scenarioError(
      'scenario.solver',
      scenario.solver,
      `${scenario.solver} could not integrate this scenario (${error.message.split(';')[0]}); its responses (response.*) or step (step_years) make the run diverge: use smaller values or the other solver`,
    );
  }
  const nYears = scenario.end - scenario.start;
  const fields = [
    ['gdp', annual.gdp],
    ['spending', annual.spending],
    ['capability', annual.capability],
    ['threat', annual.threat],
    ['spill-in', annual.spillIn],
  ] as const;
  // The earliest year in which any quantity of any actor is not finite.
  let worst: { field: string; i: number; k: number; value: number } | undefined;
  for (const [field, values] of fields) {
    for (let c = 0; c < values.length; c++) {
      const v = values[c] as number;
      if (Number.isFinite(v)) continue;
      const i = Math.floor(c / nYears);
      const k = c % nYears;
      if (worst === undefined || k < worst.k) worst = { field, i, k, value: v };
    }
  }
  // A burden leaves [0, s_max] only when the integration diverges (s_max ≤ 1.25 for a start burden ≤ 1).
  if (worst === undefined) {
    for (let c = 0; c < annual.gdp.length; c++) {
      const burden = (annual.spending[c] as number) / (annual.gdp[c] as number);
      if (burden >= -BURDEN_SLACK && burden <= MAX_BURDEN) continue;
      const k = c % nYears;
      if (worst === undefined || k < worst.k) worst = { field: 'burden', i: Math.floor(c / nYears), k, value: burden };
    }
  }
  if (worst !== undefined) throw divergence(scenario, worst.field, worst.i, worst.k, worst.value);
  return annual;
}

/** The scenario error for a quantity that left the finite numbers: the field most likely responsible. */
function divergence(scenario: ResolvedScenario, field: string, i: number, k: number, value: number): ScenarioError {
  const actor = scenario.actors[i];
  const iso3 = actor?.iso3 ?? '?';
  const year = scenario.start + k;
  const what =
    field === 'burden'
      ? `${iso3}'s burden is ${value.toPrecision(3)} in ${year}, outside 0 to ${MAX_BURDEN} (a share of GDP)`
      : `${iso3}'s ${field} is ${value} in ${year}`;
  const own = (map: Record<string, unknown> | undefined) => (map?.[iso3] !== undefined ? iso3 : 'default');
  if (field === 'gdp') {
    const growth = scenario.input.gdp?.long_run_growth;
    const path = growth !== undefined ? `scenario.gdp.long_run_growth.${own(growth)}` : 'scenario.gdp.usd_inflation';
    return scenarioError(path, value, `${what}: the GDP path leaves the finite numbers; use a smaller rate`);
  }
  if (field === 'spending' || field === 'burden') {
    const path = `scenario.response.${own(scenario.input.response)}`;
    return scenarioError(
      path,
      actor?.speed,
      `${what}: its burden diverges under these responses (elasticity ${actor?.elasticity}, spill_in ${actor?.spillIn}, speed ${actor?.speed}) and step (${scenario.stepYears}); use smaller ones, a shorter step_years or solver: dopri`,
    );
  }
  const path =
    field === 'capability'
      ? scenario.input.capability !== undefined
        ? 'scenario.capability'
        : 'scenario.geography.decay_km'
      : 'scenario.geography.decay_km';
  return scenarioError(
    path,
    field === 'capability' ? scenario.depreciation : scenario.decayKm,
    `${what}: the capability stocks and the proximity weights (decay_km ${scenario.decayKm}, depreciation ${scenario.depreciation}) leave the finite numbers; use values nearer the defaults (1500 km, 0.1)`,
  );
}

/**
 * The last line of defence: every number of a result is finite (`null` marks what does not exist).
 *
 * @throws {ScenarioError} naming the field most likely responsible.
 */
function checkFiniteResult(r: SimulationResult): void {
  const bad = (values: readonly (number | null)[]) => values.findIndex((v) => v !== null && !Number.isFinite(v));
  for (const [i, a] of r.actors.entries()) {
    const k = a.burden.findIndex((v) => !(v >= -BURDEN_SLACK && v <= MAX_BURDEN));
    if (k >= 0) throw divergence(r.scenario, 'burden', i, k, a.burden[k] as number);
    const q = bad(a.securityRatio);
    if (q >= 0) throw divergence(r.scenario, 'threat', i, q, a.securityRatio[q] as number);
  }
  const indicator = Object.entries(r.indicators).find(([, v]) => bad(v as readonly (number | null)[]) >= 0);
  const bloc = r.blocs.find((b) => [b.gdp, b.spending, b.burden, b.capability].some((v) => bad(v) >= 0));
  if (indicator !== undefined) throw notFinite(r.scenario, indicator[0]);
  if (bloc !== undefined) throw notFinite(r.scenario, `the ${bloc.name} bloc`);
  checkFiniteStability(r.scenario, r.stability);
}

/** @throws {ScenarioError} when a stability report holds a number that is not finite. */
function checkFiniteStability(scenario: ResolvedScenario, reports: readonly StabilityReport[]): void {
  const stability = reports.find(
    (s) =>
      ![s.margin, s.imaginary, ...Object.values(s.shares), ...Object.values(s.direction)].every((v) =>
        Number.isFinite(v),
      ),
  );
  if (stability !== undefined) throw notFinite(scenario, `the stability margin in ${stability.year}`);
}

function notFinite(scenario: ResolvedScenario, name: string): ScenarioError {
  return scenarioError(
    'scenario.actors',
    scenario.actors.map((a) => a.iso3),
    `${name} is not a finite number for these actors; a run needs allies or partners facing the Russian bloc (the default actors do)`,
  );
}
