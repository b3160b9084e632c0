import type { SimulationResult } from '../simulate.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { CONTEXT_GREY } from './palette.js';
import { scenarioPledge } from './scenario-pledge.js';
import { baselineNote, sourceNote, yearSpan } from './source-note.js';
import { type TimeSeries, timeSeriesSpec } from './time-series-spec.js';

const AT_2 = '#0072B2';
const AT_35 = '#D55E00';

const AT_PLEDGE = '#009E73';

function countSeries(result: SimulationResult, withAllies: boolean): TimeSeries[] {
  const { indicators } = result;
  const pledge = scenarioPledge(result);
  const counts: TimeSeries[] = [
    { key: 'at-2', text: 'At 2 % or more', color: AT_2, values: indicators.alliesAt2 },
    { key: 'at-3-5', text: 'At 3.5 % or more', color: AT_35, values: indicators.alliesAt35 },
    ...(pledge === undefined
      ? []
      : [
          {
            key: 'at-pledge',
            text: `At ${pledge.percent} % or more`,
            color: AT_PLEDGE,
            values: pledge.counts,
          },
        ]),
  ];
  return withAllies
    ? [{ key: 'allies', text: 'All allies', color: CONTEXT_GREY, values: indicators.allies, strokeWidth: 6 }, ...counts]
    : counts;
}

/**
 * Describe the chart of the number of allies at or above 2 % and 3.5 % of GDP per year, with the
 * number of allies as a reference line and the baseline run's counts dashed.
 *
 * @param result The simulated run.
 * @param options Baseline run and chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example alliesAtThresholds(simulate(parseScenario('end: 2030'), loadDataset())).id // 'allies-at-thresholds'
 */
export function alliesAtThresholds(result: SimulationResult, options: ChartSpecOptions = {}): ChartSpec {
  const note = baselineNote(options.baseline);
  const pledge = scenarioPledge(result);
  const levels = pledge === undefined ? '2 % and 3.5 %' : `2 %, 3.5 % and the scenario's pledge of ${pledge.percent} %`;
  const subtitle = `Number of NATO allies whose military expenditure reaches ${levels} of GDP, ${yearSpan(result)}.`;
  const most = Math.max(
    1,
    ...result.indicators.allies,
    ...(options.baseline === undefined ? [] : options.baseline.indicators.allies),
  );
  const step = most <= 12 ? 1 : most <= 30 ? 5 : 10;
  const ticks = Array.from({ length: Math.floor(most / step) + 1 }, (_, i) => i * step);
  return timeSeriesSpec({
    id: 'allies-at-thresholds',
    title: 'Allies meeting the spending targets',
    subtitle: note === undefined ? subtitle : `${subtitle} ${note}`,
    caption: [sourceNote(result)],
    result,
    options,
    yLabel: 'Number of allies',
    format: (v: number) => `${v} allies`,
    scale: 'linear',
    series: countSeries(result, true),
    baselineSeries: options.baseline === undefined ? [] : countSeries(options.baseline, false),
    marginRight: 140,
    y: { ticks, tickFormat: 'd' },
    emptyMessage: 'No allies in this scenario',
  });
}
