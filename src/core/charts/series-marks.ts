import * as Plot from '@observablehq/plot';
import { LINE_LABEL, type LineLabel } from './line-labels.js';
import { BASELINE_DASH } from './palette.js';
import { type PlacedRuleLabel, RULE_LABEL_FONT, RULE_LABEL_HALO } from './rule-labels.js';

/** How to draw one series. */
export interface SeriesStyle {
  readonly stroke: string;
  /** Line width in px; default 2. */
  readonly strokeWidth?: number;
  /** Draw dashed, as a baseline run. */
  readonly dashed?: boolean;
  /** Class of the mark's `<g>`, e.g. "burden-POL". */
  readonly className: string;
  /** On a log scale, values ≤ 0 are missing too; default linear. */
  readonly scale?: 'linear' | 'log';
}

/**
 * Return the value, or `NaN` when it is missing: null, not finite, or not positive on a log scale.
 *
 * @param value A value in the chart's units.
 * @param scale The y scale type.
 * @example definedOrNaN(0, 'log') // NaN
 */
export function definedOrNaN(value: number | null | undefined, scale: 'linear' | 'log' = 'linear'): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return Number.NaN;
  return scale === 'log' && value <= 0 ? Number.NaN : value;
}

/**
 * Return the marks of a series over years: a line that breaks at missing values (never drawn as
 * zero) and a dot at each defined point without a defined neighbour, so a lone year still shows.
 *
 * @param years Calendar years.
 * @param values Values in the chart's units, one per year; missing ones are skipped.
 * @param style Stroke, width, dash and label of the marks.
 * @example seriesMarks([2025, 2026], [1, 2], { stroke: 'red', className: 'burden-RUS' }).length // 2
 */
export function seriesMarks(
  years: readonly number[],
  values: readonly (number | null)[],
  style: SeriesStyle,
): Plot.Markish[] {
  const scale = style.scale ?? 'linear';
  const y = years.map((_, k) => definedOrNaN(values[k], scale));
  const x = [...years];
  const lone = x.filter(
    (_, k) =>
      !Number.isNaN(y[k] as number) && Number.isNaN(y[k - 1] ?? Number.NaN) && Number.isNaN(y[k + 1] ?? Number.NaN),
  );
  const marks: Plot.Markish[] = [
    Plot.lineY(y, {
      x,
      y,
      stroke: style.stroke,
      strokeWidth: style.strokeWidth ?? 2,
      strokeDasharray: style.dashed ? BASELINE_DASH : undefined,
      strokeLinejoin: 'round',
      strokeLinecap: 'round',
      className: style.className,
    }),
  ];
  const loneY = lone.map((year) => y[x.indexOf(year)] as number);
  marks.push(
    Plot.dot(loneY, {
      x: lone,
      y: loneY,
      r: (style.strokeWidth ?? 2) + 1,
      fill: style.dashed ? 'white' : style.stroke,
      stroke: style.stroke,
      className: `${style.className}-point`,
    }),
  );
  return marks;
}

/**
 * Return the marks of the labels placed right of the lines' ends: the lines' labels bold in their
 * colours, and the labels of rules moved to the margin (`kind: 'rule'`) in grey, each classed
 * `rule-<key>-label` like a rule's label inside the frame.
 *
 * @param labels Placed labels.
 * @example labelMarks([]) // a text mark with no text
 */
export function labelMarks(labels: readonly (LineLabel & { readonly key?: string | undefined })[]): Plot.Markish[] {
  return [
    Plot.text(
      labels.filter((l) => l.kind !== 'rule'),
      {
        x: 'x',
        y: 'y',
        text: 'text',
        fill: 'color',
        textAnchor: 'start',
        dx: LINE_LABEL.dx,
        fontSize: LINE_LABEL.fontSize,
        fontWeight: 'bold',
        className: 'line-labels',
      },
    ),
    ...labels
      .filter((l) => l.kind === 'rule')
      .map((l) =>
        Plot.text([l], {
          x: 'x',
          y: 'y',
          text: 'text',
          fill: '#444444',
          textAnchor: 'start',
          dx: LINE_LABEL.dx,
          fontSize: LINE_LABEL.fontSize,
          className: `rule-${l.key ?? 'margin'}-label`,
        }),
      ),
  ];
}

/**
 * Return a dotted horizontal reference rule at `value`.
 *
 * @param value Where the rule goes, in the chart's units.
 * @param className Class of the mark's `<g>`, e.g. "rule-2".
 * @example referenceRule(2, 'rule-2')
 */
export function referenceRule(value: number, className: string): Plot.Markish {
  return Plot.ruleY([value], { stroke: '#555555', strokeWidth: 1.2, strokeDasharray: '2 3', className });
}

/**
 * Return the label of a reference rule where {@link placeRuleLabels} put it: beside its rule where
 * no line or band passes, on a white halo so that it stays readable if one still does. Put it after
 * the lines.
 *
 * @param placed The label's place: its rule's value, text, anchor and offset.
 * @param className Class of the mark's `<g>`, e.g. "rule-2-label".
 * @example ruleLabel(placeRuleLabels([{ value: 2, label: '2 % (Wales 2014)' }], { lines }, frame)[0], 'rule-2-label')
 */
export function ruleLabel(placed: PlacedRuleLabel, className: string): Plot.Markish {
  return Plot.text([placed.label], {
    x: [placed.x],
    y: [placed.value],
    textAnchor: placed.textAnchor,
    dy: placed.dy,
    fontSize: RULE_LABEL_FONT,
    fill: '#444444',
    stroke: 'white',
    strokeWidth: 2 * RULE_LABEL_HALO,
    paintOrder: 'stroke',
    className,
  });
}

/**
 * Return a note in the middle of an empty panel, e.g. when the scenario lacks the actors a chart needs.
 *
 * @param message The note.
 * @example emptyNote('Russia is not among the actors')
 */
export function emptyNote(message: string): Plot.Markish {
  return Plot.text([message], { frameAnchor: 'middle', fontSize: 14, fill: '#666666', className: 'empty-note' });
}
