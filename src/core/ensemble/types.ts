import type { Dataset } from '../data/dataset.js';
import type { KernelChoice } from '../model/annual-means.js';
import type { PreparedDemandModel } from '../model/demand/index.js';
import type { ResolvedScenario } from '../scenario/resolve-scenario.js';
import { LIMITS, type ScenarioInput } from '../scenario/schema.js';
import { scenarioSettingsLine } from '../scenario/settings-line.js';
import { CELL_SIZE } from './histogram.js';
import { parameterLabel } from './parameter-label.js';
import type { UncertainParameter } from './uncertain.js';

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
  /** The kernel that integrates the members. */
  readonly kernel: KernelChoice;
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

/** Options of {@link runEnsemble}. */
export interface EnsembleOptions {
  readonly runs: number;
  readonly seed?: number;
  /** The kernel that integrates the members (same bits either way); default `auto`. */
  readonly kernel?: KernelChoice;
  /** Called after each chunk with the members done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}
