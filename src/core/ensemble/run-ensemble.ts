import type { Dataset } from '../data/dataset.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { EnsembleAccumulator } from './accumulator.js';
import { runChunk } from './chunk.js';
import { checkRuns, prepareEnsemble } from './setup.js';
import { CHUNK_MEMBERS, createCounts, type EnsembleOptions, type EnsembleResult, MAX_RUNS } from './types.js';

export { EnsembleAccumulator, parameterLabels } from './accumulator.js';
export { runChunk, runMembers } from './chunk.js';
export { ENSEMBLE_OUTPUTS } from './series.js';
export { checkRuns, DEFAULT_EVENTS, ensembleStepping, prepareEnsemble } from './setup.js';
export {
  CHUNK_MEMBERS,
  type ChunkSummary,
  createCounts,
  ENSEMBLE_SAMPLES_PER_YEAR,
  ENSEMBLE_STEP_YEARS,
  type EnsembleEvent,
  type EnsembleOptions,
  type EnsembleResult,
  type EnsembleSetup,
  MAX_RUNS,
  QUANTILES,
} from './types.js';

/**
 * Run an ensemble of the demand model in this thread (the Node entry point spreads chunks over
 * worker threads with the same result, bit for bit).
 *
 * @throws {InputError} `bad-runs` for `runs` not a whole number from 1 to {@link MAX_RUNS}.
 * @throws {ScenarioError} for bad uncertain parameters or events.
 * @example runEnsemble(parseScenario('end: 2030'), loadDataset(), { runs: 100, seed: 1 }).events[0]?.probability
 */
export function runEnsemble(input: ScenarioInput, dataset: Dataset, options: EnsembleOptions): EnsembleResult {
  checkRuns(options.runs);
  const setup = prepareEnsemble(input, dataset, {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.kernel === undefined ? {} : { kernel: options.kernel }),
  });
  const counts = createCounts(setup);
  const accumulator = new EnsembleAccumulator(setup);
  const total = Math.ceil(options.runs / CHUNK_MEMBERS);
  for (let c = 0; c < total; c++) {
    accumulator.add(runChunk(setup, c, options.runs, counts));
    options.onProgress?.(accumulator.members, options.runs);
  }
  return accumulator.result(options.runs, counts);
}
