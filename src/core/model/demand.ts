import type { Dataset } from '../data/dataset.js';
import { observationAt } from '../data/dataset.js';
import { gdpPath } from '../data/gdp-path.js';
import { exp, expEach, log, logEach } from '../math/elementary.js';
import type { Derivative } from '../solve/derivative.js';
import { relation } from './blocs.js';
import { perpetualInventory } from './capability.js';
import type { ResolvedScenario } from './parameters.js';
import { pledgePath } from './pledge-path.js';
import { greatCircleKm } from './proximity.js';
import { warBurden } from './war.js';

/** Quantities derived from the state at one time, one entry per actor and member (`i·M + m`). */
export interface DemandSnapshot {
  readonly gdp: Float64Array;
  readonly spending: Float64Array;
  readonly threat: Float64Array;
  readonly spillIn: Float64Array;
  readonly target: Float64Array;
}

/**
 * The parameters of every member of a run, actor-major with the members innermost: entry
 * `i·M + m` belongs to actor `i` and member `m` (M = 1 for a single run). Pledge arrays are
 * `(k·n + i)·M + m` for pledge `k`.
 */
export interface MemberParameters {
  readonly members: number;
  readonly pledgeCount: number;
  readonly elasticity: Float64Array;
  readonly spillIn: Float64Array;
  readonly speed: Float64Array;
  readonly compliance: Float64Array;
  /** 1 where the pledge path is a floor under the burden (`compliance: binding`), else 0. */
  readonly binding: Float64Array;
  readonly buildShare: Float64Array;
  readonly floor: Float64Array;
  readonly minShare: Float64Array;
  readonly maxShare: Float64Array;
  readonly warExtra: Float64Array;
  /** Year the war ends; `Infinity` while it is ongoing. */
  readonly warUntil: Float64Array;
  readonly warFade: Float64Array;
  readonly pledgeTarget: Float64Array;
  readonly pledgeFrom: Float64Array;
  readonly pledgeBy: Float64Array;
  /** Per member: decay length `D` (km) and depreciation `δ` (1/years). */
  readonly decayKm: Float64Array;
  readonly depreciation: Float64Array;
  /** Log-GDP offsets per year, actor and member, `(y·n + i)·M + m`, added to the GDP path; optional. */
  readonly gdpShock: Float64Array | undefined;
}

/**
 * The alliance-demand model of MODEL.md §2, compiled for speed over M members in flat
 * `Float64Array`s with the members innermost: the state is `[s_1…s_n, K_1…K_n]` for every member
 * side by side, entry `i·M + m` the burden of actor `i` in member `m` (a share of GDP) and
 * `(n + i)·M + m` its capability stock (million constant 2015 US$). Every loop over actors runs
 * over the members in unit stride, and each actor's sums over its adversaries and allies serve
 * all members at once. A single run has M = 1.
 */
export interface DemandModel {
  readonly n: number;
  readonly members: number;
  readonly codes: readonly string[];
  readonly start: number;
  readonly end: number;
  /** First year of the GDP table and its number of years (for GDP shocks). */
  readonly gdpFirstYear: number;
  readonly gdpYears: number;
  /** The state at `start`. */
  readonly initialState: Float64Array;
  readonly parameters: MemberParameters;
  /** `b_i`, the baseline desired burden `s_i(t0) − w_i(t0)`, per actor and member. */
  readonly baseline: Float64Array;
  /** `Θ_i` and `Φ_i` the demand is normalised by (see {@link buildDemandModel}), per actor and member. */
  readonly threatReference: Float64Array;
  readonly spillInReference: Float64Array;
  /** Great-circle distances between capitals, km, row-major n×n. */
  readonly distanceKm: Float64Array;
  /**
   * Proximity weights `ω_ij`: one n×n matrix (`i·n + j`) that every member shares when
   * `sharedProximity` (all members have the same decay length and floors), else `(i·n + j)·M + m`.
   */
  readonly proximity: Float64Array;
  readonly sharedProximity: boolean;
  readonly derivative: Derivative;
  /**
   * Fill `out` with the quantities derived from state `y` at time `t`. With `dydt`, also write the
   * derivative at `(t, y)` into it: the same numbers as {@link DemandModel.derivative}, from the
   * same evaluation of the threat and spill-in sums, except where a binding pledge path bends at
   * `t` (its start or due year): `derivative` takes the path's slope before `t`, the last stage of
   * a step that ends there, and `snapshot` its slope after `t`, the first stage of a step that
   * starts there (so RK4 follows a path that bends on a step boundary exactly).
   */
  snapshot(t: number, y: Float64Array, out: DemandSnapshot, dydt?: Float64Array): void;
  /** Allocate buffers for {@link DemandModel.snapshot}. */
  createSnapshot(): DemandSnapshot;
  /** True when actor `i` is a NATO ally at time `t`. */
  isAlly(i: number, t: number): boolean;
}

/**
 * The part of a compiled demand model that no member parameter changes: GDP paths, burden
 * histories, distances, blocs per period, and the proximity weights and start capabilities under
 * the scenario's own decay length, floors, depreciation and build shares. An ensemble prepares it
 * once and compiles each chunk of members from it ({@link DemandModelOptions.prepared}).
 */
export interface PreparedDemandModel {
  readonly scenario: ResolvedScenario;
  readonly dataset: Dataset;
  readonly gdpFirstYear: number;
  readonly gdpYears: number;
  /** ln GDP per actor and year, `i·gdpYears + y`, years `gdpFirstYear …`. */
  readonly lnGdp: Float64Array;
  /** Military spending per actor and year before the start, for the perpetual inventory; empty without data. */
  readonly spendingHistory: readonly (readonly number[])[];
  /** `K_i(t0)` with the scenario's depreciation and build share (`NaN` for an actor without history). */
  readonly capability: Float64Array;
  readonly distanceKm: Float64Array;
  /** `ω_ij` with the scenario's decay length and floors, `i·n + j`. */
  readonly proximity: Float64Array;
  /** Start of each period between membership changes. */
  readonly periodStarts: Float64Array;
  /** Per period, each actor's adversaries and allies as compressed rows (start offsets, columns). */
  readonly rows: readonly {
    readonly hostile: { readonly start: Int32Array; readonly column: Int32Array };
    readonly friendly: { readonly start: Int32Array; readonly column: Int32Array };
  }[];
  /** Year each actor joins NATO (`Infinity`: never). */
  readonly joins: Float64Array;
  readonly pledgeCount: number;
}

/** Options of {@link buildDemandModel}. */
export interface DemandModelOptions {
  /** Members run side by side (default 1). */
  readonly members?: number;
  /** The member-independent part, from {@link prepareDemandModel} for the same scenario and dataset. */
  readonly prepared?: PreparedDemandModel;
  /**
   * Change members' parameters before the model derives its references (baseline burdens,
   * proximity weights, threat normalisation): the hook of ensembles.
   */
  readonly configure?: (parameters: MemberParameters) => void;
  /** Log-GDP offsets, `(y·n + i)·members + m` (see {@link DemandModel.gdpYears}). */
  readonly gdpShock?: (model: {
    n: number;
    gdpFirstYear: number;
    gdpYears: number;
    members: number;
  }) => Float64Array | undefined;
}

type Actor = ResolvedScenario['actors'][number];

/**
 * Prepare what every compilation of the demand model for this scenario and dataset shares.
 *
 * @throws {RangeError} when an actor has no GDP data or no capital coordinates.
 * @example prepareDemandModel(scenario, dataset).periodStarts[0] // scenario.start
 */
export function prepareDemandModel(scenario: ResolvedScenario, dataset: Dataset): PreparedDemandModel {
  const actors = scenario.actors;
  const n = actors.length;
  const codes = actors.map((a) => a.iso3);
  const { start, end } = scenario;

  // GDP: log-linear between mid-year points, years start-1 … end+1.
  const gdpFirstYear = start - 1;
  const gdpYears = end - start + 3;
  const lnGdp = new Float64Array(n * gdpYears);
  const paths = actors.map((a) =>
    gdpPath(dataset, a.iso3, {
      ...(scenario.usdInflation !== undefined ? { usdInflation: scenario.usdInflation } : {}),
      ...(a.longRunGrowth !== undefined ? { longRunGrowth: a.longRunGrowth } : {}),
    }),
  );
  for (const [i, p] of paths.entries()) {
    for (let k = 0; k < gdpYears; k++) {
      const v = p.at(gdpFirstYear + k);
      if (v === undefined || !(v > 0)) throw new RangeError(`${codes[i]}: no GDP for ${gdpFirstYear + k}`);
      lnGdp[i * gdpYears + k] = log(v);
    }
  }

  // Spending over the burden history, for the capability at the start (perpetual inventory).
  const spendingHistory = actors.map((a, i) => {
    const series = dataset.series(a.iso3, 'milex_share_gdp', scenario.burdenSource);
    const spending: number[] = [];
    let share: number | undefined;
    if (series !== undefined) {
      for (let y = series.firstYear; y < start; y++) {
        share = observationAt(series, y)?.value ?? share;
        const gdp = paths[i]?.at(y);
        if (share !== undefined && gdp !== undefined) spending.push((share / 100) * gdp);
      }
    }
    return spending;
  });
  const capability = Float64Array.from(actors, (a, i) => {
    const history = spendingHistory[i] as number[];
    return history.length > 0 ? perpetualInventory(history, scenario.depreciation, a.buildShare) : Number.NaN;
  });

  // Distances, and the proximity weights ω_ij = max(π_j, exp(−d_ij / D)) of the scenario.
  const distanceKm = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ci = dataset.country(codes[i] as string)?.capital;
    for (let j = 0; j < n; j++) {
      const cj = dataset.country(codes[j] as string)?.capital;
      if (ci === undefined || cj === undefined)
        throw new RangeError(`${codes[i]} or ${codes[j]}: no capital coordinates`);
      distanceKm[i * n + j] = greatCircleKm(ci, cj);
    }
  }
  const floors = Float64Array.from(actors, (a) => a.floor);
  const proximity = new Float64Array(n * n);
  fillProximity(n, distanceKm, scenario.decayKm, floors, 0, 1, proximity, 0, 1);

  // Periods between membership changes: which pairs are adversaries (+1) or allies (−1).
  const boundaries = [...new Set(actors.map((a) => a.joinsNato).filter((y) => y > start && y < end))].sort(
    (a, b) => a - b,
  );
  const periodStarts = Float64Array.from([start, ...boundaries]);
  const rows = Array.from(periodStarts, (t) => {
    const rel = new Int8Array(n * n);
    for (let i = 0; i < n; i++) {
      const ai = actors[i] as Actor;
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const aj = actors[j] as Actor;
        rel[i * n + j] = relation({ ...ai, ally: t >= ai.joinsNato }, { ...aj, ally: t >= aj.joinsNato });
      }
    }
    const build = (sign: number) => {
      const rowStart = new Int32Array(n + 1);
      const column: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) if (rel[i * n + j] === sign) column.push(j);
        rowStart[i + 1] = column.length;
      }
      return { start: rowStart, column: Int32Array.from(column) };
    };
    return { hostile: build(1), friendly: build(-1) };
  });

  return {
    scenario,
    dataset,
    gdpFirstYear,
    gdpYears,
    lnGdp,
    spendingHistory,
    capability,
    distanceKm,
    proximity,
    periodStarts,
    rows,
    joins: Float64Array.from(actors, (a) => a.joinsNato),
    pledgeCount: Math.max(0, ...actors.map((a) => a.pledges.length)),
  };
}

/**
 * Write `ω_ij = max(π_j, exp(−d_ij / D))` (0 on the diagonal) into `out[(i·n + j)·stride + offset]`,
 * with the floors read at `floor[j·floorStride + floorOffset]`.
 */
function fillProximity(
  n: number,
  distanceKm: Float64Array,
  decayKm: number,
  floor: Float64Array,
  floorOffset: number,
  floorStride: number,
  out: Float64Array,
  offset: number,
  stride: number,
): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const w = exp(-(distanceKm[i * n + j] as number) / decayKm);
      out[(i * n + j) * stride + offset] = Math.max(floor[j * floorStride + floorOffset] as number, w);
    }
  }
}

/**
 * Compile the demand model for a resolved scenario over the dataset.
 *
 * Blocs: NATO allies (from their accession year, or a scenario's enlargement year), the Russian
 * bloc (Russia, Belarus) and NATO's partners (Ukraine), which Russia counts as adversaries.
 * An actor's threat `Θ_i` sums `ω_ij K_j` over its adversaries, its spill-in `Φ_i` over its allies.
 * Both are normalised by their value at the start with the blocs of the first period in which the
 * actor has adversaries (allies), so an actor that joins later never divides by zero.
 *
 * @throws {RangeError} when an actor has no GDP or burden data, `members` is not a positive
 *   integer, or `prepared` was made for another scenario or dataset.
 */
export function buildDemandModel(
  scenario: ResolvedScenario,
  dataset: Dataset,
  options: DemandModelOptions = {},
): DemandModel {
  const actors = scenario.actors;
  const n = actors.length;
  const M = options.members ?? 1;
  if (!Number.isInteger(M) || M < 1) throw new RangeError(`members: ${M} must be a positive whole number`);
  const prepared = options.prepared ?? prepareDemandModel(scenario, dataset);
  if (prepared.scenario !== scenario || prepared.dataset !== dataset)
    throw new RangeError(
      'prepared: made for another scenario or dataset; pass prepareDemandModel(scenario, dataset) for this one',
    );
  const codes = actors.map((a) => a.iso3);
  const { start, end } = scenario;
  const { gdpFirstYear, gdpYears, distanceKm } = prepared;
  const P = prepared.pledgeCount;
  const nM = n * M;

  // Member parameters: the scenario's values in every member, then the caller's changes.
  const perActor = (value: (a: Actor) => number) => {
    const out = new Float64Array(nM);
    for (let i = 0; i < n; i++) out.fill(value(actors[i] as Actor), i * M, (i + 1) * M);
    return out;
  };
  const perPledge = (value: (p: Actor['pledges'][number]) => number) => {
    const out = new Float64Array(nM * P);
    for (let k = 0; k < P; k++) {
      for (let i = 0; i < n; i++) {
        const p = (actors[i] as Actor).pledges[k];
        out.fill(p === undefined ? Number.NEGATIVE_INFINITY : value(p), (k * n + i) * M, (k * n + i + 1) * M);
      }
    }
    return out;
  };
  const parameters: MemberParameters = {
    members: M,
    pledgeCount: P,
    elasticity: perActor((a) => a.elasticity),
    spillIn: perActor((a) => a.spillIn),
    speed: perActor((a) => a.speed),
    compliance: perActor((a) => a.compliance),
    binding: perActor((a) => (a.binding ? 1 : 0)),
    buildShare: perActor((a) => a.buildShare),
    floor: perActor((a) => a.floor),
    minShare: perActor((a) => a.minShare),
    maxShare: perActor((a) => a.maxShare),
    warExtra: perActor((a) => a.war.extraShare),
    warUntil: perActor((a) => a.war.until ?? Number.POSITIVE_INFINITY),
    warFade: perActor((a) => a.war.fadeYears),
    pledgeTarget: perPledge((p) => p.targetShare),
    pledgeFrom: perPledge((p) => p.from),
    pledgeBy: perPledge((p) => p.by),
    decayKm: new Float64Array(M).fill(scenario.decayKm),
    depreciation: new Float64Array(M).fill(scenario.depreciation),
    gdpShock: options.gdpShock?.({ n, gdpFirstYear, gdpYears, members: M }),
  };
  options.configure?.(parameters);
  const { buildShare: phi, decayKm, depreciation, floor } = parameters;

  // Proximity weights: one matrix when every member has the same decay length and floors (the
  // scenario's own, prepared, or member 0's), else one per member, members innermost.
  let sharedProximity = true;
  for (let m = 1; m < M && sharedProximity; m++) {
    if (decayKm[m] !== decayKm[0]) sharedProximity = false;
    for (let i = 0; i < n && sharedProximity; i++) if (floor[i * M + m] !== floor[i * M]) sharedProximity = false;
  }
  let proximity: Float64Array;
  if (sharedProximity) {
    const scenarios = decayKm[0] === scenario.decayKm && actors.every((a, i) => floor[i * M] === a.floor);
    proximity = scenarios ? prepared.proximity : new Float64Array(n * n);
    if (!scenarios) fillProximity(n, distanceKm, decayKm[0] as number, floor, 0, M, proximity, 0, 1);
  } else {
    proximity = new Float64Array(n * n * M);
    for (let m = 0; m < M; m++) fillProximity(n, distanceKm, decayKm[m] as number, floor, m, M, proximity, m, M);
  }

  const kernel = new DemandKernel(n, M, prepared, parameters, proximity, sharedProximity);

  // Capability at the start by the perpetual inventory over the burden history (per member δ, φ;
  // the prepared value where they are the scenario's, the previous member's where they repeat).
  const initialState = new Float64Array(2 * nM);
  for (let i = 0; i < n; i++) {
    const a = actors[i] as Actor;
    const history = prepared.spendingHistory[i] as readonly number[];
    for (let m = 0; m < M; m++) {
      const o = i * M + m;
      const dm = depreciation[m] as number;
      const fo = phi[o] as number;
      initialState[o] = a.startShare;
      let capability: number;
      if (history.length === 0) {
        capability = perpetualInventory([a.startShare * gdpOf(kernel, i, m, start)], dm, fo);
      } else if (dm === scenario.depreciation && fo === a.buildShare) {
        capability = prepared.capability[i] as number;
      } else if (m > 0 && dm === depreciation[m - 1] && fo === phi[o - 1]) {
        capability = initialState[nM + o - 1] as number;
      } else {
        capability = perpetualInventory(history as number[], dm, fo);
      }
      initialState[nM + o] = capability;
    }
  }

  // References: Θ_i and Φ_i at the start, with the blocs of the first period that gives one.
  const threatReference = kernel.threatReference;
  const spillInReference = kernel.spillInReference;
  {
    const theta = new Float64Array(nM);
    const spill = new Float64Array(nM);
    for (let p = 0; p < prepared.periodStarts.length; p++) {
      exposures(kernel, p, initialState, theta, spill);
      for (let o = 0; o < nM; o++) {
        if (threatReference[o] === 0 && (theta[o] as number) > 0) threatReference[o] = theta[o] as number;
        if (spillInReference[o] === 0 && (spill[o] as number) > 0) spillInReference[o] = spill[o] as number;
      }
    }
  }
  // Baseline b = s(t0) − w(t0); each pledge path starts from it.
  const { warExtra, warUntil, warFade } = parameters;
  for (let o = 0; o < nM; o++) {
    kernel.baseline[o] =
      (initialState[o] as number) -
      warBurden(warExtra[o] as number, warUntil[o] as number, warFade[o] as number, start);
  }
  kernel.complete();

  const derivative: Derivative = (t, y, out) => {
    evaluate(kernel, t, y, kernel.theta, kernel.spill, out);
  };
  const createSnapshot = (): DemandSnapshot => ({
    gdp: new Float64Array(nM),
    spending: new Float64Array(nM),
    threat: new Float64Array(nM),
    spillIn: new Float64Array(nM),
    target: new Float64Array(nM),
  });
  const snapshot = (t: number, y: Float64Array, out: DemandSnapshot, dydt?: Float64Array) => {
    observe(kernel, t, y, out, dydt);
  };
  const joins = prepared.joins;

  return {
    n,
    members: M,
    codes,
    start,
    end,
    gdpFirstYear,
    gdpYears,
    initialState,
    parameters,
    baseline: kernel.baseline,
    threatReference,
    spillInReference,
    distanceKm,
    proximity,
    sharedProximity,
    derivative,
    snapshot,
    createSnapshot,
    isAlly: (i: number, t: number) => t >= (joins[i] as number),
  };
}

/** Values per entry in {@link DemandKernel.entry}. */
const ENTRY = 12;

/**
 * How far above its pledge path a binding entry's burden may be and still be held by the floor:
 * the rounding of a burden that follows the path (a few 1e-17) must not decide whether it does.
 */
const BINDING_SLACK = 1e-12;

/**
 * Rate (1/years) at which a binding entry's burden below its pledge path returns to it, on top of
 * the path's slope. The exact solution never goes below a path it starts on; a burden gets there
 * when it joins the alliance below the path, or when an integration step crosses the path (the
 * floor switches on inside the step, which a fixed step cannot resolve). 2 keeps RK4 monotone for
 * any step up to a year (its factor over a step of h is ≥ 1/3 for 2h ≤ 2).
 */
const FLOOR_RETURN = 2;

/**
 * Everything the inner loops read, in one object of fixed shape (so the compiled loops serve every
 * model): parameters, per-member constants expanded to every actor, scratch arrays, and the
 * quantities that depend on time alone (GDP, pledge paths, war terms) at the last time asked.
 */
class DemandKernel {
  readonly nM: number;
  readonly gdpFirstYear: number;
  readonly gdpYears: number;
  readonly lnGdp: Float64Array;
  readonly gdpShock: Float64Array | undefined;
  readonly periodStarts: Float64Array;
  /** Per period, the adversary and ally rows laid out for the sums. */
  readonly sums: readonly { readonly hostile: SumRows; readonly friendly: SumRows }[];
  readonly joins: Float64Array;
  readonly pledgeCount: number;
  readonly pledgeTarget: Float64Array;
  readonly pledgeFrom: Float64Array;
  readonly pledgeBy: Float64Array;
  readonly warExtra: Float64Array;
  readonly warUntil: Float64Array;
  readonly warFade: Float64Array;
  readonly speed: Float64Array;
  readonly compliance: Float64Array;
  readonly binding: Float64Array;
  readonly buildShare: Float64Array;
  readonly minShare: Float64Array;
  readonly maxShare: Float64Array;
  /** Depreciation of member m at every entry `i·M + m`. */
  readonly depreciation: Float64Array;
  readonly baseline: Float64Array;
  readonly threatReference: Float64Array;
  readonly spillInReference: Float64Array;
  /** `ε` where the threat term applies (ε ≠ 0 and Θ₀ > 0), else 0; likewise `η` with Φ₀. */
  readonly threatElasticity: Float64Array;
  readonly spillInElasticity: Float64Array;
  /** ln Θ₀ and ln Φ₀ (0 where the reference is 0). */
  readonly lnThreat0: Float64Array;
  readonly lnSpill0: Float64Array;
  /**
   * The per-entry constants of the derivative interleaved, {@link ENTRY} values per entry `o` from
   * `o·ENTRY`: λ, φ, δ, b, ε (where it applies), η (likewise), ln Θ₀, ln Φ₀, κ, s_min, s_max, and
   * the reach of the pledge floor: {@link BINDING_SLACK} where the pledge binds, −∞ where it does
   * not (so `s − P ≤ reach` is the one test of whether the floor holds). One array instead of
   * twelve: V8 checks each typed array it reads from on every element.
   */
  readonly entry: Float64Array;
  readonly elasticity: Float64Array;
  readonly spillIn: Float64Array;
  /** ln Θ and ln Φ of the last sums (−∞ where a sum is 0), for {@link targets}. */
  readonly lnTheta: Float64Array;
  readonly lnSpill: Float64Array;
  readonly theta: Float64Array;
  readonly spill: Float64Array;
  readonly gdpNow: Float64Array;
  readonly pledgeNow: Float64Array;
  /**
   * `dP/dt` of the highest pledge path just before and just after the last time asked (they differ
   * only where the path bends: at its start and due year); 0 outside the path's from…by and where no
   * pledge applies.
   */
  readonly pledgeSlope: Float64Array;
  readonly pledgeSlopeAhead: Float64Array;
  readonly warNow: Float64Array;
  /** `s*` of the last evaluation. */
  readonly target: Float64Array;
  /** A derivative no one reads (a snapshot without `dydt`), the state's size. */
  readonly scratch: Float64Array;
  /**
   * Per actor, 1 when all members share its pledges, baseline and war terms: its pledge path and
   * war burden are then computed once per time for all of them.
   */
  readonly sharedTerms: Uint8Array;
  /** Per actor, 1 when all members share its constants in {@link DemandKernel.entry}. */
  readonly sharedEntry: Uint8Array;
  termsTime = Number.NaN;

  constructor(
    readonly n: number,
    readonly M: number,
    prepared: PreparedDemandModel,
    parameters: MemberParameters,
    readonly proximity: Float64Array,
    readonly sharedProximity: boolean,
  ) {
    const nM = n * M;
    this.nM = nM;
    this.gdpFirstYear = prepared.gdpFirstYear;
    this.gdpYears = prepared.gdpYears;
    this.lnGdp = prepared.lnGdp;
    this.gdpShock = parameters.gdpShock;
    this.periodStarts = prepared.periodStarts;
    this.sums = prepared.rows.map((r) => ({
      hostile: sumRowsOf(n, M, r.hostile, proximity, sharedProximity),
      friendly: sumRowsOf(n, M, r.friendly, proximity, sharedProximity),
    }));
    this.joins = prepared.joins;
    this.pledgeCount = prepared.pledgeCount;
    this.pledgeTarget = parameters.pledgeTarget;
    this.pledgeFrom = parameters.pledgeFrom;
    this.pledgeBy = parameters.pledgeBy;
    this.warExtra = parameters.warExtra;
    this.warUntil = parameters.warUntil;
    this.warFade = parameters.warFade;
    this.speed = parameters.speed;
    this.compliance = parameters.compliance;
    this.binding = parameters.binding;
    this.buildShare = parameters.buildShare;
    this.minShare = parameters.minShare;
    this.maxShare = parameters.maxShare;
    this.elasticity = parameters.elasticity;
    this.spillIn = parameters.spillIn;
    this.depreciation = new Float64Array(nM);
    for (let i = 0; i < n; i++) this.depreciation.set(parameters.depreciation, i * M);
    this.baseline = new Float64Array(nM);
    this.threatReference = new Float64Array(nM);
    this.spillInReference = new Float64Array(nM);
    this.threatElasticity = new Float64Array(nM);
    this.spillInElasticity = new Float64Array(nM);
    this.lnThreat0 = new Float64Array(nM);
    this.lnSpill0 = new Float64Array(nM);
    this.entry = new Float64Array(nM * ENTRY);
    this.lnTheta = new Float64Array(nM);
    this.lnSpill = new Float64Array(nM);
    this.theta = new Float64Array(nM);
    this.spill = new Float64Array(nM);
    this.gdpNow = new Float64Array(nM);
    this.pledgeNow = new Float64Array(nM);
    this.pledgeSlope = new Float64Array(nM);
    this.pledgeSlopeAhead = new Float64Array(nM);
    this.warNow = new Float64Array(nM);
    this.target = new Float64Array(nM);
    this.scratch = new Float64Array(2 * nM);
    this.sharedTerms = new Uint8Array(n);
    this.sharedEntry = new Uint8Array(n);
  }

  /** Derive the constants of the demand term once the references are known. */
  complete(): void {
    const { n, M, nM } = this;
    const per = [this.baseline, this.warExtra, this.warUntil, this.warFade];
    for (let i = 0; i < n; i++) {
      const same = (a: Float64Array, o0: number) => {
        for (let o = o0 + 1; o < o0 + M; o++) if (!Object.is(a[o], a[o0])) return false;
        return true;
      };
      let shared = per.every((a) => same(a, i * M));
      for (let k = 0; shared && k < this.pledgeCount; k++) {
        const o0 = k * nM + i * M;
        shared = same(this.pledgeTarget, o0) && same(this.pledgeFrom, o0) && same(this.pledgeBy, o0);
      }
      this.sharedTerms[i] = shared ? 1 : 0;
    }
    for (let o = 0; o < this.nM; o++) {
      const theta0 = this.threatReference[o] as number;
      const spill0 = this.spillInReference[o] as number;
      const e = this.elasticity[o] as number;
      const h = this.spillIn[o] as number;
      this.threatElasticity[o] = e !== 0 && theta0 > 0 ? e : 0;
      this.spillInElasticity[o] = h !== 0 && spill0 > 0 ? h : 0;
      this.lnThreat0[o] = theta0 > 0 ? log(theta0) : 0;
      this.lnSpill0[o] = spill0 > 0 ? log(spill0) : 0;
      const q = o * ENTRY;
      this.entry[q] = this.speed[o] as number;
      this.entry[q + 1] = this.buildShare[o] as number;
      this.entry[q + 2] = this.depreciation[o] as number;
      this.entry[q + 3] = this.baseline[o] as number;
      this.entry[q + 4] = this.threatElasticity[o] as number;
      this.entry[q + 5] = this.spillInElasticity[o] as number;
      this.entry[q + 6] = this.lnThreat0[o] as number;
      this.entry[q + 7] = this.lnSpill0[o] as number;
      this.entry[q + 8] = this.compliance[o] as number;
      this.entry[q + 9] = this.minShare[o] as number;
      this.entry[q + 10] = this.maxShare[o] as number;
      this.entry[q + 11] = this.binding[o] !== 0 ? BINDING_SLACK : Number.NEGATIVE_INFINITY;
    }
    for (let i = 0; i < n; i++) {
      const q0 = i * M * ENTRY;
      let shared = true;
      for (let q = q0 + ENTRY; q < q0 + M * ENTRY && shared; q++)
        if (!Object.is(this.entry[q], this.entry[q0 + ((q - q0) % ENTRY)])) shared = false;
      this.sharedEntry[i] = shared ? 1 : 0;
    }
    this.termsTime = Number.NaN;
  }
}

/** Real GDP of actor i, member m at time t: log-linear between mid-year points. */
function gdpOf(kernel: DemandKernel, i: number, m: number, t: number): number {
  const { gdpYears, lnGdp, gdpShock, nM, M } = kernel;
  const p = t - 0.5 - kernel.gdpFirstYear;
  let k = Math.floor(p);
  if (k < 0) k = 0;
  if (k > gdpYears - 2) k = gdpYears - 2;
  const o = i * M + m;
  const a = (lnGdp[i * gdpYears + k] as number) + (gdpShock === undefined ? 0 : (gdpShock[k * nM + o] as number));
  const b =
    (lnGdp[i * gdpYears + k + 1] as number) + (gdpShock === undefined ? 0 : (gdpShock[(k + 1) * nM + o] as number));
  return exp(a + (p - k) * (b - a));
}

/**
 * The terms of every actor and member that depend on time alone, at `t`: GDP (log-linear between
 * mid-year points, plus the member's shocks), the highest pledge path once the actor is an ally
 * (`−∞` before, or without pledges) with its slope just before and just after `t`, and the war
 * burden. RK4 asks each time twice (its middle stages share one, and a step's last stage is the
 * next step's first), so they are kept for the last time asked.
 */
function timeTerms(kernel: DemandKernel, t: number): void {
  if (t === kernel.termsTime) return;
  const { n, M, nM, gdpYears, lnGdp, gdpShock, gdpNow, pledgeNow, warNow, joins, baseline, sharedTerms } = kernel;
  const { pledgeTarget, pledgeFrom, pledgeBy, pledgeSlope, pledgeSlopeAhead, warExtra, warUntil, warFade } = kernel;
  const P = kernel.pledgeCount;
  const p = t - 0.5 - kernel.gdpFirstYear;
  let k = Math.floor(p);
  if (k < 0) k = 0;
  if (k > gdpYears - 2) k = gdpYears - 2;
  const f = p - k;
  for (let i = 0; i < n; i++) {
    const la = lnGdp[i * gdpYears + k] as number;
    const lb = lnGdp[i * gdpYears + k + 1] as number;
    const o0 = i * M;
    if (gdpShock === undefined) {
      const g = exp(la + f * (lb - la));
      for (let o = o0; o < o0 + M; o++) gdpNow[o] = g;
    } else {
      // The exponents here, their exp for all actors at once below.
      for (let o = o0; o < o0 + M; o++) {
        const a = la + (gdpShock[k * nM + o] as number);
        const b = lb + (gdpShock[(k + 1) * nM + o] as number);
        gdpNow[o] = a + f * (b - a);
      }
    }
    const ally = P > 0 && t >= (joins[i] as number);
    // Members that share the actor's terms share the results: one member's, copied.
    const last = sharedTerms[i] === 1 ? o0 + 1 : o0 + M;
    for (let o = o0; o < last; o++) {
      let pledge = Number.NEGATIVE_INFINITY;
      // The highest path's slope just before and just after t: of paths level at t, the one that
      // was highest before t is the one that rose least, the one highest after t the one that rises most.
      let before = 0;
      let after = 0;
      if (ally) {
        const b = baseline[o] as number;
        for (let q = o; q < P * nM; q += nM) {
          const target = pledgeTarget[q] as number;
          const from = pledgeFrom[q] as number;
          const by = pledgeBy[q] as number;
          const v = pledgePath(b, target, from, by, t);
          const rate = by > from ? (target - b) / (by - from) : 0;
          const left = t > from && t <= by ? rate : 0;
          const right = t >= from && t < by ? rate : 0;
          if (v > pledge) {
            pledge = v;
            before = left;
            after = right;
          } else if (v === pledge) {
            if (left < before) before = left;
            if (right > after) after = right;
          }
        }
      }
      pledgeNow[o] = pledge;
      pledgeSlope[o] = before;
      pledgeSlopeAhead[o] = after;
      warNow[o] = warBurden(warExtra[o] as number, warUntil[o] as number, warFade[o] as number, t);
    }
    // A loop, not fill(): the builtin's call costs more than 32 stores.
    const pledge0 = pledgeNow[o0] as number;
    const before0 = pledgeSlope[o0] as number;
    const after0 = pledgeSlopeAhead[o0] as number;
    const war0 = warNow[o0] as number;
    for (let o = last; o < o0 + M; o++) {
      pledgeNow[o] = pledge0;
      pledgeSlope[o] = before0;
      pledgeSlopeAhead[o] = after0;
      warNow[o] = war0;
    }
  }
  if (gdpShock !== undefined) expEach(gdpNow, gdpNow);
  kernel.termsTime = t;
}

/** The period of membership that holds time `t`. */
function periodAt(kernel: DemandKernel, t: number): number {
  const starts = kernel.periodStarts;
  let p = 0;
  while (p + 1 < starts.length && t >= (starts[p + 1] as number)) p++;
  return p;
}

/**
 * The rows of one period in the order the sums read them. Row i covers the columns from its first
 * to its last adversary (or ally) j, every one in between, with weight `ω_ij` where j is one and 0
 * where it is not (the actor itself, an actor of another bloc): entry q of the row is column
 * `j₀ + (q − start[i])`, whose capability sits at `first[i] + (q − start[i])·M` in the state. A
 * zero weight adds ±0 to a sum, which leaves it unchanged for any finite capability; in exchange
 * the sums read no column index, and the allies' rows, whose only gap is the ally itself, are one
 * run each. Weights are shared (`weight[q]`) or per member (`weight[q·M + m]`).
 */
interface SumRows {
  readonly start: Int32Array;
  readonly first: Int32Array;
  readonly weight: Float64Array;
}

/** Lay out the compressed rows `start`, `column` (columns ascending) for the sums of {@link sumShared}. */
function sumRowsOf(
  n: number,
  M: number,
  rows: { readonly start: Int32Array; readonly column: Int32Array },
  proximity: Float64Array,
  shared: boolean,
): SumRows {
  const start = new Int32Array(n + 1);
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const q0 = rows.start[i] as number;
    const q1 = rows.start[i + 1] as number;
    const span = q1 > q0 ? (rows.column[q1 - 1] as number) - (rows.column[q0] as number) + 1 : 0;
    first[i] = q1 > q0 ? (n + (rows.column[q0] as number)) * M : 0;
    start[i + 1] = (start[i] as number) + span;
  }
  const weight = new Float64Array((start[n] as number) * (shared ? 1 : M));
  for (let i = 0; i < n; i++) {
    for (let q = rows.start[i] as number; q < (rows.start[i + 1] as number); q++) {
      const j = rows.column[q] as number;
      const at = (start[i] as number) + j - (rows.column[rows.start[i] as number] as number);
      if (shared) weight[at] = proximity[i * n + j] as number;
      else weight.set(proximity.subarray((i * n + j) * M, (i * n + j + 1) * M), at * M);
    }
  }
  return { start, first, weight };
}

/** Θ and Φ of every actor and member for state y in period p. */
function exposures(kernel: DemandKernel, p: number, y: Float64Array, theta: Float64Array, spill: Float64Array): void {
  const { hostile, friendly } = kernel.sums[p] as DemandKernel['sums'][number];
  const sum = kernel.sharedProximity ? sumShared : sumPerMember;
  sum(kernel.n, kernel.M, hostile, y, theta);
  sum(kernel.n, kernel.M, friendly, y, spill);
  // The logarithms in a loop of their own: V8 inlines log there, not in the derivative's loop.
  logEach(theta, kernel.lnTheta);
  logEach(spill, kernel.lnSpill);
}

/**
 * `out[i·M + m] = Σ_q ω_ij_q · K_j_q` over the entries q of row i, in column order (each sum exactly
 * as a plain loop adds it), eight members at a time so that eight sums proceed side by side.
 */
function sumShared(n: number, M: number, rows: SumRows, y: Float64Array, out: Float64Array): void {
  const { start, first, weight } = rows;
  for (let i = 0; i < n; i++) {
    const q0 = start[i] as number;
    const q1 = start[i + 1] as number;
    const k0 = first[i] as number;
    const o = i * M;
    let m = 0;
    for (; m + 8 <= M; m += 8) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      let a7 = 0;
      let k = (k0 + m) | 0;
      for (let q = q0; q < q1; q++) {
        const w = weight[q] as number;
        a0 += w * (y[k] as number);
        a1 += w * (y[(k + 1) | 0] as number);
        a2 += w * (y[(k + 2) | 0] as number);
        a3 += w * (y[(k + 3) | 0] as number);
        a4 += w * (y[(k + 4) | 0] as number);
        a5 += w * (y[(k + 5) | 0] as number);
        a6 += w * (y[(k + 6) | 0] as number);
        a7 += w * (y[(k + 7) | 0] as number);
        k = (k + M) | 0;
      }
      out[o + m] = a0;
      out[o + m + 1] = a1;
      out[o + m + 2] = a2;
      out[o + m + 3] = a3;
      out[o + m + 4] = a4;
      out[o + m + 5] = a5;
      out[o + m + 6] = a6;
      out[o + m + 7] = a7;
    }
    for (; m < M; m++) {
      let a = 0;
      for (let q = q0, k = k0 + m; q < q1; q++, k += M) a += (weight[q] as number) * (y[k] as number);
      out[o + m] = a;
    }
  }
}

/** As {@link sumShared}, with a weight per member: `weight[q·M + m]`. */
function sumPerMember(n: number, M: number, rows: SumRows, y: Float64Array, out: Float64Array): void {
  const { start, first, weight } = rows;
  for (let i = 0; i < n; i++) {
    const q0 = start[i] as number;
    const q1 = start[i + 1] as number;
    const k0 = first[i] as number;
    const o = i * M;
    let m = 0;
    for (; m + 8 <= M; m += 8) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      let a7 = 0;
      let k = (k0 + m) | 0;
      for (let q = q0; q < q1; q++) {
        const c = (q * M + m) | 0;
        a0 += (weight[c] as number) * (y[k] as number);
        a1 += (weight[(c + 1) | 0] as number) * (y[(k + 1) | 0] as number);
        a2 += (weight[(c + 2) | 0] as number) * (y[(k + 2) | 0] as number);
        a3 += (weight[(c + 3) | 0] as number) * (y[(k + 3) | 0] as number);
        a4 += (weight[(c + 4) | 0] as number) * (y[(k + 4) | 0] as number);
        a5 += (weight[(c + 5) | 0] as number) * (y[(k + 5) | 0] as number);
        a6 += (weight[(c + 6) | 0] as number) * (y[(k + 6) | 0] as number);
        a7 += (weight[(c + 7) | 0] as number) * (y[(k + 7) | 0] as number);
        k = (k + M) | 0;
      }
      out[o + m] = a0;
      out[o + m + 1] = a1;
      out[o + m + 2] = a2;
      out[o + m + 3] = a3;
      out[o + m + 4] = a4;
      out[o + m + 5] = a5;
      out[o + m + 6] = a6;
      out[o + m + 7] = a7;
    }
    for (; m < M; m++) {
      let a = 0;
      for (let q = q0, k = k0 + m; q < q1; q++, k += M) a += (weight[q * M + m] as number) * (y[k] as number);
      out[o + m] = a;
    }
  }
}

/**
 * `s*` of every entry (MODEL.md §2) into `target`, and `dy/dt` into `out`:
 * `s* = clip(u + κ·max(0, P − u) + w, s_min, s_max)` with
 * `u = b·exp(ε(ln Θ − ln Θ₀) − η(ln Φ − ln Φ₀))` (exp(0) is exactly 1, so a term that does not apply
 * leaves `u = b`), `ds/dt = λ(s* − s)`, `dK/dt = φ·s·Y − δK`. Where the pledge binds and the burden
 * is at or below its path (within {@link BINDING_SLACK}), `ds/dt = max(λ(s* − s), dP/dt + r(P − s))`
 * with `dP/dt` from `slope` ({@link DemandKernel.pledgeSlope} or {@link DemandKernel.pledgeSlopeAhead})
 * and `r` = {@link FLOOR_RETURN}: on the path, `max(λ(s* − s), dP/dt)`.
 * The time terms and the logarithms of Θ and Φ (from {@link exposures}) must be those of the
 * current time and state; `spill` is Φ.
 *
 * The constants of an entry are read from {@link DemandKernel.entry} only where they change: once
 * per actor whose members share them ({@link DemandKernel.sharedEntry}), else at every entry.
 */
function derive(
  kernel: DemandKernel,
  y: Float64Array,
  spill: Float64Array,
  slope: Float64Array,
  target: Float64Array,
  out: Float64Array,
): void {
  const { M, nM, entry: c, sharedEntry, lnTheta, lnSpill, pledgeNow, warNow, gdpNow } = kernel;
  let e = 0;
  let h = 0;
  let lnTheta0 = 0;
  let lnSpill0 = 0;
  let next = 0;
  for (let o = 0; o < nM; o++) {
    if (o === next) {
      const q = (o * ENTRY) | 0;
      e = c[(q + 4) | 0] as number;
      h = c[(q + 5) | 0] as number;
      lnTheta0 = c[(q + 6) | 0] as number;
      lnSpill0 = c[(q + 7) | 0] as number;
      next = sharedEntry[(o / M) | 0] === 1 ? o + M : o + 1;
    }
    let exponent = 0;
    if (e !== 0) exponent += e * ((lnTheta[o] as number) - lnTheta0);
    if (h !== 0 && (spill[o] as number) > 0) exponent -= h * ((lnSpill[o] as number) - lnSpill0);
    target[o] = exponent;
  }
  expEach(target, target);
  let speed = 0;
  let build = 0;
  let depreciation = 0;
  let baseline = 0;
  let compliance = 0;
  let lo = 0;
  let hi = 0;
  let reach = 0;
  next = 0;
  for (let o = 0; o < nM; o++) {
    if (o === next) {
      const q = (o * ENTRY) | 0;
      speed = c[q] as number;
      build = c[(q + 1) | 0] as number;
      depreciation = c[(q + 2) | 0] as number;
      baseline = c[(q + 3) | 0] as number;
      compliance = c[(q + 8) | 0] as number;
      lo = c[(q + 9) | 0] as number;
      hi = c[(q + 10) | 0] as number;
      reach = c[(q + 11) | 0] as number;
      next = sharedEntry[(o / M) | 0] === 1 ? o + M : o + 1;
    }
    const u = baseline * (target[o] as number);
    const pledge = pledgeNow[o] as number;
    let goal = u + (pledge > u ? compliance * (pledge - u) : 0) + (warNow[o] as number);
    if (goal < lo) goal = lo;
    if (goal > hi) goal = hi;
    target[o] = goal;
    const s = y[o] as number;
    let rate = speed * (goal - s);
    // The pledge path as a floor: −∞ reach where it does not bind, and s − (−∞) where no pledge applies.
    if (s - pledge <= reach) {
      const floor = (slope[o] as number) + FLOOR_RETURN * (pledge - s);
      if (floor > rate) rate = floor;
    }
    out[o] = rate;
    out[(nM + o) | 0] = build * s * (gdpNow[o] as number) - depreciation * (y[(nM + o) | 0] as number);
  }
}

/**
 * `dy/dt` at (t, y): `ds/dt = λ(s* − s)` (with the floor of a binding pledge, its path's slope just
 * before `t`), `dK/dt = φ·s·Y − δK`; Θ and Φ land in `theta`, `spill`.
 */
function evaluate(
  kernel: DemandKernel,
  t: number,
  y: Float64Array,
  theta: Float64Array,
  spill: Float64Array,
  out: Float64Array,
): void {
  exposures(kernel, periodAt(kernel, t), y, theta, spill);
  timeTerms(kernel, t);
  derive(kernel, y, spill, kernel.pledgeSlope, kernel.target, out);
}

/** The snapshot at (t, y), and with `dydt` the derivative there from the same sums. */
function observe(kernel: DemandKernel, t: number, y: Float64Array, out: DemandSnapshot, dydt?: Float64Array): void {
  exposures(kernel, periodAt(kernel, t), y, out.threat, out.spillIn);
  timeTerms(kernel, t);
  const { nM, gdpNow } = kernel;
  const { gdp, spending } = out;
  derive(kernel, y, out.spillIn, kernel.pledgeSlopeAhead, out.target, dydt ?? kernel.scratch);
  for (let o = 0; o < nM; o++) {
    const s = y[o] as number;
    const g = gdpNow[o] as number;
    gdp[o] = g;
    spending[o] = s * g;
  }
}
