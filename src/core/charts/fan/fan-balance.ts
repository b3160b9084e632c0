import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartSpec } from '../chart-spec.js';
import { colorOf } from '../palette.js';
import { ensembleSpan, membersNote } from './ensemble-note.js';
import { type Fan, fanOf, fanSpec } from './fan-spec.js';
import type { EnsembleChartSpecOptions } from './types.js';

/**
 * Describe the fan chart of the capability balance: NATO Europe and Canada's capability divided by
 * Russia and Belarus's, on a log scale with a rule at parity (1).
 *
 * @param result The ensemble.
 * @param options Chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example fanBalance(runEnsemble(parseScenario('end: 2036'), loadDataset(), { runs: 64 })).id // 'fan-balance'
 */
export function fanBalance(result: EnsembleResult, options: EnsembleChartSpecOptions = {}): ChartSpec {
  const fan = fanOf(result, 'balance', { key: 'balance', text: 'Europe and Canada', color: colorOf('NATO') });
  return fanSpec({
    id: 'fan-balance',
    title: 'Balance of military capability: range of outcomes',
    subtitle:
      `Capability (the stock built up by spending) of NATO Europe and Canada divided by that of Russia and ` +
      `Belarus, ${ensembleSpan(result)}; above 1 the allies hold more. ${membersNote(result)}`,
    result,
    options,
    yLabel: 'Capability ratio to Russia and Belarus, × (log scale)',
    scale: 'log',
    fans: [fan].filter((f): f is Fan => f !== undefined),
    rules: [{ value: 1, label: 'Parity', key: '1', include: true }],
    marginRight: 150,
    emptyMessage: 'No ratio can be formed: a bloc has no members in this ensemble',
  });
}
