import { parameterLabel } from '../../ensemble/parameter-label.js';
import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import { startDataNote } from '../source-note.js';

/** Which bands a fan chart shades. */
export type FanBands = 'both' | 'outer';

/**
 * Where a simulated chart's numbers come from: the last sentences of its caption, after the
 * scenario's name and main settings when they are known.
 *
 * @param burdenSource The edition of the burdens the run started from, e.g. `sipri-2026`.
 * @param scenario The scenario's name and settings line (`EnsembleResult.scenario`).
 * @example simulatedDataNote('sipri-2026') // "Simulated with armsrace; burdens on SIPRI's definition; start data SIPRI Milex 2026 …"
 */
export function simulatedDataNote(
  burdenSource: string,
  scenario?: { readonly name: string; readonly settings: string },
): string {
  const named = scenario === undefined ? '' : `Scenario “${scenario.name}”: ${scenario.settings}. `;
  return `${named}Simulated with armsrace; burdens on SIPRI's definition; ${startDataNote(burdenSource)}.`;
}

/**
 * Return the years of an ensemble as a span, e.g. "2025–2049".
 *
 * @param result The ensemble.
 * @example ensembleSpan(result) // '2025–2049'
 */
export function ensembleSpan(result: EnsembleResult): string {
  const first = result.years[0];
  const last = result.years[result.years.length - 1];
  if (first === undefined || last === undefined) return 'no years';
  return first === last ? `${first}` : `${first}–${last}`;
}

/**
 * Return what varies between the members of an ensemble: its uncertain parameters in words (not
 * their paths: "allies' spill-in η", not `response.default.spill_in`) and the GDP growth shocks,
 * e.g. "varying the fitted responses (bootstrap draws) and GDP growth shocks".
 *
 * @param result The ensemble.
 * @example variationNote({ ...result, uncertain: [], gdpShocks: false }) // 'nothing varies between members'
 */
export function variationNote(result: EnsembleResult): string {
  const parts = [
    ...result.uncertain.map((path) => result.parameterLabels[path] ?? parameterLabel(path)),
    ...(result.gdpShocks ? ['GDP growth shocks'] : []),
  ];
  if (parts.length === 0) return 'nothing varies between members';
  const last = parts.pop() as string;
  return `varying ${parts.length === 0 ? last : `${parts.join(', ')} and ${last}`}`;
}

/**
 * Return the sentence about the ensemble that ends every ensemble chart's subtitle, e.g.
 * "256 members, seed 1, varying GDP growth shocks."
 *
 * @param result The ensemble.
 * @example membersNote(result) // '256 members, seed 1, varying the fitted responses (bootstrap draws) and GDP growth shocks.'
 */
export function membersNote(result: EnsembleResult): string {
  const members = result.runs === 1 ? '1 member' : `${result.runs.toLocaleString('en-US')} members`;
  return `${members}, seed ${result.seed}, ${variationNote(result)}.`;
}

/**
 * Return the caption of a fan chart: how to read the bands, then the data sources.
 *
 * @param result The ensemble.
 * @param bands Whether the chart shades both bands or the 5–95 % band only.
 * @example fanSourceNote(result)[0] // 'Ensemble of 256 members, seed 1; shaded: 5–95 % and 25–75 % of members; line: median. Simulated with armsrace; …'
 */
export function fanSourceNote(result: EnsembleResult, bands: FanBands = 'both'): string[] {
  const shaded = bands === 'both' ? '5–95 % and 25–75 % of members' : '5–95 % of members';
  return [
    `Ensemble of ${result.runs.toLocaleString('en-US')} members, seed ${result.seed}; shaded: ${shaded}; line: median. ${simulatedDataNote(result.burdenSource, result.scenario)}`,
  ];
}

/**
 * Return the caption of the event chart: how to read the bars and whiskers, then the data sources.
 *
 * @param result The ensemble.
 * @example eventSourceNote(result)[0] // 'Ensemble of 256 members, seed 1; bars: share of members …'
 */
export function eventSourceNote(result: EnsembleResult): string[] {
  const n = result.runs.toLocaleString('en-US');
  const extreme = result.events.some((e) => e.count === 0 || e.count === result.runs);
  const bound = Number((Math.min(1, 3 / result.runs) * 100).toPrecision(2));
  return [
    `Ensemble of ${n} members, seed ${result.seed}; bars: share of members in which the event occurs; ` +
      `whiskers: ±2 standard errors of that share.` +
      (extreme
        ? ` At 0 % or 100 % the standard error is zero; the true probability is then within about ${bound} percentage points of it (rule of three).`
        : '') +
      ` ${simulatedDataNote(result.burdenSource, result.scenario)}`,
  ];
}

/**
 * Format a probability as a percentage with one decimal at most; a share that is not quite 0 or
 * 100 % never rounds to them.
 *
 * @param p Probability from 0 to 1.
 * @example formatPercent(0.671875) // '67.2 %'
 */
export function formatPercent(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  const percent = p * 100;
  if (percent > 0 && percent < 0.05) return '< 0.1 %';
  if (percent < 100 && percent > 99.95) return '> 99.9 %';
  return `${Number(percent.toFixed(1))} %`;
}
