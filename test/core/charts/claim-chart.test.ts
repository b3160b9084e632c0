import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { claimsEvidence } from '../../../src/core/analyze/claims/claims-evidence.js';
import type { ClaimChart } from '../../../src/core/analyze/claims/types.js';
import {
  CLAIM_CHART_HEIGHT,
  claimChartPlot,
  claimSeriesStyles,
  niceDomain,
  ruleLabelRows,
} from '../../../src/core/charts/claim-chart.js';
import { boxesOverlap } from '../../../src/core/charts/rule-labels.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { chartDocument } from '../../../src/node/render-charts.js';
import type { TestElement } from './chart-test-helpers.js';
import { overlaps, type TextBox, textBoxes } from './label-geometry.js';

const evidence = claimsEvidence(loadDataset());
const chartOf = (id: number): ClaimChart => {
  const c = evidence.find((e) => e.id === id);
  if (c === undefined) throw new Error(`no claim ${id}`);
  return c.chart;
};

/** Draw a claim's chart as the page does, in linkedom. */
function draw(chart: ClaimChart, width: number): TestElement {
  return Plot.plot({
    ...claimChartPlot(chart, width),
    document: chartDocument() as unknown as NonNullable<Plot.PlotOptions['document']>,
  }) as unknown as TestElement;
}

/** The boxes of the bars (`rect`) of a drawn chart, px. */
function bars(svg: TestElement): TextBox[] {
  return Array.from(svg.querySelectorAll('g.claim-bars rect'), (r) => {
    const x = Number(r.getAttribute('x'));
    const y = Number(r.getAttribute('y'));
    return {
      text: 'bar',
      x1: x,
      x2: x + Number(r.getAttribute('width')),
      y1: y,
      y2: y + Number(r.getAttribute('height')),
    };
  });
}

describe("the claims' charts", () => {
  for (const width of [640, 960])
    for (const claim of evidence)
      it(`claim ${claim.id} at ${width} px: the key, the rules' labels and the y axis's label stay apart and inside`, () => {
        const svg = draw(claim.chart, width);
        const plot = claimChartPlot(claim.chart, width);
        const key = textBoxes(svg, 'g.claim-key-label');
        const xRules = textBoxes(svg, 'g.claim-xrule-labels');
        const yLabel = textBoxes(svg, 'g[aria-label="y-axis label"]');
        const all = [...key, ...xRules, ...yLabel];
        expect(overlaps(all)).toEqual([]);
        for (const b of all) {
          expect(b.x1).toBeGreaterThanOrEqual(0);
          expect(b.x2).toBeLessThanOrEqual(width);
        }
        // The vertical rules' labels sit above the frame, over no bar and no line.
        for (const b of xRules) expect(b.y2).toBeLessThanOrEqual(plot.marginTop ?? 0);
        expect(xRules.map((b) => b.text).sort()).toEqual((claim.chart.xRules ?? []).map((r) => r.label).sort());
        // The plotting area keeps its height whatever the key and the labels take.
        expect(plot.height - (plot.marginTop ?? 0)).toBe(CLAIM_CHART_HEIGHT);
      });

  it('claim 3: the accession labels of 1999–2024 overlap neither each other nor the data', () => {
    const svg = draw(chartOf(3), 640);
    const labels = textBoxes(svg, 'g.claim-xrule-labels');
    expect(labels).toHaveLength(7);
    expect(overlaps(labels)).toEqual([]);
  });

  it('claim 6: the labels of the estimate, the interval and ε = 1 are over no bar', () => {
    const svg = draw(chartOf(6), 640);
    const labels = textBoxes(svg, 'g.claim-xrule-labels');
    expect(labels.map((l) => l.text)).toContain('Proportional, ε = 1');
    const rects = bars(svg);
    expect(rects.length).toBeGreaterThan(10);
    expect(labels.filter((l) => rects.some((r) => boxesOverlap(l, r)))).toEqual([]);
  });

  it('claim 1: the bars run from the highest burden to the lowest, and say the year of their figures', () => {
    const chart = chartOf(1);
    const svg = draw(chart, 640);
    const heights = bars(svg)
      .sort((a, b) => a.x1 - b.x1)
      .map((b) => b.y2 - b.y1);
    expect(heights.length).toBeGreaterThan(25);
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeLessThanOrEqual((heights[i - 1] as number) + 1e-9);
    const years = chart.series.map((s) => /for (\d{4})$/.exec(s.name)?.[1]);
    expect(years.every((y) => y !== undefined)).toBe(true);
    if (chart.series.length === 1) expect(chart.xLabel).toContain(`figure for ${years[0]}`);
    // The targets' labels sit over no bar.
    const rules = textBoxes(svg, 'g.claim-rule-labels');
    expect(rules).toHaveLength(2);
    expect(rules.filter((l) => bars(svg).some((r) => boxesOverlap(l, r)))).toEqual([]);
  });

  it('claim 7: every line in the key is a line swatch in the colour and dash drawn, and both axes write 5,000', () => {
    const chart = chartOf(7);
    const svg = draw(chart, 640);
    const styles = claimSeriesStyles(chart);
    const lines = styles.filter((s) => s.mark === 'line');
    expect(lines.filter((s) => s.dash !== undefined).length).toBeGreaterThanOrEqual(4);
    const swatches = Array.from(svg.querySelectorAll('g.claim-key-swatch'));
    for (const s of lines) {
      const swatch = swatches.find(
        (g) => g.getAttribute('stroke') === s.color && g.getAttribute('stroke-dasharray') === (s.dash ?? null),
      );
      expect(swatch?.querySelector('path')?.getAttribute('d')).toBe('M-9,0L9,0');
      const drawn = Array.from(svg.querySelectorAll('g.claim-series')).find(
        (g) => g.getAttribute('stroke') === s.color && g.getAttribute('stroke-dasharray') === (s.dash ?? null),
      );
      expect(drawn).toBeDefined();
    }
    // The near-coincident boundaries differ in colour and in dash.
    const pairs = [
      ['US deters Russia (to the right)', 'Russia may strike first (left)'],
      ['Russia deters the US (above)', 'US may strike first (below)'],
    ];
    for (const [a, b] of pairs) {
      const sa = styles.find((s) => s.name === a);
      const sb = styles.find((s) => s.name === b);
      expect(sa?.color).not.toBe(sb?.color);
      expect(sa?.dash).not.toBe(sb?.dash);
    }
    const ticks = (axis: string) =>
      Array.from(svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`), (t) => t.textContent ?? '');
    expect(ticks('x')).toContain('5,000');
    expect(ticks('y')).toContain('5,000');
    expect([...ticks('x'), ...ticks('y')].filter((t) => /k$/.test(t))).toEqual([]);
  });
});

describe('ruleLabelRows', () => {
  it('puts labels that fit side by side in one row, and stacks those that do not', () => {
    const toPx = (x: number) => x * 10;
    const far = ruleLabelRows(
      [
        { x: 10, label: 'a' },
        { x: 40, label: 'b' },
      ],
      toPx,
      640,
    );
    expect(far.map((p) => p.row)).toEqual([0, 0]);
    const near = ruleLabelRows(
      [
        { x: 10, label: 'a long label here' },
        { x: 12, label: 'another long label' },
        { x: 14, label: 'and a third one' },
      ],
      toPx,
      640,
    );
    const boxes = near.map((p) => ({ text: p.label, x1: p.x1, x2: p.x2, y1: -p.row * 14, y2: -p.row * 14 + 12 }));
    expect(overlaps(boxes)).toEqual([]);
  });

  it('puts a label left of its rule where right of it would leave the chart', () => {
    const [place] = ruleLabelRows([{ x: 630, label: 'at the edge' }], (x) => x, 640);
    expect(place?.textAnchor).toBe('end');
    expect(place?.x2).toBeLessThanOrEqual(640);
  });

  it('niceDomain rounds out to the ticks', () => {
    expect(niceDomain([0.3, 9.7])).toEqual([0, 10]);
    expect(niceDomain([-0.77, 2.9])).toEqual([-1, 3]);
  });
});
