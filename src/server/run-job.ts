import type { Dataset, DatasetData } from '../core/data/dataset.js';
import type { EnsembleResult } from '../core/ensemble/run-ensemble.js';
import { ArmsraceError, DataFileError, InputError } from '../core/errors.js';
import type { ScenarioResult } from '../core/run-scenario.js';
import { ScenarioError, type ScenarioIssue } from '../core/scenario/parse-scenario.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import { startModuleWorker } from '../node/start-worker.js';
import { HttpError } from './http-error.js';

/** What the run worker receives. */
export interface RunJob {
  readonly input: ScenarioInput;
  readonly data: DatasetData;
  readonly ensemble?: { readonly runs: number; readonly seed: number };
  readonly workers?: number;
}

/** An error thrown in the worker, as plain data. */
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

/** What the run worker answers. */
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
  /** Time the run may take, milliseconds; past it the worker is stopped and a 503 `time-budget` thrown. */
  readonly timeBudgetMs: number;
  /** Worker threads of the ensemble; default the machine's available parallelism. */
  readonly workers?: number;
}

function revive(e: SerializedError): Error {
  switch (e.kind) {
    case 'scenario':
      return new ScenarioError(e.issues);
    case 'armsrace':
      if (e.name === 'DataFileError') return new DataFileError(e.code, e.message, e.path);
      if (e.name === 'InputError' || e.name === 'StoreError') return new InputError(e.code, e.message, e.path);
      return new ArmsraceError(e.code, e.message, e.path);
    case 'range':
      return new RangeError(e.message);
    default:
      return new Error(`run worker: ${e.message}`);
  }
}

/**
 * Run a validated scenario (and its ensemble) in a worker thread, so the server keeps answering
 * while it computes, and stop it when the time budget is spent.
 *
 * @throws {ScenarioError} when the scenario does not fit the dataset or the model.
 * @throws {HttpError} 503 `time-budget` when the run takes longer than `timeBudgetMs`.
 * @example const { result } = await runJob(parseScenario('end: 2040'), loadDataset(), { timeBudgetMs: 20_000 });
 */
export function runJob(input: ScenarioInput, dataset: Dataset, options: RunJobOptions): Promise<RunOutcome> {
  const started = performance.now();
  const job: RunJob = {
    input,
    data: dataset.data,
    ...(options.ensemble === undefined ? {} : { ensemble: options.ensemble }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
  };
  const worker = startModuleWorker(import.meta.url, 'run-worker', job);
  return new Promise<RunOutcome>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new HttpError(
              503,
              'time-budget',
              `the run took longer than the ${options.timeBudgetMs / 1000} s this server allows and was stopped; shorten the horizon (start, end), ask for fewer ensemble members, or run it with the CLI (armsrace run / armsrace ensemble)`,
            ),
          ),
        ),
      options.timeBudgetMs,
    );
    worker.on('message', (message: RunJobMessage) =>
      finish(() => {
        if (!message.ok) {
          reject(revive(message.error));
          return;
        }
        resolve({
          result: message.result,
          ...(message.ensemble === undefined ? {} : { ensemble: message.ensemble }),
          elapsedMs: Math.round(performance.now() - started),
        });
      }),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the run worker stopped with exit code ${code} before answering`))),
    );
  });
}
