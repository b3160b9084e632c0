import { describe, expect, it } from 'vitest';
import { RACE_INTENSITY_NOTE, raceIntensity } from '../../../src/core/charts/race-intensity.js';
import { buildChart, DEFAULT_RUN, HISTORY_RUN, run, texts } from './chart-test-helpers.js';

describe('raceIntensity', () => {
  for (const yaml of [DEFAULT_RUN, HISTORY_RUN]) {
    it(`draws one bar per year with a value, none for the first (${yaml.replace('\n', ', ')})`, () => {
      const result = run(yaml);
      const svg = buildChart('race-intensity', result);
      const values = result.indicators.raceIntensity.filter((v) => v !== null);
      expect(result.indicators.raceIntensity[0]).toBeNull();
      expect(svg.querySelectorAll('g.race-intensity rect').length).toBe(values.length);
      expect(texts(svg).some((t) => t.includes('Race intensity, % per year'))).toBe(true);
    });
  }

  it('says in its caption what the indicator is and is not', () => {
    const spec = raceIntensity(run(DEFAULT_RUN));
    expect(spec.caption[0]).toBe(RACE_INTENSITY_NOTE);
    expect(RACE_INTENSITY_NOTE).toContain('not a probability of war');
    expect(texts(buildChart('race-intensity', run(DEFAULT_RUN))).join(' ')).toContain('not a probability of war.');
  });

  it('says so when no year has a value (no ally: NATO spends nothing)', () => {
    const svg = buildChart('race-intensity', run('end: 2030\nactors: [RUS, UKR]'));
    expect(svg.querySelectorAll('g.race-intensity rect').length).toBe(0);
    expect(svg.querySelector('g.empty-note')).not.toBeNull();
  });
});
