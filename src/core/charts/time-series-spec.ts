import * as Plot from '@observablehq/plot';
import type { SimulationResult } from '../simulate.js';
import { type ChartPlotOptions, type ChartSpec, type ChartSpecOptions, DEFAULT_CHART_WIDTH } from './chart-spec.js';
import { chartLayout } from './compose-chart.js';
import { layoutChartLabels } from './label-layout.js';
import { valueDomain } from './line-labels.js';
import { logTicks } from './log-ticks.js';
import { innerHeight, panelFrame, panelOptions } from './panel-options.js';
import { definedOrNaN, emptyNote, labelMarks, referenceRule, ruleLabel, seriesMarks } from './series-marks.js';
import { yearAxis } from './year-axis.js';

/** One labelled line of a time-series chart, values in the chart's units (one per year of the run). */
export interface TimeSeries {
  /** Stable key, used in the mark's class (e.g. "RUS", "at-2"). */
  readonly key: string;
  readonly text: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
  readonly strokeWidth?: number;
}

/** What `timeSeriesSpec` draws. */
export interface TimeSeriesInput {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly caption: readonly string[];
  readonly result: SimulationResult;
  readonly options: ChartSpecOptions;
  readonly yLabel: string;
  readonly scale: 'linear' | 'log';
  readonly series: readonly TimeSeries[];
  /** The same lines from the baseline run, drawn dashed and unlabelled. */
  readonly baselineSeries?: readonly TimeSeries[];
  readonly rules?: readonly { readonly value: number; readonly label: string; readonly key: string }[];
  /** Right margin in px, room for the line labels. */
  readonly marginRight: number;
  /** Extra options of the y scale (ticks, tick format). */
  readonly y?: ChartPlotOptions['y'];
  /** Shown in the panel when no series has a value. */
  readonly emptyMessage: string;
  /** Text of a value in the tooltips, unit included; default 3 significant digits and `yLabel`. */
  readonly format?: (value: number) => string;
}

/** A point of a line as the tooltips see it. */
export interface SeriesPoint {
  readonly key: string;
  readonly text: string;
  readonly year: number;
  readonly value: number;
}

/**
 * Return a pointer tooltip over every defined point of `series`: the line's name, the year and the
 * exact value. The page reads the pointed point's `key` to highlight its line.
 */
function tooltipMark(
  years: readonly number[],
  series: readonly TimeSeries[],
  scale: 'linear' | 'log',
  format: (value: number) => string,
): Plot.Markish {
  const points: SeriesPoint[] = [];
  for (const s of series) {
    s.values.forEach((v, k) => {
      const year = years[k];
      if (year !== undefined && !Number.isNaN(definedOrNaN(v, scale)))
        points.push({ key: s.key, text: s.text, year, value: v as number });
    });
  }
  return Plot.tip(
    points,
    Plot.pointer({
      x: 'year',
      y: 'value',
      title: (p: SeriesPoint) => `${p.text}\n${p.year}: ${format(p.value)}`,
      className: 'tooltip',
    }),
  );
}

/**
 * Describe a chart of labelled lines over the years of a run, with optional dashed baseline lines
 * and reference rules; line labels sit right of the lines' ends, moved apart so none overlap.
 *
 * @param input Series, texts, scale and layout of the chart.
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example timeSeriesSpec({ id: 'x', …, series: [] }).plot.marks // [empty note]
 */
export function timeSeriesSpec(input: TimeSeriesInput): ChartSpec {
  const { result, scale } = input;
  const baseline = input.options.baseline;
  const baselineSeries = baseline === undefined ? [] : (input.baselineSeries ?? []);
  const layout = chartLayout(input, input.options.width, input.options.height);
  const values = (s: TimeSeries) => s.values.map((v) => v ?? Number.NaN);
  const domain = valueDomain(
    [...input.series.flatMap(values), ...baselineSeries.flatMap(values)],
    scale,
    (input.rules ?? []).map((r) => r.value),
  );
  const yearsShown = [...result.years, ...(baselineSeries.length > 0 ? (baseline?.years ?? []) : [])];
  const axis = yearAxis(yearsShown);
  const line = (years: readonly number[], s: TimeSeries) => years.map((y, k) => [y, values(s)[k] as number] as const);
  // The rules' labels go where no line passes, or right of the frame with the lines' labels.
  const labels = layoutChartLabels({
    lines: input.series.map((s) => ({ text: s.text, color: s.color, years: result.years, values: values(s) })),
    rules: input.rules ?? [],
    obstacles: {
      lines: [
        ...input.series.map((s) => line(result.years, s)),
        ...baselineSeries.map((s) => line(baseline?.years ?? [], s)),
      ],
    },
    scale: { type: scale, domain, heightPx: innerHeight(layout.panelHeight) },
    frame: (marginRight) =>
      panelFrame(
        panelOptions(axis, marginRight),
        input.options.width ?? DEFAULT_CHART_WIDTH,
        layout.panelHeight,
        domain,
        scale,
      ),
    marginRight: input.marginRight,
  });
  const panel = panelOptions(axis, labels.marginRight);
  const hasData = [...input.series, ...baselineSeries].some((s) =>
    s.values.some((v) => v !== null && Number.isFinite(v) && (scale === 'linear' || v > 0)),
  );
  const marks: Plot.Markish[] = [
    ...(input.rules ?? []).map((r) => referenceRule(r.value, `rule-${r.key}`)),
    ...baselineSeries.flatMap((s) =>
      seriesMarks(baseline?.years ?? [], s.values, {
        stroke: s.color,
        strokeWidth: 1.5,
        dashed: true,
        scale,
        className: `baseline-${s.key}`,
      }),
    ),
    ...input.series.flatMap((s) =>
      seriesMarks(result.years, s.values, {
        stroke: s.color,
        strokeWidth: s.strokeWidth ?? 2.5,
        scale,
        className: `series-${s.key}`,
      }),
    ),
    ...labels.inFrame.map((p) => ruleLabel(p, `rule-${p.key}-label`)),
    ...labelMarks(labels.margin),
  ];
  if (!hasData) marks.push(emptyNote(input.emptyMessage));
  if (input.options.interactive === true && hasData) {
    const format = input.format ?? ((v: number) => `${v.toPrecision(3)} (${input.yLabel})`);
    marks.push(tooltipMark(result.years, input.series, scale, format));
  }
  return {
    id: input.id,
    title: input.title,
    subtitle: input.subtitle,
    caption: input.caption,
    plot: {
      ...panel,
      y: {
        type: scale,
        domain,
        label: input.yLabel,
        grid: true,
        ...(scale === 'log' ? { ticks: logTicks(domain), tickFormat: '~g' } : {}),
        ...input.y,
      },
      marks,
    },
  };
}
