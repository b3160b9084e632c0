import { Dataset, type DatasetData } from '../core/data/dataset.js';
import type { EnsembleResult } from '../core/ensemble/run-ensemble.js';
import { ArmsraceError } from '../core/errors.js';
import { runScenario, type ScenarioResult } from '../core/run-scenario.js';
import { ScenarioError } from '../core/scenario/parse-scenario.js';
import { runSpan } from '../core/scenario/run-span.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import type { RunJobMessage, SerializedError } from './run-job.js';

/** How the deterministic run is computed: in a worker of the pool, or in this thread. */
export type ScenarioRunner = (
  input: ScenarioInput,
  dataset: Dataset,
  options: { stabilityYears: readonly number[] },
) => ScenarioResult | Promise<ScenarioResult>;

/** How an ensemble is computed: over the pool of worker threads, or in this thread. */
export type EnsembleRunner = (
  input: ScenarioInput,
  dataset: Dataset,
  options: { runs: number; seed: number; workers?: number },
) => Promise<EnsembleResult>;

/** An error of a run as plain data, the same in a worker thread and in this one. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof ScenarioError) return { kind: 'scenario', issues: error.issues, message: error.message };
  if (error instanceof ArmsraceError) {
    return { kind: 'armsrace', name: error.name, code: error.code, message: error.message, path: error.path };
  }
  if (error instanceof RangeError) return { kind: 'range', message: error.message };
  return { kind: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

/**
 * Compute one run of the HTTP API: the scenario (with the stability of its first year, 2035 and its
 * last) and, when asked, its ensemble; every error answered as plain data. `runScenarioWith` and
 * `runEnsemble` say where each is computed (default for the scenario: this thread).
 */
export async function computeRun(
  job: {
    readonly input: ScenarioInput;
    readonly data: DatasetData | Dataset;
    readonly ensemble?: { readonly runs: number; readonly seed: number };
    readonly workers?: number;
  },
  runEnsemble: EnsembleRunner,
  runScenarioWith: ScenarioRunner = runScenario,
): Promise<RunJobMessage> {
  try {
    const dataset = job.data instanceof Dataset ? job.data : new Dataset(job.data);
    const { input } = job;
    const { start, end } = runSpan(input);
    const result = await runScenarioWith(input, dataset, { stabilityYears: [...new Set([start, 2035, end - 1])] });
    if (job.ensemble === undefined) return { ok: true, result };
    const ensemble = await runEnsemble(input, dataset, {
      runs: job.ensemble.runs,
      seed: job.ensemble.seed,
      ...(job.workers === undefined ? {} : { workers: job.workers }),
    });
    return { ok: true, result, ensemble };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}
