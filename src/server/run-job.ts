import type { Dataset } from '../core/data/dataset.js';
import type { EnsembleResult } from '../core/ensemble/run-ensemble.js';
import { runEnsemble } from '../core/ensemble/run-ensemble.js';
import { DataFileError } from '../core/errors.js';
import type { ScenarioResult } from '../core/run-scenario.js';
import { ScenarioError, type ScenarioIssue } from '../core/scenario/parse-scenario.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import { runEnsembleParallel } from '../node/ensemble-pool.js';
import { moduleUrl } from '../node/start-worker.js';
import { defaultWorkers, WorkerPool } from '../node/worker-pool.js';
import { clip, HttpError } from './http-error.js';
import { computeRun } from './run-compute.js';

/** An error of a run, as plain data. */
export type SerializedError =
  | { readonly kind: 'scenario'; readonly issues: readonly ScenarioIssue[]; readonly message: string }
  | {
      readonly kind: 'armsrace';
      readonly name: string;
      readonly code: string;
      readonly message: string;
      readonly path: string | undefined;
    }
  | { readonly kind: 'range'; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

/** What a run answers, as plain data. */
export type RunJobMessage =
  | { readonly ok: true; readonly result: ScenarioResult; readonly ensemble?: EnsembleResult }
  | { readonly ok: false; readonly error: SerializedError };

/** The outcome of a run: the scenario's result and, when asked, its ensemble. */
export interface RunOutcome {
  readonly result: ScenarioResult;
  readonly ensemble?: EnsembleResult;
  /** Wall-clock time of the run, milliseconds. */
  readonly elapsedMs: number;
}

/** Options of {@link runJob}. */
export interface RunJobOptions {
  readonly ensemble?: { readonly runs: number; readonly seed: number };
  /**
   * Time the run may take, milliseconds, waiting in the pool's queue included; past it its tasks
   * leave the queue, the workers running them are stopped (and replaced), and a 503 `time-budget` thrown.
   */
  readonly timeBudgetMs: number;
  /**
   * Worker threads of the ensemble: the most of `pool`'s it uses at once (default all), or without a
   * pool the size of the one started for this run (default the machine's available parallelism).
   */
  readonly workers?: number;
  /** The server's pool, warm between runs; default a pool started for this run alone and closed after it. */
  readonly pool?: WorkerPool;
}

/** A failure of the model on a valid scenario: 422 `run-failed`, naming the scenario. */
function runFailed(message: string): HttpError {
  return new HttpError(
    422,
    'run-failed',
    `scenario: the scenario is valid but the model could not run it: ${clip(message, 200)}; change the scenario (its years, actors or parameters)`,
    'scenario',
  );
}

function revive(e: SerializedError): Error {
  switch (e.kind) {
    case 'scenario':
      return new ScenarioError(e.issues);
    case 'armsrace':
      if (e.name === 'DataFileError') return new DataFileError(e.code, e.message, e.path);
      // The request was checked before the run: what the run refuses now is the model's or the
      // data's limit on a valid scenario (a country without GDP, a year before the data).
      return runFailed(e.message);
    case 'range':
      // The library's argument checks, met by a scenario the validation let through (no GDP for a
      // year before the data, numbers that overflow): the model cannot run this scenario.
      return runFailed(e.message);
    default:
      return new Error(`run worker: ${e.message}`);
  }
}

const RUN_TASKS = moduleUrl(import.meta.url, 'run-tasks');

/**
 * The outcome of a run's answer (`started`: when the run began, `performance.now()`), or its error
 * thrown as the HTTP answer it makes: a scenario error as such, a failure of the model on the valid
 * scenario as 422 `run-failed`, anything else as an internal error.
 */
export function runOutcome(message: RunJobMessage, started: number): RunOutcome {
  if (!message.ok) throw revive(message.error);
  return {
    result: message.result,
    ...(message.ensemble === undefined ? {} : { ensemble: message.ensemble }),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Run a validated scenario (and its ensemble) in this thread, with the errors of {@link runJob}:
 * for tests and fuzzing, where a worker's start costs more than the run. Nothing stops it: the
 * time budget does not apply.
 *
 * @example const { result } = await runInThread(parseScenario('end: 2030'), loadDataset(), { timeBudgetMs: 20_000 });
 */
export async function runInThread(input: ScenarioInput, dataset: Dataset, options: RunJobOptions): Promise<RunOutcome> {
  const started = performance.now();
  const message = await computeRun(
    { input, data: dataset, ...(options.ensemble === undefined ? {} : { ensemble: options.ensemble }) },
    async (scenario, data, ensemble) => runEnsemble(scenario, data, { runs: ensemble.runs, seed: ensemble.seed }),
  );
  return runOutcome(message, started);
}

/**
 * Run a validated scenario (and its ensemble) on the worker pool, so the server keeps answering
 * while it computes, and stop it when the time budget is spent. The deterministic run is one task
 * of the pool, the ensemble's chunks are others; with the server's `pool` they find warm workers.
 *
 * @throws {ScenarioError} when the scenario does not fit the dataset or the model.
 * @throws {HttpError} 422 `run-failed` when the model cannot run the (valid) scenario; 503
 *   `time-budget` when the run takes longer than `timeBudgetMs`.
 * @example const { result } = await runJob(parseScenario('end: 2040'), loadDataset(), { timeBudgetMs: 20_000, pool });
 */
export async function runJob(input: ScenarioInput, dataset: Dataset, options: RunJobOptions): Promise<RunOutcome> {
  const started = performance.now();
  const pool = options.pool ?? new WorkerPool({ size: options.workers ?? defaultWorkers() });
  const stop = new AbortController();
  const { signal } = stop;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new HttpError(
        503,
        'time-budget',
        `the run took longer than the ${options.timeBudgetMs / 1000} s this server allows and was stopped; shorten the horizon (start, end), ask for fewer ensemble members, or run it with the CLI (armsrace run / armsrace ensemble)`,
      );
      reject(error);
      stop.abort(error);
    }, options.timeBudgetMs);
  });
  const work = computeRun(
    {
      input,
      data: dataset,
      ...(options.ensemble === undefined ? {} : { ensemble: options.ensemble }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    },
    (scenario, data, ensemble) => runEnsembleParallel(scenario, data, { ...ensemble, pool, signal }),
    (scenario, data, run) =>
      pool.run<ScenarioResult>(
        {
          module: RUN_TASKS,
          name: 'scenarioRun',
          arg: { input: scenario, stabilityYears: run.stabilityYears },
          dataset: data,
        },
        { signal },
      ),
  ).then((message) => runOutcome(message, started));
  // Past the budget the run's own failure (its tasks stopped) is not the answer.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, budget]);
  } finally {
    clearTimeout(timer);
    if (options.pool === undefined) void pool.close();
  }
}
