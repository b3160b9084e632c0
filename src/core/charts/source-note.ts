import { startDataNote } from '../data/start-data-note.js';
import type { SimulationResult } from '../simulate.js';

export { startDataNote };

/**
 * Return the source note printed under every chart.
 *
 * @param result The simulated run; its scenario name goes in the note.
 * @example sourceNote(result) // 'Simulated with armsrace, scenario Unnamed scenario; burdens on SIPRI's definition; …'
 */
export function sourceNote(result: SimulationResult): string {
  const burdens = result.scenario.burdens === 'sipri' ? "burdens on SIPRI's definition" : result.scenario.burdenNote;
  return `Simulated with armsrace, scenario ${result.scenario.name}; ${burdens}; ${startDataNote(result.scenario.burdenSource)}`;
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
