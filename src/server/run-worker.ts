/**
 * The worker thread of one HTTP run: runs the scenario (and its ensemble over the ensemble pool)
 * and posts the result, or the error as plain data. The main thread terminates it when the time
 * budget is spent, which stops the pool's workers with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Dataset } from '../core/data/dataset.js';
import { ArmsraceError } from '../core/errors.js';
import { runScenario } from '../core/run-scenario.js';
import { ScenarioError } from '../core/scenario/parse-scenario.js';
import { runEnsembleParallel } from '../node/ensemble-pool.js';
import type { RunJob, RunJobMessage, SerializedError } from './run-job.js';

const job = workerData as RunJob;
const port = parentPort;
if (port === null) throw new Error('run-worker must run in a worker thread');

function serialize(error: unknown): SerializedError {
  if (error instanceof ScenarioError) return { kind: 'scenario', issues: error.issues, message: error.message };
  if (error instanceof ArmsraceError) {
    return { kind: 'armsrace', name: error.name, code: error.code, message: error.message, path: error.path };
  }
  if (error instanceof RangeError) return { kind: 'range', message: error.message };
  return { kind: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

async function main(): Promise<RunJobMessage> {
  const dataset = new Dataset(job.data);
  const { input } = job;
  const start = input.start ?? 2025;
  const end = input.end ?? 2050;
  const result = runScenario(input, dataset, { stabilityYears: [...new Set([start, 2035, end - 1])] });
  if (job.ensemble === undefined) return { ok: true, result };
  const ensemble = await runEnsembleParallel(input, dataset, {
    runs: job.ensemble.runs,
    seed: job.ensemble.seed,
    ...(job.workers === undefined ? {} : { workers: job.workers }),
  });
  return { ok: true, result, ensemble };
}

main().then(
  (message) => port.postMessage(message),
  (error: unknown) => port.postMessage({ ok: false, error: serialize(error) } satisfies RunJobMessage),
);
