import { type RandomGenerator, stream } from '../math/random.js';
import { type AnnualMeans, integrateAnnual } from '../model/annual-means.js';
import { buildDemandModel, type DemandModel, type MemberParameters } from '../model/demand/index.js';
import { demandJacobians } from '../model/stability.js';
import { scenarioError } from '../scenario/parse-scenario.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import { MAX_BURDEN } from '../simulate.js';
import { eigenvalues } from '../solve/eigenvalues.js';
import { addAllToHistogram } from './histogram.js';
import { computeSeries, seriesDefinitions } from './series.js';
import { ensembleStepping } from './setup.js';
import { CHUNK_MEMBERS, type ChunkSummary, type EnsembleSetup } from './types.js';

/** Draw member `member`'s parameters and GDP shocks from its own stream `(seed, member)`. */
export function drawMember(
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
 * The `configure` of members `first` to `first + M − 1` of an ensemble: each member's parameters
 * and GDP shocks drawn from its own stream `(seed, member)`, whatever chunk it falls in.
 */
export function drawMembers(
  setup: EnsembleSetup,
  first: number,
  M: number,
): (parameters: MemberParameters, shock: Float64Array | undefined) => void {
  const streams = Array.from({ length: M }, (_, m) => stream(setup.seed, first + m));
  const { actors, start, end } = setup.scenario;
  const shape = { n: actors.length, gdpFirstYear: start - 1, gdpYears: end - start + 3, members: M };
  return (parameters, shock) => {
    for (let m = 0; m < M; m++) drawMember(setup, shape, streams[m] as RandomGenerator, shock, m, parameters);
  };
}

/**
 * Run chunk `chunk` of an ensemble (members `chunk·32` to `chunk·32 + count − 1`) and summarise it.
 * Each member's draws come from `stream(seed, member)` alone.
 */
export function runChunk(setup: EnsembleSetup, chunk: number, runs: number, counts: Int32Array): ChunkSummary {
  const first = chunk * CHUNK_MEMBERS;
  const M = Math.min(CHUNK_MEMBERS, runs - first);
  if (!(M > 0)) throw new RangeError(`chunk: ${chunk} is past the last member ${runs - 1}`);
  const { model, annual, values } = runMembers(setup, M, drawMembers(setup, first, M));
  const S = setup.series.length;
  const Y = setup.years.length;
  const sums = new Float64Array(S * Y);
  const column = new Float64Array(M);
  const scratch = new Float64Array(M);
  for (let s = 0; s < S; s++) {
    for (let y = 0; y < Y; y++) {
      const c = s * Y + y;
      for (let m = 0; m < M; m++) column[m] = values[(s * M + m) * Y + y] as number;
      sums[c] = addAllToHistogram(counts, c, setup.centers[c] as number, column, M, scratch);
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

/** Compile the model of M members whose parameters `configure` sets (and whose GDP shocks it may fill). */
export function buildMembers(
  setup: EnsembleSetup,
  M: number,
  configure: (parameters: MemberParameters, shock: Float64Array | undefined) => void,
): DemandModel {
  let shock: Float64Array | undefined;
  return buildDemandModel(setup.scenario, setup.dataset, {
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
  const model = buildMembers(setup, M, configure);
  const annual = integrateAnnual(model, { ...ensembleStepping(setup.input), kernel: setup.kernel });
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
export function checkMembers(
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
export function countUnstable(model: DemandModel, yearStates: Float64Array, yearIndex: number): number {
  const size = 2 * model.n * model.members;
  const y = yearStates.slice(yearIndex * size, (yearIndex + 1) * size);
  let unstable = 0;
  for (const J of demandJacobians(model, model.start + yearIndex, y, model.members))
    if ((eigenvalues(J, 2 * model.n).real[0] as number) > 0) unstable++;
  return unstable;
}
