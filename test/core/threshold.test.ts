import { describe, expect, it } from 'vitest';
import { hagueClaim } from '../../src/core/analyze/claims/hague-pledge.js';
import { pledgeReport } from '../../src/core/analyze/pledge-report.js';
import { rankAllies } from '../../src/core/charts/allies-ranked.js';
import { Dataset } from '../../src/core/data/dataset.js';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { parseScenario } from '../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { meetsThreshold } from '../../src/core/threshold.js';

const dataset = loadDataset();
const sipri = dataset.latestEdition('sipri-', 'milex_share_gdp') as string;

/** The dataset with SIPRI's Sweden in 2024 set to `pct` (% of GDP). */
function withSweden2024(pct: number): Dataset {
  return new Dataset({
    ...dataset.data,
    series: dataset.data.series.map((s) =>
      s.iso3 === 'SWE' && s.indicator === 'milex_share_gdp' && s.source === sipri
        ? { ...s, values: s.values.map((v, k) => (s.firstYear + k === 2024 ? pct : v)) }
        : s,
    ),
  });
}

/** A run from 2024 without pledges: the allies (no threat response by default) hold their 2024 burdens. */
function run2024(d: Dataset) {
  const result = simulate(parseScenario('start: 2024\nend: 2026\npledges: []'), d);
  const swe = result.actors.find((a) => a.iso3 === 'SWE');
  return { result, sweden: 100 * (swe?.burden[0] as number) };
}

describe('meetsThreshold: NATO published precision, two decimals of a percent', () => {
  it.each([
    [1.9977, 2, true],
    [1.995, 2, true],
    [1.994, 2, false],
    [1.99499, 2, false],
    [2, 2, true],
    [3.495, 3.5, true],
    [3.4949, 3.5, false],
    [3.495, 0.035 * 100, true], // a threshold computed from a share carries float noise
    [2.341, 2.345, false], // shown 2.34, below 2.345
    [2.345, 2.345, true], // shown 2.35
  ])('%f %% against %f %%: %s', (burden, threshold, expected) => {
    expect(meetsThreshold(burden, threshold)).toBe(expected);
  });
});

describe('one rule for every count of allies at a threshold', () => {
  it("counts SIPRI's Sweden in 2024 (1.9977 %, shown 2.00) in the pledge report and in the simulator", () => {
    const report = pledgeReport(dataset, { source: 'sipri', year: 2024 });
    const row = report.rows.find((r) => r.iso3 === 'SWE');
    expect(row?.burdenPct).toBeCloseTo(1.9977, 4);
    expect(row?.burdenPct).toBeLessThan(2);
    expect(row?.meets).toBe(true);
    expect(report.counts.meets).toBe(report.rows.filter((r) => r.meets === true && r.source === report.source).length);

    const { result, sweden } = run2024(dataset);
    expect(sweden).toBeCloseTo(1.9977, 4);
    expect(sweden).toBeLessThan(2);
    const counted = result.actors.filter((a) => a.ally[0] && meetsThreshold(100 * (a.burden[0] as number), 2));
    expect(counted.map((a) => a.iso3)).toContain('SWE');
    expect(result.indicators.alliesAt2[0]).toBe(counted.length);
    expect(rankAllies(result, 2024).find((r) => r.iso3 === 'SWE')?.band).toBe('2 % to 3.5 %');
  });

  it('does not count a burden of 1.994 % (shown 1.99) in either', () => {
    const d = withSweden2024(1.994);
    expect(pledgeReport(d, { source: 'sipri', year: 2024 }).rows.find((r) => r.iso3 === 'SWE')?.meets).toBe(false);
    const { result, sweden } = run2024(d);
    expect(sweden).toBeCloseTo(1.994, 4);
    const counted = result.actors.filter((a) => a.ally[0] && meetsThreshold(100 * (a.burden[0] as number), 2));
    expect(counted.map((a) => a.iso3)).not.toContain('SWE');
    expect(result.indicators.alliesAt2[0]).toBe(counted.length);
    expect(rankAllies(result, 2024).find((r) => r.iso3 === 'SWE')?.band).toBe('below 2 %');
  });

  it("counts claim 1's allies already at 3.5 % by the same rule", () => {
    const claim = hagueClaim(dataset);
    const at = claim.numbers.find((n) => n.label.startsWith('Allies already at 3.5 %'))?.value;
    const below = claim.numbers.find((n) => n.label === 'Allies below 3.5 %')?.value;
    const withFigure = claim.numbers.find((n) => n.label === 'Allies with a figure in the edition')?.value;
    expect((at as number) + (below as number)).toBe(withFigure);
  });
});
