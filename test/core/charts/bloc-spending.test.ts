import { describe, expect, it } from 'vitest';
import { buildChart, DEFAULT_RUN, HISTORY_RUN, PAIR_RUN, pathShape, run, texts } from './chart-test-helpers.js';

describe('blocSpending', () => {
  for (const yaml of [DEFAULT_RUN, HISTORY_RUN]) {
    it(`draws the three blocs in USD bn on a log scale (${yaml.replace('\n', ', ')})`, () => {
      const svg = buildChart('bloc-spending', run(yaml));
      for (const id of ['NATO', 'NATO_EUR_CAN', 'RUS_BLOC']) {
        expect(svg.querySelectorAll(`g.series-${id} path`).length).toBe(1);
      }
      const all = texts(svg);
      expect(all.some((t) => t.includes('USD bn at constant 2015 prices (log scale)'))).toBe(true);
      expect(all).toEqual(expect.arrayContaining(['NATO', 'NATO Europe and Canada', 'Russia and Belarus']));
      expect(svg.querySelector('g.baseline-NATO')).toBeNull();
    });
  }

  it('draws the baseline dashed, one line per bloc', () => {
    const baseline = run('name: Restraint\nend: 2050\npledges: []');
    const svg = buildChart('bloc-spending', run(DEFAULT_RUN), { baseline });
    for (const id of ['NATO', 'NATO_EUR_CAN', 'RUS_BLOC']) {
      expect(svg.querySelector(`g.baseline-${id}`)?.getAttribute('stroke-dasharray')).toBe('6 4');
    }
  });

  it('draws no line for a bloc without members rather than a line at zero', () => {
    const svg = buildChart('bloc-spending', run('end: 2030\nactors: [RUS, UKR]'));
    expect(pathShape(svg.querySelector('g.series-NATO path')?.getAttribute('d') ?? null).vertices).toBe(0);
    expect(svg.querySelectorAll('g.series-RUS_BLOC path').length).toBe(1);
  });

  it('builds for a run with Russia and Poland only', () => {
    expect(buildChart('bloc-spending', run(PAIR_RUN)).querySelectorAll('g.series-RUS_BLOC path').length).toBe(1);
  });
});
