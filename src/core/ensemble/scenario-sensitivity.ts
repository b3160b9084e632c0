import type { Dataset } from '../data/dataset.js';
import { ScenarioError } from '../scenario/parse-scenario.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { scenarioSettingsLine } from '../scenario/settings-line.js';
import {
  type DistributedFactor,
  type MorrisFactorEffects,
  type MorrisResult,
  morrisScreening,
  type SobolFactorIndices,
  type SobolIndicesResult,
  sobolIndices,
} from '../sensitivity/index.js';
import { seriesLabel } from './parameter-label.js';
import { CHUNK_MEMBERS, parameterLabels, prepareEnsemble, runMembers } from './run-ensemble.js';

/** Options of {@link scenarioSensitivity}. */
export interface ScenarioSensitivityOptions {
  readonly method?: 'sobol' | 'morris';
  /** Sobol: base samples N (runs N·(k+2)); Morris: trajectories r (runs r·(k+1)). */
  readonly samples?: number;
  /** A tracked series, e.g. `RUS.burden`, `NATO.spending`, `balance` (see the ensemble's series). */
  readonly output?: string;
  /** Year of the output; default the last simulated year. */
  readonly year?: number;
  readonly seed?: number;
  readonly bootstrap?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ScenarioSensitivity {
  readonly output: string;
  readonly year: number;
  readonly method: 'sobol' | 'morris';
  readonly result: SobolIndicesResult | MorrisResult;
  /** The edition of the burdens the runs start from, e.g. `sipri-2026`. */
  readonly burdenSource: string;
  /** The scenario's name and its main settings ({@link scenarioSettingsLine}), for the chart's caption. */
  readonly scenario: { readonly name: string; readonly settings: string };
  /** Each parameter's path in words ({@link parameterLabel}), for the chart. */
  readonly parameterLabels: Readonly<Record<string, string>>;
  /** The output in words ({@link seriesLabel}), e.g. "Russia's military burden". */
  readonly outputLabel: string;
}

/**
 * Global sensitivity of one scenario output in one year to the scenario's `ensemble.uncertain`
 * parameters (their distributions map the unit cube through their inverse distribution
 * functions): Sobol' first-order and total indices (Saltelli sampling, Jansen's estimator, bootstrap
 * intervals) or Morris elementary effects. GDP shocks are off: the output is a function of the factors.
 *
 * @throws {ScenarioError} when there is no uncertain parameter, one is `bootstrap: fitted`, or the
 *   output or year is unknown.
 */
export function scenarioSensitivity(
  input: ScenarioInput,
  dataset: Dataset,
  options: ScenarioSensitivityOptions = {},
): ScenarioSensitivity {
  const setup = prepareEnsemble({ ...input, ensemble: { ...input.ensemble, gdp_shocks: false, events: [] } }, dataset);
  const fail = (path: string, value: unknown, message: string): never => {
    throw new ScenarioError([{ path, value, message: `${path}: ${message}` }]);
  };
  if (setup.uncertain.length === 0)
    fail(
      'scenario.ensemble.uncertain',
      undefined,
      'no uncertain parameter; list the parameters to vary, e.g. "response.RUS.elasticity: { uniform: [0.5, 2] }"',
    );
  const factors: DistributedFactor[] = setup.uncertain.map((u) => {
    if (u.inverseCdf === undefined || u.set === undefined) {
      return fail(
        `scenario.ensemble.uncertain["${u.path}"]`,
        u.path,
        'bootstrap draws are not one factor; give each parameter its own distribution for a sensitivity analysis',
      );
    }
    return { name: u.path, inverseCdf: u.inverseCdf };
  });
  const output = options.output ?? 'RUS.burden';
  const s = setup.series.indexOf(output);
  if (s < 0) fail('output', output, `"${output}" is not a tracked series; use one of ${setup.series.join(', ')}`);
  const year = options.year ?? (setup.years.at(-1) as number);
  const y = setup.years.indexOf(year);
  if (y < 0) fail('year', year, `${year} is outside the run ${setup.years[0]}–${setup.years.at(-1)}`);
  const Y = setup.years.length;
  let done = 0;
  const model = {
    outputs: [`${output} ${year}`],
    batch: (rows: Float64Array, n: number, k: number) => {
      const out = new Float64Array(n);
      for (let first = 0; first < n; first += CHUNK_MEMBERS) {
        const M = Math.min(CHUNK_MEMBERS, n - first);
        const { values } = runMembers(setup, M, (parameters) => {
          for (let m = 0; m < M; m++) {
            for (let f = 0; f < k; f++) setup.uncertain[f]?.set?.(parameters, m, rows[(first + m) * k + f] as number);
          }
        });
        for (let m = 0; m < M; m++) out[first + m] = values[(s * M + m) * Y + y] as number;
        done += M;
        options.onProgress?.(done, n);
      }
      return out;
    },
  };
  const seed = options.seed ?? 1;
  const result =
    options.method === 'morris'
      ? morrisScreening(model, factors, { trajectories: options.samples ?? 20, seed })
      : sobolIndices(model, factors, {
          baseSamples: options.samples ?? 1024,
          seed,
          bootstrap: options.bootstrap ?? 200,
        });
  return {
    output,
    year,
    method: options.method ?? 'sobol',
    result,
    burdenSource: setup.scenario.burdenSource,
    scenario: { name: setup.scenario.name, settings: scenarioSettingsLine(setup) },
    parameterLabels: parameterLabels(
      setup.scenario,
      factors.map((f) => f.name),
    ),
    outputLabel: seriesLabel(output, (iso3) => setup.scenario.actors.find((a) => a.iso3 === iso3)?.name),
  };
}

/** The parameters of an analysis, most influential first, with their measures. */
export type RankedFactors =
  | { readonly method: 'sobol'; readonly result: SobolIndicesResult; readonly factors: readonly SobolFactorIndices[] }
  | { readonly method: 'morris'; readonly result: MorrisResult; readonly factors: readonly MorrisFactorEffects[] };

/**
 * Rank an analysis's parameters, the most influential first: by total index `S_T` (Sobol') or by
 * mean absolute effect `μ*` (Morris).
 *
 * @example rankedFactors(scenarioSensitivity(input, dataset)).factors[0]?.factor // 'response.RUS.elasticity'
 */
export function rankedFactors(analysis: ScenarioSensitivity): RankedFactors {
  const r = analysis.result;
  if (r.method === 'sobol') {
    const factors = [...(r.outputs[0]?.factors ?? [])].sort((a, b) => b.total.estimate - a.total.estimate);
    return { method: 'sobol', result: r, factors };
  }
  const factors = [...(r.outputs[0]?.factors ?? [])].sort((a, b) => b.muStar - a.muStar);
  return { method: 'morris', result: r, factors };
}
