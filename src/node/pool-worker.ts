/**
 * A worker thread of the {@link WorkerPool}: runs one task at a time, each a function exported by
 * a task module (imported once, then kept), and posts its value or its error as plain data. It
 * keeps what makes it warm between tasks: the modules and V8's compiled code, the datasets the pool
 * sent, and the state the task modules keep in {@link TaskContext.state}.
 */
import { parentPort, type Transferable } from 'node:worker_threads';
import { Dataset, type DatasetData } from '../core/data/dataset.js';
import { serializeWorkerError } from './worker-errors.js';
import type { TaskContext, TaskHandler, WorkerReply, WorkerRequest } from './worker-pool.js';

const port = parentPort;
if (port === null) throw new Error('pool-worker must run in a worker thread');

const modules = new Map<string, Promise<Record<string, unknown>>>();
const datasets = new Map<number, Dataset>();
const state = new Map<string, unknown>();

async function handlerOf(module: string, name: string): Promise<TaskHandler> {
  let loaded = modules.get(module);
  if (loaded === undefined) {
    loaded = import(module) as Promise<Record<string, unknown>>;
    modules.set(module, loaded);
  }
  const handler = (await loaded)[name];
  if (typeof handler !== 'function') throw new TypeError(`${module} exports no task named ${name}`);
  return handler as TaskHandler;
}

async function run(request: WorkerRequest): Promise<void> {
  const transfer: Transferable[] = [];
  let reply: WorkerReply;
  try {
    if (request.dataset !== undefined) {
      const { id, data, evict } = request.dataset;
      if (evict !== undefined) datasets.delete(evict);
      if (data !== undefined) datasets.set(id, new Dataset(data as DatasetData));
    }
    const handler = await handlerOf(request.module, request.name);
    const dataset = request.dataset === undefined ? undefined : datasets.get(request.dataset.id);
    if (request.dataset !== undefined && dataset === undefined)
      throw new Error(`pool worker: dataset ${request.dataset.id} was never sent`);
    const context: TaskContext = {
      dataset,
      datasetId: request.dataset?.id,
      state,
      transfer: (...list) => {
        transfer.push(...list);
      },
    };
    reply = { id: request.id, ok: true, value: await handler(request.arg, context) };
  } catch (error) {
    transfer.length = 0;
    reply = { id: request.id, ok: false, error: serializeWorkerError(error) };
  }
  port?.postMessage(reply, transfer);
}

port.on('message', (request: WorkerRequest) => void run(request));
