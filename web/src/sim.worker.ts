import { claimsEvidence } from '../../src/core/analyze/claims/index.js';
import { pledgeReport } from '../../src/core/analyze/pledge-report.js';
import { resolveSource } from '../../src/core/analyze/pledge-source.js';
import { validationSentence } from '../../src/core/analyze/run-notices.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import {
  CHUNK_MEMBERS,
  checkRuns,
  createCounts,
  EnsembleAccumulator,
  type EnsembleSetup,
  prepareEnsemble,
  runChunk,
} from '../../src/core/ensemble/run-ensemble.js';
import { validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { PRESET_SCENARIOS } from '../../src/core/scenario/presets.js';
import type { ScenarioInput } from '../../src/core/scenario/schema.js';
import { simulate } from '../../src/core/simulate.js';
import { alliesWithBurdens } from './ally-burdens.js';
import { END, fittedLevers, START } from './levers.js';
import type { EditionInfo, WorkerRequest, WorkerResponse } from './protocol.js';

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;
const dataset = loadDataset();

function editions(): EditionInfo[] {
  return dataset.editions('nato-').map((s) => {
    const resolved = resolveSource(dataset, 'nato', s.edition);
    return { edition: s.edition, firstYear: resolved.firstYear, lastYear: resolved.lastYear };
  });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Let queued messages in: a newer ensemble request cancels the one running. */
const channel = new MessageChannel();
const pending: (() => void)[] = [];
channel.port1.onmessage = () => pending.shift()?.();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    pending.push(resolve);
    channel.port2.postMessage(null);
  });

/** The ensemble this worker summarises, while it runs. */
interface EnsembleJob {
  readonly id: number;
  readonly runs: number;
  readonly started: number;
  readonly setup: EnsembleSetup;
  readonly counts: Int32Array;
  readonly accumulator: EnsembleAccumulator;
  ownDone: boolean;
  partnerCounts: Int32Array | undefined;
}

let job: EnsembleJob | undefined;
/** The newest ensemble asked for, summarised here or helped with: older ones stop at their next chunk. */
let latest = 0;

function prepare(scenario: unknown) {
  const input = validateScenario(scenario);
  const runs = input.ensemble?.runs ?? 200;
  checkRuns(runs);
  const setup = prepareEnsemble(
    input,
    dataset,
    input.ensemble?.seed === undefined ? {} : { seed: input.ensemble.seed },
  );
  return { runs, setup, chunks: Math.ceil(runs / CHUNK_MEMBERS) };
}

/** Post the result once this worker's chunks and the partner's are all in. */
function finish(j: EnsembleJob): void {
  if (job !== j || !j.ownDone || j.partnerCounts === undefined || j.accumulator.members < j.runs) return;
  for (let k = 0; k < j.counts.length; k++) j.counts[k] = (j.counts[k] as number) + (j.partnerCounts[k] as number);
  const result = j.accumulator.result(j.runs, j.counts);
  job = undefined;
  scope.postMessage({ type: 'ensemble', id: j.id, result, elapsedMs: performance.now() - j.started });
}

/**
 * Run an ensemble chunk by chunk (the even ones when a partner runs the odd ones), reporting
 * progress, and give up as soon as a newer one is asked for. Chunks are added in their order
 * whoever ran them, so the split does not change the result.
 */
async function ensemble(id: number, scenario: unknown, split: boolean): Promise<void> {
  const started = performance.now();
  const { runs, setup, chunks } = prepare(scenario);
  const counts = createCounts(setup);
  const j: EnsembleJob = {
    id,
    runs,
    started,
    setup,
    counts,
    accumulator: new EnsembleAccumulator(setup),
    ownDone: false,
    partnerCounts: split ? undefined : new Int32Array(counts.length),
  };
  job = j;
  for (let c = 0; c < chunks; c += split ? 2 : 1) {
    await yieldToMessages();
    if (latest !== id) return;
    j.accumulator.add(runChunk(setup, c, runs, counts));
    scope.postMessage({ type: 'progress', id, done: j.accumulator.members, total: runs });
  }
  j.ownDone = true;
  finish(j);
}

/** Run the odd chunks of an ensemble for the worker that summarises it. */
async function partner(id: number, scenario: unknown): Promise<void> {
  const { runs, setup, chunks } = prepare(scenario);
  const counts = createCounts(setup);
  for (let c = 1; c < chunks; c += 2) {
    await yieldToMessages();
    if (latest !== id) return;
    scope.postMessage({ type: 'chunk', id, summary: runChunk(setup, c, runs, counts) });
  }
  // 9 MB of counts: handed over, not copied.
  scope.postMessage({ type: 'chunk-counts', id, counts }, [counts.buffer]);
}

const report = (id: number) => (error: unknown) =>
  scope.postMessage({ type: 'error', id, message: message(error), about: 'ensemble' });

scope.addEventListener('message', (event) => {
  const request = event.data;
  try {
    if (request.kind === 'run') {
      const started = performance.now();
      const result = simulate(validateScenario(request.scenario), dataset);
      scope.postMessage({ type: 'result', id: request.id, result, elapsedMs: performance.now() - started });
    } else if (request.kind === 'ensemble') {
      latest = request.id;
      ensemble(request.id, request.scenario, request.split).catch(report(request.id));
    } else if (request.kind === 'chunks') {
      latest = request.id;
      partner(request.id, request.scenario).catch(report(request.id));
    } else if (request.kind === 'cancel') {
      latest = request.id;
      job = undefined;
    } else if (request.kind === 'chunk') {
      if (job?.id === request.id) {
        job.accumulator.add(request.summary);
        scope.postMessage({ type: 'progress', id: job.id, done: job.accumulator.members, total: job.runs });
        finish(job);
      }
    } else if (request.kind === 'chunk-counts') {
      if (job?.id === request.id) {
        job.partnerCounts = request.counts;
        finish(job);
      }
    } else if (request.kind === 'claims') {
      scope.postMessage({ type: 'claims', id: request.id, evidence: claimsEvidence(dataset) });
    } else {
      const report = pledgeReport(dataset, {
        year: request.year,
        edition: request.edition,
        threshold: request.threshold,
      });
      scope.postMessage({ type: 'pledge', id: request.id, report });
    }
  } catch (error) {
    scope.postMessage({ type: 'error', id: request.id, message: message(error) });
  }
});

const fitted = fittedLevers(dataset.data.fitted);
scope.postMessage({
  type: 'ready',
  editions: editions(),
  fitted,
  validation: validationSentence(dataset.data.fitted),
  allies: alliesWithBurdens(dataset, START),
  baseline: simulate(
    { ...(PRESET_SCENARIOS.find((p) => p.id === 'status-quo')?.input as ScenarioInput), start: START, end: END },
    dataset,
  ),
});
