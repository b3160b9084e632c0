import type { SimulationResult } from '../simulate.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { colorOf } from './palette.js';
import { sourceNote, yearSpan } from './source-note.js';
import { timeSeriesSpec } from './time-series-spec.js';

/**
 * Describe the chart of the capability balance: NATO's and NATO Europe and Canada's capability,
 * each divided by the Russian bloc's, on a log scale with a rule at parity (1).
 *
 * Ratios that are not finite (a bloc without members) are missing, not drawn.
 *
 * @param result The simulated run.
 * @param options Chart size in px (960×540); a baseline is not drawn here.
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example balance(simulate(parseScenario('end: 2030'), loadDataset())).id // 'balance'
 */
export function balance(result: SimulationResult, options: ChartSpecOptions = {}): ChartSpec {
  const { indicators } = result;
  return timeSeriesSpec({
    id: 'balance',
    title: 'Balance of military capability',
    subtitle:
      `Capability (the stock built up by spending) of all NATO and of NATO Europe and Canada, ` +
      `each divided by that of Russia and Belarus, ${yearSpan(result)}. Above 1 the allies hold more.`,
    caption: [sourceNote(result)],
    result,
    options,
    yLabel: 'Capability ratio to Russia and Belarus, × (log scale)',
    format: (v: number) => `${v.toFixed(2)}×`,
    scale: 'log',
    series: [
      { key: 'NATO', text: 'All NATO', color: colorOf('NATO'), values: indicators.balanceNato },
      {
        key: 'NATO_EUR_CAN',
        text: 'Europe and Canada',
        color: colorOf('NATO_EUR_CAN'),
        values: indicators.balanceEuropeCanada,
      },
    ],
    rules: [{ value: 1, label: 'Parity', key: '1' }],
    marginRight: 150,
    y: { tickFormat: '~g' },
    emptyMessage: 'No ratio can be formed: a bloc has no members in this scenario',
  });
}
