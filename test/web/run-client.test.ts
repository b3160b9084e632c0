import { describe, expect, it } from 'vitest';
import type { PledgeReport } from '../../src/core/analyze/pledge-report.js';
import type { EnsembleResult } from '../../src/core/ensemble/run-ensemble.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import type { WorkerRequest, WorkerResponse } from '../../web/src/protocol.js';
import { RunClient, type RunClientEvent, type WorkerLike } from '../../web/src/run-client.js';

type Listener = (event: { readonly data: WorkerResponse }) => void;

/**
 * A worker as the client sees one: it records what it is sent and answers in a later task, as a
 * Web Worker does, either through `respond` or when the test calls `answer`.
 */
class FakeWorker implements WorkerLike {
  readonly received: WorkerRequest[] = [];
  readonly #listeners = new Set<Listener>();
  readonly #respond: ((request: WorkerRequest) => WorkerResponse | undefined) | undefined;

  constructor(respond?: (request: WorkerRequest) => WorkerResponse | undefined) {
    this.#respond = respond;
  }

  postMessage(message: WorkerRequest): void {
    this.received.push(message);
    const response = this.#respond?.(message);
    if (response !== undefined) void this.answer(response);
  }

  addEventListener(_: 'message', listener: Listener): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  /** Post `response` to the page in a later task; resolves once it is delivered. */
  answer(response: WorkerResponse): Promise<void> {
    return new Promise((resolve) =>
      setTimeout(() => {
        for (const listener of this.#listeners) listener({ data: response });
        resolve();
      }, 0),
    );
  }

  /** The requests of one kind, in the order sent. */
  sent<K extends WorkerRequest['kind']>(kind: K): Extract<WorkerRequest, { kind: K }>[] {
    return this.received.filter((r): r is Extract<WorkerRequest, { kind: K }> => r.kind === kind);
  }
}

/** Stand-ins for the workers' results: the client passes them on without looking inside. */
const resultOf = (scenario: unknown) => ({ scenario }) as unknown as SimulationResult;
const ensembleOf = (runs: number) => ({ runs }) as unknown as EnsembleResult;
const reportOf = (year: number) => ({ year }) as unknown as PledgeReport;

/** A worker that answers every run with its scenario, after `elapsedMs` of simulation. */
const answeringRuns = (elapsedMs = 5) =>
  new FakeWorker((r) =>
    r.kind === 'run' ? { type: 'result', id: r.id, result: resultOf(r.scenario), elapsedMs } : undefined,
  );

/** Wait for the fake workers' answers, and for the answers those answers lead to. */
const settle = async () => {
  for (let k = 0; k < 5; k++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function client(options: { sim?: FakeWorker; ensemble?: FakeWorker; now?: () => number } = {}) {
  const sim = options.sim ?? new FakeWorker();
  const ensemble = options.ensemble ?? new FakeWorker();
  const c = new RunClient({ sim, ensemble, ...(options.now === undefined ? {} : { now: options.now }) });
  const events: RunClientEvent[] = [];
  c.subscribe((e) => events.push(e));
  return { c, sim, ensemble, events };
}

describe('the simulation client', () => {
  it('runs only the first and the last of a burst of 50 requests, and shows only the last', async () => {
    const { c, sim, events } = client({ sim: answeringRuns() });
    const ids = Array.from({ length: 50 }, (_, k) => c.run({ move: k }));
    expect(sim.sent('run').map((r) => r.scenario)).toEqual([{ move: 0 }]);
    await settle();
    expect(sim.sent('run').map((r) => r.scenario)).toEqual([{ move: 0 }, { move: 49 }]);
    expect(sim.sent('run').map((r) => r.id)).toEqual([ids[0], ids[49]]);
    // The first run's answer was stale when it came: only the last is shown.
    const results = events.filter((e) => e.type === 'result');
    expect(results.map((e) => (e.result as unknown as { scenario: unknown }).scenario)).toEqual([{ move: 49 }]);
  });

  it('keeps one run in flight and only the newest waiting: a waiting request is replaced, not queued', async () => {
    const { c, sim, events } = client();
    const first = c.run('a');
    c.run('b');
    const third = c.run('c');
    expect(sim.sent('run').map((r) => r.scenario)).toEqual(['a']);
    await sim.answer({ type: 'result', id: first, result: resultOf('a'), elapsedMs: 1 });
    expect(sim.sent('run').map((r) => r.scenario)).toEqual(['a', 'c']);
    expect(events).toEqual([]);
    await sim.answer({ type: 'result', id: third, result: resultOf('c'), elapsedMs: 1 });
    expect(events.map((e) => e.type)).toEqual(['result']);
  });

  it('passes on the newest run’s stability margins after its result, and their failure as the run’s error', async () => {
    const { c, sim, events } = client();
    const first = c.run('a');
    await sim.answer({ type: 'result', id: first, result: resultOf('a'), elapsedMs: 1 });
    const margins = [{ year: 2035, margin: -0.1 }] as unknown as SimulationResult['stability'];
    await sim.answer({ type: 'stability', id: first, stability: margins });
    expect(events.map((e) => e.type)).toEqual(['result', 'stability']);
    expect(events[1]).toEqual({ type: 'stability', id: first, stability: margins });
    // A newer run is asked for: the older run's margins, arriving late, are ignored.
    const second = c.run('b');
    await sim.answer({ type: 'stability', id: first, stability: margins });
    expect(events.map((e) => e.type)).toEqual(['result', 'stability']);
    await sim.answer({ type: 'result', id: second, result: resultOf('b'), elapsedMs: 1 });
    await sim.answer({ type: 'error', id: second, message: 'the stability margin in 2035 is not a finite number' });
    expect(events.map((e) => e.type)).toEqual(['result', 'stability', 'result', 'run-error']);
    expect(events[3]).toEqual({
      type: 'run-error',
      id: second,
      message: 'the stability margin in 2035 is not a finite number',
    });
  });

  it('ignores the answer to a run the levers have since made stale', async () => {
    const { c, sim, events } = client();
    const id = c.run('valid');
    c.invalidate(); // the levers no longer validate
    await sim.answer({ type: 'result', id, result: resultOf('valid'), elapsedMs: 1 });
    expect(events).toEqual([]);
    // An answer to no request at all is ignored too.
    await sim.answer({ type: 'result', id: 999, result: resultOf('other'), elapsedMs: 1 });
    expect(events).toEqual([]);
    // The worker is free again: the next run goes out at once.
    c.run('again');
    expect(sim.sent('run').map((r) => r.scenario)).toEqual(['valid', 'again']);
  });

  it('times each run from the lever move to its answer, and its charts from the move to drawn', async () => {
    let clock = 1000;
    const { c, sim, events } = client({ now: () => clock });
    const first = c.run('opening');
    clock = 1030;
    await sim.answer({ type: 'result', id: first, result: resultOf('opening'), elapsedMs: 20 });
    clock = 1040;
    // The charts of the opening: measured, but not after a lever move.
    expect(c.runDrawn(8, 1032)).toEqual({ total: 40, simulation: 20, drawing: 8, render: 2, afterLeverMove: false });
    c.leverMoved(2000);
    clock = 2001;
    const busy = c.run('move 1');
    c.leverMoved(2005);
    clock = 2006;
    const newest = c.run('move 2'); // waits for move 1
    clock = 2025;
    await sim.answer({ type: 'result', id: busy, result: resultOf('move 1'), elapsedMs: 19 });
    expect(c.runDrawn(1, 2025)).toBeUndefined(); // the newest run is not answered yet
    clock = 2050;
    await sim.answer({ type: 'result', id: newest, result: resultOf('move 2'), elapsedMs: 24 });
    const timing = { id: newest, movedAt: 2005, postedAt: 2025, answeredAt: 2050, simulationMs: 24 };
    expect(c.timing).toEqual(timing);
    expect(events.filter((e) => e.type === 'result').map((e) => e.timing)).toEqual([
      { id: first, movedAt: 1000, postedAt: 1000, answeredAt: 1030, simulationMs: 20 },
      timing,
    ]);
    clock = 2080;
    const latency = { total: 75, simulation: 24, drawing: 25, render: 1, afterLeverMove: true };
    expect(c.runDrawn(25, 2051)).toEqual(latency);
    expect(events.at(-1)).toEqual({ type: 'measured', what: 'run', latency });
    // The charts out of view drawn later, when the page is idle: timed from the same move.
    clock = 2120;
    const completion = { total: 115, charts: { a: 3, b: 4 } };
    expect(c.completed('run', { a: 3, b: 4 })).toEqual(completion);
    expect(events.at(-1)).toEqual({ type: 'completed', what: 'run', completion });
    // Not once a newer run is asked for, nor for an ensemble never asked for.
    c.leverMoved(2200);
    c.run('move 3');
    expect(c.completed('run', {})).toBeUndefined();
    c.cancelEnsemble();
    expect(c.completed('ensemble', {})).toBeUndefined();
  });

  it('answers look-ups by id, in whatever order the worker answers them, while a run is under way', async () => {
    const { c, sim, events } = client();
    const run = c.run('scenario');
    const a = c.pledges(2014, 'nato-2025', 0.02);
    const b = c.pledges(2024, 'nato-2026', 0.035);
    const [pa, pb] = sim.sent('pledge');
    expect([pa?.year, pa?.edition, pa?.threshold, pb?.year]).toEqual([2014, 'nato-2025', 0.02, 2024]);
    expect(pa?.id).not.toBe(pb?.id);
    expect(pa?.id).not.toBe(run);
    await sim.answer({ type: 'pledge', id: pb?.id as number, report: reportOf(2024) });
    await sim.answer({ type: 'pledge', id: pa?.id as number, report: reportOf(2014) });
    expect(await a).toEqual(reportOf(2014));
    expect(await b).toEqual(reportOf(2024));
    // The look-ups' answers did not end the run: a new run still waits for it.
    c.run('newer');
    expect(sim.sent('run').length).toBe(1);
    expect(events).toEqual([]);
  });

  it("reports errors: a run's (and moves on), a look-up's, and an ensemble's from either worker", async () => {
    const { c, sim, ensemble, events } = client();
    const failing = c.run('bad');
    const waiting = c.run('good');
    await sim.answer({ type: 'error', id: failing, message: 'stale failure' });
    expect(events).toEqual([]); // stale: a newer run was asked for
    expect(sim.sent('run').map((r) => r.scenario)).toEqual(['bad', 'good']);
    await sim.answer({ type: 'error', id: waiting, message: 'the scenario failed' });
    expect(events).toEqual([{ type: 'run-error', id: waiting, message: 'the scenario failed' }]);

    const report = c.pledges(1900, 'nato-2026', 0.02);
    await sim.answer({ type: 'error', id: sim.sent('pledge')[0]?.id as number, message: 'no data for 1900' });
    await expect(report).rejects.toThrow('no data for 1900');

    const id = c.ensemble('scenario');
    await ensemble.answer({ type: 'error', id, message: 'runs must be at most 10000', about: 'ensemble' });
    await sim.answer({ type: 'error', id, message: 'no channel to the summarising worker', about: 'ensemble' });
    await sim.answer({ type: 'error', id: id - 1, message: 'an older ensemble', about: 'ensemble' });
    expect(events.slice(1)).toEqual([
      { type: 'ensemble-error', message: 'runs must be at most 10000' },
      { type: 'ensemble-error', message: 'no channel to the summarising worker' },
    ]);
  });

  it('sends an ensemble to both workers, shows its progress after a quarter of a second, and its result', async () => {
    let clock = 0;
    const { c, sim, ensemble, events } = client({ now: () => clock });
    c.leverMoved(100);
    const id = c.ensemble('scenario');
    expect(ensemble.received).toEqual([{ kind: 'ensemble', id, scenario: 'scenario', split: true }]);
    expect(sim.received).toEqual([{ kind: 'chunks', id, scenario: 'scenario' }]);
    clock = 200;
    await ensemble.answer({ type: 'progress', id, done: 32, total: 200 });
    clock = 400;
    await ensemble.answer({ type: 'progress', id, done: 64, total: 200 });
    await ensemble.answer({ type: 'ensemble', id, result: ensembleOf(200), elapsedMs: 280 });
    expect(events).toEqual([
      { type: 'progress', done: 64, total: 200 },
      { type: 'ensemble', result: ensembleOf(200), elapsedMs: 280 },
    ]);
    clock = 430;
    expect(c.ensembleDrawn(20)).toEqual({ total: 330, simulation: 280, drawing: 20, afterLeverMove: true });
  });

  it('cancels an ensemble in both workers once, and ignores what it still sends', async () => {
    const { c, sim, ensemble, events } = client();
    const id = c.ensemble('scenario');
    c.cancelEnsemble();
    const cancel = { kind: 'cancel', id: id + 1 };
    expect(ensemble.received.at(-1)).toEqual(cancel);
    expect(sim.received.at(-1)).toEqual(cancel);
    await ensemble.answer({ type: 'progress', id, done: 200, total: 200 });
    await ensemble.answer({ type: 'ensemble', id, result: ensembleOf(200), elapsedMs: 1 });
    expect(events).toEqual([]);
    expect(c.ensembleDrawn(5)).toBeUndefined();
    // Nothing under way: another cancel (a lever moved with the ensemble off) posts nothing.
    c.cancelEnsemble();
    expect(ensemble.received.length).toBe(2);
    expect(sim.received.length).toBe(2);
    // A newer ensemble replaces the one under way without a cancel: the workers drop the older one.
    const first = c.ensemble('one');
    const second = c.ensemble('two');
    expect(ensemble.sent('ensemble').map((r) => r.id)).toEqual([id, first, second]);
    await ensemble.answer({ type: 'ensemble', id: first, result: ensembleOf(1), elapsedMs: 1 });
    await ensemble.answer({ type: 'ensemble', id: second, result: ensembleOf(2), elapsedMs: 1 });
    expect(events.map((e) => (e.type === 'ensemble' ? e.result.runs : e.type))).toEqual([2]);
  });

  it('stops listening when disposed, failing the look-ups still waiting', async () => {
    const { c, sim, events } = client({ sim: answeringRuns() });
    const report = c.pledges(2024, 'nato-2026', 0.02);
    c.dispose();
    await expect(report).rejects.toThrow('closed');
    c.run('after');
    await settle();
    expect(events).toEqual([]);
    expect(sim.sent('run').length).toBe(1);
  });
});
