import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutChartLabels } from '../../../src/core/charts/label-layout.js';
import { grow, placeRuleLabels, RULE_LABEL_CLEARANCE, segmentMeetsBox } from '../../../src/core/charts/rule-labels.js';
import { buildChart, DEFAULT_RUN, run } from './chart-test-helpers.js';
import { crossings, overlaps, panelOf, pathSegments, textBoxes } from './label-geometry.js';

const preset = (id: string) => readFileSync(join(import.meta.dirname, '../../../scenarios', `${id}.yaml`), 'utf8');
const PLEDGE_4 =
  'end: 2050\npledges: [{ name: P, target: 4%, from: 2025, by: 2032 }]\ncompliance: { default: binding }';
/** The page's smallest chart (640 px wide, 0.6 as high) and the command line's. */
const SIZES = [
  { width: 960, height: 540 },
  { width: 640, height: 384 },
] as const;
const RUNS = [
  ['hague-met', preset('hague-met')],
  ['status-quo', preset('status-quo')],
  ['a 4 % pledge', PLEDGE_4],
  ['the default run', DEFAULT_RUN],
] as const;

const RULE_LABELS = 'g[class$="-label"][class^="rule-"]';
const ALLY_LINES = 'g.ally-burden, g.median-ally, g[class^="burden-"]';

describe("the allies' burden chart's rule labels", () => {
  for (const [name, yaml] of RUNS)
    it(`cross no ally's line and no other label at 960×540 (${name})`, () => {
      const panel = panelOf(buildChart('allies-burden', run(yaml)));
      const labels = textBoxes(panel, RULE_LABELS);
      expect(labels.map((l) => l.text)).toContain('3.5 % (The Hague 2025)');
      const lines = pathSegments(panel, ALLY_LINES);
      expect(lines.length).toBeGreaterThan(100);
      // Halo and the lines' own width included: the label hides nothing of a line.
      const cleared = labels.map((l) => ({ ...l, ...grow(l, RULE_LABEL_CLEARANCE) }));
      expect(crossings(cleared, lines)).toEqual([]);
      expect(overlaps([...labels, ...textBoxes(panel, 'g.line-labels')])).toEqual([]);
    });

  for (const [name, yaml] of RUNS)
    it(`cover fewer lines than at the rule's right end, and no other label, at 640×384 (${name})`, () => {
      // Where lines pass within a few px on both sides of a rule along its whole length, no place is
      // free: the label takes the emptiest one, on its halo.
      const panel = panelOf(buildChart('allies-burden', run(yaml), { width: 640, height: 384 }));
      const labels = textBoxes(panel, RULE_LABELS);
      const lines = pathSegments(panel, ALLY_LINES);
      const right = Math.max(...lines.map((l) => Math.max(l[0], l[2])));
      for (const g of Array.from(panel.querySelectorAll(RULE_LABELS))) {
        const name = (g.getAttribute('class') ?? '').replace(/-label$/, '');
        const [label] = textBoxes(panel, `g.${name}-label`);
        const rule = Number(panel.querySelector(`g.${name} line`)?.getAttribute('y1'));
        if (label === undefined || !Number.isFinite(rule)) throw new Error(`no label or rule ${name}`);
        const w = label.x2 - label.x1;
        const h = label.y2 - label.y1;
        const atRightEnd = { ...label, x1: right - 4 - w, x2: right - 4, y1: rule - 8 - h / 2, y2: rule - 8 + h / 2 };
        const n = (box: typeof label) => crossings([{ ...box, ...grow(box, RULE_LABEL_CLEARANCE) }], lines)[0]?.n ?? 0;
        expect(n(label)).toBeLessThanOrEqual(n(atRightEnd));
      }
      expect(overlaps([...labels, ...textBoxes(panel, 'g.line-labels')])).toEqual([]);
      expect(panel.querySelector(`${RULE_LABELS}`)?.getAttribute('stroke')).toBe('white');
    });

  it('are inside the plotting area', () => {
    const panel = panelOf(buildChart('allies-burden', run(preset('hague-met')), { width: 640, height: 384 }));
    const width = Number(panel.getAttribute('width'));
    for (const l of textBoxes(panel, 'g[class$="-label"][class^="rule-"]')) {
      expect(l.x1).toBeGreaterThanOrEqual(64);
      expect(l.x2).toBeLessThanOrEqual(width);
    }
  });
});

describe('end labels of the lines', () => {
  const charts = [
    'allies-burden',
    'allies-at-thresholds',
    'russia-burden',
    'bloc-spending',
    'security-ratio',
    'balance',
  ];
  for (const [name, yaml] of RUNS)
    for (const size of SIZES)
      it(`never overlap and stay inside the chart (${name}, ${size.width}×${size.height})`, () => {
        for (const id of charts) {
          const panel = panelOf(buildChart(id, run(yaml), size));
          const labels = textBoxes(panel, 'g.line-labels');
          expect({ id, overlaps: overlaps(labels) }).toEqual({ id, overlaps: [] });
          for (const l of labels)
            expect({ id, text: l.text, right: l.x2 <= size.width }).toEqual({ id, text: l.text, right: true });
        }
      });

  it('name the scenario pledge as the other thresholds are named, short enough for the margin', () => {
    const panel = panelOf(buildChart('allies-at-thresholds', run(PLEDGE_4), { width: 640, height: 384 }));
    const labels = textBoxes(panel, 'g.line-labels');
    expect(labels.map((l) => l.text).sort()).toEqual([
      'All allies',
      'At 2 % or more',
      'At 3.5 % or more',
      'At 4 % or more',
    ]);
    // Four labels at 31 allies, stacked without touching.
    const ys = labels.map((l) => (l.y1 + l.y2) / 2).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(13.2);
  });
});

describe('layoutChartLabels', () => {
  const frame = (marginRight: number) => ({
    width: 400,
    height: 200,
    marginTop: 0,
    marginRight,
    marginBottom: 0,
    marginLeft: 0,
    xDomain: [0, 10] as const,
    yDomain: [0, 10] as const,
    yType: 'linear' as const,
  });
  const scale = { type: 'linear' as const, domain: [0, 10] as const, heightPx: 200 };

  it('labels a rule in the margin, among the lines’ labels, when lines pass close on both sides all along', () => {
    const flat = (v: number) =>
      [
        [0, v],
        [10, v],
      ] as const;
    const labels = layoutChartLabels({
      lines: [{ text: 'A line', color: '#000', years: [0, 10], values: [5.3, 5.3] }],
      rules: [{ value: 5, label: 'five per cent', key: '5' }],
      obstacles: { lines: [flat(4.7), flat(5.3)] },
      scale,
      frame,
      marginRight: 40,
    });
    expect(labels.inFrame).toEqual([]);
    const rule = labels.margin.find((l) => l.kind === 'rule');
    expect(rule?.text).toBe('five per cent');
    expect(rule?.key).toBe('5');
    // The margin holds the rule's label, apart from the line's.
    expect(labels.marginRight).toBeGreaterThan(40);
    const line = labels.margin.find((l) => l.kind !== 'rule');
    expect(Math.abs((rule?.y ?? 0) - (line?.y ?? 0)) * 20).toBeGreaterThanOrEqual(15 - 1e-9);
  });

  it('keeps a rule’s label in the frame where it finds a free place', () => {
    const labels = layoutChartLabels({
      lines: [{ text: 'A line', color: '#000', years: [0, 10], values: [1, 1] }],
      rules: [{ value: 5, label: 'five', key: '5' }],
      obstacles: { lines: [] },
      scale,
      frame,
      marginRight: 40,
    });
    expect(labels.inFrame.map((p) => p.key)).toEqual(['5']);
    expect(labels.margin.every((l) => l.kind !== 'rule')).toBe(true);
  });
});

describe('placeRuleLabels', () => {
  const frame = {
    width: 400,
    height: 200,
    marginTop: 0,
    marginRight: 0,
    marginBottom: 0,
    marginLeft: 0,
    xDomain: [0, 10] as const,
    yDomain: [0, 10] as const,
    yType: 'linear' as const,
  };

  it('keeps a label at the right end, above its rule, where nothing passes', () => {
    const [label] = placeRuleLabels([{ value: 5, label: 'five' }], { lines: [] }, frame);
    expect(label?.textAnchor).toBe('end');
    expect(label?.dy).toBeLessThan(0);
    expect(label?.covered).toBe(0);
  });

  it('moves below the rule when a line runs just above it at the right end', () => {
    const line = [
      [0, 5.3],
      [10, 5.3],
    ] as const;
    const [label] = placeRuleLabels([{ value: 5, label: 'five' }], { lines: [line] }, frame);
    expect(label?.dy).toBeGreaterThan(0);
    expect(label?.covered).toBe(0);
  });

  it('moves to the left end when lines fill both sides of the rule on the right', () => {
    const lines = [4.7, 5.3].map(
      (v) =>
        [
          [0, 9],
          [5, v],
          [10, v],
        ] as const,
    );
    const [label] = placeRuleLabels([{ value: 5, label: 'five' }], { lines }, frame);
    expect(label?.covered).toBe(0);
    expect(label?.box.x2).toBeLessThan(200);
  });

  it('keeps out of a shaded band', () => {
    const band = { x: [0, 10], low: [4, 4], high: [7, 7] };
    const [label] = placeRuleLabels([{ value: 7.5, label: 'seven and a half' }], { lines: [], bands: [band] }, frame);
    expect(label?.dy).toBeLessThan(0);
    expect(label?.covered).toBe(0);
  });

  it('never puts two labels on each other', () => {
    const placed = placeRuleLabels(
      [
        { value: 5, label: 'five' },
        { value: 5.2, label: 'five point two' },
      ],
      { lines: [] },
      frame,
    );
    const [a, b] = placed;
    if (a === undefined || b === undefined) throw new Error('two labels');
    expect(a.box.x1 >= b.box.x2 || b.box.x1 >= a.box.x2 || a.box.y1 >= b.box.y2 || b.box.y1 >= a.box.y2).toBe(true);
  });

  it('segmentMeetsBox tells a crossing from a miss', () => {
    const box = { x1: 0, y1: 0, x2: 10, y2: 10 };
    expect(segmentMeetsBox(-5, 5, 15, 5, box)).toBe(true);
    expect(segmentMeetsBox(-5, 12, 15, 12, box)).toBe(false);
    expect(segmentMeetsBox(-5, -5, -1, 20, box)).toBe(false);
  });
});
