import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../../src/core/charts/index.js';
import { sourceNote } from '../../../src/core/charts/source-note.js';
import {
  buildChart,
  DEFAULT_RUN,
  expectGolden,
  GOLDEN_RUN,
  HISTORY_RUN,
  PAIR_RUN,
  run,
  svgText,
  texts,
} from './chart-test-helpers.js';

const IDS = [
  'allies-burden',
  'russia-burden',
  'bloc-spending',
  'balance',
  'security-ratio',
  'race-intensity',
  'allies-at-thresholds',
];

describe('CHARTS', () => {
  it('lists the charts once each, in reading order, titled as their specifications', () => {
    expect(CHARTS.map((c) => c.id)).toEqual(IDS);
    const result = run(GOLDEN_RUN);
    for (const chart of CHARTS) expect(chart.spec(result).title).toBe(chart.title);
  });

  for (const yaml of [DEFAULT_RUN, HISTORY_RUN]) {
    it(`builds every chart as a 960×540 SVG with title, subtitle, source note and a white background (${yaml.replace('\n', ', ')})`, () => {
      const result = run(yaml);
      for (const chart of CHARTS) {
        const svg = buildChart(chart.id, result);
        expect(svg.tagName.toLowerCase()).toBe('svg');
        expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['960', '540']);
        expect(svg.querySelector('rect')?.getAttribute('fill')).toBe('white');
        expect(svg.querySelector('.chart-title')?.textContent).toBe(chart.title);
        expect(svg.querySelectorAll('.chart-subtitle').length).toBeGreaterThan(0);
        const caption = Array.from(svg.querySelectorAll('.chart-caption'), (t) => t.textContent).join(' ');
        expect(caption).toContain(sourceNote(result));
        expect(texts(svg).join(' ')).not.toMatch(/NaN|undefined|Infinity/);
      }
    });
  }

  const edges: [string, string][] = [
    ['Russia and Poland', PAIR_RUN],
    ['Russia and Ukraine, no ally', 'end: 2030\nactors: [RUS, UKR]'],
    ['Poland and Belarus, no Russia', 'end: 2030\nactors: [POL, BLR]'],
    ['a single year', 'end: 2026'],
  ];
  for (const [label, yaml] of edges) {
    it(`builds every chart for ${label}, with and without a baseline`, () => {
      const result = run(yaml);
      for (const chart of CHARTS) {
        expect(() => buildChart(chart.id, result)).not.toThrow();
        expect(() => buildChart(chart.id, result, { baseline: run(DEFAULT_RUN) })).not.toThrow();
      }
    });
  }

  it('says which charts draw a baseline: the others are the same with any baseline or none, so a page keeps them', () => {
    const result = run(GOLDEN_RUN);
    const baseline = run(`${GOLDEN_RUN.replace('name: golden', 'name: golden baseline')}\npledges: []`);
    for (const chart of CHARTS) {
      const plain = svgText(buildChart(chart.id, result));
      const compared = svgText(buildChart(chart.id, result, { baseline }));
      expect([chart.id, compared !== plain]).toEqual([chart.id, chart.drawsBaseline]);
    }
  });

  it('builds at another size', () => {
    const svg = buildChart('balance', run(GOLDEN_RUN), { width: 640, height: 400 });
    expect(svg.getAttribute('viewBox')).toBe('0 0 640 400');
  });

  it('refuses a size that leaves no room for the panel', () => {
    expect(() => buildChart('balance', run(GOLDEN_RUN), { width: 960, height: 150 })).toThrow(RangeError);
  });
});

describe('chart SVGs match their golden files (numbers rounded to 0.1)', () => {
  for (const id of IDS) {
    it(id, () => expectGolden(id, svgText(buildChart(id, run(GOLDEN_RUN)))));
  }
  it('bloc-spending with a baseline', () => {
    const baseline = run(`${GOLDEN_RUN.replace('name: golden', 'name: golden baseline')}\npledges: []`);
    expectGolden('bloc-spending-baseline', svgText(buildChart('bloc-spending', run(GOLDEN_RUN), { baseline })));
  });
});
