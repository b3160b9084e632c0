/**
 * A worker thread of the ensemble pool: prepares the ensemble once, then runs the chunks the main
 * thread hands it, sending back each chunk's sums and, at the end, its histogram counts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Dataset, type DatasetData } from '../core/data/dataset.js';
import { createCounts, prepareEnsemble, runChunk } from '../core/ensemble/run-ensemble.js';
import type { ScenarioInput } from '../core/scenario/schema.js';

interface Init {
  readonly input: ScenarioInput;
  readonly data: DatasetData;
  readonly seed: number;
  readonly runs: number;
}

const init = workerData as Init;
const port = parentPort;
if (port === null) throw new Error('ensemble-worker must run in a worker thread');
const setup = prepareEnsemble(init.input, new Dataset(init.data), { seed: init.seed });
const counts = createCounts(setup);
port.on('message', (message: { chunk: number } | { done: true }) => {
  if ('done' in message) {
    port.postMessage({ counts }, [counts.buffer as ArrayBuffer]);
    return;
  }
  const summary = runChunk(setup, message.chunk, init.runs, counts);
  port.postMessage({ summary }, [summary.sums.buffer as ArrayBuffer]);
});
port.postMessage({ ready: true });
