import * as Plot from '@observablehq/plot';
import type { EnsembleResult } from '../../ensemble/run-ensemble.js';
import type { ChartSpec } from '../chart-spec.js';
import { chartLayout, labelMargin } from '../compose-chart.js';
import { INK } from '../palette.js';
import { emptyNote } from '../series-marks.js';
import { ensembleSpan, eventSourceNote, formatPercent, membersNote } from './ensemble-note.js';
import type { EnsembleChartSpecOptions } from './types.js';

const BAR = '#0072B2';
/** Thickest bar in px, so that a few events do not make slabs. */
const MAX_BAR_PX = 44;
const MARGINS = { top: 12, right: 72, bottom: 40 } as const;

/** One bar of the event chart, in percent. */
export interface EventBar {
  readonly name: string;
  /** Probability, %. */
  readonly percent: number;
  /** Ends of the ±2 standard-error whisker, clipped to 0–100 %. */
  readonly low: number;
  readonly high: number;
  /** The probability as printed at the bar, e.g. "67.2 %". */
  readonly label: string;
}

/**
 * Return the bars of the event chart: per event its probability and ±2 standard-error whisker in
 * %, clipped to 0–100 %, with the printed label.
 *
 * @param result The ensemble.
 * @example eventBars(result)[0]?.label // '67.2 %'
 */
export function eventBars(result: EnsembleResult): EventBar[] {
  return result.events.map((e) => {
    const p = Number.isFinite(e.probability) ? e.probability : 0;
    const se = Number.isFinite(e.standardError) ? e.standardError : 0;
    return {
      name: e.name,
      percent: p * 100,
      low: Math.max(0, p - 2 * se) * 100,
      high: Math.min(1, p + 2 * se) * 100,
      label: formatPercent(e.probability),
    };
  });
}

/**
 * Describe the horizontal bar chart of the ensemble's event probabilities: one bar per event with
 * ±2 standard-error whiskers and the probability printed at its end.
 *
 * @param result The ensemble.
 * @param options Chart size in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example eventProbabilities(runEnsemble(parseScenario('end: 2036'), loadDataset(), { runs: 64 })).id // 'event-probabilities'
 */
export function eventProbabilities(result: EnsembleResult, options: EnsembleChartSpecOptions = {}): ChartSpec {
  const bars = eventBars(result);
  const caption = eventSourceNote(result);
  const subtitle = `Share of members in which each event occurs, ${ensembleSpan(result)}. ${membersNote(result)}`;
  const width = options.width ?? 960;
  const layout = chartLayout({ subtitle, caption }, width, options.height);
  const { marginLeft, lineWidthEm } = labelMargin(
    bars.map((b) => b.name),
    width,
  );
  const inner = Math.max(1, layout.panelHeight - MARGINS.top - MARGINS.bottom);
  const step = inner / Math.max(1, bars.length);
  const padding = Math.min(0.8, Math.max(0.25, 1 - MAX_BAR_PX / step));
  const barPx = step * (1 - padding);
  const capInset = Math.max(0, barPx * 0.25);
  const marks: Plot.Markish[] = [
    Plot.barX(bars, { y: 'name', x: 'percent', fill: BAR, fillOpacity: 0.85, className: 'event-bars' }),
    Plot.ruleY(bars, { y: 'name', x1: 'low', x2: 'high', stroke: INK, strokeWidth: 1.5, className: 'event-whiskers' }),
    Plot.tickX(bars, {
      y: 'name',
      x: 'low',
      stroke: INK,
      strokeWidth: 1.5,
      insetTop: capInset,
      insetBottom: capInset,
      className: 'event-whisker-low',
    }),
    Plot.tickX(bars, {
      y: 'name',
      x: 'high',
      stroke: INK,
      strokeWidth: 1.5,
      insetTop: capInset,
      insetBottom: capInset,
      className: 'event-whisker-high',
    }),
    Plot.text(bars, {
      y: 'name',
      x: 'high',
      text: 'label',
      dx: 8,
      textAnchor: 'start',
      fontSize: 13,
      fontWeight: 'bold',
      fill: INK,
      className: 'event-labels',
    }),
    Plot.ruleX([0], { stroke: INK, className: 'event-zero' }),
  ];
  if (bars.length === 0) marks.push(emptyNote('No events in this ensemble'));
  return {
    id: 'event-probabilities',
    title: 'Probabilities of events',
    subtitle,
    caption,
    plot: {
      marginTop: MARGINS.top,
      marginRight: MARGINS.right,
      marginBottom: MARGINS.bottom,
      marginLeft,
      x: {
        domain: [0, 100],
        ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
        tickFormat: (v: number) => `${v} %`,
        label: 'Probability, % of members →',
        labelAnchor: 'right',
        labelArrow: 'none',
        grid: true,
      },
      y: { domain: bars.map((b) => b.name), padding, label: null, tickSize: 0, tickPadding: 10 },
      marks: [Plot.axisY({ lineWidth: lineWidthEm, tickSize: 0, tickPadding: 10, fontSize: 12 }), ...marks],
    },
  };
}
