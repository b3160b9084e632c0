import type { Dataset } from './data/dataset.js';
import type { ScenarioInput } from './scenario/schema.js';
import { type SimulateOptions, type SimulationResult, simulate } from './simulate.js';
import { type RichardsonRun, simulateRichardson } from './simulate-richardson.js';

/** The result of any scenario: the demand model's or the classic Richardson model's. */
export type ScenarioResult = SimulationResult | RichardsonRun;

/**
 * Run a scenario with the model it names (`model: demand`, the default, or `model: richardson`).
 *
 * @throws {ScenarioError} when the scenario does not fit the dataset or the model.
 */
export function runScenario(input: ScenarioInput, dataset: Dataset, options: SimulateOptions = {}): ScenarioResult {
  return input.model === 'richardson' ? simulateRichardson(input) : simulate(input, dataset, options);
}
