import type { Dataset } from '../../data/dataset.js';
import type { Derivative } from '../../solve/derivative.js';
import type { ResolvedScenario } from '../parameters.js';
import { buildDemandModel } from './build.js';
import { prepareDemandModel } from './prepare.js';

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
 * The alliance-demand model of docs/model.md §2, compiled for speed over M members in flat
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

export type Actor = ResolvedScenario['actors'][number];
