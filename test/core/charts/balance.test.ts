import { describe, expect, it } from 'vitest';
import { buildChart, DEFAULT_RUN, HISTORY_RUN, PAIR_RUN, run, texts } from './chart-test-helpers.js';

describe('balance', () => {
  for (const yaml of [DEFAULT_RUN, HISTORY_RUN]) {
    it(`draws both ratios with a parity rule (${yaml.replace('\n', ', ')})`, () => {
      const svg = buildChart('balance', run(yaml));
      expect(svg.querySelectorAll('g.series-NATO path').length).toBe(1);
      expect(svg.querySelectorAll('g.series-NATO_EUR_CAN path').length).toBe(1);
      expect(svg.querySelector('g.rule-1-label')?.textContent).toBe('Parity');
      const all = texts(svg);
      expect(all.some((t) => t.includes('Capability ratio to Russia and Belarus, × (log scale)'))).toBe(true);
      expect(all).toEqual(expect.arrayContaining(['All NATO', 'Europe and Canada']));
    });
  }

  it('draws ratios below parity for a run with Russia and Poland only', () => {
    const svg = buildChart('balance', run(PAIR_RUN));
    expect(svg.querySelectorAll('g.series-NATO path').length).toBe(1);
  });

  it('draws nothing for ratios that are not finite and says why', () => {
    // A run always has a Russian bloc to divide by (a scenario without one is refused): a result built by hand.
    const pair = run(PAIR_RUN);
    const none = pair.years.map(() => Number.NaN);
    const svg = buildChart('balance', {
      ...pair,
      indicators: { ...pair.indicators, balanceNato: none, balanceEuropeCanada: none },
    });
    expect(svg.querySelector('g.series-NATO path')?.getAttribute('d') ?? '').toBe('');
    expect(svg.querySelector('g.empty-note')).not.toBeNull();
  });
});
