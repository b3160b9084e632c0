import { type LabelledSeries, type LabelScale, type LineLabel, labelMarginRight, lineLabels } from './line-labels.js';
import { type LabelObstacles, type PanelFrame, type PlacedRuleLabel, placeRuleLabels } from './rule-labels.js';

/** A horizontal reference rule and its label. */
export interface LabelledRule {
  readonly value: number;
  readonly label: string;
  /** Stable key, used in the label's class (`rule-<key>-label`). */
  readonly key: string;
}

/** What {@link layoutChartLabels} lays out. */
export interface ChartLabelsInput {
  /** The lines labelled at their ends, right of the frame. */
  readonly lines: readonly LabelledSeries[];
  readonly rules: readonly LabelledRule[];
  /** What a rule's label inside the frame must not cover. */
  readonly obstacles: LabelObstacles;
  /** The y scale of the plotting area. */
  readonly scale: LabelScale;
  /** The panel's frame for a right margin in px. */
  readonly frame: (marginRight: number) => PanelFrame;
  /** The chart's own right margin, px: the least it gets. */
  readonly marginRight: number;
}

/** Where every label of a time-series panel goes, and the right margin that holds them. */
export interface ChartLabels {
  readonly marginRight: number;
  /** The lines' end labels and the rules' labels moved to the margin (`kind: 'rule'`), apart. */
  readonly margin: readonly (LineLabel & { readonly key?: string })[];
  /** The rules' labels inside the frame, each where it covers nothing. */
  readonly inFrame: readonly (PlacedRuleLabel & { readonly key: string })[];
}

/**
 * Lay out the labels of a time-series panel: each line's label right of its end, each rule's label
 * beside its rule inside the frame where it covers no line or band ({@link placeRuleLabels}), and
 * a rule whose label finds no such place labelled in the right margin at its end, stacked with the
 * lines' labels so that none overlaps another; the margin widens to hold the longest.
 *
 * @param input Lines, rules, what the rules' labels must not cover, the scale and the frame.
 * @example layoutChartLabels({ lines, rules: [{ value: 2, label: '2 %', key: '2' }], obstacles, scale, frame, marginRight: 130 })
 */
export function layoutChartLabels(input: ChartLabelsInput): ChartLabels {
  const inMargin = new Set<string>();
  let result: ChartLabels | undefined;
  // A rule moved to the margin widens it and narrows the frame, which can crowd another rule's
  // label in turn: a few rounds settle it (each round moves at least one rule, or ends).
  for (let round = 0; round <= input.rules.length; round++) {
    const xEnd = input.frame(input.marginRight).xDomain[1];
    const marginRules = input.rules.filter((r) => inMargin.has(r.key));
    const margin = lineLabels(
      [
        ...input.lines,
        ...marginRules.map((r) => ({
          text: r.label,
          color: '#444444',
          years: [xEnd],
          values: [r.value],
          kind: 'rule' as const,
        })),
      ],
      input.scale,
    ).map((l) =>
      l.kind === 'rule' ? { ...l, key: marginRules.find((r) => r.label === l.text && r.value === l.anchorY)?.key } : l,
    );
    const marginRight = labelMarginRight(margin, input.marginRight);
    const frameRules = input.rules.filter((r) => !inMargin.has(r.key));
    const placed = placeRuleLabels(frameRules, input.obstacles, input.frame(marginRight));
    const inFrame = placed.map((p, i) => ({ ...p, key: (frameRules[i] as LabelledRule).key }));
    result = { marginRight, margin, inFrame };
    const blocked = inFrame.filter((p) => p.covered > 0);
    if (blocked.length === 0) break;
    for (const p of blocked) inMargin.add(p.key);
  }
  return result as ChartLabels;
}
