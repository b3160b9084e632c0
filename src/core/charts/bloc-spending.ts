import type { SimulationResult } from '../simulate.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { colorOf } from './palette.js';
import { baselineNote, sourceNote, yearSpan } from './source-note.js';
import { type TimeSeries, timeSeriesSpec } from './time-series-spec.js';

function spendingSeries(result: SimulationResult): TimeSeries[] {
  return result.blocs.map((b) => ({
    key: b.id,
    text: b.name,
    color: colorOf(b.id),
    // Million → billion US$.
    values: b.spending.map((m) => m / 1000),
  }));
}

/**
 * Describe the chart of the blocs' military spending in USD bn at constant 2015 prices on a log
 * scale (equal slopes are equal growth rates), with the baseline run dashed.
 *
 * A bloc without members has no spending and no line.
 *
 * @param result The simulated run.
 * @param options Baseline run and chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example blocSpending(simulate(parseScenario('end: 2030'), loadDataset())).id // 'bloc-spending'
 */
export function blocSpending(result: SimulationResult, options: ChartSpecOptions = {}): ChartSpec {
  const note = baselineNote(options.baseline);
  const subtitle =
    `NATO, NATO Europe and Canada, and Russia and Belarus, ${yearSpan(result)}. ` +
    'Log scale: equal slopes mean equal growth rates.';
  return timeSeriesSpec({
    id: 'bloc-spending',
    title: 'Military spending by bloc',
    subtitle: note === undefined ? subtitle : `${subtitle} ${note}`,
    caption: [sourceNote(result)],
    result,
    options,
    yLabel: 'Military spending, USD bn at constant 2015 prices (log scale)',
    format: (v: number) => `USD ${v.toFixed(1)} bn (2015 prices)`,
    scale: 'log',
    series: spendingSeries(result),
    baselineSeries: options.baseline === undefined ? [] : spendingSeries(options.baseline),
    marginRight: 200,
    y: { tickFormat: ',~g' },
    emptyMessage: 'No bloc has members in this scenario',
  });
}
