import { availableParallelism } from 'node:os';
import type { Transferable, Worker } from 'node:worker_threads';
import type { Dataset, DatasetData } from '../core/data/dataset.js';
import { InputError } from '../core/errors.js';
import { startModuleWorker } from './start-worker.js';
import { reviveWorkerError, type SerializedWorkerError } from './worker-errors.js';

/** What a task's function receives besides its argument, in the worker thread. */
export interface TaskContext {
  /** The task's dataset, rebuilt once per worker and kept for the next tasks. */
  readonly dataset: Dataset | undefined;
  /** The pool's number for that dataset: the same for every task given the same `Dataset` object. */
  readonly datasetId: number | undefined;
  /** What the worker keeps between tasks, shared by every task module; keys should name their module. */
  readonly state: Map<string, unknown>;
  /** Hand these buffers over with the answer instead of copying them. */
  transfer(...list: Transferable[]): void;
}

/** A task's function, exported by a task module: runs in a worker, its value or error goes back. */
// biome-ignore lint/suspicious/noExplicitAny: each task module declares its own argument type.
export type TaskHandler = (arg: any, context: TaskContext) => unknown;

/** A task of the pool: call `name` of the task module at `module` (a file URL) with `arg`. */
export interface PoolTask {
  /** The task module's URL (see {@link moduleUrl}); each worker imports it once. */
  readonly module: string;
  /** The exported function to call. */
  readonly name: string;
  readonly arg?: unknown;
  /** A dataset the function receives as `context.dataset`; sent once to each worker. */
  readonly dataset?: Dataset;
  /** Buffers of `arg` handed over to the worker instead of copied. */
  readonly transfer?: readonly Transferable[];
}

/** Options of {@link WorkerPool.run}. */
export interface TaskOptions {
  /** Aborting takes a waiting task out of the queue, and stops (and replaces) the worker of a running one. */
  readonly signal?: AbortSignal;
  /** A task that runs longer than this (milliseconds, from its start in a worker) stops and replaces its worker. */
  readonly timeoutMs?: number;
  /** Run on this worker (an id of {@link TaskDone.worker}) and no other; fails if it is gone. */
  readonly worker?: number;
}

/** A task's value and the worker that computed it. */
export interface TaskDone<T> {
  readonly value: T;
  readonly worker: number;
}

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Most worker threads at once; default the machine's available parallelism (at most 64). */
  readonly size?: number;
}

/** How many datasets a worker keeps; the one used longest ago goes first. */
const KEPT_DATASETS = 4;

/** A failure of the pool rather than of a task's code: closed, a task over its time, a worker gone. */
export class WorkerPoolError extends Error {
  readonly code: 'pool-closed' | 'task-timeout' | 'worker-exited';

  constructor(code: WorkerPoolError['code'], message: string) {
    super(message);
    this.name = 'WorkerPoolError';
    this.code = code;
  }
}

/** A message to a pool worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly module: string;
  readonly name: string;
  readonly arg: unknown;
  /** The task's dataset: its data when the worker does not have it yet, and one to forget. */
  readonly dataset?: { readonly id: number; readonly data?: DatasetData; readonly evict?: number };
}

/** A pool worker's answer to a request. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedWorkerError };

interface Pending {
  readonly id: number;
  readonly task: PoolTask;
  readonly options: TaskOptions;
  readonly resolve: (done: TaskDone<unknown>) => void;
  readonly reject: (error: unknown) => void;
  slot?: Slot;
  timer?: ReturnType<typeof setTimeout>;
  onAbort?: () => void;
}

interface Slot {
  readonly id: number;
  readonly worker: Worker;
  /** Resolves when the thread has exited. */
  readonly exited: Promise<void>;
  /** Datasets the worker holds, the most recently used last. */
  readonly datasets: number[];
  /** Tasks that must run on this worker. */
  readonly pinned: Pending[];
  busy: Pending | undefined;
  gone: boolean;
}

const datasetIds = new WeakMap<Dataset, number>();
let nextDatasetId = 1;
function datasetId(dataset: Dataset): number {
  let id = datasetIds.get(dataset);
  if (id === undefined) {
    id = nextDatasetId++;
    datasetIds.set(dataset, id);
  }
  return id;
}

/** Most worker threads of a pool. */
export const MAX_WORKERS = 64;

/**
 * The default number of worker threads: the machine's available parallelism, at most {@link MAX_WORKERS}.
 *
 * @example defaultWorkers() // 2 on a machine with two cores
 */
export function defaultWorkers(): number {
  return Math.min(MAX_WORKERS, availableParallelism());
}

/**
 * Check a number of worker threads: a whole number from 1 to 64.
 *
 * @throws {InputError} `bad-workers` naming `workers`.
 */
export function checkWorkers(workers: number): void {
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new InputError(
      'bad-workers',
      `workers: ${workers} is not accepted; use a whole number from 1 to 64, e.g. 2`,
      'workers',
    );
  }
}

/**
 * Worker threads that stay up between jobs, so that each job after the first finds its modules
 * loaded and its code compiled (a fresh worker spends about 0.6 s on that). Workers start when a
 * task needs one, up to `size`; tasks wait in one queue, first come first served, when all are
 * busy. A worker that crashes, or is stopped because its task ran past its `timeoutMs` or was
 * aborted, is dropped (its task fails) and a new one takes the queue's next task. Idle workers do
 * not keep the process alive; {@link close} stops them all.
 *
 * @example
 * const pool = new WorkerPool({ size: 2 });
 * const a = await runEnsembleParallel(input, dataset, { runs: 1000, pool });
 * const b = await runEnsembleParallel(input, dataset, { runs: 1000, seed: 2, pool }); // warm
 * await pool.close();
 */
export class WorkerPool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  readonly #exitListeners = new Set<(worker: number) => void>();
  /** Threads stopped but not yet exited. */
  readonly #stopping = new Set<Promise<void>>();
  #nextTask = 1;
  #nextWorker = 1;
  #started = 0;
  #closing: Promise<void> | undefined;

  /** @throws {InputError} `bad-workers` for a size that is not a whole number from 1 to 64. */
  constructor(options: WorkerPoolOptions = {}) {
    const size = options.size ?? defaultWorkers();
    checkWorkers(size);
    this.size = size;
  }

  /** Worker threads up now, tasks running and waiting, and threads started since the pool was made. */
  stats(): { workers: number; busy: number; queued: number; started: number } {
    let queued = this.#queue.length;
    for (const slot of this.#slots) queued += slot.pinned.length;
    return {
      workers: this.#slots.length,
      busy: this.#slots.filter((s) => s.busy !== undefined).length,
      queued,
      started: this.#started,
    };
  }

  /** Whether {@link close} was called. */
  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /**
   * Call `listener` with a worker's id when it leaves the pool (crashed or stopped), before the
   * task it was running fails: what it held (see {@link TaskContext.state}) is lost.
   *
   * @returns a function that removes the listener
   */
  onWorkerExit(listener: (worker: number) => void): () => void {
    this.#exitListeners.add(listener);
    return () => this.#exitListeners.delete(listener);
  }

  /**
   * Run a task on a free worker (the first free one, or a new one while the pool has fewer than
   * `size`), or queue it.
   *
   * @throws the task's own error, rebuilt in this thread (see {@link reviveWorkerError}); a
   *   {@link WorkerPoolError} when the pool is closed, the task ran past `timeoutMs`, or its worker
   *   stopped; the signal's reason when aborted.
   */
  async run<T>(task: PoolTask, options: TaskOptions = {}): Promise<T> {
    return (await this.submit<T>(task, options)).value;
  }

  /** {@link run}, answering also which worker ran the task (for tasks that must follow it there). */
  submit<T>(task: PoolTask, options: TaskOptions = {}): Promise<TaskDone<T>> {
    if (this.#closing !== undefined)
      return Promise.reject(new WorkerPoolError('pool-closed', 'the worker pool is closed'));
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    return new Promise<TaskDone<T>>((resolve, reject) => {
      const pending: Pending = {
        id: this.#nextTask++,
        task,
        options,
        resolve: resolve as (done: TaskDone<unknown>) => void,
        reject,
      };
      if (options.worker !== undefined) {
        const slot = this.#slots.find((s) => s.id === options.worker);
        if (slot === undefined) {
          reject(new WorkerPoolError('worker-exited', `worker ${options.worker} is no longer in the pool`));
          return;
        }
        slot.pinned.push(pending);
      } else this.#queue.push(pending);
      const { signal } = options;
      if (signal !== undefined) {
        pending.onAbort = () => this.#abort(pending, signal.reason);
        signal.addEventListener('abort', pending.onAbort, { once: true });
      }
      this.#pump();
    });
  }

  /**
   * Stop every worker and wait until their threads have exited. Tasks still waiting or running fail
   * with a {@link WorkerPoolError} `pool-closed`; calling it again returns the same promise.
   */
  close(): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    const error = new WorkerPoolError('pool-closed', 'the worker pool was closed before the task ended');
    const slots = this.#slots.splice(0);
    const waiting = [...this.#queue.splice(0), ...slots.flatMap((s) => s.pinned.splice(0))];
    for (const slot of slots) {
      slot.gone = true;
      if (slot.busy !== undefined) waiting.push(slot.busy);
      slot.busy = undefined;
    }
    for (const pending of waiting) this.#settle(pending, () => pending.reject(error));
    const exits = [...this.#stopping, ...slots.map((s) => s.exited)];
    for (const slot of slots) void slot.worker.terminate();
    this.#closing = Promise.all(exits).then(() => undefined);
    return this.#closing;
  }

  /** Hand waiting tasks to idle workers (pinned ones first), starting workers while there is room. */
  #pump(): void {
    if (this.#closing !== undefined) return;
    for (const slot of this.#slots) {
      if (slot.busy !== undefined) continue;
      const next = slot.pinned.shift() ?? this.#queue.shift();
      if (next !== undefined) this.#start(slot, next);
    }
    while (this.#queue.length > 0 && this.#slots.length < this.size) {
      this.#start(this.#spawn(), this.#queue.shift() as Pending);
    }
  }

  #spawn(): Slot {
    const worker = startModuleWorker(import.meta.url, 'pool-worker', undefined);
    // Only a worker with a task keeps the process alive (see #start and #reply).
    worker.unref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const slot: Slot = {
      id: this.#nextWorker++,
      worker,
      exited,
      datasets: [],
      pinned: [],
      busy: undefined,
      gone: false,
    };
    this.#started++;
    worker.on('message', (reply: WorkerReply) => this.#reply(slot, reply));
    worker.on('error', (error) => this.#lost(slot, error));
    worker.on('exit', (code) =>
      this.#lost(slot, new WorkerPoolError('worker-exited', `a pool worker stopped with exit code ${code}`)),
    );
    this.#slots.push(slot);
    return slot;
  }

  #start(slot: Slot, pending: Pending): void {
    const { task } = pending;
    let dataset: WorkerRequest['dataset'];
    if (task.dataset !== undefined) {
      const id = datasetId(task.dataset);
      if (slot.datasets.includes(id)) dataset = { id };
      else {
        const evict = slot.datasets.length >= KEPT_DATASETS ? slot.datasets[0] : undefined;
        dataset = { id, data: task.dataset.data, ...(evict === undefined ? {} : { evict }) };
      }
    }
    const request: WorkerRequest = {
      id: pending.id,
      module: task.module,
      name: task.name,
      arg: task.arg,
      ...(dataset === undefined ? {} : { dataset }),
    };
    try {
      slot.worker.postMessage(request, task.transfer);
    } catch (error) {
      // A value that cannot be sent (a function in `arg`): the task fails, the worker stays free.
      this.#settle(pending, () => pending.reject(error));
      this.#pump();
      return;
    }
    if (dataset !== undefined) {
      // As the worker does: forget `evict`, and keep `id` as the most recently used.
      const { id, evict } = dataset;
      const kept = slot.datasets.filter((d) => d !== id && d !== evict);
      slot.datasets.splice(0, slot.datasets.length, ...kept, id);
    }
    slot.busy = pending;
    pending.slot = slot;
    slot.worker.ref();
    const { timeoutMs } = pending.options;
    if (timeoutMs !== undefined) {
      pending.timer = setTimeout(
        () =>
          this.#abort(
            pending,
            new WorkerPoolError(
              'task-timeout',
              `a task (${task.name}) ran longer than ${timeoutMs} ms; its worker was stopped and replaced`,
            ),
          ),
        timeoutMs,
      );
    }
  }

  #reply(slot: Slot, reply: WorkerReply): void {
    const pending = slot.busy;
    if (pending === undefined || pending.id !== reply.id) return;
    slot.busy = undefined;
    slot.worker.unref();
    this.#settle(pending, () =>
      reply.ok
        ? pending.resolve({ value: reply.value, worker: slot.id })
        : pending.reject(reviveWorkerError(reply.error)),
    );
    this.#pump();
  }

  /** Fail a task: out of the queue if it waits, or stop its worker if it runs. */
  #abort(pending: Pending, reason: unknown): void {
    const slot = pending.slot;
    if (slot === undefined) {
      const at = this.#queue.indexOf(pending);
      if (at >= 0) this.#queue.splice(at, 1);
      for (const s of this.#slots) {
        const k = s.pinned.indexOf(pending);
        if (k >= 0) s.pinned.splice(k, 1);
      }
      this.#settle(pending, () => pending.reject(reason));
      return;
    }
    if (slot.busy !== pending) return;
    slot.busy = undefined;
    this.#settle(pending, () => pending.reject(reason));
    this.#stop(slot);
  }

  /** Take a worker out of the pool and stop its thread; a new one takes its place when needed. */
  #stop(slot: Slot): void {
    const stopped = slot.exited;
    this.#stopping.add(stopped);
    void stopped.then(() => this.#stopping.delete(stopped));
    this.#lost(slot, new WorkerPoolError('worker-exited', 'a pool worker was stopped'));
    void slot.worker.terminate();
  }

  /** A worker left (crashed, exited or stopped): tell the listeners, fail what it had to run, refill. */
  #lost(slot: Slot, error: unknown): void {
    if (slot.gone) return;
    slot.gone = true;
    const at = this.#slots.indexOf(slot);
    if (at >= 0) this.#slots.splice(at, 1);
    for (const listener of this.#exitListeners) listener(slot.id);
    const failed = [...(slot.busy === undefined ? [] : [slot.busy]), ...slot.pinned.splice(0)];
    slot.busy = undefined;
    for (const pending of failed) {
      const reason =
        pending.slot === slot
          ? error
          : new WorkerPoolError('worker-exited', `worker ${slot.id} left the pool before this task ran`);
      this.#settle(pending, () => pending.reject(reason));
    }
    this.#pump();
  }

  /** Clear a task's timer and abort listener, then resolve or reject it. */
  #settle(pending: Pending, finish: () => void): void {
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    if (pending.onAbort !== undefined) pending.options.signal?.removeEventListener('abort', pending.onAbort);
    pending.timer = undefined;
    pending.onAbort = undefined;
    finish();
  }
}
