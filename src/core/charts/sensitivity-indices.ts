import * as Plot from '@observablehq/plot';
import { parameterLabel } from '../ensemble/parameter-label.js';
import { rankedFactors, type ScenarioSensitivity } from '../ensemble/scenario-sensitivity.js';
import type { ChartSpec, ChartSpecOptions } from './chart-spec.js';
import { chartLayout, defineChart, labelMargin } from './compose-chart.js';
import { simulatedDataNote } from './fan/ensemble-note.js';
import { INK } from './palette.js';

const TOTAL = '#0072B2';
const FIRST = '#9ecae1';
const MARGINS = { top: 12, right: 96, bottom: 40 } as const;

/** One bar of the sensitivity chart. */
export interface SensitivityBar {
  readonly parameter: string;
  /** `S_T` or `S` (Sobol'), `μ*` (Morris). */
  readonly measure: string;
  readonly estimate: number;
  /** Ends of the bootstrap interval (Sobol'), `NaN` without one. */
  readonly low: number;
  readonly high: number;
  readonly label: string;
}

/** Three decimals, a true minus sign, and no "−0.000". */
const format3 = (v: number) => {
  if (!Number.isFinite(v)) return '–';
  const text = Math.abs(v).toFixed(3);
  return v < 0 && Number(text) !== 0 ? `−${text}` : text;
};

/**
 * Return the bars of the sensitivity chart, parameters ranked by their total index (Sobol') or
 * mean absolute effect (Morris), the most influential first.
 *
 * @param analysis A scenario's sensitivity analysis.
 * @example sensitivityBars(analysis)[0]?.measure // 'S_T'
 */
export function sensitivityBars(analysis: ScenarioSensitivity): SensitivityBar[] {
  const ranked = rankedFactors(analysis);
  if (ranked.method === 'sobol') {
    return ranked.factors.flatMap((f) => [
      { parameter: f.factor, measure: 'S_T', ...f.total, label: format3(f.total.estimate) },
      { parameter: f.factor, measure: 'S', ...f.first, label: format3(f.first.estimate) },
    ]);
  }
  return ranked.factors.map((f) => ({
    parameter: f.factor,
    measure: 'μ*',
    estimate: f.muStar,
    low: Number.NaN,
    high: Number.NaN,
    label: `${f.muStar.toPrecision(3)} (σ ${f.sigma.toPrecision(3)})`,
  }));
}

/**
 * Describe the bar chart of a sensitivity analysis: per uncertain parameter, ranked, its total and
 * first-order Sobol' indices with their bootstrap intervals as whiskers, or its Morris `μ*`.
 *
 * @param analysis A scenario's sensitivity analysis.
 * @param options Chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example sensitivityIndices(scenarioSensitivity(input, dataset, { samples: 64 })).id // 'sensitivity-indices'
 */
export function sensitivityIndices(analysis: ScenarioSensitivity, options: ChartSpecOptions = {}): ChartSpec {
  const r = analysis.result;
  // Parameters and the output in words, not the scenario file's paths.
  const bars = sensitivityBars(analysis).map((b) => ({
    ...b,
    parameter: analysis.parameterLabels[b.parameter] ?? parameterLabel(b.parameter),
  }));
  const parameters = [...new Set(bars.map((b) => b.parameter))];
  const sobol = r.method === 'sobol';
  const output = analysis.outputLabel;
  const title = `What drives ${output} in ${analysis.year}`;
  const subtitle = sobol
    ? `Sobol' indices of ${output} in ${analysis.year}: dark, the total index S_T (the parameter with its interactions); light, the first-order index S (the parameter alone).`
    : `Morris screening of ${output} in ${analysis.year}: μ*, the mean absolute change of the output over each parameter's range.`;
  const method = sobol
    ? `Sobol' indices (Saltelli sampling, Jansen's total index), N = ${r.baseSamples}, ${r.modelRuns.toLocaleString('en-US')} model runs; whiskers: ${Math.round(100 * r.confidence)} % bootstrap intervals (${r.bootstrap} resamples).`
    : `Morris elementary effects, ${r.trajectories} trajectories, ${r.modelRuns.toLocaleString('en-US')} model runs; σ (in the labels) large against μ*: the parameter acts through interactions or non-linearly.`;
  const caption = [`${method} GDP shocks off. ${simulatedDataNote(analysis.burdenSource, analysis.scenario)}`];
  const width = options.width ?? 960;
  chartLayout({ subtitle, caption }, width, options.height);
  const { marginLeft, lineWidthEm } = labelMargin(parameters, width);
  const finite = bars.flatMap((b) => [b.estimate, b.low, b.high]).filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = sobol ? Math.max(1, ...finite) : Math.max(0, ...finite) * 1.05 || 1;
  const whiskers = bars.filter((b) => Number.isFinite(b.low) && Number.isFinite(b.high));
  const marks: Plot.Markish[] = [
    Plot.barX(bars, {
      fy: 'parameter',
      y: 'measure',
      x: 'estimate',
      fill: (b: SensitivityBar) => (b.measure === 'S' ? FIRST : TOTAL),
      className: 'sensitivity-bars',
    }),
    Plot.ruleY(whiskers, {
      fy: 'parameter',
      y: 'measure',
      x1: 'low',
      x2: 'high',
      stroke: INK,
      strokeWidth: 1.5,
      className: 'sensitivity-whiskers',
    }),
    Plot.text(bars, {
      fy: 'parameter',
      y: 'measure',
      x: (b: SensitivityBar) => Math.max(b.estimate, Number.isFinite(b.high) ? b.high : b.estimate),
      text: (b: SensitivityBar) => `${b.measure} ${b.label}`,
      dx: 6,
      textAnchor: 'start',
      fontSize: 11,
      fill: INK,
      className: 'sensitivity-labels',
    }),
    Plot.ruleX([0], { stroke: INK, className: 'sensitivity-zero' }),
  ];
  return {
    id: 'sensitivity-indices',
    title,
    subtitle,
    caption,
    plot: {
      marginTop: MARGINS.top,
      marginRight: MARGINS.right,
      marginBottom: MARGINS.bottom,
      marginLeft,
      x: {
        domain: [low, high],
        label: sobol ? 'Index (share of the output’s variance) →' : `μ*, ${output} →`,
        labelAnchor: 'right',
        labelArrow: 'none',
        grid: true,
      },
      y: { domain: sobol ? ['S_T', 'S'] : ['μ*'], axis: null, padding: 0.15 },
      fy: { domain: parameters, label: null, padding: 0.25 },
      marks: [
        Plot.axisFy({
          anchor: 'left',
          lineWidth: lineWidthEm,
          tickSize: 0,
          tickPadding: 10,
          fontSize: 12,
          label: null,
        }),
        ...marks,
      ],
    },
  };
}

/** The sensitivity chart as a registry entry: its spec, and its build into a standalone `<svg>`. */
export const SENSITIVITY_CHART = defineChart<ScenarioSensitivity, ChartSpecOptions>(
  'sensitivity-indices',
  'What drives an output',
  sensitivityIndices,
);
