import { type StabilityReport, stabilityMargin } from './analyze/stability.js';
import type { Dataset } from './data/dataset.js';
import { integrateAnnual } from './model/annual-means.js';
import { buildDemandModel, type DemandModel } from './model/demand.js';
import { type ResolvedScenario, resolveScenario } from './scenario/resolve-scenario.js';
import type { ScenarioInput } from './scenario/schema.js';

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
  /** Capability ÷ threat: the security dilemma in one line (MODEL.md §4). */
  readonly securityRatio: readonly number[];
}

/** Totals of a bloc per year. */
export interface BlocResult {
  readonly id: 'NATO' | 'NATO_EUR_CAN' | 'RUS_BLOC';
  readonly name: string;
  readonly members: readonly (readonly string[])[];
  readonly gdp: readonly number[];
  readonly spending: readonly number[];
  readonly burden: readonly number[];
  readonly capability: readonly number[];
}

/** Indicators per year (MODEL.md §4). */
export interface Indicators {
  /** Wallace's race intensity from the real growth of NATO's and the Russian bloc's spending. */
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
  /** Stability margin at the start of the years asked for (MODEL.md §4). */
  readonly stability: readonly StabilityReport[];
  readonly solver: { readonly name: string; readonly steps: number; readonly evaluations: number };
}

/** Half of 0.01 percentage point, as a share of GDP: the rounding of NATO's published burdens. */
export const ROUNDING_TOLERANCE = 0.00005;

/**
 * Run a scenario of the alliance-demand model and return annual results per actor and bloc.
 *
 * @throws {ScenarioError} when the scenario does not fit the dataset (unknown country …).
 * @example simulate(parseScenario('end: 2030'), loadDataset()).years // [2025, …, 2029]
 */
export function simulate(input: ScenarioInput, dataset: Dataset, options: SimulateOptions = {}): SimulationResult {
  const scenario = resolveScenario(input, dataset);
  const model = buildDemandModel(scenario, dataset);
  return runDemand(scenario, model, options);
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /**
   * Years at whose start to compute the stability margin (a Jacobian and its eigenvalues each,
   * a few milliseconds); default none.
   */
  readonly stabilityYears?: readonly number[];
}

/** Integrate a compiled model and reduce it to annual results. */
export function runDemand(
  scenario: ResolvedScenario,
  model: DemandModel,
  options: SimulateOptions = {},
): SimulationResult {
  const { start, end } = scenario;
  const nYears = end - start;
  const n = model.n;
  const annual = integrateAnnual(model, { stepYears: scenario.stepYears, solver: scenario.solver });
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
      securityRatio: capability.map((c, k) => ((threat[k] as number) > 0 ? c / (threat[k] as number) : Number.NaN)),
    };
  });

  const bloc = (id: BlocResult['id'], name: string, inBloc: (a: ActorResult, k: number) => boolean): BlocResult => {
    const members = years.map((_, k) => actors.filter((a) => inBloc(a, k)).map((a) => a.iso3));
    const total = (f: 'gdp' | 'spending' | 'capability') =>
      years.map((_, k) => actors.reduce((s, a) => (inBloc(a, k) ? s + (a[f][k] as number) : s), 0));
    const gdp = total('gdp');
    const spending = total('spending');
    return {
      id,
      name,
      members,
      gdp,
      spending,
      burden: spending.map((m, k) => m / (gdp[k] as number)),
      capability: total('capability'),
    };
  };
  const russian = new Set(scenario.actors.filter((a) => a.russianBloc).map((a) => a.iso3));
  const nato = bloc('NATO', 'NATO', (a, k) => a.ally[k] === true);
  const europe = bloc('NATO_EUR_CAN', 'NATO Europe and Canada', (a, k) => a.ally[k] === true && a.iso3 !== 'USA');
  const rus = bloc('RUS_BLOC', 'Russia and Belarus', (a) => russian.has(a.iso3));

  const growth = (v: readonly number[], k: number) => (k === 0 ? null : (v[k] as number) / (v[k - 1] as number) - 1);
  const russia = actors.find((a) => a.iso3 === 'RUS');
  // An ally meets a threshold when its burden, rounded to two decimals of a percent as NATO
  // publishes it, reaches it: a burden closing in on 3.5 % from below counts once it shows 3.50.
  const count = (share: number) =>
    years.map(
      (_, k) => actors.filter((a) => a.ally[k] && (a.burden[k] as number) >= share - ROUNDING_TOLERANCE).length,
    );
  const indicators: Indicators = {
    raceIntensity: years.map((_, k) => {
      const a = growth(nato.spending, k);
      const b = growth(rus.spending, k);
      return a === null || b === null ? null : Math.sqrt(Math.max(0, a) * Math.max(0, b));
    }),
    balanceEuropeCanada: years.map((_, k) => (europe.capability[k] as number) / (rus.capability[k] as number)),
    balanceNato: years.map((_, k) => (nato.capability[k] as number) / (rus.capability[k] as number)),
    frontlineBalance: years.map((_, k) =>
      russia === undefined ? null : (russia.threat[k] as number) / (russia.capability[k] as number),
    ),
    alliesAt2: count(0.02),
    alliesAt35: count(0.035),
    allies: years.map((_, k) => actors.filter((a) => a.ally[k]).length),
  };
  const stability = (options.stabilityYears ?? [])
    .filter((y) => y >= start && y <= end)
    .map((y) => {
      const k = y - start;
      return stabilityMargin(model, y, annual.yearStates.slice(k * 2 * n, (k + 1) * 2 * n), {
        russianBloc: scenario.actors.map((a) => a.russianBloc),
      });
    });
  return { model: 'demand', scenario, years, actors, blocs: [nato, europe, rus], indicators, stability, solver };
}
