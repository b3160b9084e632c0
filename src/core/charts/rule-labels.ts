import { textWidth } from './compose-chart.js';

/** A rectangle in px of the panel, y downwards. */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Where a time-series panel draws: its size, margins and scales (linear x, linear or log y). */
export interface PanelFrame {
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginRight: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly yType: 'linear' | 'log';
}

/** What a label must not cover: lines (points in the chart's units, `NaN` breaks a line) and shaded bands. */
export interface LabelObstacles {
  readonly lines: readonly (readonly (readonly [number, number])[])[];
  readonly bands?: readonly {
    readonly x: readonly number[];
    readonly low: readonly number[];
    readonly high: readonly number[];
  }[];
}

/** A reference rule's label as placed: where its text anchors, in the chart's units and px. */
export interface PlacedRuleLabel {
  readonly value: number;
  readonly label: string;
  /** The x of the text's anchor, in the chart's units. */
  readonly x: number;
  readonly textAnchor: 'start' | 'end';
  /** Vertical offset of the text's middle from the rule, px (negative: above). */
  readonly dy: number;
  /** The text's box in px of the panel. */
  readonly box: Box;
  /** How many stretches of line or band the box still covers (0 where a free place was found). */
  readonly covered: number;
}

/** Font size of the rule labels, px. */
export const RULE_LABEL_FONT = 12;
/** Height of a label's box: from the top of its capitals to the bottom of its descenders, with a pixel to spare. */
const BOX_HEIGHT = RULE_LABEL_FONT * 1.1;
/** Width of the white halo around a label's letters, px (half the stroke of `ruleLabel`). */
export const RULE_LABEL_HALO = 2;
/**
 * How far around a label nothing may pass: its halo, and half the stroke of the thickest line
 * (the median ally's, 3.5 px), so that the halo never hides a line's edge.
 */
export const RULE_LABEL_CLEARANCE = RULE_LABEL_HALO + 1.75;
/** Distance of the text's middle from its rule: its halo clears a thick line on the rule. */
const OFFSET = 11;
/** Distance of the text from the frame's side, px. */
const INSET = 4;

/**
 * Return the scales of a panel frame: chart units to px, as Observable Plot draws them.
 *
 * @param frame The panel's size, margins and domains.
 * @example panelScales(frame).x(frame.xDomain[0]) // frame.marginLeft
 */
export function panelScales(frame: PanelFrame): {
  x: (v: number) => number;
  y: (v: number) => number;
  xInvert: (px: number) => number;
} {
  const [x0, x1] = frame.xDomain;
  const left = frame.marginLeft;
  const right = frame.width - frame.marginRight;
  const t = frame.yType === 'log' ? Math.log : (v: number) => v;
  const [y0, y1] = frame.yDomain.map(t) as [number, number];
  const bottom = frame.height - frame.marginBottom;
  const top = frame.marginTop;
  const xSpan = x1 - x0 || 1;
  const ySpan = y1 - y0 || 1;
  return {
    x: (v) => left + ((v - x0) / xSpan) * (right - left),
    y: (v) => bottom - ((t(v) - y0) / ySpan) * (bottom - top),
    xInvert: (px) => x0 + ((px - left) / (right - left)) * xSpan,
  };
}

/**
 * Whether the segment from (ax, ay) to (bx, by) meets the box (Liang–Barsky clipping).
 *
 * @example segmentMeetsBox(0, 0, 10, 10, { x1: 4, y1: 4, x2: 6, y2: 6 }) // true
 */
export function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [
    [-dx, ax - box.x1],
    [dx, box.x2 - ax],
    [-dy, ay - box.y1],
    [dy, box.y2 - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * Return a box widened by `by` px on every side.
 *
 * @example grow({ x1: 0, y1: 0, x2: 2, y2: 2 }, 1) // { x1: -1, y1: -1, x2: 3, y2: 3 }
 */
export function grow(box: Box, by: number): Box {
  return { x1: box.x1 - by, y1: box.y1 - by, x2: box.x2 + by, y2: box.y2 + by };
}

/**
 * Whether two boxes overlap.
 *
 * @example boxesOverlap({ x1: 0, y1: 0, x2: 2, y2: 2 }, { x1: 1, y1: 1, x2: 3, y2: 3 }) // true
 */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * The obstacles in px of the panel, computed once for every box a placement tries: the line
 * segments whose ends are finite in the chart's units as (ax, ay, bx, by) quadruples (`unbounded`
 * those whose ends are not finite in px, as a log scale makes of zero), and the band columns as
 * (x, top, bottom) triples.
 */
interface ObstaclesPx {
  readonly segments: Float64Array;
  readonly unbounded: Float64Array;
  readonly columns: Float64Array;
}

function obstaclesPx(obstacles: LabelObstacles, scales: ReturnType<typeof panelScales>): ObstaclesPx {
  const segments: number[] = [];
  const unbounded: number[] = [];
  for (const line of obstacles.lines) {
    for (let k = 1; k < line.length; k++) {
      const a = line[k - 1] as readonly [number, number];
      const b = line[k] as readonly [number, number];
      if (!(Number.isFinite(a[0]) && Number.isFinite(a[1]) && Number.isFinite(b[0]) && Number.isFinite(b[1]))) continue;
      const ends = [scales.x(a[0]), scales.y(a[1]), scales.x(b[0]), scales.y(b[1])];
      (ends.every(Number.isFinite) ? segments : unbounded).push(...ends);
    }
  }
  const columns: number[] = [];
  for (const band of obstacles.bands ?? []) {
    band.x.forEach((x, k) => {
      const lo = band.low[k] as number;
      const hi = band.high[k] as number;
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) return;
      columns.push(scales.x(x), Math.min(scales.y(lo), scales.y(hi)), Math.max(scales.y(lo), scales.y(hi)));
    });
  }
  return {
    segments: Float64Array.from(segments),
    unbounded: Float64Array.from(unbounded),
    columns: Float64Array.from(columns),
  };
}

/**
 * How many stretches of the obstacles the box covers: line segments and band columns. A segment
 * more than a pixel clear of the box on one side is passed over without the exact test, which
 * could not find it meeting the box either (the margin covers any rounding).
 */
function coverage(box: Box, obstacles: ObstaclesPx): number {
  let n = 0;
  const s = obstacles.segments;
  const left = box.x1 - 1;
  const right = box.x2 + 1;
  const top = box.y1 - 1;
  const bottom = box.y2 + 1;
  for (let i = 0; i < s.length; i += 4) {
    const ax = s[i] as number;
    const ay = s[i + 1] as number;
    const bx = s[i + 2] as number;
    const by = s[i + 3] as number;
    if (
      (ax < left && bx < left) ||
      (ax > right && bx > right) ||
      (ay < top && by < top) ||
      (ay > bottom && by > bottom)
    )
      continue;
    if (segmentMeetsBox(ax, ay, bx, by, box)) n++;
  }
  const u = obstacles.unbounded;
  for (let i = 0; i < u.length; i += 4)
    if (segmentMeetsBox(u[i] as number, u[i + 1] as number, u[i + 2] as number, u[i + 3] as number, box)) n++;
  const c = obstacles.columns;
  for (let i = 0; i < c.length; i += 3) {
    const px = c[i] as number;
    if (px < box.x1 - 1 || px > box.x2 + 1) continue;
    if ((c[i + 1] as number) < box.y2 && (c[i + 2] as number) > box.y1) n++;
  }
  return n;
}

/**
 * Place the labels of horizontal reference rules where they cover no line and no band, halo
 * included ({@link RULE_LABEL_CLEARANCE}): just above
 * their rule or below it, at its right end, its left end or in between, in that order of
 * preference; where every place covers something, the one that covers least (`covered` says how
 * much: `layoutChartLabels` then labels the rule right of the frame instead). Labels never
 * cover each other or another rule, and stay inside the frame.
 *
 * @param rules The rules: value in the chart's units and label text.
 * @param obstacles The lines and bands drawn in the panel, in the chart's units.
 * @param frame The panel's size, margins and domains.
 * @example placeRuleLabels([{ value: 2, label: '2 %' }], { lines: [] }, frame)[0].textAnchor // 'end'
 */
export function placeRuleLabels(
  rules: readonly { readonly value: number; readonly label: string }[],
  obstacles: LabelObstacles,
  frame: PanelFrame,
): PlacedRuleLabel[] {
  const scales = panelScales(frame);
  const px = obstaclesPx(obstacles, scales);
  const left = frame.marginLeft;
  const right = frame.width - frame.marginRight;
  const top = frame.marginTop;
  const bottom = frame.height - frame.marginBottom;
  const placed: PlacedRuleLabel[] = [];
  const rulePx = rules.map((r) => scales.y(r.value));
  for (const [i, rule] of rules.entries()) {
    const y = rulePx[i] as number;
    const w = textWidth(rule.label, RULE_LABEL_FONT);
    // Anchors from right to left: the right end, five places between, the left end.
    const anchors: { px: number; textAnchor: 'start' | 'end' }[] = [
      { px: right - INSET, textAnchor: 'end' },
      ...[0.85, 0.7, 0.55, 0.4, 0.25].map((f) => ({
        px: left + f * (right - left) + w / 2,
        textAnchor: 'end' as const,
      })),
      { px: left + INSET, textAnchor: 'start' },
    ];
    let best: PlacedRuleLabel | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    let rank = 0;
    for (const anchor of anchors) {
      for (const dy of [-OFFSET, OFFSET]) {
        rank++;
        const x1 = anchor.textAnchor === 'end' ? anchor.px - w : anchor.px;
        const box: Box = { x1, x2: x1 + w, y1: y + dy - BOX_HEIGHT / 2, y2: y + dy + BOX_HEIGHT / 2 };
        if (box.x1 < left || box.x2 > right || box.y1 < top || box.y2 > bottom) continue;
        const others = rulePx.filter((p, j) => j !== i && p > box.y1 && p < box.y2).length;
        const clash = placed.some((p) => boxesOverlap(p.box, box));
        const covered = coverage(grow(box, RULE_LABEL_CLEARANCE), px);
        const score = (clash ? 1e6 : 0) + 1000 * others + covered + rank * 1e-3;
        if (score < bestScore) {
          bestScore = score;
          best = {
            value: rule.value,
            label: rule.label,
            x: scales.xInvert(anchor.px),
            textAnchor: anchor.textAnchor,
            dy,
            box,
            covered,
          };
        }
      }
    }
    // A panel too small for any place inside: the right end, above the rule.
    const fallbackBox: Box = {
      x1: right - INSET - w,
      x2: right - INSET,
      y1: y - OFFSET - BOX_HEIGHT / 2,
      y2: y - OFFSET + BOX_HEIGHT / 2,
    };
    placed.push(
      best ?? {
        value: rule.value,
        label: rule.label,
        x: scales.xInvert(right - INSET),
        textAnchor: 'end',
        dy: -OFFSET,
        box: fallbackBox,
        covered: coverage(grow(fallbackBox, RULE_LABEL_CLEARANCE), px),
      },
    );
  }
  return placed;
}
