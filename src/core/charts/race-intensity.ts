import * as Plot from '@observablehq/plot';
import type { SimulationResult } from '../simulate.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { valueDomain } from './line-labels.js';
import { colorOf } from './palette.js';
import { panelOptions } from './panel-options.js';
import { emptyNote } from './series-marks.js';
import { sourceNote, yearSpan } from './source-note.js';
import { yearAxis } from './year-axis.js';

/** What the indicator is and is not, printed under the chart. */
export const RACE_INTENSITY_NOTE =
  "Race intensity after Wallace: √(g_NATO × g_Russian bloc), the geometric mean of both blocs' real annual " +
  'spending growth, zero unless both grow. It indicates simultaneous growth, not a probability of war.';

/**
 * Describe the bar chart of Wallace's race intensity per year, in % per year.
 *
 * Years without a value (the first year, which has no growth) get no bar.
 *
 * @param result The simulated run.
 * @param options Chart size in px (960×540); a baseline is not drawn here.
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example raceIntensity(simulate(parseScenario('end: 2030'), loadDataset())).caption[0] // RACE_INTENSITY_NOTE
 */
export function raceIntensity(result: SimulationResult, options: ChartSpecOptions = {}): ChartSpec {
  const bars = result.years.flatMap((year, k) => {
    const v = result.indicators.raceIntensity[k];
    return v === null || v === undefined || !Number.isFinite(v) ? [] : [{ year, percent: v * 100 }];
  });
  const domain = valueDomain(
    bars.map((b) => b.percent),
    'linear',
  );
  return {
    id: 'race-intensity',
    title: 'Arms race intensity',
    subtitle: `Simultaneous growth of NATO's and Russia and Belarus's military spending, ${yearSpan(result)}.`,
    caption: [RACE_INTENSITY_NOTE, sourceNote(result)],
    plot: {
      ...panelOptions(yearAxis(result.years, 0.5)),
      y: { domain, label: 'Race intensity, % per year', grid: true },
      marks: [
        Plot.rectY(bars, {
          x1: (d: { year: number }) => d.year - 0.4,
          x2: (d: { year: number }) => d.year + 0.4,
          y: 'percent',
          fill: colorOf('RUS_BLOC'),
          fillOpacity: 0.85,
          className: 'race-intensity',
        }),
        Plot.ruleY([0], { stroke: '#555555' }),
        ...(bars.length === 0 ? [emptyNote('No year in which both blocs have a growth rate')] : []),
        ...(options.interactive === true && bars.length > 0
          ? [
              Plot.tip(
                bars,
                Plot.pointerX({
                  x: 'year',
                  y: 'percent',
                  title: (d: { year: number; percent: number }) => `${d.year}: ${d.percent.toFixed(2)} % a year`,
                  className: 'tooltip',
                }),
              ),
            ]
          : []),
      ],
    },
  };
}
