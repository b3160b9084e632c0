import type { Dataset } from '../core/data/dataset.js';
import { CHUNK_MEMBERS, type ChunkSummary, checkRuns, type EnsembleResult } from '../core/ensemble/run-ensemble.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import type { EnsembleTaskBase } from './ensemble-tasks.js';
import { moduleUrl } from './start-worker.js';
import { checkWorkers, defaultWorkers, WorkerPool, WorkerPoolError } from './worker-pool.js';

/** Options of {@link runEnsembleParallel}. */
export interface ParallelEnsembleOptions {
  readonly runs: number;
  readonly seed?: number;
  /**
   * Worker threads: without `pool`, the size of the pool started for this ensemble (default the
   * machine's available parallelism); with it, the most chunks running at once (default its size).
   */
  readonly workers?: number;
  /** A pool that stays up (warm) between ensembles and other jobs; default one for this ensemble alone. */
  readonly pool?: WorkerPool;
  /** Aborting stops the ensemble: its waiting chunks leave the queue, its running ones stop their workers. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

const TASKS = moduleUrl(import.meta.url, 'ensemble-tasks');
let sessions = 0;

/**
 * Run an ensemble over worker threads. Chunks of 32 members go to whichever worker is free; their
 * sums are added in chunk order and the integer histograms in any order, so the result is the
 * same, bit for bit, for any number of workers (and equal to `runEnsemble` in one thread). With a
 * `pool` the workers are those of the pool, shared with its other jobs and kept warm; the chunks
 * of one ensemble queue there a few at a time, so other jobs' tasks pass between them.
 *
 * @throws {InputError} (`bad-runs`, `bad-workers`) for a bad `runs` or `workers` (checked before any worker starts);
 *   {@link ScenarioError} for a bad scenario (found by the first worker that prepares it); the
 *   signal's reason when aborted; a {@link WorkerPoolError} when the pool closes or a worker running
 *   one of its chunks crashes.
 * @example const spread = await runEnsembleParallel(input, dataset, { runs: 2000, seed: 7, workers: 2 });
 */
export async function runEnsembleParallel(
  input: ScenarioInput,
  dataset: Dataset,
  options: ParallelEnsembleOptions,
): Promise<EnsembleResult> {
  checkRuns(options.runs);
  const workers = options.workers ?? options.pool?.size ?? defaultWorkers();
  checkWorkers(workers);
  const seed = options.seed ?? input.ensemble?.seed ?? 1;
  const total = Math.ceil(options.runs / CHUNK_MEMBERS);
  if (options.pool !== undefined) {
    return ensembleOnPool(options.pool, input, dataset, seed, Math.min(workers, options.pool.size), options);
  }
  const pool = new WorkerPool({ size: Math.min(workers, total) });
  try {
    return await ensembleOnPool(pool, input, dataset, seed, pool.size, options);
  } finally {
    await pool.close();
  }
}

/**
 * The ensemble over `pool`, at most `concurrency` chunks at once. Each worker keeps the counts of
 * the chunks it ran (see `ensemble-tasks.ts`); once every chunk has run they are collected from each
 * and a last task adds everything up. A worker that leaves the pool before its counts are collected
 * (crashed or stopped for another job) takes them along: its chunks run again elsewhere, with the
 * same summaries and counts.
 */
function ensembleOnPool(
  pool: WorkerPool,
  input: ScenarioInput,
  dataset: Dataset,
  seed: number,
  concurrency: number,
  options: ParallelEnsembleOptions,
): Promise<EnsembleResult> {
  const { runs, signal } = options;
  const total = Math.ceil(runs / CHUNK_MEMBERS);
  const session = `ensemble-${++sessions}`;
  const base: EnsembleTaskBase = { input, seed, setupKey: `${seed}\n${JSON.stringify(input)}` };
  /** Chunks to run (again, for those whose counts were lost). */
  const waiting = Array.from({ length: total }, (_, k) => k);
  const summaries: (ChunkSummary | undefined)[] = new Array(total);
  /** Chunk → the worker holding its counts, until they are collected. */
  const holder = new Map<number, number>();
  /** Workers that may hold a session of this ensemble. */
  const touched = new Set<number>();
  const collected: Int32Array[] = [];
  const flights = new Set<Promise<unknown>>();
  let running = 0;
  let inOrder = 0;
  let members = 0;
  let collecting = false;
  let done = false;

  return new Promise<EnsembleResult>((resolve, reject) => {
    const track = <T>(promise: Promise<T>): Promise<T> => {
      flights.add(promise);
      const untrack = () => flights.delete(promise);
      promise.then(untrack, untrack);
      return promise;
    };

    const stopListening = pool.onWorkerExit((worker) => {
      touched.delete(worker);
      let lost = false;
      for (const [chunk, w] of holder) {
        if (w !== worker) continue;
        holder.delete(chunk);
        waiting.unshift(chunk);
        lost = true;
      }
      if (lost) queueMicrotask(pump);
    });

    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      stopListening();
      reject(error);
      // What the workers still hold of this ensemble goes once the tasks in flight have ended.
      void Promise.allSettled([...flights]).then(() => {
        for (const worker of touched) {
          pool.run({ module: TASKS, name: 'drop', arg: { session } }, { worker }).catch(() => undefined);
        }
      });
    };

    const progress = () => {
      let advanced = false;
      for (let s = summaries[inOrder]; s !== undefined; s = summaries[inOrder]) {
        members += s.members;
        inOrder++;
        advanced = true;
      }
      if (advanced) options.onProgress?.(members, runs);
    };

    function pump(): void {
      if (done || collecting) return;
      while (running < concurrency && waiting.length > 0) {
        const chunk = waiting.shift() as number;
        running++;
        track(
          pool.submit<ChunkSummary>(
            { module: TASKS, name: 'chunk', arg: { ...base, session, chunk, runs }, dataset },
            signal === undefined ? {} : { signal },
          ),
        ).then(
          ({ value, worker }) => {
            running--;
            touched.add(worker);
            if (done) return;
            holder.set(chunk, worker);
            if (summaries[chunk] === undefined) {
              summaries[chunk] = value;
              progress();
            }
            if (running === 0 && waiting.length === 0) collect();
            else pump();
          },
          (error) => {
            running--;
            fail(error);
          },
        );
      }
    }

    function collect(): void {
      collecting = true;
      const workers = [...new Set(holder.values())];
      let left = workers.length;
      const next = () => {
        if (--left > 0 || done) return;
        collecting = false;
        if (waiting.length > 0) pump();
        else finish();
      };
      for (const worker of workers) {
        track(
          pool.run<{ counts: Int32Array | undefined; chunks: number }>(
            { module: TASKS, name: 'collect', arg: { session } },
            signal === undefined ? { worker } : { worker, signal },
          ),
        ).then(
          (held) => {
            if (done) return;
            const chunks = [...holder].filter(([, w]) => w === worker).map(([c]) => c);
            if (held.chunks !== chunks.length || held.counts === undefined) {
              fail(
                new RangeError(`worker ${worker} holds the counts of ${held.chunks} chunks, expected ${chunks.length}`),
              );
              return;
            }
            for (const c of chunks) holder.delete(c);
            touched.delete(worker);
            collected.push(held.counts);
            next();
          },
          (error) => {
            // A worker gone before its turn: its chunks are back in the queue (see onWorkerExit).
            if (error instanceof WorkerPoolError && error.code === 'worker-exited') next();
            else fail(error);
          },
        );
      }
    }

    function finish(): void {
      const list = summaries as ChunkSummary[];
      pool
        .run<EnsembleResult>(
          {
            module: TASKS,
            name: 'finish',
            arg: { ...base, runs, summaries: list, counts: collected },
            dataset,
            transfer: [...collected.map((c) => c.buffer), ...list.map((s) => s.sums.buffer)] as ArrayBuffer[],
          },
          signal === undefined ? {} : { signal },
        )
        .then((result) => {
          if (done) return;
          done = true;
          stopListening();
          resolve(result);
        }, fail);
    }

    pump();
  });
}
