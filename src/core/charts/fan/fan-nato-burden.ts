import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartSpec } from '../chart-spec.js';
import { ensembleSpan, membersNote } from './ensemble-note.js';
import { type Fan, fanOf, fanSpec } from './fan-spec.js';
import type { EnsembleChartSpecOptions } from './types.js';

/** Colours of the two NATO fans: far apart, so that the overlapping bands stay apart. */
export const NATO_FAN_COLORS = { NATO: '#0072B2', NATO_EUR_CAN: '#D55E00' } as const;

/**
 * Describe the fan chart of the military burden of all NATO and of NATO Europe and Canada (their
 * spending over their GDP, % of GDP), with rules at the 2 % and 3.5 % targets.
 *
 * @param result The ensemble.
 * @param options Chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example fanNatoBurden(runEnsemble(parseScenario('end: 2036'), loadDataset(), { runs: 64 })).id // 'fan-nato-burden'
 */
export function fanNatoBurden(result: EnsembleResult, options: EnsembleChartSpecOptions = {}): ChartSpec {
  const fans = [
    fanOf(result, 'NATO.burden', { key: 'NATO', text: 'All NATO', color: NATO_FAN_COLORS.NATO }, 100),
    fanOf(
      result,
      'NATO_EUR_CAN.burden',
      { key: 'NATO_EUR_CAN', text: 'Europe and Canada', color: NATO_FAN_COLORS.NATO_EUR_CAN },
      100,
    ),
  ].filter((f): f is Fan => f !== undefined);
  return fanSpec({
    id: 'fan-nato-burden',
    title: "NATO's military burden: range of outcomes",
    subtitle:
      `Military expenditure of all NATO and of NATO Europe and Canada, % of their GDP, ${ensembleSpan(result)}. ` +
      membersNote(result),
    result,
    options,
    yLabel: 'Military expenditure, % of GDP',
    scale: 'linear',
    fans,
    rules: [
      { value: 2, label: '2 % (Wales 2014)', key: '2', include: true },
      { value: 3.5, label: '3.5 % (The Hague 2025)', key: '3-5', include: true },
    ],
    marginRight: 150,
    emptyMessage: 'NATO has no members in this ensemble',
  });
}
