import { pledgeReport } from '../../src/core/analyze/pledge-report.js';
import { resolveSource } from '../../src/core/analyze/pledge-source.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { validateScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import type { EditionInfo, WorkerRequest, WorkerResponse } from './protocol.js';

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

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

scope.addEventListener('message', (event) => {
  const request = event.data;
  try {
    if ('scenario' in request) {
      const started = performance.now();
      const result = simulate(validateScenario(request.scenario), dataset);
      scope.postMessage({ type: 'result', id: request.id, result, elapsedMs: performance.now() - started });
    } else {
      const report = pledgeReport(dataset, { year: request.pledge.year, edition: request.pledge.edition });
      scope.postMessage({ type: 'pledge', id: request.id, report });
    }
  } catch (error) {
    scope.postMessage({ type: 'error', id: request.id, message: message(error) });
  }
});

scope.postMessage({ type: 'ready', editions: editions() });
