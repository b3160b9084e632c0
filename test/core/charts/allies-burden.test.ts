import { describe, expect, it } from 'vitest';
import { alliesBurden, allyLineCount, median } from '../../../src/core/charts/allies-burden.js';
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

describe('median', () => {
  it('median([3, 1, 2, NaN]) ignores NaN', () => expect(median([3, 1, 2, Number.NaN])).toBe(2));
  it('median([4, 1, 2, 3]) averages the middle pair', () => expect(median([4, 1, 2, 3])).toBe(2.5));
  it('median([]) is NaN', () => expect(median([])).toBeNaN());
});

describe('alliesBurden', () => {
  for (const [label, yaml] of [
    ['2025–2050', DEFAULT_RUN],
    ['2014–2024', HISTORY_RUN],
  ] as const) {
    it(`draws one grey line per ally for a ${label} run`, () => {
      const result = run(yaml);
      const svg = buildChart('allies-burden', result);
      const allies = result.actors.filter((a) => a.ally.some(Boolean)).length;
      expect(allyLineCount(result)).toBe(allies);
      expect(svg.querySelectorAll('g.ally-burden path').length).toBe(allies);
    });

    it(`labels the 2 % and 3.5 % rules and the y axis with its unit for a ${label} run`, () => {
      const all = texts(buildChart('allies-burden', run(yaml)));
      expect(all).toContain('2 % (Wales 2014)');
      expect(all).toContain('3.5 % (The Hague 2025)');
      expect(all.some((t) => t.includes('Military expenditure, % of GDP'))).toBe(true);
      expect(all).toContain('Median ally');
    });
  }

  it('draws the median ally bold and the highlighted allies in colour, labelled by name', () => {
    const svg = buildChart('allies-burden', run(DEFAULT_RUN));
    expect(svg.querySelector('g.median-ally')?.getAttribute('stroke-width')).toBe('3.5');
    for (const iso3 of ['USA', 'POL', 'DEU', 'FRA', 'GBR']) {
      expect(svg.querySelectorAll(`g.burden-${iso3} path`).length).toBe(1);
    }
    const labels = texts(svg);
    for (const name of ['United States', 'Poland', 'Germany', 'France', 'United Kingdom']) {
      expect(labels).toContain(name);
    }
  });

  it('draws an ally from the year it joins (Finland in 2023, Sweden in 2024)', () => {
    const result = run(HISTORY_RUN);
    const spec = alliesBurden(result);
    expect(spec.subtitle).toContain('2014–2023');
    const finland = result.actors.find((a) => a.iso3 === 'FIN');
    expect(finland?.ally.filter(Boolean).length).toBe(1);
  });

  it('skips a missing burden instead of drawing it as zero', () => {
    const result = run(PAIR_RUN);
    const pol = result.actors.find((a) => a.iso3 === 'POL');
    const burden = (pol?.burden ?? []).map((b, k) => (k === 2 ? Number.NaN : b));
    const svg = buildChart('allies-burden', withActor(result, 'POL', { burden }));
    const shape = pathShape(svg.querySelector('g.burden-POL path')?.getAttribute('d') ?? null);
    expect(shape.subpaths).toBe(2);
    expect(shape.vertices).toBe(result.years.length - 1);
  });

  it('builds for a run whose only ally is Poland', () => {
    const svg = buildChart('allies-burden', run(PAIR_RUN));
    expect(svg.querySelectorAll('g.ally-burden path').length).toBe(1);
  });

  it('builds for a run without allies, with no ally line', () => {
    const svg = buildChart('allies-burden', run('end: 2030\nactors: [RUS, UKR]'));
    expect(svg.querySelectorAll('g.ally-burden path').length).toBe(0);
  });
});
