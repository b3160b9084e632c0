import { textWidth } from '../../../src/core/charts/compose-chart.js';
import { type Box, boxesOverlap, segmentMeetsBox } from '../../../src/core/charts/rule-labels.js';
import type { TestElement } from './chart-test-helpers.js';

/** A text of a chart with its box in px of its panel, as computed from its place and font size. */
export interface TextBox extends Box {
  readonly text: string;
}

const translate = (t: string | null): [number, number] => {
  const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(t ?? '');
  return m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
};

/**
 * The boxes of the texts of the marks matching `selector` (Plot's `<g>` of a text mark): from each
 * text's position, the group's offset, its anchor and font size, a generous width per character,
 * and a height from the top of the capitals to the bottom of the descenders with a pixel to spare
 * (1.1 em) around the text's middle.
 */
export function textBoxes(svg: TestElement, selector: string): TextBox[] {
  return Array.from(svg.querySelectorAll(selector)).flatMap((g) => {
    const [dx, dy] = translate(g.getAttribute('transform'));
    const size = Number(g.getAttribute('font-size') ?? 12);
    const bold = g.getAttribute('font-weight') === 'bold';
    const anchor = g.getAttribute('text-anchor') ?? 'middle';
    return Array.from(g.querySelectorAll('text'), (t) => {
      const [x, y] = translate(t.getAttribute('transform'));
      const text = t.textContent ?? '';
      const w = textWidth(text, size, bold);
      // Plot writes y="0.32em" for a text centred on its point, "0.71em" for one hanging below it.
      const middle = y + dy + (t.getAttribute('y') === '0.71em' ? size * 0.4 : 0);
      const left = x + dx - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
      return { text, x1: left, x2: left + w, y1: middle - size * 0.55, y2: middle + size * 0.55 };
    });
  });
}

/** The straight segments of the paths of the marks matching `selector` (M and L commands). */
export function pathSegments(svg: TestElement, selector: string): [number, number, number, number][] {
  const paths = selector
    .split(',')
    .map((s) => `${s.trim()} path`)
    .join(', ');
  return Array.from(svg.querySelectorAll(paths)).flatMap((p) => {
    const [tx, ty] = translate(p.getAttribute('transform'));
    const segments: [number, number, number, number][] = [];
    let last: [number, number] | undefined;
    for (const m of (p.getAttribute('d') ?? '').matchAll(/([ML])(-?[\d.e+-]+),(-?[\d.e+-]+)/g)) {
      const point: [number, number] = [Number(m[2]) + tx, Number(m[3]) + ty];
      if (m[1] === 'L' && last !== undefined) segments.push([...last, ...point]);
      last = point;
    }
    return segments;
  });
}

/** The texts whose box a segment crosses, each with how many segments cross it. */
export function crossings(boxes: readonly TextBox[], segments: readonly [number, number, number, number][]) {
  return boxes
    .map((b) => ({ text: b.text, n: segments.filter(([ax, ay, bx, by]) => segmentMeetsBox(ax, ay, bx, by, b)).length }))
    .filter((c) => c.n > 0);
}

/** The pairs of boxes that overlap, by their texts. */
export function overlaps(boxes: readonly TextBox[]): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) if (boxesOverlap(a, b)) pairs.push(`${a.text} × ${b.text}`);
  });
  return pairs;
}

/** The panel of a built chart: the nested `<svg>` Plot drew. */
export function panelOf(svg: TestElement): TestElement {
  const panel = svg.querySelector('svg');
  if (panel === null) throw new Error('the chart has no panel');
  return panel;
}
