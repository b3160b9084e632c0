import { describe, expect, it } from 'vitest';
import {
  buildChart,
  DEFAULT_RUN,
  HISTORY_RUN,
  PAIR_RUN,
  pathShape,
  run,
  texts,
  withActor,
} from './chart-test-helpers.js';

describe('securityRatio', () => {
  for (const yaml of [DEFAULT_RUN, HISTORY_RUN]) {
    it(`draws Russia and four allies with a rule at 1 (${yaml.replace('\n', ', ')})`, () => {
      const svg = buildChart('security-ratio', run(yaml));
      for (const iso3 of ['RUS', 'POL', 'FIN', 'DEU', 'GBR']) {
        expect(svg.querySelectorAll(`g.series-${iso3} path`).length).toBe(1);
      }
      expect(svg.querySelector('g.rule-1-label')?.textContent).toBe('Capability = threat');
      expect(texts(svg).some((t) => t.includes('Capability ÷ threat, × (log scale)'))).toBe(true);
    });
  }

  it('skips a NaN security ratio: no vertex for that year, the line breaks there', () => {
    const result = run(PAIR_RUN);
    const securityRatio = [0.3, Number.NaN, 0.32, 0.33, 0.34];
    const svg = buildChart('security-ratio', withActor(result, 'RUS', { securityRatio }));
    const line = pathShape(svg.querySelector('g.series-RUS path')?.getAttribute('d') ?? null);
    const poland = pathShape(svg.querySelector('g.series-POL path')?.getAttribute('d') ?? null);
    // One vertex per finite value; the lone first year is its own subpath and gets a dot.
    expect(line.vertices).toBe(4);
    expect(line.subpaths).toBe(2);
    expect(line.xs).not.toContain(poland.xs[1]);
    expect(svg.querySelectorAll('g.series-RUS-point circle').length).toBe(1);
  });

  it('draws no line and no label for an actor whose ratio is missing every year', () => {
    const result = run(PAIR_RUN);
    const securityRatio = result.years.map(() => Number.NaN);
    const svg = buildChart('security-ratio', withActor(result, 'RUS', { securityRatio }));
    expect(pathShape(svg.querySelector('g.series-RUS path')?.getAttribute('d') ?? null).vertices).toBe(0);
    expect(texts(svg)).not.toContain('Russia');
    expect(texts(svg)).toContain('Poland');
  });

  it('says so when no actor has a ratio (no threat in any year)', () => {
    const pair = run(PAIR_RUN);
    const svg = buildChart('security-ratio', {
      ...pair,
      actors: pair.actors.map((a) => ({ ...a, securityRatio: a.securityRatio.map(() => null) })),
    });
    expect(svg.querySelector('g.empty-note')).not.toBeNull();
  });
});
