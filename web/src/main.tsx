import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { stringify } from 'yaml';
import type { PledgeReport } from '../../src/core/analyze/pledge-report.js';
import { parseScenario, ScenarioError, validateScenario } from '../../src/core/scenario/parse-scenario.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import { Charts } from './Charts.js';
import { Levers } from './Levers.js';
import { DEFAULT_LEVERS, decodeLevers, encodeLevers, fromScenario, type LeverValues, toScenario } from './levers.js';
import { PledgeTracker } from './PledgeTracker.js';
import type { EditionInfo, WorkerRequest, WorkerResponse } from './protocol.js';
import { SavedScenarios } from './SavedScenarios.js';
import './styles.css';

const DEBOUNCE_MS = 30;

const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'armsrace-sim' });
const post = (message: WorkerRequest) => worker.postMessage(message);

// The worker says which editions it has as soon as it starts, possibly before the page has rendered.
let editionsKnown: readonly EditionInfo[] = [];
const editionListeners = new Set<(editions: readonly EditionInfo[]) => void>();
worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
  if (event.data.type !== 'ready') return;
  editionsKnown = event.data.editions;
  for (const listener of editionListeners) listener(editionsKnown);
});

/** Problems of the scenario of the levers, one per line; empty when it validates. */
function problems(scenario: unknown): string {
  try {
    validateScenario(scenario);
    return '';
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((i) => i.message).join('\n');
    return error instanceof Error ? error.message : String(error);
  }
}

function App() {
  const [levers, setLevers] = useState<LeverValues>(() => decodeLevers(window.location.hash));
  const [result, setResult] = useState<SimulationResult | undefined>(undefined);
  const [editions, setEditions] = useState<readonly EditionInfo[]>(editionsKnown);
  const [latency, setLatency] = useState<{ total: number; sim: number } | undefined>(undefined);
  const [runError, setRunError] = useState('');
  const [note, setNote] = useState('');

  const counter = useRef(0);
  const moved = useRef(performance.now());
  const started = useRef(new Map<number, number>());
  const simMs = useRef(0);
  const pledgeIds = useRef(0);
  const pledgeWaiters = useRef(new Map<number, { resolve: (r: PledgeReport) => void; reject: (e: Error) => void }>());

  const scenario = useMemo(() => toScenario(levers), [levers]);
  const invalid = useMemo(() => problems(scenario), [scenario]);

  useEffect(() => {
    const onMessage = (event: MessageEvent<WorkerResponse>) => {
      const m = event.data;
      if (m.type === 'ready') return;
      const waiter = pledgeWaiters.current.get(m.id);
      if (waiter !== undefined) {
        pledgeWaiters.current.delete(m.id);
        if (m.type === 'pledge') waiter.resolve(m.report);
        else if (m.type === 'error') waiter.reject(new Error(m.message));
        return;
      }
      if (m.id !== counter.current) return; // a stale run: a newer one is on its way
      if (m.type === 'result') {
        simMs.current = m.elapsedMs;
        setRunError('');
        setResult(m.result);
      } else if (m.type === 'error') {
        setRunError(m.message);
      }
    };
    worker.addEventListener('message', onMessage);
    editionListeners.add(setEditions);
    setEditions(editionsKnown);
    return () => {
      worker.removeEventListener('message', onMessage);
      editionListeners.delete(setEditions);
    };
  }, []);

  // Keep the hash in step with the levers, and follow a hash edited by hand or by navigation.
  useEffect(() => {
    const hash = encodeLevers(levers);
    if (window.location.hash.replace(/^#/, '') !== hash) {
      history.replaceState(null, '', hash === '' ? window.location.pathname + window.location.search : `#${hash}`);
    }
  }, [levers]);
  useEffect(() => {
    const onHash = () => {
      moved.current = performance.now();
      setLevers(decodeLevers(window.location.hash));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Run the scenario in the worker, debounced; a newer run makes older answers stale.
  useEffect(() => {
    if (invalid !== '') {
      counter.current++;
      return;
    }
    const timer = setTimeout(() => {
      const id = ++counter.current;
      started.current.clear();
      started.current.set(id, moved.current);
      post({ id, scenario });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [scenario, invalid]);

  const onDrawn = useCallback(() => {
    const t0 = started.current.get(counter.current);
    if (t0 !== undefined) {
      const measured = { total: performance.now() - t0, sim: simMs.current };
      setLatency(measured);
      // Exposed for the latency benchmark (bench/dashboard.bench.ts).
      const w = window as unknown as { armsraceLatency?: { total: number; simulation: number; count: number } };
      w.armsraceLatency = {
        total: measured.total,
        simulation: measured.sim,
        count: (w.armsraceLatency?.count ?? 0) + 1,
      };
    }
  }, []);

  const change = useCallback((patch: Partial<LeverValues>) => {
    moved.current = performance.now();
    setLevers((v) => ({ ...v, ...patch }));
  }, []);

  const resetAll = useCallback(() => {
    moved.current = performance.now();
    setLevers({ ...DEFAULT_LEVERS });
  }, []);

  const requestPledges = useCallback(
    (year: number, edition: string) =>
      new Promise<PledgeReport>((resolve, reject) => {
        const id = --pledgeIds.current; // negative: never a run's id
        pledgeWaiters.current.set(id, { resolve, reject });
        post({ id, pledge: { year, edition } });
      }),
    [],
  );

  const yaml = useCallback(
    (name?: string) => (invalid === '' ? stringify(toScenario(levers, name)) : undefined),
    [levers, invalid],
  );

  const load = useCallback((text: string, name: string) => {
    const input = parseScenario(text);
    const { values, ignored } = fromScenario(input as Parameters<typeof fromScenario>[0]);
    moved.current = performance.now();
    setLevers(values);
    setNote(
      ignored.length === 0
        ? ''
        : `"${name}" has fields the levers do not cover (${ignored.join(', ')}); they are left at the dashboard's settings.`,
    );
  }, []);

  return (
    <>
      <header class="top">
        <h1>armsrace</h1>
        <p class="tagline">Simulating the NATO–Russia arms race, 2025–2050</p>
        <p class="status-line" aria-live="polite">
          <span data-testid="latency">{latency === undefined ? '—' : `${Math.round(latency.total)} ms`}</span> from
          lever move to charts drawn
          {latency === undefined ? '' : ` (simulation ${Math.round(latency.sim)} ms)`}
        </p>
      </header>
      <main class="layout">
        <aside class="side">
          <Levers values={levers} onChange={change} onResetAll={resetAll} />
          {invalid === '' ? null : (
            <p class="error" role="alert" data-testid="validation">
              {invalid}
            </p>
          )}
          {runError === '' ? null : (
            <p class="error" role="alert">
              The simulation failed: {runError}
            </p>
          )}
          {note === '' ? null : <p class="note">{note}</p>}
          <SavedScenarios yaml={yaml} onLoad={load} />
        </aside>
        <div class="content">
          <Charts result={result} onDrawn={onDrawn} />
          <PledgeTracker editions={editions} request={requestPledges} />
        </div>
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
