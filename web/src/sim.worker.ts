import { claimsEvidence } from '../../src/core/analyze/claims/index.js';
import { pledgeReport } from '../../src/core/analyze/pledge-report.js';
import { resolveSource } from '../../src/core/analyze/pledge-source.js';
import { validationSentence } from '../../src/core/analyze/run-notices.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { CELL_SIZE } from '../../src/core/ensemble/histogram.js';
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
import { runSpan } from '../../src/core/scenario/run-span.js';
import type { ScenarioInput } from '../../src/core/scenario/schema.js';
import { simulate, simulateStaged } from '../../src/core/simulate.js';
import { alliesWithBurdens } from './ally-burdens.js';
import { END, fittedLevers, START } from './levers.js';
import type { ChunkMessage, EditionInfo, WorkerRequest, WorkerResponse } from './protocol.js';

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

/**
 * Histogram counts of an ensemble done with, kept for the next one: 9 MB of fresh memory cost the
 * first chunk that wrote into it 20–50 ms of page faults, zeroing it again about a millisecond.
 */
let spareCounts: Int32Array | undefined;

/** Zeroed histogram counts for an ensemble of `setup`: the spare ones when they fit. */
function countsFor(setup: EnsembleSetup): Int32Array {
  const spare = spareCounts;
  spareCounts = undefined;
  const size = setup.series.length * setup.years.length * CELL_SIZE;
  if (spare === undefined || spare.length !== size) return createCounts(setup);
  return spare.fill(0);
}

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
/** The newest deterministic run asked for: an older run's stability margins are not computed. */
let newestRun = 0;

/** The channel to the other simulation worker, once the page has sent it. */
let partnerPort: MessagePort | undefined;
/**
 * The partner's messages for an ensemble not started here yet: the page's request and the partner's
 * chunks come over two ports, and messages of two ports may arrive in either order.
 */
let early: PartnerMessage[] = [];

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

/** What the partner sends about an ensemble it helps with. */
type PartnerMessage = Exclude<ChunkMessage, { readonly kind: 'spare-counts' }>;

/** Take one of the partner's messages for the ensemble `j`. */
function take(j: EnsembleJob, m: PartnerMessage): void {
  if (m.kind === 'chunk') {
    j.accumulator.add(m.summary);
    scope.postMessage({ type: 'progress', id: j.id, done: j.accumulator.members, total: j.runs });
    finish(j);
  } else if (m.kind === 'chunk-counts') {
    j.partnerCounts = m.counts;
    finish(j);
  } else {
    job = undefined;
    scope.postMessage({ type: 'error', id: j.id, message: m.message, about: 'ensemble' });
  }
}

/** A message from the partner: for the ensemble under way, for a newer one (kept), or stale (dropped). */
function fromPartner(m: ChunkMessage): void {
  if (m.kind === 'spare-counts') {
    spareCounts = m.counts;
    return;
  }
  if (job !== undefined && job.id === m.id) take(job, m);
  else if (m.id > latest) {
    if (early[0]?.id !== m.id) early = [];
    early.push(m);
  }
}

/** Post the result once this worker's chunks and the partner's are all in. */
function finish(j: EnsembleJob): void {
  if (job !== j || !j.ownDone || j.partnerCounts === undefined || j.accumulator.members < j.runs) return;
  for (let k = 0; k < j.counts.length; k++) j.counts[k] = (j.counts[k] as number) + (j.partnerCounts[k] as number);
  const result = j.accumulator.result(j.runs, j.counts);
  job = undefined;
  scope.postMessage({ type: 'ensemble', id: j.id, result, elapsedMs: performance.now() - j.started });
  // The counts for the next ensembles: these here, the partner's back to it.
  spareCounts = j.counts;
  const partnerCounts = j.partnerCounts;
  if (partnerPort !== undefined && partnerCounts.length > 0)
    partnerPort.postMessage({ kind: 'spare-counts', id: j.id, counts: partnerCounts } satisfies ChunkMessage, [
      partnerCounts.buffer,
    ]);
}

/**
 * Run an ensemble chunk by chunk (the even ones when a partner runs the odd ones), reporting
 * progress, and give up as soon as a newer one is asked for. Chunks are added in their order
 * whoever ran them, so the split does not change the result.
 */
async function ensemble(id: number, scenario: unknown, split: boolean): Promise<void> {
  const started = performance.now();
  const { runs, setup, chunks } = prepare(scenario);
  const counts = countsFor(setup);
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
  const arrived = early.filter((m) => m.id === id);
  early = [];
  for (const m of arrived) take(j, m);
  for (let c = 0; c < chunks; c += split ? 2 : 1) {
    await yieldToMessages();
    if (latest !== id || job !== j) return;
    j.accumulator.add(runChunk(setup, c, runs, counts));
    scope.postMessage({ type: 'progress', id, done: j.accumulator.members, total: runs });
  }
  j.ownDone = true;
  finish(j);
}

/** Run the odd chunks of an ensemble and send them straight to the worker that summarises it. */
async function partner(id: number, scenario: unknown): Promise<void> {
  const port = partnerPort;
  if (port === undefined) throw new Error('no channel to the worker that summarises the ensemble');
  const { runs, setup, chunks } = prepare(scenario);
  const counts = countsFor(setup);
  for (let c = 1; c < chunks; c += 2) {
    await yieldToMessages();
    if (latest !== id) return;
    const summary = runChunk(setup, c, runs, counts);
    port.postMessage({ kind: 'chunk', id, summary } satisfies ChunkMessage, [
      summary.sums.buffer,
      summary.eventCounts.buffer,
    ]);
  }
  // 9 MB of counts: handed over, not copied.
  port.postMessage({ kind: 'chunk-counts', id, counts } satisfies ChunkMessage, [counts.buffer]);
}

/** An ensemble's failure: the page hears of it from the worker that summarises, or from this one without a partner. */
const report = (id: number, role: 'summary' | 'partner') => (error: unknown) => {
  if (role === 'partner' && partnerPort !== undefined)
    partnerPort.postMessage({ kind: 'chunk-error', id, message: message(error) } satisfies ChunkMessage);
  else scope.postMessage({ type: 'error', id, message: message(error), about: 'ensemble' });
};

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.kind === 'partner') {
    partnerPort = request.port;
    partnerPort.onmessage = (e: MessageEvent<ChunkMessage>) => fromPartner(e.data);
    return;
  }
  try {
    if (request.kind === 'run') {
      const started = performance.now();
      newestRun = request.id;
      const input = validateScenario(request.scenario);
      // The stability margin where a reader looks: the Hague due year and the last year. The run
      // goes out first, its margins (about as long again) after, unless a newer run came meanwhile.
      const { start, end } = runSpan(input);
      const staged = simulateStaged(input, dataset, {
        stabilityYears: [...new Set([2035, end - 1])].filter((y) => y >= start),
      });
      scope.postMessage({
        type: 'result',
        id: request.id,
        result: staged.result,
        elapsedMs: performance.now() - started,
      });
      const id = request.id;
      yieldToMessages().then(() => {
        if (newestRun !== id) return;
        try {
          scope.postMessage({ type: 'stability', id, stability: staged.stability() } satisfies WorkerResponse);
        } catch (error) {
          scope.postMessage({ type: 'error', id, message: message(error) } satisfies WorkerResponse);
        }
      });
    } else if (request.kind === 'ensemble') {
      latest = request.id;
      job = undefined;
      ensemble(request.id, request.scenario, request.split).catch(report(request.id, 'summary'));
    } else if (request.kind === 'chunks') {
      latest = request.id;
      partner(request.id, request.scenario).catch(report(request.id, 'partner'));
    } else if (request.kind === 'cancel') {
      latest = request.id;
      job = undefined;
      early = early.filter((m) => m.id > latest);
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
  sources: dataset.data.sources.map((s) => ({
    id: s.id,
    publisher: s.publisher,
    title: s.title,
    released: s.releasedOn ?? String(s.released),
    citation: s.citation,
  })),
  allies: alliesWithBurdens(dataset, START),
  baseline: simulate(
    { ...(PRESET_SCENARIOS.find((p) => p.id === 'status-quo')?.input as ScenarioInput), start: START, end: END },
    dataset,
  ),
});
