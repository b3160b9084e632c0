/**
 * The ensemble's tasks in a pool worker (see `ensemble-pool.ts`). A worker prepares an ensemble
 * once and keeps the setup for the next chunks and the next ensembles of the same scenario, seed
 * and dataset; each ensemble's histogram counts stay in the worker that ran its chunks (a session)
 * until the thread that runs the ensemble collects them.
 */
import type { Dataset } from '../core/data/dataset.js';
import {
  type ChunkSummary,
  createCounts,
  EnsembleAccumulator,
  type EnsembleResult,
  type EnsembleSetup,
  prepareEnsemble,
  runChunk,
} from '../core/ensemble/run-ensemble.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import type { TaskContext } from './worker-pool.js';

/** What identifies an ensemble's setup: the scenario, the seed and (from the context) the dataset. */
export interface EnsembleTaskBase {
  readonly input: ScenarioInput;
  readonly seed: number;
  /** The seed and the scenario as text: equal keys, equal setups. */
  readonly setupKey: string;
}

/** Histogram counts of one ensemble's chunks run in this worker. */
interface Session {
  readonly counts: Int32Array;
  chunks: number;
}

/** Setups kept per worker, the one used longest ago dropped first. */
const KEPT_SETUPS = 4;
const SETUPS = 'ensemble-tasks:setups';
const SESSIONS = 'ensemble-tasks:sessions';

function stateMap<V>(context: TaskContext, key: string): Map<string, V> {
  let map = context.state.get(key) as Map<string, V> | undefined;
  if (map === undefined) {
    map = new Map<string, V>();
    context.state.set(key, map);
  }
  return map;
}

function setupFor(arg: EnsembleTaskBase, context: TaskContext): EnsembleSetup {
  const setups = stateMap<EnsembleSetup>(context, SETUPS);
  const key = `${context.datasetId}\n${arg.setupKey}`;
  const kept = setups.get(key);
  setups.delete(key);
  const setup = kept ?? prepareEnsemble(arg.input, context.dataset as Dataset, { seed: arg.seed });
  setups.set(key, setup);
  if (setups.size > KEPT_SETUPS) setups.delete(setups.keys().next().value as string);
  return setup;
}

/** Run chunk `chunk` of an ensemble of `runs` members, adding its histogram counts to the session's. */
export function chunk(
  arg: EnsembleTaskBase & { readonly session: string; readonly chunk: number; readonly runs: number },
  context: TaskContext,
): ChunkSummary {
  const setup = setupFor(arg, context);
  const sessions = stateMap<Session>(context, SESSIONS);
  const session = sessions.get(arg.session) ?? { counts: createCounts(setup), chunks: 0 };
  const summary = runChunk(setup, arg.chunk, arg.runs, session.counts);
  session.chunks++;
  sessions.set(arg.session, session);
  context.transfer(summary.sums.buffer as ArrayBuffer);
  return summary;
}

/** Hand over a session's counts and the number of chunks they hold, and forget the session. */
export function collect(
  arg: { readonly session: string },
  context: TaskContext,
): { counts: Int32Array | undefined; chunks: number } {
  const sessions = stateMap<Session>(context, SESSIONS);
  const session = sessions.get(arg.session);
  sessions.delete(arg.session);
  if (session === undefined) return { counts: undefined, chunks: 0 };
  context.transfer(session.counts.buffer as ArrayBuffer);
  return { counts: session.counts, chunks: session.chunks };
}

/** Forget a session (its ensemble failed or was stopped). */
export function drop(arg: { readonly session: string }, context: TaskContext): void {
  stateMap<Session>(context, SESSIONS).delete(arg.session);
}

/**
 * The ensemble's result from every chunk's summary, in chunk order, and the counts of every
 * session: the same additions as `runEnsemble` in one thread.
 */
export function finish(
  arg: EnsembleTaskBase & {
    readonly runs: number;
    readonly summaries: readonly ChunkSummary[];
    readonly counts: readonly Int32Array[];
  },
  context: TaskContext,
): EnsembleResult {
  const setup = setupFor(arg, context);
  const accumulator = new EnsembleAccumulator(setup);
  for (const summary of arg.summaries) accumulator.add(summary);
  const counts = createCounts(setup);
  for (const part of arg.counts) {
    if (part.length !== counts.length)
      throw new RangeError(`counts of ${part.length} cells, expected ${counts.length}`);
    for (let k = 0; k < counts.length; k++) counts[k] = (counts[k] as number) + (part[k] as number);
  }
  return accumulator.result(arg.runs, counts);
}
