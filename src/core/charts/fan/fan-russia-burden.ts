import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartSpec } from '../chart-spec.js';
import { colorOf } from '../palette.js';
import { ensembleSpan, membersNote } from './ensemble-note.js';
import { type Fan, fanOf, fanSpec } from './fan-spec.js';
import type { EnsembleChartSpecOptions } from './types.js';

/**
 * Describe the fan chart of Russia's military burden in % of GDP, with a dashed reference line at
 * 10 % where it falls inside the range of the fan.
 *
 * @param result The ensemble.
 * @param options Chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example fanRussiaBurden(runEnsemble(parseScenario('end: 2036'), loadDataset(), { runs: 64 })).id // 'fan-russia-burden'
 */
export function fanRussiaBurden(result: EnsembleResult, options: EnsembleChartSpecOptions = {}): ChartSpec {
  const fan = fanOf(result, 'RUS.burden', { key: 'RUS', text: 'Russia', color: colorOf('RUS') }, 100);
  return fanSpec({
    id: 'fan-russia-burden',
    title: "Russia's military burden: range of outcomes",
    subtitle: `Military expenditure of Russia, % of GDP, ${ensembleSpan(result)}. ${membersNote(result)}`,
    result,
    options,
    yLabel: 'Military expenditure, % of GDP',
    scale: 'linear',
    fans: [fan].filter((f): f is Fan => f !== undefined),
    rules: [{ value: 10, label: '10 % of GDP', key: '10', dashed: true }],
    marginRight: 90,
    emptyMessage: 'Russia is not among the actors of this ensemble',
  });
}
