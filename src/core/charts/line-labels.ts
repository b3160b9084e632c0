import { textWidth } from './compose-chart.js';

/** Font size of the line labels in px (bold), and their distance right of the line's end. */
export const LINE_LABEL = { fontSize: 12, dx: 8 } as const;

/** A labelled series whose label goes right of its last defined point. */
export interface LabelledSeries {
  readonly text: string;
  readonly color: string;
  readonly years: readonly number[];
  /** Values in the chart's units; non-finite values are missing. */
  readonly values: readonly number[];
  /** What the label names: a line (the default) or a reference rule, whose label is not bold. */
  readonly kind?: 'line' | 'rule';
}

/** A label placed by `lineLabels`: `y` is where the text sits, `anchorY` the value it names. */
export interface LineLabel {
  readonly x: number;
  readonly y: number;
  readonly anchorY: number;
  readonly text: string;
  readonly color: string;
  readonly kind?: 'line' | 'rule';
}

/** The y scale the labels are laid out on. */
export interface LabelScale {
  readonly type: 'linear' | 'log';
  readonly domain: readonly [number, number];
  /** Height of the plotting area in px. */
  readonly heightPx: number;
  /** Smallest distance between two labels' centres in px; default 15. */
  readonly gapPx?: number;
}

/**
 * Place one label per series at its last defined point, moved apart vertically so none overlap.
 *
 * Labels are sorted by position and pushed apart to at least `gapPx` (a 12 px label is about
 * 14 px high), kept below the top of the panel and above its bottom; a label moves only as far as
 * its neighbours make it. Series without a defined point get no label.
 *
 * @param series The series to label, values in the chart's units.
 * @param scale The y scale (type, domain in chart units, height in px).
 * @throws {RangeError} when a log scale has a non-positive domain.
 * @example lineLabels([{ text: 'A', color: '#000', years: [1, 2], values: [1, 2] }], { type: 'linear', domain: [0, 2], heightPx: 100 })[0].y // 2
 */
export function lineLabels(series: readonly LabelledSeries[], scale: LabelScale): LineLabel[] {
  const [lo, hi] = scale.domain;
  if (scale.type === 'log' && !(lo > 0 && hi > 0)) {
    throw new RangeError(`lineLabels: log domain [${lo}, ${hi}] is not positive; use a domain above zero`);
  }
  const t = scale.type === 'log' ? Math.log : (v: number) => v;
  const t0 = t(lo);
  const t1 = t(hi);
  const span = t1 - t0 || 1;
  const toPx = (v: number) => ((t(v) - t0) / span) * scale.heightPx;
  const fromPx = (px: number) => {
    const u = t0 + (px / scale.heightPx) * span;
    return scale.type === 'log' ? Math.exp(u) : u;
  };
  const gap = scale.gapPx ?? 15;
  const placed: { x: number; px: number; anchorY: number; text: string; color: string; kind?: 'line' | 'rule' }[] = [];
  for (const s of series) {
    for (let k = s.values.length - 1; k >= 0; k--) {
      const v = s.values[k];
      const x = s.years[k];
      if (v !== undefined && x !== undefined && Number.isFinite(v) && (scale.type === 'linear' || v > 0)) {
        placed.push({
          x,
          px: toPx(v),
          anchorY: v,
          text: s.text,
          color: s.color,
          ...(s.kind === undefined ? {} : { kind: s.kind }),
        });
        break;
      }
    }
  }
  placed.sort((a, b) => a.px - b.px);
  // Up from the lowest label, each at least `gap` above the one below; then down from the top
  // bound, each at least `gap` below the one above; then up again from the bottom of the panel.
  // A label moves only as far as its neighbours make it: one far from a crowded stack stays put.
  const ceiling = scale.heightPx - gap / 2;
  for (let i = 1; i < placed.length; i++) {
    const below = placed[i - 1] as (typeof placed)[number];
    const label = placed[i] as (typeof placed)[number];
    label.px = Math.max(label.px, below.px + gap);
  }
  for (let i = placed.length - 1; i >= 0; i--) {
    const label = placed[i] as (typeof placed)[number];
    const above = placed[i + 1];
    label.px = Math.min(label.px, above === undefined ? ceiling : above.px - gap);
  }
  for (let i = 0; i < placed.length; i++) {
    const label = placed[i] as (typeof placed)[number];
    const below = placed[i - 1];
    label.px = Math.max(label.px, below === undefined ? 0 : below.px + gap);
  }
  return placed.map((p) => ({
    x: p.x,
    y: fromPx(p.px),
    anchorY: p.anchorY,
    text: p.text,
    color: p.color,
    ...(p.kind === undefined ? {} : { kind: p.kind }),
  }));
}

/**
 * Return the right margin in px that holds every line label right of the lines' ends: at least
 * `minimum`, wider when a label is longer.
 *
 * @param texts The labels' texts.
 * @param minimum The chart's own margin.
 * @example labelMarginRight(['At 2 % or more'], 100) // 120
 */
export function labelMarginRight(
  texts: readonly (string | { readonly text: string; readonly kind?: 'line' | 'rule' })[],
  minimum: number,
): number {
  const widest = Math.max(
    0,
    ...texts.map((t) =>
      typeof t === 'string'
        ? textWidth(t, LINE_LABEL.fontSize, true)
        : textWidth(t.text, LINE_LABEL.fontSize, t.kind !== 'rule'),
    ),
  );
  return Math.max(minimum, Math.ceil(LINE_LABEL.dx + widest + 4));
}

/**
 * Return a y domain that holds the finite values with some headroom: [0, max × 1.08] on a linear
 * scale, [min ÷ 1.25, max × 1.25] over the positive values on a log scale.
 *
 * With no usable value the domain is [0, 1] (linear) or [0.1, 10] (log).
 *
 * @param values Values in the chart's units.
 * @param type Scale type.
 * @param include Values the domain must hold too (e.g. a reference rule).
 * @example valueDomain([1, 4], 'linear') // [0, 4.32]
 */
export function valueDomain(
  values: Iterable<number>,
  type: 'linear' | 'log',
  include: readonly number[] = [],
): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of [...values, ...include]) {
    if (!Number.isFinite(v) || (type === 'log' && v <= 0)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (type === 'linear') return Number.isFinite(max) && max > 0 ? [0, max * 1.08] : [0, 1];
  if (!Number.isFinite(min)) return [0.1, 10];
  return [min / 1.25, max * 1.25];
}
