import type { SimulationResult } from '../simulate.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { colorOf } from './palette.js';
import { baselineNote, sourceNote, yearSpan } from './source-note.js';
import { type TimeSeries, timeSeriesSpec } from './time-series-spec.js';

/** Russia first, then the neighbours shown for context when they are in the run. */
export const RUSSIA_CONTEXT = ['RUS', 'BLR', 'UKR'] as const;

function burdenSeries(result: SimulationResult): TimeSeries[] {
  return RUSSIA_CONTEXT.flatMap((iso3) =>
    result.actors
      .filter((a) => a.iso3 === iso3)
      .map((a) => ({
        key: iso3,
        text: a.name,
        color: colorOf(iso3),
        values: a.burden.map((b) => b * 100),
        strokeWidth: iso3 === 'RUS' ? 3 : 2,
      })),
  );
}

/**
 * Describe the chart of Russia's burden (% of GDP, log scale) with Belarus and Ukraine for context,
 * and the baseline run dashed.
 *
 * The log scale keeps Russia's and Belarus's few percent readable beside Ukraine's wartime share.
 *
 * @param result The simulated run.
 * @param options Baseline run and chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example russiaBurden(simulate(parseScenario('end: 2030'), loadDataset())).id // 'russia-burden'
 */
export function russiaBurden(result: SimulationResult, options: ChartSpecOptions = {}): ChartSpec {
  const series = burdenSeries(result);
  const context = series.filter((s) => s.key !== 'RUS').map((s) => s.text);
  const subtitle =
    `Military expenditure, % of GDP, ${yearSpan(result)}` +
    (context.length > 0 ? `, with ${context.join(' and ')} for context.` : '.');
  const note = baselineNote(options.baseline);
  return timeSeriesSpec({
    id: 'russia-burden',
    title: "Russia's military burden",
    subtitle: note === undefined ? subtitle : `${subtitle} ${note}`,
    caption: [sourceNote(result)],
    result,
    options,
    yLabel: 'Military expenditure, % of GDP (log scale)',
    format: (v: number) => `${v.toFixed(2)} % of GDP`,
    scale: 'log',
    series,
    baselineSeries: options.baseline === undefined ? [] : burdenSeries(options.baseline),
    marginRight: 110,
    y: { tickFormat: '~g' },
    emptyMessage: 'Russia, Belarus and Ukraine are not among the actors of this scenario',
  });
}
