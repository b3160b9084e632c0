/**
 * The worker thread of one HTTP run: runs the scenario (and its ensemble over the ensemble pool)
 * and posts the result, or the error as plain data. The main thread terminates it when the time
 * budget is spent, which stops the pool's workers with it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runEnsembleParallel } from '../node/ensemble-pool.js';
import { computeRun } from './run-compute.js';
import type { RunJob } from './run-job.js';

const job = workerData as RunJob;
const port = parentPort;
if (port === null) throw new Error('run-worker must run in a worker thread');

void computeRun(job, runEnsembleParallel).then((message) => port.postMessage(message));
