import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../src/core/ensemble/run-ensemble.js';
import { validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { ENSEMBLE_SEED, fittedLevers, leverDefaults, toScenario } from '../../web/src/levers.js';
import type { ChunkMessage, WorkerRequest, WorkerResponse } from '../../web/src/protocol.js';

/** One instance of the page's simulation worker, loaded in this thread with a stand-in for its global scope. */
interface TestWorker {
  /** A message from the page. */
  post(request: WorkerRequest): void;
  /** The worker's next message that `match` accepts (those already posted included). */
  next(match: (m: WorkerResponse) => boolean): Promise<WorkerResponse>;
  readonly posted: WorkerResponse[];
}

async function loadWorker(): Promise<TestWorker> {
  const posted: WorkerResponse[] = [];
  const waiting: { match: (m: WorkerResponse) => boolean; resolve: (m: WorkerResponse) => void }[] = [];
  let listener: ((event: { data: WorkerRequest }) => void) | undefined;
  vi.stubGlobal('self', {
    postMessage(message: WorkerResponse) {
      posted.push(message);
      for (const w of waiting.filter((w) => w.match(message))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(message);
      }
    },
    addEventListener(_: 'message', l: (event: { data: WorkerRequest }) => void) {
      listener = l;
    },
  });
  vi.resetModules(); // a fresh instance: the module's state is the worker's
  await import('../../web/src/sim.worker.js');
  vi.unstubAllGlobals();
  return {
    posted,
    post: (request) => listener?.({ data: request }),
    next: (match) => {
      const found = posted.find(match);
      return found !== undefined ? Promise.resolve(found) : new Promise((resolve) => waiting.push({ match, resolve }));
    },
  };
}

const dataset = loadDataset();
const fitted = fittedLevers(dataset.data.fitted);
const scenario = toScenario({ ...leverDefaults(fitted), ensembleOn: true }, { fitted });
const reference = runEnsemble(validateScenario(scenario), dataset, { runs: 200, seed: ENSEMBLE_SEED });
const done = (id: number) => (m: WorkerResponse) => (m.type === 'ensemble' || m.type === 'error') && m.id === id;

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});
const channel = () => {
  const c = new MessageChannel();
  channels.push(c);
  return c;
};

describe("the page's two simulation workers", () => {
  it("exchange an ensemble's chunks over their own channel and give the one-thread result bit for bit", async () => {
    const summary = await loadWorker();
    const partner = await loadWorker();
    const { port1, port2 } = channel();
    summary.post({ kind: 'partner', port: port1 });
    partner.post({ kind: 'partner', port: port2 });
    summary.post({ kind: 'ensemble', id: 1, scenario, split: true });
    partner.post({ kind: 'chunks', id: 1, scenario });
    const answer = await summary.next(done(1));
    expect(answer.type).toBe('ensemble');
    expect(answer.type === 'ensemble' ? answer.result : undefined).toEqual(reference);
    // Progress counts the chunks of both, in chunk order.
    const progress = summary.posted.flatMap((m) => (m.type === 'progress' ? [m.done] : []));
    expect(progress.at(-1)).toBe(200);
    expect(partner.posted.every((m) => m.type === 'ready')).toBe(true);
    // The next ensemble counts into the same histograms, zeroed: the summary's own and the partner's,
    // handed back to it. The result is the same again.
    summary.post({ kind: 'ensemble', id: 2, scenario, split: true });
    partner.post({ kind: 'chunks', id: 2, scenario });
    const again = await summary.next(done(2));
    expect(again.type === 'ensemble' ? again.result : again).toEqual(reference);
  }, 60_000);

  it("keeps the partner's chunks that arrive before the request to summarise them", async () => {
    const summary = await loadWorker();
    const partner = await loadWorker();
    // The test stands between the two and holds the partner's messages back until it has sent them all.
    const toSummary = channel();
    const fromPartner = channel();
    summary.post({ kind: 'partner', port: toSummary.port1 });
    partner.post({ kind: 'partner', port: fromPartner.port2 });
    const held: ChunkMessage[] = [];
    const allSent = new Promise<void>((resolve) => {
      fromPartner.port1.onmessage = (event: MessageEvent<ChunkMessage>) => {
        held.push(event.data);
        if (event.data.kind === 'chunk-counts') resolve();
      };
    });
    partner.post({ kind: 'chunks', id: 2, scenario });
    await allSent;
    expect(held.map((m) => m.kind)).toEqual(['chunk', 'chunk', 'chunk', 'chunk-counts']);
    // An older ensemble's message is dropped, the newer ones wait.
    toSummary.port2.postMessage({ kind: 'chunk-error', id: 1, message: 'old' } satisfies ChunkMessage);
    for (const m of held) toSummary.port2.postMessage(m);
    await new Promise((resolve) => setTimeout(resolve, 50));
    summary.post({ kind: 'ensemble', id: 2, scenario, split: true });
    const answer = await summary.next(done(2));
    expect(answer.type === 'ensemble' ? answer.result : answer).toEqual(reference);
  }, 60_000);

  it('drop an ensemble when it is cancelled or replaced, and report a failure of the partner', async () => {
    const summary = await loadWorker();
    const partner = await loadWorker();
    const { port1, port2 } = channel();
    summary.post({ kind: 'partner', port: port1 });
    partner.post({ kind: 'partner', port: port2 });
    summary.post({ kind: 'ensemble', id: 1, scenario, split: true });
    partner.post({ kind: 'chunks', id: 1, scenario });
    for (const w of [summary, partner]) w.post({ kind: 'cancel', id: 2 });
    summary.post({ kind: 'ensemble', id: 3, scenario, split: true });
    partner.post({ kind: 'chunks', id: 3, scenario });
    summary.post({ kind: 'ensemble', id: 4, scenario, split: true });
    partner.post({ kind: 'chunks', id: 4, scenario });
    const answer = await summary.next(done(4));
    expect(answer.type === 'ensemble' ? answer.result : answer).toEqual(reference);
    expect(summary.posted.filter((m) => m.type === 'ensemble' || m.type === 'error').map((m) => m.id)).toEqual([4]);

    // The partner fails on its share: the page hears of it from the worker that summarises.
    summary.post({ kind: 'ensemble', id: 5, scenario, split: true });
    partner.post({ kind: 'chunks', id: 5, scenario: { ensemble: { runs: -1 } } });
    const failure = await summary.next(done(5));
    expect(failure).toMatchObject({ type: 'error', id: 5, about: 'ensemble' });
  }, 60_000);
});
