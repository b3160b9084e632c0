import type { SimulationResult } from '../simulate.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { colorOf } from './palette.js';
import { sourceNote, yearSpan } from './source-note.js';
import { timeSeriesSpec } from './time-series-spec.js';

/** Russia and the allies whose security ratio is shown, when they are in the run. */
export const SECURITY_ACTORS = ['RUS', 'POL', 'FIN', 'DEU', 'GBR'] as const;

/**
 * Describe the chart of the security ratio (capability ÷ perceived threat) of Russia and a few
 * allies, on a log scale with a rule at 1.
 *
 * Years where the ratio is missing (no threat, so `NaN`) are skipped: the line breaks there.
 *
 * @param result The simulated run.
 * @param options Chart size in px (960×540); a baseline is not drawn here.
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example securityRatio(simulate(parseScenario('end: 2030'), loadDataset())).id // 'security-ratio'
 */
export function securityRatio(result: SimulationResult, options: ChartSpecOptions = {}): ChartSpec {
  const series = SECURITY_ACTORS.flatMap((iso3) =>
    result.actors
      .filter((a) => a.iso3 === iso3)
      .map((a) => ({
        key: iso3,
        text: a.name,
        color: colorOf(iso3),
        values: a.securityRatio,
        strokeWidth: iso3 === 'RUS' ? 3 : 2,
      })),
  );
  return timeSeriesSpec({
    id: 'security-ratio',
    title: 'Security ratio',
    subtitle:
      `Each actor's capability divided by the threat it perceives (rivals' capability weighted by ` +
      `proximity), ${yearSpan(result)}. Below 1 an actor faces more than it holds.`,
    caption: [sourceNote(result)],
    result,
    options,
    yLabel: 'Capability ÷ threat, × (log scale)',
    format: (v: number) => `${v.toFixed(3)}×`,
    scale: 'log',
    series,
    rules: [{ value: 1, label: 'Capability = threat', key: '1' }],
    marginRight: 130,
    y: { tickFormat: '~g' },
    emptyMessage: 'No security ratio: Russia and the selected allies are not among the actors, or face no threat',
  });
}
