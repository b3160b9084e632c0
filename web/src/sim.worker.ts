import { claimsEvidence } from '../../src/core/analyze/claims/index.js';
import { pledgeReport } from '../../src/core/analyze/pledge-report.js';
import { resolveSource } from '../../src/core/analyze/pledge-source.js';
import { lastYear, observationAt } from '../../src/core/data/dataset.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import {
  CHUNK_MEMBERS,
  checkRuns,
  createCounts,
  EnsembleAccumulator,
  prepareEnsemble,
  runChunk,
} from '../../src/core/ensemble/run-ensemble.js';
import { validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { START } from './levers.js';
import type { AllyInfo, EditionInfo, WorkerRequest, WorkerResponse } from './protocol.js';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
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

function allies(): AllyInfo[] {
  const sipri = dataset.editions('sipri-')[0]?.id;
  return dataset
    .members(START)
    .map((iso3) => {
      const name = dataset.country(iso3)?.name ?? iso3;
      const series = sipri === undefined ? undefined : dataset.series(iso3, 'milex_share_gdp', sipri);
      const year = series === undefined ? undefined : lastYear(series);
      const value = series === undefined || year === undefined ? undefined : observationAt(series, year)?.value;
      return value === undefined || year === undefined ? { iso3, name } : { iso3, name, burden: value * 100, year };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
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

let latestEnsemble = 0;

/** Run the ensemble chunk by chunk, reporting progress, and give up as soon as a newer one is asked for. */
async function ensemble(id: number, scenario: unknown): Promise<void> {
  const started = performance.now();
  const input = validateScenario(scenario);
  const runs = input.ensemble?.runs ?? 200;
  checkRuns(runs);
  const setup = prepareEnsemble(
    input,
    dataset,
    input.ensemble?.seed === undefined ? {} : { seed: input.ensemble.seed },
  );
  const counts = createCounts(setup);
  const accumulator = new EnsembleAccumulator(setup);
  const chunks = Math.ceil(runs / CHUNK_MEMBERS);
  for (let c = 0; c < chunks; c++) {
    await yieldToMessages();
    if (latestEnsemble !== id) return;
    accumulator.add(runChunk(setup, c, runs, counts));
    scope.postMessage({ type: 'progress', id, done: accumulator.members, total: runs });
  }
  const result = accumulator.result(runs, counts);
  scope.postMessage({ type: 'ensemble', id, result, elapsedMs: performance.now() - started });
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  try {
    if (request.kind === 'run') {
      const started = performance.now();
      const result = simulate(validateScenario(request.scenario), dataset);
      scope.postMessage({ type: 'result', id: request.id, result, elapsedMs: performance.now() - started });
    } else if (request.kind === 'ensemble') {
      latestEnsemble = request.id;
      ensemble(request.id, request.scenario).catch((error: unknown) =>
        scope.postMessage({ type: 'error', id: request.id, message: message(error) }),
      );
    } else if (request.kind === 'claims') {
      scope.postMessage({ type: 'claims', id: request.id, evidence: claimsEvidence(dataset) });
    } else {
      const report = pledgeReport(dataset, { year: request.year, edition: request.edition });
      scope.postMessage({ type: 'pledge', id: request.id, report });
    }
  } catch (error) {
    scope.postMessage({ type: 'error', id: request.id, message: message(error) });
  }
});

const fitted = dataset.data.fitted?.parameters;
scope.postMessage({ type: 'ready', editions: editions(), fitted, allies: allies() });
