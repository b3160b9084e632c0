import { stringify as csv } from 'csv-stringify/browser/esm/sync';
import { type JSX, render, type TargetedMouseEvent } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { stringify } from 'yaml';
import type { ClaimEvidence } from '../../src/core/analyze/claims/types.js';
import { headline } from '../../src/core/analyze/headline.js';
import { boundsReached } from '../../src/core/analyze/run-notices.js';
import type { EnsembleResult } from '../../src/core/ensemble/run-ensemble.js';
import { stabilityText } from '../../src/core/model/stability.js';
import { resultRecords } from '../../src/core/result-records.js';
import { parseScenario, ScenarioError, validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { PRESET_SCENARIOS } from '../../src/core/scenario/presets.js';
import type { ScenarioInput } from '../../src/core/scenario/schema.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import { About } from './About.js';
import { AllianceMap } from './AllianceMap.js';
import { holdIdleDrawing } from './ChartGrid.js';
import { Charts } from './Charts.js';
import { Claims } from './Claims.js';
import { CopyLink } from './CopyLink.js';
import { EnsembleView } from './EnsembleView.js';
import { download, fileStem } from './export.js';
import { Headline } from './Headline.js';
import { Levers } from './Levers.js';
import {
  decodeLevers,
  END,
  encodeLevers,
  fromScenario,
  type LeverValues,
  leverDefaults,
  START,
  toScenario,
} from './levers.js';
import { PledgeTracker } from './PledgeTracker.js';
import { PresetPicker } from './PresetPicker.js';
import type { WorkerReady, WorkerRequest, WorkerResponse } from './protocol.js';
import { RankedAllies } from './RankedAllies.js';
import { type Latency, RunClient } from './run-client.js';
import { SavedScenarios } from './SavedScenarios.js';
import { type View, ViewTabs } from './ViewTabs.js';
import './styles.css';

/** Quiet time after the last lever move before the URL takes the new levers. */
const HASH_DELAY_MS = 150;

/** Below this width the page has one column: the levers and the charts are behind two tabs. */
const ONE_COLUMN = '(max-width: 800px)';

/** Whether the media query matches, following it as the window changes. */
function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}

/** The URL hash of the levers (those that differ from the defaults) or of the preset run as it stands. */
function hashOf(levers: LeverValues, defaults: Readonly<LeverValues>, preset: string | undefined): string {
  return preset === undefined ? encodeLevers(levers, defaults) : `preset-${preset}`;
}

/** The page's address with `hash`: the link that opens this scenario. */
function linkOf(hash: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${hash === '' ? '' : `#${hash}`}`;
}

/** A simulation worker: the deterministic runs and look-ups go to one, ensembles to another. */
function startWorker(name: string): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name });
}

/** The preset a URL hash names (`#preset-hague-met`), if any. */
function presetOfHash(hash: string): string | undefined {
  const id = /^#preset-([a-z0-9-]+)$/.exec(hash)?.[1];
  return PRESET_SCENARIOS.some((p) => p.id === id) ? id : undefined;
}

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

/**
 * The client's measurements and the latest run's and ensemble's results on `window`, for the
 * latency benchmark (bench/dashboard.bench.ts) and the browser tests, which compare them with Node's.
 */
function exposeForTests(client: RunClient): void {
  const w = window as unknown as Record<string, unknown>;
  const expose = (key: string, { total, simulation, drawing, render, charts }: Latency) => {
    const count = ((w[key] as { count?: number } | undefined)?.count ?? 0) + 1;
    w[key] = {
      total,
      simulation,
      drawing,
      ...(render === undefined ? {} : { render }),
      ...(charts === undefined ? {} : { charts }),
      count,
    };
  };
  const keyOf = (what: 'run' | 'ensemble') => (what === 'run' ? 'armsraceLatency' : 'armsraceEnsembleLatency');
  client.subscribe((event) => {
    if (event.type === 'measured') expose(keyOf(event.what), event.latency);
    else if (event.type === 'completed') {
      // The latest measurement's charts out of view drawn too: when, and what each chart took.
      const m = w[keyOf(event.what)] as Record<string, unknown> | undefined;
      if (m !== undefined && m.complete === undefined)
        w[keyOf(event.what)] = { ...m, complete: event.completion.total, allCharts: event.completion.charts };
    } else if (event.type === 'ensemble') w.armsraceEnsemble = event.result;
    else if (event.type === 'result') w.armsraceRun = event.result;
    else if (event.type === 'stability') w.armsraceRun = { ...(w.armsraceRun as object), stability: event.stability };
  });
}

interface AppProps {
  readonly ready: WorkerReady;
  readonly client: RunClient;
}

function App({ ready, client }: AppProps) {
  const defaults = useMemo(() => leverDefaults(ready.fitted), [ready]);
  const [levers, setLevers] = useState<LeverValues>(() => {
    const id = presetOfHash(window.location.hash);
    const input = PRESET_SCENARIOS.find((p) => p.id === id)?.input;
    return input === undefined
      ? decodeLevers(window.location.hash, defaults)
      : fromScenario(input as Parameters<typeof fromScenario>[0], defaults).values;
  });
  /** The preset the page runs as it stands, until a lever moves; the levers show it where they can. */
  const [preset, setPreset] = useState<string | undefined>(() => presetOfHash(window.location.hash));
  /** A run the user pinned as the baseline; the status quo otherwise. */
  const [pinned, setPinned] = useState<SimulationResult | undefined>(undefined);
  const [result, setResult] = useState<SimulationResult | undefined>(undefined);
  /** The run's stability margins, which arrive after it. */
  const [stability, setStability] = useState<SimulationResult['stability']>([]);
  const [ensemble, setEnsemble] = useState<EnsembleResult | undefined>(undefined);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [ensembleError, setEnsembleError] = useState('');
  const [latency, setLatency] = useState<{ total: number; sim: number } | undefined>(undefined);
  const [runError, setRunError] = useState('');
  const [note, setNote] = useState('');
  const [name, setName] = useState('');
  const [claims, setClaims] = useState<readonly ClaimEvidence[] | undefined>(undefined);
  const [claimsError, setClaimsError] = useState('');

  const presetInput = useMemo(() => PRESET_SCENARIOS.find((p) => p.id === preset)?.input, [preset]);
  const scenario = useMemo(
    // The name saved, loaded or picked goes into the run, so its charts' captions carry it.
    () => (presetInput === undefined ? toScenario(levers, { name, fitted: ready.fitted }) : presetInput),
    [levers, name, ready, presetInput],
  );
  const baseline = pinned ?? ready.baseline;
  const brief = useMemo(() => {
    if (result === undefined) return undefined;
    try {
      return headline(result, baseline);
    } catch {
      return headline(result); // a baseline over other years: no differences
    }
  }, [result, baseline]);
  const invalid = useMemo(() => problems(scenario), [scenario]);

  // Listen before the first run goes out (layout effects run in order, before the next frame).
  useLayoutEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'result') {
          setRunError('');
          setResult(event.result);
          setStability([]);
        } else if (event.type === 'stability') setStability(event.stability);
        else if (event.type === 'run-error') setRunError(event.message);
        else if (event.type === 'progress') setProgress({ done: event.done, total: event.total });
        else if (event.type === 'ensemble') {
          setProgress({ done: event.result.runs, total: event.result.runs });
          setEnsembleError('');
          setEnsemble(event.result);
        } else if (event.type === 'ensemble-error') setEnsembleError(event.message);
      }),
    [client],
  );

  // Keep the hash in step with the levers once they rest (replacing the URL costs the browser
  // milliseconds a drag cannot spare), and follow a hash edited by hand or by navigation.
  useEffect(() => {
    const timer = setTimeout(() => {
      const hash = hashOf(levers, defaults, preset);
      if (window.location.hash.replace(/^#/, '') !== hash) history.replaceState(null, '', linkOf(hash));
    }, HASH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [levers, defaults, preset]);
  useEffect(() => {
    const onHash = () => {
      client.leverMoved();
      const id = presetOfHash(window.location.hash);
      const input = PRESET_SCENARIOS.find((p) => p.id === id)?.input;
      setPreset(id);
      setLevers(
        input === undefined
          ? decodeLevers(window.location.hash, defaults)
          : fromScenario(input as Parameters<typeof fromScenario>[0], defaults).values,
      );
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [defaults, client]);

  // Run the scenario at once (a layout effect: a plain effect would wait for the next frame); a
  // newer run makes older answers stale. A lever's move has posted its run already, before the page
  // renders it (`change`).
  useLayoutEffect(() => {
    const early = postedEarly.current;
    postedEarly.current = undefined;
    if (early !== undefined && early.levers === levers && early.name === name && presetInput === undefined) return;
    if (invalid === '') client.run(scenario);
    else client.invalidate();
  }, [scenario, invalid, client]);

  // The ensemble runs over both workers; a newer request stops the one under way. While it runs,
  // the charts out of view wait: drawing them would take a core from the workers.
  const ensembleHold = useRef<(() => void) | undefined>(undefined);
  useLayoutEffect(() => {
    setProgress(undefined);
    if (invalid !== '' || !levers.ensembleOn) {
      ensembleHold.current?.();
      ensembleHold.current = undefined;
      setEnsemble(undefined);
      client.cancelEnsemble();
      return;
    }
    ensembleHold.current ??= holdIdleDrawing();
    client.ensemble(scenario);
  }, [scenario, invalid, levers.ensembleOn, client]);
  useLayoutEffect(
    () =>
      client.subscribe((event) => {
        if (event.type !== 'ensemble' && event.type !== 'ensemble-error') return;
        ensembleHold.current?.();
        ensembleHold.current = undefined;
      }),
    [client],
  );

  // The evidence for the press claims takes a second or two: a worker of its own computes it once,
  // after the first charts are up, and ends.
  const drawnOnce = result !== undefined;
  useEffect(() => {
    if (!drawnOnce) return;
    const worker = startWorker('armsrace-claims');
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const m = event.data;
      if (m.type === 'claims') setClaims(m.evidence);
      else if (m.type === 'error') setClaimsError(m.message);
      if (m.type !== 'ready') worker.terminate();
    });
    worker.postMessage({ kind: 'claims', id: 1 } satisfies WorkerRequest);
    return () => worker.terminate();
  }, [drawnOnce]);

  const onDrawn = useCallback(
    (_: SimulationResult, buildMs: number, buildStart: number, charts: Readonly<Record<string, number>>) => {
      const measured = client.runDrawn(buildMs, buildStart, charts);
      // The first charts follow the page's opening, not a lever's move: no readout until one moves.
      if (measured?.afterLeverMove) setLatency({ total: measured.total, sim: measured.simulation });
    },
    [client],
  );

  const onEnsembleDrawn = useCallback(
    (_: EnsembleResult, buildMs: number, _start: number, charts: Readonly<Record<string, number>>) =>
      client.ensembleDrawn(buildMs, charts),
    [client],
  );
  const onComplete = useCallback(
    (_: SimulationResult, charts: Readonly<Record<string, number>>) => client.completed('run', charts),
    [client],
  );
  const onEnsembleComplete = useCallback(
    (_: EnsembleResult, charts: Readonly<Record<string, number>>) => client.completed('ensemble', charts),
    [client],
  );

  // The levers and the name as last set, for a lever's move to post its run before the page renders.
  const latestLevers = useRef({ levers, name });
  latestLevers.current = { levers, name };
  /** The levers (and name) whose run a move has posted, for the run's effect to leave alone. */
  const postedEarly = useRef<{ readonly levers: LeverValues; readonly name: string } | undefined>(undefined);

  const change = useCallback(
    (patch: Partial<LeverValues>) => {
      client.leverMoved();
      const { levers: current, name: named } = latestLevers.current;
      const next = { ...current, ...patch };
      latestLevers.current = { levers: next, name: named };
      // The worker starts on the run while the page renders the move: the scenario the render
      // would make, when it validates (the render then reports it if not).
      const moved = toScenario(next, { name: named, fitted: ready.fitted });
      if (problems(moved) === '') {
        client.run(moved);
        postedEarly.current = { levers: next, name: named };
      } else postedEarly.current = undefined;
      setPreset(undefined);
      setLevers(next);
    },
    [client, ready],
  );

  const resetAll = useCallback(() => {
    client.leverMoved();
    setPreset(undefined);
    setLevers({ ...defaults, complianceByAlly: {} });
  }, [defaults, client]);

  const choosePreset = useCallback(
    (id: string, input: ScenarioInput) => {
      client.leverMoved();
      const { values, ignored } = fromScenario(input as Parameters<typeof fromScenario>[0], defaults);
      setPreset(id);
      setLevers(values);
      setName(input.name ?? id);
      setNote(
        `Running the preset "${input.name ?? id}" as its file states it (armsrace run ${id}); the levers show it where they can` +
          (ignored.length === 0 ? '' : ` (not ${ignored.join(', ')})`) +
          '. Moving a lever runs the levers instead.',
      );
    },
    [defaults, client],
  );

  const requestPledges = useCallback(
    (year: number, edition: string, threshold: number) => client.pledges(year, edition, threshold),
    [client],
  );

  const yaml = useCallback(
    (scenarioName?: string) =>
      invalid !== ''
        ? undefined
        : presetInput !== undefined
          ? stringify({ ...presetInput, ...(scenarioName ? { name: scenarioName } : {}) })
          : stringify(toScenario(levers, { name: scenarioName, fitted: ready.fitted })),
    [levers, invalid, ready, presetInput],
  );

  const load = useCallback(
    (text: string, loadedName: string) => {
      const input = parseScenario(text);
      const { values, ignored } = fromScenario(input as Parameters<typeof fromScenario>[0], defaults);
      client.leverMoved();
      setPreset(undefined);
      setLevers(values);
      setName(loadedName);
      setNote(
        ignored.length === 0
          ? ''
          : `"${loadedName}" has fields the levers do not cover (${ignored.join(', ')}); they are left at the dashboard's settings.`,
      );
    },
    [defaults, client],
  );

  // The same element while the levers rest: a result arriving does not re-render the lever panel.
  const leverPanel = useMemo(
    () => (
      <Levers
        values={levers}
        defaults={defaults}
        fitted={ready.fitted}
        allies={ready.allies}
        onChange={change}
        onResetAll={resetAll}
      />
    ),
    [levers, defaults, ready, change, resetAll],
  );

  // The data views do not depend on the levers: the same elements let Preact skip them on a move.
  const dataViews = useMemo(
    () => (
      <>
        <PledgeTracker editions={ready.editions} request={requestPledges} />
        {claimsError === '' ? (
          <Claims evidence={claims} />
        ) : (
          <p class="error" role="alert">
            The evidence for the claims cannot be computed: {claimsError}
          </p>
        )}
      </>
    ),
    [ready, requestPledges, claims, claimsError],
  );

  // The link of the levers as they stand, not as the URL shows them a moment later: the URL takes
  // it too, so that the address bar and the copied link agree.
  const currentLink = useCallback(() => {
    const link = linkOf(hashOf(levers, defaults, preset));
    if (link !== window.location.href) history.replaceState(null, '', link);
    return link;
  }, [levers, defaults, preset]);

  // One column (a phone): the levers and the charts are two tabs, the charts first.
  const oneColumn = useMedia(ONE_COLUMN);
  const [view, setView] = useState<View>('charts');
  /** Where each tab was scrolled to when it was left: it opens there again. */
  const scrolledTo = useRef<Record<View, number>>({ levers: 0, charts: 0 });
  const changeView = (next: View) => {
    if (next === view) return;
    scrolledTo.current[view] = window.scrollY;
    setView(next);
  };
  useLayoutEffect(() => {
    if (oneColumn) window.scrollTo(0, scrolledTo.current[view]);
  }, [view, oneColumn]);
  const chartsColumn = useRef<HTMLDivElement | null>(null);
  const skipToCharts = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    // The hash holds the levers: the link moves the focus instead of changing it.
    event.preventDefault();
    changeView('charts');
    setTimeout(() => {
      chartsColumn.current?.focus();
      chartsColumn.current?.scrollIntoView({ block: 'start' });
    }, 0);
  };

  const stem = fileStem(name);
  const downloadCsv = () => {
    if (result === undefined) return;
    const text = csv(resultRecords(result) as unknown as Record<string, unknown>[], { header: true });
    download(`${stem}-results.csv`, new Blob([text], { type: 'text/csv' }));
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link, whose target is on the page; the hash holds the levers, so the click moves the focus itself. */}
      <a class="skip-link" href="#charts" onClick={skipToCharts}>
        Skip to the charts
      </a>
      <header class="top">
        <h1>armsrace</h1>
        <p class="tagline">
          Simulating the NATO–Russia arms race from the data of {START} to {END - 1}
        </p>
        {oneColumn ? <ViewTabs view={view} onChange={changeView} /> : null}
        <CopyLink link={currentLink} />
        <p class="status-line" aria-live="polite">
          <span data-testid="latency">{latency === undefined ? '—' : `${Math.round(latency.total)} ms`}</span> from
          lever move to charts drawn
          {latency === undefined ? '' : ` (simulation ${Math.round(latency.sim)} ms)`}
          {result === undefined ? null : (
            <span data-testid="kernel">
              {'; the model runs in '}
              {result.solver.kernel === 'wasm' ? 'WebAssembly' : 'JavaScript (this browser refused WebAssembly)'}
            </span>
          )}
        </p>
      </header>
      <main class="layout">
        <div
          class="side"
          id="levers-panel"
          {...(oneColumn ? { role: 'tabpanel', 'aria-labelledby': 'tab-levers' } : {})}
          hidden={oneColumn && view !== 'levers'}
        >
          <PresetPicker choose={choosePreset} current={preset} />
          {leverPanel}
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
          <SavedScenarios yaml={yaml} onLoad={load} onSaved={setName} />
          <p>
            <button type="button" onClick={downloadCsv} disabled={result === undefined}>
              Download results (CSV)
            </button>
          </p>
        </div>
        <div
          class="content"
          id="charts"
          ref={chartsColumn}
          tabIndex={-1}
          {...(oneColumn ? { role: 'tabpanel', 'aria-labelledby': 'tab-charts' } : {})}
          hidden={oneColumn && view !== 'charts'}
        >
          {levers.ensembleOn ? (
            <EnsembleView
              result={ensemble}
              progress={progress}
              error={ensembleError}
              stem={stem}
              onDrawn={onEnsembleDrawn}
              onComplete={onEnsembleComplete}
            />
          ) : null}
          <Headline headline={brief} />
          <p class="baseline-controls">
            Baseline (dashed in the charts): <strong data-testid="baseline-name">{baseline.scenario.name}</strong>{' '}
            <button type="button" onClick={() => setPinned(result)} disabled={result === undefined}>
              Pin this run as the baseline
            </button>{' '}
            {pinned === undefined ? null : (
              <button type="button" onClick={() => setPinned(undefined)}>
                Back to the status quo
              </button>
            )}
          </p>
          <RunNotices result={result} stability={stability} validation={ready.validation} />
          <Charts result={result} baseline={baseline} stem={stem} onDrawn={onDrawn} onComplete={onComplete} />
          <RankedAllies result={result} stem={stem} />
          <AllianceMap result={result} stem={stem} />
          {dataViews}
          <About validation={ready.validation} sources={ready.sources} />
        </div>
      </main>
    </>
  );
}

/** Start the workers, wait for the dataset's defaults, then draw the page. */
function boot(): void {
  const root = document.getElementById('app');
  if (root === null) return;
  const sim = startWorker('armsrace-sim');
  const ensembleWorker = startWorker('armsrace-ensemble');
  // A channel of their own: the run's worker sends its share of an ensemble (chunk summaries and
  // 9 MB of histogram counts) straight to the ensemble's worker, not through this thread.
  const { port1, port2 } = new MessageChannel();
  ensembleWorker.postMessage({ kind: 'partner', port: port1 } satisfies WorkerRequest, [port1]);
  sim.postMessage({ kind: 'partner', port: port2 } satisfies WorkerRequest, [port2]);
  const client = new RunClient({ sim, ensemble: ensembleWorker });
  exposeForTests(client);
  const onReady = (event: MessageEvent<WorkerResponse>) => {
    if (event.data.type !== 'ready') return;
    sim.removeEventListener('message', onReady);
    render(<App ready={event.data} client={client} />, root);
  };
  sim.addEventListener('message', onReady);
  sim.addEventListener('error', (event) => {
    root.textContent = `The simulation worker failed to start: ${event.message}`;
  });
}

boot();

/** How the default responses validate, a notice when the run is unstable (its margins come after it), and one when a burden reaches its bound. */
function RunNotices({
  result,
  stability,
  validation,
}: {
  readonly result: SimulationResult | undefined;
  readonly stability: SimulationResult['stability'];
  readonly validation: string | undefined;
}): JSX.Element {
  const bounds = result === undefined ? [] : boundsReached(result);
  const unstable = stability.filter((s) => s.margin > 0);
  return (
    <>
      {unstable.length === 0 ? null : (
        <p class="error" role="status" data-testid="stability-notice">
          Unstable: {unstable.map((s) => `in ${s.year} the stability margin is ${stabilityText(s)}`).join('; ')}. A
          perturbation grows until the burden bounds bind: from then on the bounds, not the responses, shape the run.
        </p>
      )}
      {bounds.length === 0 ? null : (
        <p class="error" role="status" data-testid="bounds-notice">
          {bounds
            .map((b) => `${b.name} reaches its ${b.bound} bound of ${(100 * b.value).toFixed(1)} % of GDP in ${b.year}`)
            .join('; ')}
          : from then on the bound, not the responses, sets the result.
        </p>
      )}
      {validation === undefined ? null : (
        <p class="note" data-testid="validation-evidence">
          {validation}{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => {
              // Not a #link: the hash holds the levers.
              const about = document.getElementById('about');
              about?.scrollIntoView();
              about?.focus();
            }}
          >
            Method, data and validation
          </button>
        </p>
      )}
    </>
  );
}
