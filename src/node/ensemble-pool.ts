import { availableParallelism } from 'node:os';
import type { Dataset } from '../core/data/dataset.js';
import {
  CHUNK_MEMBERS,
  type ChunkSummary,
  checkRuns,
  createCounts,
  EnsembleAccumulator,
  type EnsembleResult,
  prepareEnsemble,
} from '../core/ensemble/run-ensemble.js';
import { InputError } from '../core/errors.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import { startModuleWorker } from './start-worker.js';

/** Options of {@link runEnsembleParallel}. */
export interface ParallelEnsembleOptions {
  readonly runs: number;
  readonly seed?: number;
  /** Worker threads; default the machine's available parallelism. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Run an ensemble over worker threads. Chunks of 32 members go to whichever worker is free (each
 * holds one more in its queue, so none waits for a round trip between chunks); their
 * sums are added in chunk order and the integer histograms in any order, so the result is the
 * same, bit for bit, for any number of workers (and equal to `runEnsemble` in one thread).
 *
 * @throws {InputError} (`bad-runs`, `bad-workers`) for a bad `runs` or `workers` (checked before any worker starts);
 *   {@link ScenarioError} for a bad scenario (checked in this thread while the workers start, which
 *   are then stopped before they run anything).
 */
export async function runEnsembleParallel(
  input: ScenarioInput,
  dataset: Dataset,
  options: ParallelEnsembleOptions,
): Promise<EnsembleResult> {
  checkRuns(options.runs);
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new InputError(
      'bad-workers',
      `workers: ${workers} is not accepted; use a whole number from 1 to 64, e.g. 2`,
      'workers',
    );
  }
  const seed = options.seed ?? input.ensemble?.seed ?? 1;
  const total = Math.ceil(options.runs / CHUNK_MEMBERS);
  // The workers start (and prepare their own copy) while this thread prepares; a bad scenario
  // stops them before they are handed any chunk.
  const pool = Array.from({ length: Math.min(workers, total) }, () =>
    startModuleWorker(import.meta.url, 'ensemble-worker', { input, data: dataset.data, seed, runs: options.runs }),
  );
  let setup: ReturnType<typeof prepareEnsemble>;
  try {
    setup = prepareEnsemble(input, dataset, { seed });
  } catch (error) {
    // The workers fail on the same scenario: that is this error, reported once.
    for (const w of pool) w.on('error', () => {});
    await Promise.all(pool.map((w) => w.terminate()));
    throw error;
  }
  const accumulator = new EnsembleAccumulator(setup);
  const counts = createCounts(setup);
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let finished = false;
            const hand = () => {
              if (finished) return;
              if (next < total) worker.postMessage({ chunk: next++ });
              else {
                worker.postMessage({ done: true });
                finished = true;
              }
            };
            worker.on('message', (message: { ready?: true; summary?: ChunkSummary; counts?: Int32Array }) => {
              if (message.summary !== undefined) {
                accumulator.add(message.summary);
                options.onProgress?.(accumulator.members, options.runs);
              }
              if (message.counts !== undefined) {
                for (let k = 0; k < counts.length; k++)
                  counts[k] = (counts[k] as number) + (message.counts[k] as number);
                resolve();
                return;
              }
              // Two chunks to start with, then one for each returned: the next is always queued.
              if (message.ready === true) hand();
              hand();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`an ensemble worker stopped with exit code ${code}`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return accumulator.result(options.runs, counts);
}
