import * as Plot from '@observablehq/plot';
import type { ClaimChart, ClaimChartSeries } from '../analyze/claims/types.js';
import type { ChartPlotOptions } from './chart-spec.js';
import { textWidth } from './compose-chart.js';

/** Height of a claim's chart without its key and its rules' labels, px. */
export const CLAIM_CHART_HEIGHT = 300;
/** Font size of the key, the rules' labels and the axes, px. */
const FONT = 11;
/** Colours of the series in order (Okabe–Ito, distinguishable in colour blindness). */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D31'] as const;
/**
 * Dash patterns of the dashed series in order: two dashed lines that nearly coincide (claim 7's
 * boundaries) differ in pattern as well as in colour, so both stay visible where they overlap.
 */
const DASHES = ['6 4', '2 3', '10 3 2 3', '1 3'] as const;
const MARGIN = { left: 56, right: 20, bottom: 40, categoryBottom: 48 } as const;
/** The y axis's label sits at the top of the chart; the key starts below it. */
const KEY_TOP = 20;
const KEY_ROW = 16;
const KEY_SWATCH = 18;
const RULE_ROW = 14;

/** How a series of a claim's chart is drawn, and how its key shows it. */
export interface ClaimSeriesStyle {
  readonly name: string;
  readonly color: string;
  /** `line`: a line (dashed when `dash` is set); `point`: a lone point; `bar`: bars. */
  readonly mark: 'line' | 'point' | 'bar';
  readonly dash?: string;
}

/**
 * Return the style of each series of a claim's chart: its colour, and for a dashed series its dash
 * pattern; what the chart draws and its key shows.
 *
 * @param chart The chart's data.
 * @example claimSeriesStyles(chart)[0] // { name: 'NATO 2026 edition', color: '#0072B2', mark: 'line' }
 */
export function claimSeriesStyles(chart: ClaimChart): ClaimSeriesStyle[] {
  let dashed = 0;
  return chart.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length] as string;
    if (chart.kind === 'bar') return { name: s.name, color, mark: 'bar' };
    if (s.points.length === 1) return { name: s.name, color, mark: 'point' };
    return s.dashed === true
      ? { name: s.name, color, mark: 'line', dash: DASHES[dashed++ % DASHES.length] as string }
      : { name: s.name, color, mark: 'line' };
  });
}

/** One entry of the key, placed: `x` of its swatch's left in px of the chart, `row` from the top. */
export interface KeyEntry {
  readonly style: ClaimSeriesStyle;
  readonly x: number;
  readonly row: number;
  readonly width: number;
}

/**
 * Lay the key out in rows across the chart's width: a swatch and the series' name per entry, the
 * next row when the line is full. A chart with one series has no key (its title and axes name it).
 *
 * @param styles The series' styles.
 * @param width Width of the chart in px.
 * @example claimKeyLayout([], 640) // []
 */
export function claimKeyLayout(styles: readonly ClaimSeriesStyle[], width: number): KeyEntry[] {
  if (styles.length < 2) return [];
  const entries: KeyEntry[] = [];
  let x = 4;
  let row = 0;
  for (const style of styles) {
    const w = KEY_SWATCH + 6 + textWidth(style.name, FONT);
    if (x > 4 && x + w > width - 4) {
      row++;
      x = 4;
    }
    entries.push({ style, x, row, width: w });
    x += w + 14;
  }
  return entries;
}

/** A vertical rule's label, placed above the frame: its row (0 next to the frame) and its box. */
export interface RuleLabelPlace {
  readonly x: number;
  readonly label: string;
  readonly row: number;
  readonly textAnchor: 'start' | 'end';
  /** The rule's x in px. */
  readonly px: number;
  /** The label's box across the chart, px. */
  readonly x1: number;
  readonly x2: number;
}

/** Labels of at most this many rules are laid out by trying every choice of sides. */
const EXHAUSTIVE = 8;

/**
 * Stack labels in rows, each in the lowest row where it overlaps no label, its lead (the rule
 * continued up to it) crosses no label below it, and no lead of a label above crosses it; the cost
 * is the rows used, plus a large penalty for each crossing that no row avoids.
 */
function stackRows(labels: readonly { x: number; label: string; px: number; w: number; end: boolean }[]): {
  places: RuleLabelPlace[];
  cost: number;
} {
  const places: RuleLabelPlace[] = [];
  let cost = 0;
  const GAP = 6;
  const clear = (a: { x1: number; x2: number }, b: { x1: number; x2: number }) =>
    a.x1 >= b.x2 + GAP || a.x2 <= b.x1 - GAP;
  for (const l of labels) {
    const x1 = l.end ? l.px - 3 - l.w : l.px + 3;
    const box = { x1, x2: x1 + l.w };
    const fits = (row: number, strict: boolean) =>
      places.every((p) => {
        if (p.row === row) return clear(p, box);
        if (!strict) return true;
        // Its lead passes below it through rows 0 … row − 1; a higher label's lead passes through it.
        if (p.row < row) return l.px < p.x1 - 1 || l.px > p.x2 + 1;
        return p.px < box.x1 - 1 || p.px > box.x2 + 1;
      });
    let row = 0;
    while (!fits(row, true) && row < 6) row++;
    if (!fits(row, true)) {
      row = 0;
      while (!fits(row, false)) row++;
      cost += 100;
    }
    cost += row + (l.end ? 0.1 : 0);
    places.push({ x: l.x, label: l.label, row, textAnchor: l.end ? 'end' : 'start', px: l.px, ...box });
  }
  return { places, cost };
}

/**
 * Place the labels of vertical rules in rows above the frame, so that none covers the bars or
 * lines: each beside its rule, right of it or left of it, in the lowest row where it overlaps no
 * other label and no rule's lead (the rule continued up to its label) crosses a label. The sides
 * are chosen together to use the fewest rows; a label that would leave the chart goes left.
 *
 * @param rules The rules, x in the chart's units.
 * @param toPx The x scale, chart units to px.
 * @param width Width of the chart in px.
 * @example ruleLabelRows([{ x: 1, label: 'one' }], (x) => x * 100, 640)[0].row // 0
 */
export function ruleLabelRows(
  rules: readonly { readonly x: number; readonly label: string }[],
  toPx: (x: number) => number,
  width: number,
): RuleLabelPlace[] {
  const labels = [...rules]
    .sort((a, b) => a.x - b.x)
    .map((r) => ({ x: r.x, label: r.label, px: toPx(r.x), w: textWidth(r.label, FONT) }));
  const fitsRight = (l: (typeof labels)[number]) => l.px + 3 + l.w <= width - 4;
  const fitsLeft = (l: (typeof labels)[number]) => l.px - 3 - l.w >= 4;
  const sides = (mask: number) =>
    labels.map((l, i) => ({ ...l, end: fitsRight(l) ? (fitsLeft(l) ? ((mask >> i) & 1) === 1 : false) : true }));
  let best = stackRows(sides(0));
  if (labels.length <= EXHAUSTIVE)
    for (let mask = 1; mask < 1 << labels.length; mask++) {
      const tried = stackRows(sides(mask));
      if (tried.cost < best.cost) best = tried;
    }
  return best.places;
}

/** d3's step of about `count` ticks over [lo, hi]: 1, 2 or 5 times a power of ten. */
function tickStep(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / count;
  let step = 10 ** Math.floor(Math.log10(raw));
  const error = raw / step;
  if (error >= 7.07) step *= 10;
  else if (error >= 3.16) step *= 5;
  else if (error >= 1.41) step *= 2;
  return step;
}

/**
 * Return [lo, hi] widened to round numbers, as Plot's `nice` would.
 *
 * @example niceDomain([0.3, 9.7]) // [0, 10]
 */
export function niceDomain([lo, hi]: readonly [number, number], count = 10): [number, number] {
  if (!(hi > lo)) return [lo - 0.5, hi + 0.5];
  let a = lo;
  let b = hi;
  for (let i = 0; i < 10; i++) {
    const step = tickStep(a, b, count);
    const na = Math.floor(a / step) * step;
    const nb = Math.ceil(b / step) * step;
    if (na === a && nb === b) break;
    a = na;
    b = nb;
  }
  return [a, b];
}

interface Row {
  readonly series: string;
  readonly x: number | string;
  readonly y: number;
}

/** A horizontal line swatch of the key, `length` px long, centred on its point. */
function lineSymbol(length: number) {
  return {
    draw(context: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }) {
      context.moveTo(-length / 2, 0);
      context.lineTo(length / 2, 0);
    },
  };
}

/** A vertical tick from a point up `length` px: the rule's lead to its label above the frame. */
function leadSymbol(length: number) {
  return {
    draw(context: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }) {
      context.moveTo(0, 0);
      context.lineTo(0, -length);
    },
  };
}

/** The options of a claim's chart for Observable Plot, with its size; the caller passes the document to build it in. */
export interface ClaimChartPlot extends ChartPlotOptions {
  readonly width: number;
  readonly height: number;
}

/**
 * Describe a claim's chart ({@link ClaimChart}) as Observable Plot options: lines (dashed where
 * asked, each dashed series its own pattern) with dots, a histogram, or bars in the order of their
 * values; reference rules; a key of line, point or bar swatches in the colours and dashes drawn
 * (above the chart, below the y axis's label); and the vertical rules' labels in rows above the
 * frame, where they cover neither the data nor each other. Numbers on both axes read alike
 * ("5,000", not "5k").
 *
 * @param chart The chart's data.
 * @param width Width of the chart in px.
 * @example Plot.plot({ ...claimChartPlot(claim.chart, 640), document })
 */
export function claimChartPlot(chart: ClaimChart, width: number): ClaimChartPlot {
  const styles = claimSeriesStyles(chart);
  const styleOf = new Map(styles.map((s) => [s.name, s]));
  const rowsOf = (series: readonly ClaimChartSeries[]): Row[] =>
    series.flatMap((s) => s.points.map(([x, y]) => ({ series: s.name, x, y })));
  const all = rowsOf(chart.series);
  const key = claimKeyLayout(styles, width);
  const keyRows = key.length === 0 ? 0 : Math.max(...key.map((k) => k.row)) + 1;

  // The x scale, explicit so that the rules' labels can be laid out in px before Plot draws.
  const continuous = chart.xType === 'number' || (chart.kind === 'line' && chart.xType === 'year');
  const marginLeft = MARGIN.left;
  const marginRight = MARGIN.right;
  const histogramStep = (() => {
    const first = chart.series[0]?.points;
    return first !== undefined && first.length > 1 ? Number(first[1]?.[0]) - Number(first[0]?.[0]) : 1;
  })();
  const xRules = chart.xRules ?? [];
  let xDomain: [number, number] | undefined;
  if (continuous) {
    const xs = [...all.map((r) => Number(r.x)), ...xRules.map((r) => r.x)].filter(Number.isFinite);
    const pad = chart.kind === 'bar' ? histogramStep / 2 : 0;
    const extent: [number, number] = xs.length === 0 ? [0, 1] : [Math.min(...xs) - pad, Math.max(...xs) + pad];
    xDomain = chart.xType === 'year' ? extent : niceDomain(extent);
  }
  const toPx = (x: number) => {
    const [a, b] = xDomain ?? [0, 1];
    return marginLeft + ((x - a) / (b - a || 1)) * (width - marginLeft - marginRight);
  };
  const ruleLabels = continuous ? ruleLabelRows(xRules, toPx, width) : [];
  const ruleRows = ruleLabels.length === 0 ? 0 : Math.max(...ruleLabels.map((r) => r.row)) + 1;
  const keyBottom = KEY_TOP + keyRows * KEY_ROW;
  const marginTop = Math.max(24, keyBottom + (ruleRows > 0 ? ruleRows * RULE_ROW + 8 : 8));
  const marginBottom = chart.xType === 'category' ? MARGIN.categoryBottom : MARGIN.bottom;
  const height = CLAIM_CHART_HEIGHT + marginTop;

  const marks: Plot.Markish[] = [];
  if (chart.kind === 'line') {
    for (const s of chart.series) {
      const style = styleOf.get(s.name);
      const rows = rowsOf([s]);
      if (style === undefined) continue;
      if (style.mark === 'line')
        marks.push(
          Plot.line(rows, {
            x: 'x',
            y: 'y',
            stroke: style.color,
            strokeWidth: style.dash === undefined ? 2 : 1.5,
            strokeDasharray: style.dash,
            className: 'claim-series',
          }),
        );
      if (style.mark === 'point' || (chart.xType !== 'number' && style.dash === undefined))
        marks.push(Plot.dot(rows, { x: 'x', y: 'y', fill: style.color, r: style.mark === 'point' ? 4 : 2.5 }));
    }
  } else if (chart.xType === 'number') {
    // A histogram: bars as rectangles on a continuous axis, so vertical rules fall where they belong.
    marks.push(
      Plot.rectY(all, {
        x1: (r: Row) => Number(r.x) - histogramStep / 2,
        x2: (r: Row) => Number(r.x) + histogramStep / 2,
        y: 'y',
        fill: (r: Row) => styleOf.get(r.series)?.color,
        inset: 0.5,
        className: 'claim-bars',
      }),
    );
  } else {
    marks.push(
      Plot.barY(all, { x: 'x', y: 'y', fill: (r: Row) => styleOf.get(r.series)?.color, className: 'claim-bars' }),
    );
  }
  if (chart.kind === 'bar') marks.push(Plot.ruleY([0]));
  const rules = chart.rules ?? [];
  marks.push(
    Plot.ruleY(rules, { y: 'y', stroke: '#666666', strokeDasharray: '3,3' }),
    Plot.text(rules, {
      y: 'y',
      text: 'label',
      frameAnchor: 'right',
      textAnchor: 'end',
      dy: -7,
      fontSize: FONT,
      fill: '#444444',
      stroke: 'white',
      strokeWidth: 4,
      paintOrder: 'stroke',
      className: 'claim-rule-labels',
    }),
    Plot.ruleX(xRules, { x: 'x', stroke: '#666666', strokeDasharray: '3,3' }),
  );
  for (const r of ruleLabels) {
    const dy = -8 - r.row * RULE_ROW;
    if (r.row > 0)
      marks.push(
        Plot.dot([r.x], {
          x: (d: number) => d,
          frameAnchor: 'top',
          symbol: leadSymbol(-dy - 6),
          stroke: '#999999',
          strokeWidth: 0.75,
          className: 'claim-rule-leads',
        }),
      );
    marks.push(
      Plot.text([r.label], {
        x: [r.x],
        frameAnchor: 'top',
        dx: r.textAnchor === 'end' ? -3 : 3,
        dy,
        textAnchor: r.textAnchor,
        lineAnchor: 'middle',
        fontSize: FONT,
        fill: '#444444',
        className: 'claim-xrule-labels',
      }),
    );
  }
  for (const k of key) {
    const dy = KEY_TOP + KEY_ROW / 2 + k.row * KEY_ROW - marginTop;
    const swatchDx = k.x + KEY_SWATCH / 2 - marginLeft;
    const style = k.style;
    marks.push(
      style.mark === 'line'
        ? Plot.dot([0], {
            frameAnchor: 'top-left',
            dx: swatchDx,
            dy,
            symbol: lineSymbol(KEY_SWATCH),
            stroke: style.color,
            strokeWidth: 2,
            strokeDasharray: style.dash,
            className: 'claim-key-swatch',
          })
        : Plot.dot([0], {
            frameAnchor: 'top-left',
            dx: swatchDx,
            dy,
            r: style.mark === 'point' ? 4 : 5,
            symbol: style.mark === 'point' ? 'circle' : 'square',
            fill: style.color,
            className: 'claim-key-swatch',
          }),
      Plot.text([style.name], {
        frameAnchor: 'top-left',
        dx: k.x + KEY_SWATCH + 6 - marginLeft,
        dy,
        textAnchor: 'start',
        lineAnchor: 'middle',
        fontSize: FONT,
        fill: '#222222',
        className: 'claim-key-label',
      }),
    );
  }

  const categories =
    chart.xType === 'category'
      ? [...all]
          .sort((a, b) => b.y - a.y)
          .map((r) => String(r.x))
          .filter((x, i, xs) => xs.indexOf(x) === i)
      : undefined;
  const yearTicks = (d: number | string) => (typeof d === 'number' && d % 5 === 0 ? String(d) : '');
  return {
    width,
    height,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom,
    style: { fontSize: `${FONT}px` },
    x: continuous
      ? {
          label: chart.xLabel,
          domain: xDomain,
          ...(chart.xType === 'year' ? { tickFormat: 'd' } : {}),
        }
      : {
          label: chart.xLabel,
          type: 'band',
          ...(categories === undefined ? {} : { domain: categories }),
          tickRotate: chart.xType === 'category' ? -90 : 0,
          ...(chart.xType === 'year' ? { tickFormat: yearTicks } : {}),
        },
    y: { label: chart.yLabel, grid: true, nice: true, zero: chart.kind === 'bar' },
    marks,
  };
}
