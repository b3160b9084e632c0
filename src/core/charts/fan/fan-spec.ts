import * as Plot from '@observablehq/plot';
import { type EnsembleResult, QUANTILES } from '../../ensemble/run-ensemble.js';
import type { ChartPlotOptions, ChartSpec } from '../chart-spec.js';
import { chartLayout } from '../compose-chart.js';
import { lineLabels, valueDomain } from '../line-labels.js';
import { logTicks } from '../log-ticks.js';
import { innerHeight, panelOptions } from '../panel-options.js';
import { definedOrNaN, emptyNote, labelMarks, referenceRule, ruleLabel, seriesMarks } from '../series-marks.js';
import { yearAxis } from '../year-axis.js';
import { type FanBands, fanSourceNote } from './ensemble-note.js';
import type { EnsembleChartSpecOptions } from './types.js';

/** One series of an ensemble. */
export type EnsembleSeries = EnsembleResult['series'][number];

/** One fan: the quantiles of a series per year in the chart's units; missing values are `NaN`. */
export interface Fan {
  /** Stable key, used in the marks' classes (e.g. "RUS", "at-2"). */
  readonly key: string;
  readonly text: string;
  readonly color: string;
  readonly q05: readonly number[];
  readonly q25: readonly number[];
  readonly q50: readonly number[];
  readonly q75: readonly number[];
  readonly q95: readonly number[];
}

/** A plain line drawn with the fans, e.g. the number of allies. */
export interface FanLine {
  readonly key: string;
  readonly text: string;
  readonly color: string;
  readonly values: readonly number[];
  readonly strokeWidth?: number;
}

/** What `fanSpec` draws. */
export interface FanSpecInput {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly result: EnsembleResult;
  readonly options: EnsembleChartSpecOptions;
  readonly yLabel: string;
  readonly scale: 'linear' | 'log';
  readonly fans: readonly Fan[];
  /** Lines drawn under the fans, labelled like them. */
  readonly lines?: readonly FanLine[];
  /** Shade both bands (default) or the 5–95 % band only. */
  readonly bands?: FanBands;
  /** Rules drawn only where they fall inside the data's range, unless `include` is set. */
  readonly rules?: readonly {
    readonly value: number;
    readonly label: string;
    readonly key: string;
    readonly include?: boolean;
    readonly dashed?: boolean;
  }[];
  /** Right margin in px, room for the line labels. */
  readonly marginRight: number;
  /** Extra options of the y scale (ticks, tick format). */
  readonly y?: ChartPlotOptions['y'];
  /** Shown in the panel when no fan has a value. */
  readonly emptyMessage: string;
}

const OUTER_OPACITY = 0.16;
const INNER_OPACITY = 0.32;
/** A lone 5–95 % band is a little darker, as nothing is shaded inside it. */
const OUTER_ONLY_OPACITY = 0.22;

function quantileIndex(q: (typeof QUANTILES)[number]): number {
  return QUANTILES.indexOf(q);
}

/** Three significant digits, as the tooltips show a quantile. */
const digits3 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toLocaleString('en-US') : '–');

/** A pointer tooltip over the fans' medians: the fan's name, the year, the median and the 5–95 % range. */
function fanTooltip(years: readonly number[], fans: readonly Fan[], scale: 'linear' | 'log'): Plot.Markish {
  const points = fans.flatMap((f) =>
    years.flatMap((year, k) => {
      const median = f.q50[k] as number;
      return Number.isNaN(definedOrNaN(median, scale))
        ? []
        : [{ text: f.text, year, median, low: f.q05[k] as number, high: f.q95[k] as number }];
    }),
  );
  return Plot.tip(
    points,
    Plot.pointer({
      x: 'year',
      y: 'median',
      title: (p: (typeof points)[number]) =>
        `${p.text}, ${p.year}\nmedian ${digits3(p.median)}; 5–95 %: ${digits3(p.low)} to ${digits3(p.high)}`,
      className: 'tooltip',
    }),
  );
}

/**
 * Return the series of an ensemble with the given name, or `undefined` when it has none.
 *
 * @param result The ensemble.
 * @param name Series name, e.g. "RUS.burden".
 * @example findSeries(result, 'balance')?.unit // 'capability ratio, …'
 */
export function findSeries(result: EnsembleResult, name: string): EnsembleSeries | undefined {
  return result.series.find((s) => s.name === name);
}

/**
 * Return the fan of a series in the chart's units, or `undefined` when the ensemble lacks the series.
 * Quantiles that are not finite become `NaN`, so the bands and the median break there.
 *
 * @param result The ensemble.
 * @param name Series name, e.g. "NATO.burden".
 * @param style Key, label and colour of the fan.
 * @param scale Factor from the series' unit to the chart's (100 for a share in %).
 * @example fanOf(result, 'RUS.burden', { key: 'RUS', text: 'Russia', color: '#B2182B' }, 100)?.q50[0] // 7.05
 */
export function fanOf(
  result: EnsembleResult,
  name: string,
  style: Pick<Fan, 'key' | 'text' | 'color'>,
  scale = 1,
): Fan | undefined {
  const series = findSeries(result, name);
  if (series === undefined) return undefined;
  const at = (q: (typeof QUANTILES)[number]) =>
    result.years.map((_, k) => {
      const v = series.quantiles[quantileIndex(q)]?.[k];
      return v === undefined || v === null || !Number.isFinite(v) ? Number.NaN : v * scale;
    });
  return { ...style, q05: at(0.05), q25: at(0.25), q50: at(0.5), q75: at(0.75), q95: at(0.95) };
}

function bandMark(
  years: readonly number[],
  low: readonly number[],
  high: readonly number[],
  scale: 'linear' | 'log',
  style: { fill: string; opacity: number; className: string },
): Plot.Markish {
  // A year is drawn only when both ends are defined; a missing end breaks the band.
  const y1 = years.map((_, k) => {
    const hi = definedOrNaN(high[k], scale);
    return Number.isNaN(hi) ? Number.NaN : definedOrNaN(low[k], scale);
  });
  const y2 = years.map((_, k) => (Number.isNaN(y1[k] as number) ? Number.NaN : definedOrNaN(high[k], scale)));
  return Plot.areaY([...years.keys()], {
    x: [...years],
    y1,
    y2,
    fill: style.fill,
    fillOpacity: style.opacity,
    className: style.className,
  });
}

/**
 * Describe a fan chart over the years of an ensemble: per fan the 5–95 % band, the 25–75 % band
 * and the median as a line labelled at its end, with optional reference rules and plain lines.
 *
 * @param input Fans, texts, scale and layout of the chart.
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example fanSpec({ id: 'x', …, fans: [] }).plot.marks // [empty note]
 */
export function fanSpec(input: FanSpecInput): ChartSpec {
  const { result, scale } = input;
  const bands = input.bands ?? 'both';
  const caption = fanSourceNote(result, bands);
  const layout = chartLayout({ subtitle: input.subtitle, caption }, input.options.width, input.options.height);
  const lines = input.lines ?? [];
  const values = [...input.fans.flatMap((f) => [...f.q05, ...f.q50, ...f.q95]), ...lines.flatMap((l) => l.values)];
  const dataDomain = valueDomain(
    values,
    scale,
    (input.rules ?? []).filter((r) => r.include === true).map((r) => r.value),
  );
  const rules = (input.rules ?? []).filter((r) => r.value >= dataDomain[0] && r.value <= dataDomain[1]);
  const domain = dataDomain;
  const labels = lineLabels(
    [
      ...lines.map((l) => ({ text: l.text, color: l.color, years: result.years, values: l.values })),
      ...input.fans.map((f) => ({ text: f.text, color: f.color, years: result.years, values: f.q50 })),
    ],
    { type: scale, domain, heightPx: innerHeight(layout.panelHeight) },
  );
  const hasData = input.fans.some((f) => f.q50.some((v) => !Number.isNaN(definedOrNaN(v, scale))));
  const marks: Plot.Markish[] = [
    ...rules.map((r) =>
      r.dashed === true
        ? Plot.ruleY([r.value], {
            stroke: '#555555',
            strokeWidth: 1.2,
            strokeDasharray: '6 4',
            className: `rule-${r.key}`,
          })
        : referenceRule(r.value, `rule-${r.key}`),
    ),
    ...lines.flatMap((l) =>
      seriesMarks(result.years, l.values, {
        stroke: l.color,
        strokeWidth: l.strokeWidth ?? 2,
        scale,
        className: `line-${l.key}`,
      }),
    ),
    ...input.fans.map((f) =>
      bandMark(result.years, f.q05, f.q95, scale, {
        fill: f.color,
        opacity: bands === 'both' ? OUTER_OPACITY : OUTER_ONLY_OPACITY,
        className: `band-outer-${f.key}`,
      }),
    ),
    ...(bands === 'both'
      ? input.fans.map((f) =>
          bandMark(result.years, f.q25, f.q75, scale, {
            fill: f.color,
            opacity: INNER_OPACITY,
            className: `band-inner-${f.key}`,
          }),
        )
      : []),
    ...input.fans.flatMap((f) =>
      seriesMarks(result.years, f.q50, { stroke: f.color, strokeWidth: 2.5, scale, className: `median-${f.key}` }),
    ),
    ...rules.map((r) => ruleLabel(r.value, r.label, `rule-${r.key}-label`)),
    labelMarks(labels),
  ];
  if (!hasData) marks.push(emptyNote(input.emptyMessage));
  if (input.options.interactive === true && hasData) marks.push(fanTooltip(result.years, input.fans, scale));
  return {
    id: input.id,
    title: input.title,
    subtitle: input.subtitle,
    caption,
    plot: {
      ...panelOptions(yearAxis(result.years), input.marginRight),
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
