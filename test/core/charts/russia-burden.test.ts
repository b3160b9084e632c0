import { describe, expect, it } from 'vitest';
import { russiaBurden } from '../../../src/core/charts/russia-burden.js';
import { buildChart, DEFAULT_RUN, HISTORY_RUN, PAIR_RUN, run, texts } from './chart-test-helpers.js';

describe('russiaBurden', () => {
  for (const yaml of [DEFAULT_RUN, HISTORY_RUN]) {
    it(`draws Russia, Belarus and Ukraine on a log scale in % of GDP (${yaml.replace('\n', ', ')})`, () => {
      const svg = buildChart('russia-burden', run(yaml));
      for (const iso3 of ['RUS', 'BLR', 'UKR']) expect(svg.querySelectorAll(`g.series-${iso3} path`).length).toBe(1);
      const all = texts(svg);
      expect(all.some((t) => t.includes('% of GDP (log scale)'))).toBe(true);
      expect(all).toEqual(expect.arrayContaining(['Russia', 'Belarus', 'Ukraine']));
    });
  }

  it('draws the baseline dashed and says so in the subtitle', () => {
    const baseline = run('name: Status quo\nend: 2050\npledges: [{ name: Wales, target: 2%, from: 2025, by: 2026 }]');
    const svg = buildChart('russia-burden', run(DEFAULT_RUN), { baseline });
    const dashed = svg.querySelector('g.baseline-RUS');
    expect(dashed?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(dashed?.querySelectorAll('path').length).toBe(1);
    expect(russiaBurden(run(DEFAULT_RUN), { baseline }).subtitle).toContain('dashed: baseline Status quo');
  });

  it('draws no baseline without one', () => {
    expect(buildChart('russia-burden', run(DEFAULT_RUN)).querySelector('g.baseline-RUS')).toBeNull();
  });

  it('leaves out the context it does not have', () => {
    const spec = russiaBurden(run(PAIR_RUN));
    expect(spec.subtitle).not.toContain('Belarus');
    expect(texts(buildChart('russia-burden', run(PAIR_RUN)))).not.toContain('Ukraine');
  });

  it('says so when Russia, Belarus and Ukraine are all missing', () => {
    // A run always has a member of the Russian bloc (a scenario without one is refused): a result built by hand.
    const pair = run(PAIR_RUN);
    const svg = buildChart('russia-burden', { ...pair, actors: pair.actors.filter((a) => a.iso3 === 'POL') });
    expect(svg.querySelector('g.empty-note')?.textContent).toContain('not among the actors');
  });
});
