/**
 * The server's tasks in a pool worker: the deterministic run of a request (its ensemble runs over
 * the pool as the ensemble's own tasks, see `src/node/ensemble-pool.ts`).
 */
import type { Dataset } from '../core/data/dataset.js';
import { runScenario, type ScenarioResult } from '../core/run-scenario.js';
import type { ScenarioInput } from '../core/scenario/schema.js';
import type { TaskContext } from '../node/worker-pool.js';

/** Run a validated scenario, with the stability margins of `stabilityYears`. */
export function scenarioRun(
  arg: { readonly input: ScenarioInput; readonly stabilityYears: readonly number[] },
  context: TaskContext,
): ScenarioResult {
  return runScenario(arg.input, context.dataset as Dataset, { stabilityYears: arg.stabilityYears });
}
