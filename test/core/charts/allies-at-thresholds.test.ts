import { describe, expect, it } from 'vitest';
import { buildChart, DEFAULT_RUN, HISTORY_RUN, PAIR_RUN, pathShape, run, texts } from './chart-test-helpers.js';

describe('alliesAtThresholds', () => {
  for (const yaml of [DEFAULT_RUN, HISTORY_RUN]) {
    it(`draws the counts at 2 % and 3.5 % and the number of allies (${yaml.replace('\n', ', ')})`, () => {
      const result = run(yaml);
      const svg = buildChart('allies-at-thresholds', result);
      for (const key of ['at-2', 'at-3-5', 'allies']) {
        expect(pathShape(svg.querySelector(`g.series-${key} path`)?.getAttribute('d') ?? null).vertices).toBe(
          result.years.length,
        );
      }
      const all = texts(svg);
      expect(all).toEqual(expect.arrayContaining(['At 2 % or more', 'At 3.5 % or more', 'All allies']));
      expect(all.some((t) => t.includes('Number of allies'))).toBe(true);
      const ticks = Array.from(svg.querySelectorAll('g[aria-label="y-axis tick label"] text'), (t) =>
        Number(t.textContent),
      );
      expect(ticks.every(Number.isInteger)).toBe(true);
    });
  }

  it('draws the baseline counts dashed, not its number of allies', () => {
    const baseline = run('name: Restraint\nend: 2050\npledges: []');
    const svg = buildChart('allies-at-thresholds', run(DEFAULT_RUN), { baseline });
    expect(svg.querySelector('g.baseline-at-2')?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(svg.querySelector('g.baseline-at-3-5')?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(svg.querySelector('g.baseline-allies')).toBeNull();
  });

  it('builds with integer ticks for a run with one ally', () => {
    const svg = buildChart('allies-at-thresholds', run(PAIR_RUN));
    const ticks = Array.from(svg.querySelectorAll('g[aria-label="y-axis tick label"] text'), (t) => t.textContent);
    expect(ticks).toEqual(['0', '1']);
  });
});
