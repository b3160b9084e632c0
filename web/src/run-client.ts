import type { PledgeReport } from '../../src/core/analyze/pledge-report.js';
import type { EnsembleResult } from '../../src/core/ensemble/run-ensemble.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

/** What the client needs of a worker: a Web Worker, or anything that answers the same messages. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { readonly data: WorkerResponse }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: WorkerResponse }) => void): void;
}

/** When a run was asked for, sent and answered (the client's clock, ms), and how long it took in the worker. */
export interface RunTiming {
  readonly id: number;
  /** The lever move that asked for the run (the request itself when no lever has moved). */
  readonly movedAt: number;
  /** The request went to the worker: later than the move when another run was under way. */
  readonly postedAt: number;
  readonly answeredAt: number;
  /** The simulation alone, timed in the worker. */
  readonly simulationMs: number;
}

/** From a lever move to its charts drawn, ms. */
export interface Latency {
  readonly total: number;
  /** The simulation (or the ensemble, from its request to its summary) in the worker. */
  readonly simulation: number;
  /** Building the charts. */
  readonly drawing: number;
  /** From the answer's arrival to the charts' building starting; runs only. */
  readonly render?: number;
  /** Whether a lever has moved since the page opened: the first charts follow the opening, not a move. */
  readonly afterLeverMove: boolean;
  /** The ms of building each chart drawn before the latency ends (those in view), by id. */
  readonly charts?: Readonly<Record<string, number>>;
}

/** From a lever move to every chart drawn, those out of view included, ms. */
export interface Completion {
  readonly total: number;
  /** The ms of building each chart redrawn for the move, by id. */
  readonly charts: Readonly<Record<string, number>>;
}

export type RunClientEvent =
  /** The answer to the newest run. */
  | { readonly type: 'result'; readonly result: SimulationResult; readonly timing: RunTiming }
  /** The newest run's stability margins, after its result. */
  | { readonly type: 'stability'; readonly id: number; readonly stability: SimulationResult['stability'] }
  | { readonly type: 'run-error'; readonly id: number; readonly message: string }
  /** The ensemble's members done so far, once it has run for `progressAfterMs`. */
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'ensemble'; readonly result: EnsembleResult; readonly elapsedMs: number }
  | { readonly type: 'ensemble-error'; readonly message: string }
  /** A lever move's charts in view drawn, timed. */
  | { readonly type: 'measured'; readonly what: 'run' | 'ensemble'; readonly latency: Latency }
  /** A lever move's charts all drawn, those out of view too, timed. */
  | { readonly type: 'completed'; readonly what: 'run' | 'ensemble'; readonly completion: Completion };

export interface RunClientOptions {
  /** The worker of the deterministic runs and the look-ups; it also runs half of an ensemble's chunks. */
  readonly sim: WorkerLike;
  /** The worker that runs the other half of an ensemble's chunks and summarises it. */
  readonly ensemble: WorkerLike;
  /** The clock, ms; `performance.now` by default. */
  readonly now?: () => number;
  /** An ensemble reports its progress only once it has run this long, ms (each update redraws the page). */
  readonly progressAfterMs?: number;
}

/** An ensemble's progress bar moves only after it has run this long (ms). */
export const PROGRESS_AFTER_MS = 250;

interface Waiter {
  readonly resolve: (response: WorkerResponse) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The page's side of the simulation workers. One run at a time: a run asked for while another is
 * under way waits, and a newer one replaces it, so a burst of lever moves costs two runs, the
 * first and the last. An answer to anything but the newest request is stale and ignored. Look-ups
 * (pledge reports) are answered by id, whatever runs meanwhile. An ensemble goes to both workers,
 * which exchange their chunks between themselves; a newer ensemble or a cancel stops it.
 */
export class RunClient {
  readonly #sim: WorkerLike;
  readonly #ensembleWorker: WorkerLike;
  readonly #now: () => number;
  readonly #progressAfterMs: number;
  readonly #listeners = new Set<(event: RunClientEvent) => void>();

  /** Ids of runs and look-ups. */
  #nextId = 0;
  /** The run whose answer counts; a newer request, or levers that do not validate, make it stale. */
  #newest = 0;
  #inFlight: { readonly id: number; readonly movedAt: number; readonly postedAt: number } | undefined;
  #waiting: { readonly id: number; readonly scenario: unknown; readonly movedAt: number } | undefined;
  #timing: RunTiming | undefined;
  readonly #lookUps = new Map<number, Waiter>();

  #movedAt: number | undefined;
  #leverMoved = false;

  #ensembleId = 0;
  /** Whether an ensemble was asked for since the last cancel: a cancel with none under way posts nothing. */
  #ensembleAsked = false;
  #ensembleStart = { id: 0, at: 0 };
  #ensembleMs = 0;

  readonly #onSim = (event: { readonly data: WorkerResponse }) => this.#fromSim(event.data);
  readonly #onEnsemble = (event: { readonly data: WorkerResponse }) => this.#fromEnsemble(event.data);

  constructor(options: RunClientOptions) {
    this.#sim = options.sim;
    this.#ensembleWorker = options.ensemble;
    this.#now = options.now ?? (() => performance.now());
    this.#progressAfterMs = options.progressAfterMs ?? PROGRESS_AFTER_MS;
    this.#sim.addEventListener('message', this.#onSim);
    this.#ensembleWorker.addEventListener('message', this.#onEnsemble);
  }

  /** Listen to the client's events; returns the function that stops listening. */
  subscribe(listener: (event: RunClientEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A lever moved (now, or at `at`): the runs asked for from here on are timed from it. */
  leverMoved(at: number = this.#now()): void {
    this.#movedAt = at;
    this.#leverMoved = true;
  }

  /** Whether a lever has moved since the client started. */
  get hasLeverMoved(): boolean {
    return this.#leverMoved;
  }

  /** The timing of the newest run answered, if any. */
  get timing(): RunTiming | undefined {
    return this.#timing;
  }

  /** Run a scenario: at once when no run is under way, else after it (replacing any run waiting). Returns its id. */
  run(scenario: unknown): number {
    const id = ++this.#nextId;
    this.#newest = id;
    const request = { id, scenario, movedAt: this.#movedAt ?? this.#now() };
    if (this.#inFlight !== undefined) this.#waiting = request;
    else this.#post(request);
    return id;
  }

  /** The levers no longer make a valid scenario: the answer to the run under way is stale, and none waits. */
  invalidate(): void {
    this.#newest = ++this.#nextId;
    this.#waiting = undefined;
  }

  /** The pledge tracker's report for a year, an edition and a threshold (share of GDP). */
  async pledges(year: number, edition: string, threshold: number): Promise<PledgeReport> {
    const id = ++this.#nextId;
    const answer = await this.#lookUp({ kind: 'pledge', id, year, edition, threshold });
    if (answer.type !== 'pledge') throw new Error(`a pledge report was asked for, the worker answered ${answer.type}`);
    return answer.report;
  }

  /** Start an ensemble over both workers; any ensemble under way stops. Returns its id. */
  ensemble(scenario: unknown): number {
    const id = ++this.#ensembleId;
    this.#ensembleAsked = true;
    this.#ensembleStart = { id, at: this.#movedAt ?? this.#now() };
    // Two cores: the ensemble's worker runs the even chunks and summarises, the run's worker the odd ones.
    this.#ensembleWorker.postMessage({ kind: 'ensemble', id, scenario, split: true });
    this.#sim.postMessage({ kind: 'chunks', id, scenario });
    return id;
  }

  /** Stop the ensemble under way, if any; its answers are stale from now on. */
  cancelEnsemble(): void {
    const id = ++this.#ensembleId;
    if (!this.#ensembleAsked) return;
    this.#ensembleAsked = false;
    for (const worker of [this.#ensembleWorker, this.#sim]) worker.postMessage({ kind: 'cancel', id });
  }

  /**
   * The charts of the newest run are drawn: how long since its lever move, taking `drawingMs` to
   * build from `buildStart` (the client's clock). Undefined when the newest run is not answered.
   */
  runDrawn(drawingMs: number, buildStart: number, charts?: Readonly<Record<string, number>>): Latency | undefined {
    const t = this.#timing;
    if (t === undefined || t.id !== this.#newest) return undefined;
    const latency: Latency = {
      total: this.#now() - t.movedAt,
      simulation: t.simulationMs,
      drawing: drawingMs,
      render: buildStart - t.answeredAt,
      afterLeverMove: this.#leverMoved,
      ...(charts === undefined ? {} : { charts }),
    };
    this.#emit({ type: 'measured', what: 'run', latency });
    return latency;
  }

  /** The fan charts of the newest ensemble are drawn, taking `drawingMs` to build. Undefined after a cancel. */
  ensembleDrawn(drawingMs: number, charts?: Readonly<Record<string, number>>): Latency | undefined {
    if (this.#ensembleStart.id !== this.#ensembleId) return undefined;
    const latency: Latency = {
      total: this.#now() - this.#ensembleStart.at,
      simulation: this.#ensembleMs,
      drawing: drawingMs,
      afterLeverMove: this.#leverMoved,
      ...(charts === undefined ? {} : { charts }),
    };
    this.#emit({ type: 'measured', what: 'ensemble', latency });
    return latency;
  }

  /**
   * Every chart of the newest run (`what: 'run'`) or ensemble is drawn, those out of view too,
   * after `charts` ms of building each. Undefined when a newer one is on its way.
   */
  completed(what: 'run' | 'ensemble', charts: Readonly<Record<string, number>>): Completion | undefined {
    let since: number;
    if (what === 'run') {
      const t = this.#timing;
      if (t === undefined || t.id !== this.#newest) return undefined;
      since = t.movedAt;
    } else {
      if (this.#ensembleStart.id !== this.#ensembleId) return undefined;
      since = this.#ensembleStart.at;
    }
    const completion: Completion = { total: this.#now() - since, charts };
    this.#emit({ type: 'completed', what, completion });
    return completion;
  }

  /** Stop listening to the workers; look-ups still waiting fail. */
  dispose(): void {
    this.#sim.removeEventListener('message', this.#onSim);
    this.#ensembleWorker.removeEventListener('message', this.#onEnsemble);
    for (const waiter of this.#lookUps.values()) waiter.reject(new Error('the simulation client was closed'));
    this.#lookUps.clear();
    this.#listeners.clear();
  }

  #emit(event: RunClientEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #post(request: { readonly id: number; readonly scenario: unknown; readonly movedAt: number }): void {
    this.#inFlight = { id: request.id, movedAt: request.movedAt, postedAt: this.#now() };
    this.#sim.postMessage({ kind: 'run', id: request.id, scenario: request.scenario });
  }

  #lookUp(request: WorkerRequest & { readonly id: number }): Promise<WorkerResponse> {
    return new Promise((resolve, reject) => {
      this.#lookUps.set(request.id, { resolve, reject });
      this.#sim.postMessage(request);
    });
  }

  #fromSim(m: WorkerResponse): void {
    if (m.type === 'ready') return;
    const waiter = this.#lookUps.get(m.id);
    if (waiter !== undefined) {
      this.#lookUps.delete(m.id);
      if (m.type === 'error') waiter.reject(new Error(m.message));
      else waiter.resolve(m);
      return;
    }
    // The run's worker failing at its share of an ensemble, when it cannot tell the other worker.
    if (m.type === 'error' && m.about === 'ensemble') {
      if (m.id === this.#ensembleId) this.#emit({ type: 'ensemble-error', message: m.message });
      return;
    }
    // The stability margins of a run already answered, or their failure: the newest run's only.
    if (m.type === 'stability' || (m.type === 'error' && m.id !== this.#inFlight?.id)) {
      if (m.id !== this.#newest || m.id !== this.#timing?.id) return;
      if (m.type === 'stability') this.#emit({ type: 'stability', id: m.id, stability: m.stability });
      else this.#emit({ type: 'run-error', id: m.id, message: m.message });
      return;
    }
    if ((m.type !== 'result' && m.type !== 'error') || m.id !== this.#inFlight?.id) return;
    const answered = this.#inFlight;
    this.#inFlight = undefined;
    const next = this.#waiting;
    this.#waiting = undefined;
    if (next !== undefined) this.#post(next);
    if (m.id !== this.#newest) return; // stale: a newer run is on its way, or the levers do not validate
    if (m.type === 'error') {
      this.#emit({ type: 'run-error', id: m.id, message: m.message });
      return;
    }
    const timing: RunTiming = {
      id: m.id,
      movedAt: answered.movedAt,
      postedAt: answered.postedAt,
      answeredAt: this.#now(),
      simulationMs: m.elapsedMs,
    };
    this.#timing = timing;
    this.#emit({ type: 'result', result: m.result, timing });
  }

  #fromEnsemble(m: WorkerResponse): void {
    if (m.type === 'ready' || m.id !== this.#ensembleId) return;
    if (m.type === 'progress') {
      // Each update redraws the page, and the page's work slows the workers.
      if (this.#now() - this.#ensembleStart.at >= this.#progressAfterMs)
        this.#emit({ type: 'progress', done: m.done, total: m.total });
    } else if (m.type === 'ensemble') {
      this.#ensembleMs = m.elapsedMs;
      this.#emit({ type: 'ensemble', result: m.result, elapsedMs: m.elapsedMs });
    } else if (m.type === 'error') {
      this.#emit({ type: 'ensemble-error', message: m.message });
    }
  }
}
