import * as Plot from '@observablehq/plot';
import { type EnsembleResult, QUANTILES } from '../../ensemble/run-ensemble.js';
import { type ChartPlotOptions, type ChartSpec, DEFAULT_CHART_WIDTH } from '../chart-spec.js';
import { chartLayout, textWidth } from '../compose-chart.js';
import { layoutChartLabels } from '../label-layout.js';
import { valueDomain } from '../line-labels.js';
import { logTicks } from '../log-ticks.js';
import { innerHeight, panelFrame, panelOptions } from '../panel-options.js';
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

/**
 * The bands are opaque tints of the fan's colour (its share of the colour, the rest white): a
 * translucent band over another would blend into a third colour that no key shows. The 25–75 %
 * band is drawn over the 5–95 % band in a darker tint.
 */
const OUTER_TINT = 0.2;
const INNER_TINT = 0.45;
/** A lone 5–95 % band is a little darker, as nothing is shaded inside it. */
const OUTER_ONLY_TINT = 0.28;
/** The 5–95 % band's edges, drawn over every band where fans overlap, so none hides another's extent. */
const EDGE_TINT = 0.6;

/**
 * Return `color` (`#rrggbb`) mixed with white: `share` of the colour, the rest white.
 *
 * @param color A colour as `#rrggbb`.
 * @param share Share of the colour, 0 (white) to 1 (the colour).
 * @example tint('#0072B2', 0.5) // '#80b9d9'
 */
export function tint(color: string, share: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (hex === undefined) throw new RangeError(`tint: colour "${color}" is not #rrggbb; write e.g. #0072B2`);
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return Math.round(255 - share * (255 - c))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** The fills of a fan's bands: what the chart draws and its key shows. */
export function bandFills(color: string, bands: FanBands): { outer: string; inner: string } {
  return { outer: tint(color, bands === 'both' ? OUTER_TINT : OUTER_ONLY_TINT), inner: tint(color, INNER_TINT) };
}

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
  style: { fill: string; className: string },
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
    className: style.className,
  });
}

/** Font size of the key's text, px. */
const KEY_FONT = 11;

/**
 * The key of a fan chart in the top margin, right-aligned: per band a swatch of each fan's fill and
 * what it shades, then the medians' line. Its fills are the bands' own.
 */
function fanKey(fans: readonly Fan[], bands: FanBands, marginRight: number): Plot.Markish[] {
  const items: { swatches: { fill: string; line?: boolean }[]; text: string; key: string }[] = [
    {
      key: 'outer',
      swatches: fans.map((f) => ({ fill: bandFills(f.color, bands).outer })),
      text: '5–95 % of members',
    },
    ...(bands === 'both'
      ? [{ key: 'inner', swatches: fans.map((f) => ({ fill: bandFills(f.color, bands).inner })), text: '25–75 %' }]
      : []),
    { key: 'median', swatches: fans.map((f) => ({ fill: f.color, line: true })), text: 'median' },
  ];
  const SWATCH = 12;
  const widths = items.map((i) => i.swatches.length * (SWATCH + 2) + 4 + textWidth(i.text, KEY_FONT) + 14);
  const total = widths.reduce((a, b) => a + b, 0);
  // From the frame's top-right corner: the key ends 8 px before the chart's right edge, its middle
  // 10 px above the frame.
  let x = marginRight - 8 - total;
  const dy = -10;
  const marks: Plot.Markish[] = [];
  items.forEach((item, i) => {
    item.swatches.forEach((sw, j) => {
      const dx = x + j * (SWATCH + 2) + SWATCH / 2;
      marks.push(
        sw.line === true
          ? Plot.dot([0], {
              frameAnchor: 'top-right',
              dx,
              dy,
              r: 5,
              symbol: {
                draw: (c: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }) => {
                  c.moveTo(-SWATCH / 2, 0);
                  c.lineTo(SWATCH / 2, 0);
                },
              },
              stroke: sw.fill,
              strokeWidth: 2.5,
              className: `fan-key-swatch fan-key-${item.key}`,
            })
          : Plot.dot([0], {
              frameAnchor: 'top-right',
              dx,
              dy,
              r: (SWATCH / 2 / Math.sqrt(Math.PI)) * 2,
              symbol: 'square',
              fill: sw.fill,
              className: `fan-key-swatch fan-key-${item.key}`,
            }),
      );
    });
    marks.push(
      Plot.text([item.text], {
        frameAnchor: 'top-right',
        dx: x + item.swatches.length * (SWATCH + 2) + 4,
        dy,
        textAnchor: 'start',
        lineAnchor: 'middle',
        fontSize: KEY_FONT,
        fill: '#444444',
        className: 'fan-key-label',
      }),
    );
    x += widths[i] as number;
  });
  return marks;
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
  const hasData = input.fans.some((f) => f.q50.some((v) => !Number.isNaN(definedOrNaN(v, scale))));
  const axis = yearAxis(result.years);
  const line = (v: readonly number[]) => result.years.map((y, k) => [y, v[k] as number] as const);
  // The rules' labels go where no median, line or band passes, or right of the frame with the
  // lines' labels.
  const labels = layoutChartLabels({
    lines: [
      ...lines.map((l) => ({ text: l.text, color: l.color, years: result.years, values: l.values })),
      ...input.fans.map((f) => ({ text: f.text, color: f.color, years: result.years, values: f.q50 })),
    ],
    rules,
    obstacles: {
      lines: [...input.fans.map((f) => line(f.q50)), ...lines.map((l) => line(l.values))],
      bands: input.fans.map((f) => ({ x: result.years, low: f.q05, high: f.q95 })),
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
        fill: bandFills(f.color, bands).outer,
        className: `band-outer-${f.key}`,
      }),
    ),
    ...(bands === 'both'
      ? input.fans.map((f) =>
          bandMark(result.years, f.q25, f.q75, scale, {
            fill: bandFills(f.color, bands).inner,
            className: `band-inner-${f.key}`,
          }),
        )
      : []),
    ...(input.fans.length > 1
      ? input.fans.flatMap((f) =>
          [f.q05, f.q95].flatMap((edge, i) =>
            seriesMarks(result.years, edge, {
              stroke: tint(f.color, EDGE_TINT),
              strokeWidth: 1,
              scale,
              className: `band-edge-${f.key}-${i === 0 ? 'low' : 'high'}`,
            }),
          ),
        )
      : []),
    ...input.fans.flatMap((f) =>
      seriesMarks(result.years, f.q50, { stroke: f.color, strokeWidth: 2.5, scale, className: `median-${f.key}` }),
    ),
    ...labels.inFrame.map((p) => ruleLabel(p, `rule-${p.key}-label`)),
    ...labelMarks(labels.margin),
    ...(hasData ? fanKey(input.fans, bands, panel.marginRight ?? 0) : []),
  ];
  if (!hasData) marks.push(emptyNote(input.emptyMessage));
  if (input.options.interactive === true && hasData) marks.push(fanTooltip(result.years, input.fans, scale));
  return {
    id: input.id,
    title: input.title,
    subtitle: input.subtitle,
    caption,
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
