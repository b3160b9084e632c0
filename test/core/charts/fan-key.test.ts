import { describe, expect, it } from 'vitest';
import { bandFills, tint } from '../../../src/core/charts/fan/fan-spec.js';
import { ENSEMBLE_CHARTS } from '../../../src/core/charts/fan/index.js';
import { grow, RULE_LABEL_CLEARANCE } from '../../../src/core/charts/rule-labels.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../../src/core/ensemble/run-ensemble.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { chartDocument } from '../../../src/node/render-charts.js';
import type { TestElement } from './chart-test-helpers.js';
import { crossings, overlaps, panelOf, pathSegments, textBoxes } from './label-geometry.js';

const ensemble = runEnsemble(
  parseScenario(
    'end: 2050\nensemble:\n  uncertain:\n    response.default.spill_in: { uniform: [0, 0.5] }\n' +
      '    response.RUS.elasticity: { normal: [1, 0.4] }\n    compliance.default: { triangular: [0.4, 0.8, 1] }',
  ),
  loadDataset(),
  { runs: 96, seed: 7 },
);

function build(id: string, width = 960, height = 540): TestElement {
  const chart = ENSEMBLE_CHARTS.find((c) => c.id === id);
  if (chart === undefined) throw new RangeError(`no chart "${id}"`);
  return chart.build(ensemble, { document: chartDocument(), width, height }) as unknown as TestElement;
}

const fills = (svg: TestElement, selector: string) =>
  Array.from(svg.querySelectorAll(selector), (g) => g.getAttribute('fill')).sort();

describe('fan bands', () => {
  it('are opaque tints, the 25–75 % band darker than the 5–95 % band and every fan its own', () => {
    const svg = build('fan-nato-burden');
    for (const key of ['NATO', 'NATO_EUR_CAN']) {
      for (const band of ['outer', 'inner']) {
        const g = svg.querySelector(`g.band-${band}-${key}`);
        expect(g?.getAttribute('fill-opacity')).toBeNull();
        expect(g?.getAttribute('opacity')).toBeNull();
      }
    }
    const all = [...fills(svg, 'g[class^="band-outer-"]'), ...fills(svg, 'g[class^="band-inner-"]')];
    expect(new Set(all).size).toBe(4);
  });

  it('match the swatches of the key, band for band (no blend the key does not show)', () => {
    for (const id of ['fan-nato-burden', 'fan-bloc-spending', 'fan-russia-burden', 'fan-allies-at-thresholds']) {
      const svg = build(id);
      expect({ id, outer: fills(svg, 'g.fan-key-outer') }).toEqual({
        id,
        outer: fills(svg, 'g[class^="band-outer-"]'),
      });
      expect({ id, inner: fills(svg, 'g.fan-key-inner') }).toEqual({
        id,
        inner: fills(svg, 'g[class^="band-inner-"]'),
      });
    }
  });

  it('draw the 25–75 % band over the 5–95 % band', () => {
    const panel = panelOf(build('fan-russia-burden'));
    const order = Array.from(panel.querySelectorAll('g[class^="band-"]'), (g) => g.getAttribute('class'));
    expect(order).toEqual(['band-outer-RUS', 'band-inner-RUS']);
  });

  it('have a key that overlaps neither the y axis label nor itself, inside the chart, at 960 and 640 px', () => {
    for (const [width, height] of [
      [960, 540],
      [640, 384],
    ] as const) {
      const panel = panelOf(build('fan-nato-burden', width, height));
      const boxes = [...textBoxes(panel, 'g.fan-key-label'), ...textBoxes(panel, 'g[aria-label="y-axis label"]')];
      expect(boxes.map((b) => b.text)).toContain('5–95 % of members');
      expect(overlaps(boxes)).toEqual([]);
      for (const b of boxes) expect(b.x2).toBeLessThanOrEqual(width);
    }
  });

  it("keep the rules' labels off the bands and the medians", () => {
    const panel = panelOf(build('fan-nato-burden'));
    const labels = textBoxes(panel, 'g[class$="-label"][class^="rule-"]');
    expect(labels.map((l) => l.text).sort()).toEqual(['2 % (Wales 2014)', '3.5 % (The Hague 2025)']);
    const edges = pathSegments(panel, 'g[class^="band-outer-"], g[class^="median-"]');
    expect(
      crossings(
        labels.map((l) => ({ ...l, ...grow(l, RULE_LABEL_CLEARANCE) })),
        edges,
      ),
    ).toEqual([]);
    // Nor inside a band: the middle of no label lies within a band's outline.
    const inside = (x: number, y: number, segments: [number, number, number, number][]) =>
      segments.filter(([ax, ay, bx, by]) => ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)).length %
        2 ===
      1;
    for (const g of Array.from(panel.querySelectorAll('g[class^="band-outer-"]'))) {
      const outline = pathSegments(panel, `g.${g.getAttribute('class')}`);
      const points = outline.map((s) => [s[2], s[3]] as const);
      const closed: [number, number, number, number][] = [
        ...outline,
        [...(points.at(-1) ?? [0, 0]), outline[0]?.[0] ?? 0, outline[0]?.[1] ?? 0],
      ];
      for (const l of labels) expect(inside((l.x1 + l.x2) / 2, (l.y1 + l.y2) / 2, closed)).toBe(false);
    }
  });

  it('tint mixes a colour with white', () => {
    expect(tint('#0072B2', 1)).toBe('#0072b2');
    expect(tint('#0072B2', 0)).toBe('#ffffff');
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(bandFills('#0072B2', 'both').inner).not.toBe(bandFills('#0072B2', 'both').outer);
    expect(() => tint('blue', 0.5)).toThrow(RangeError);
  });
});
