import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartSpec } from '../chart-spec.js';
import { colorOf } from '../palette.js';
import { ensembleSpan, membersNote } from './ensemble-note.js';
import { type Fan, fanOf, fanSpec } from './fan-spec.js';
import type { EnsembleChartSpecOptions } from './types.js';

/**
 * Describe the fan chart of NATO's and of Russia and Belarus's military spending in USD bn at
 * constant 2015 prices, on a log scale (equal slopes are equal growth rates).
 *
 * @param result The ensemble.
 * @param options Chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example fanBlocSpending(runEnsemble(parseScenario('end: 2036'), loadDataset(), { runs: 64 })).id // 'fan-bloc-spending'
 */
export function fanBlocSpending(result: EnsembleResult, options: EnsembleChartSpecOptions = {}): ChartSpec {
  // Million → billion US$.
  const fans = [
    fanOf(result, 'NATO.spending', { key: 'NATO', text: 'NATO', color: colorOf('NATO') }, 1 / 1000),
    fanOf(
      result,
      'RUS_BLOC.spending',
      { key: 'RUS_BLOC', text: 'Russia and Belarus', color: colorOf('RUS_BLOC') },
      1 / 1000,
    ),
  ].filter((f): f is Fan => f !== undefined);
  return fanSpec({
    id: 'fan-bloc-spending',
    title: 'Military spending by bloc: range of outcomes',
    subtitle:
      `NATO and Russia and Belarus, ${ensembleSpan(result)}; log scale, equal slopes mean equal growth rates. ` +
      membersNote(result),
    result,
    options,
    yLabel: 'Military spending, USD bn at constant 2015 prices (log scale)',
    scale: 'log',
    fans,
    marginRight: 160,
    y: { tickFormat: ',~g' },
    emptyMessage: 'No bloc has members in this ensemble',
  });
}
