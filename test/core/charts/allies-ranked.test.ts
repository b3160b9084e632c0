import { describe, expect, it } from 'vitest';
import { alliesRanked, rankAllies } from '../../../src/core/charts/allies-ranked.js';
import { CHARTS } from '../../../src/core/charts/charts.js';
import { composeChart } from '../../../src/core/charts/compose-chart.js';
import { chartDocument } from '../../../src/node/render-charts.js';
import { DEFAULT_RUN, run } from './chart-test-helpers.js';

describe('allies ranked by burden', () => {
  const result = run(DEFAULT_RUN);

  it('ranks exactly the allies of the year, highest first, with their simulated burdens', () => {
    for (const year of [2025, 2035, 2049]) {
      const k = result.years.indexOf(year);
      const ranked = rankAllies(result, year);
      expect(ranked.length).toBe(result.indicators.allies[k]);
      for (let i = 1; i < ranked.length; i++) {
        expect((ranked[i - 1] as { burden: number }).burden).toBeGreaterThanOrEqual(
          (ranked[i] as { burden: number }).burden,
        );
      }
      const pol = result.actors.find((a) => a.iso3 === 'POL');
      expect(ranked.find((r) => r.iso3 === 'POL')?.burden).toBe((pol?.burden[k] as number) * 100);
      expect(ranked.some((r) => r.iso3 === 'RUS')).toBe(false);
    }
  });

  it('colours as many allies at 2 % and 3.5 % as the run counts', () => {
    for (const [k, year] of result.years.entries()) {
      const ranked = rankAllies(result, year);
      expect(ranked.filter((r) => r.band !== 'below 2 %').length, String(year)).toBe(result.indicators.alliesAt2[k]);
      expect(ranked.filter((r) => r.band === '3.5 % or more').length, String(year)).toBe(
        result.indicators.alliesAt35[k],
      );
    }
  });

  it('names the year and rejects one the run does not cover', () => {
    expect(alliesRanked(result, { year: 2040 }).title).toContain('2040');
    expect(alliesRanked(result).title).toContain(String(result.years[result.years.length - 1]));
    expect(() => rankAllies(result, 2060)).toThrow(/year: 2060 is not simulated; choose a year from 2025 to 2049/);
  });

  it('draws one bar per ally, and a tooltip only when asked for', () => {
    const document = chartDocument();
    const still = composeChart(alliesRanked(result, { year: 2035 }), { document, width: 800, height: 700 });
    const bars = (still as unknown as { querySelectorAll(s: string): ArrayLike<unknown> }).querySelectorAll(
      '.ranked-bar rect',
    );
    expect(bars.length).toBe(rankAllies(result, 2035).length);
    const marks = (o: boolean) => alliesRanked(result, { year: 2035, interactive: o }).plot.marks?.length ?? 0;
    expect(marks(true)).toBe(marks(false) + 1);
  });
});

describe('tooltips of the charts of a run', () => {
  const result = run(DEFAULT_RUN);
  it('are one mark more on the page and none in a static image', () => {
    for (const chart of CHARTS) {
      const marks = (interactive: boolean) => chart.spec(result, { interactive }).plot.marks?.length ?? 0;
      expect(marks(true), chart.id).toBe(marks(false) + 1);
    }
  });
});
