import { startDataNote } from '../data/start-data-note.js';
import { scenarioSettingsLine } from '../scenario/settings-line.js';
import type { SimulationResult } from '../simulate.js';

export { scenarioSettingsLine, startDataNote };

/**
 * Return the source note printed under every chart: the scenario's name and its main settings
 * ({@link scenarioSettingsLine}), then where the numbers come from.
 *
 * @param result The simulated run.
 * @example sourceNote(result) // "Scenario “Hague pledge met”: pledge 3.5 % of GDP by 2035, compliance binding; Russia's threat elasticity 1.06; war goes on. Simulated with armsrace; burdens on SIPRI's definition; …"
 */
export function sourceNote(result: SimulationResult): string {
  const burdens = result.scenario.burdens === 'sipri' ? "burdens on SIPRI's definition" : result.scenario.burdenNote;
  return (
    `Scenario “${result.scenario.name}”: ${scenarioSettingsLine(result)}. ` +
    `Simulated with armsrace; ${burdens}; ${startDataNote(result.scenario.burdenSource)}`
  );
}

/**
 * Return the key line for a chart that draws a baseline run dashed, or `undefined` without one.
 *
 * @param baseline The comparison run, if any.
 * @example baselineNote(undefined) // undefined
 */
export function baselineNote(baseline: SimulationResult | undefined): string | undefined {
  return baseline === undefined ? undefined : `Solid: this scenario; dashed: baseline ${baseline.scenario.name}.`;
}

/**
 * Return the years of a result as a span, e.g. "2025–2049".
 *
 * @param result The simulated run.
 * @example yearSpan(result) // '2025–2049'
 */
export function yearSpan(result: SimulationResult): string {
  const first = result.years[0];
  const last = result.years[result.years.length - 1];
  if (first === undefined || last === undefined) return 'no years';
  return first === last ? `${first}` : `${first}–${last}`;
}
