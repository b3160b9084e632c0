import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIM_IDS,
  claimEvidence,
  claimsEvidence,
  intervalStrength,
  PRESET_SCENARIOS,
  testsStrength,
} from '../../../src/core/analyze/claims/index.js';
import type { ClaimEvidence } from '../../../src/core/analyze/claims/types.js';
import { pledgeReport } from '../../../src/core/analyze/pledge-report.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { InputError } from '../../../src/core/errors.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';

const dataset = loadDataset();
let evidence: ClaimEvidence[];
const claim = (id: number) => evidence.find((c) => c.id === id) as ClaimEvidence;
const number = (id: number, label: string | RegExp) => {
  const n = claim(id).numbers.find((x) => (typeof label === 'string' ? x.label === label : label.test(x.label)));
  expect(n, `claim ${id}: ${label}`).toBeDefined();
  return n?.value as number;
};

beforeAll(() => {
  evidence = claimsEvidence(dataset);
}, 60_000);

describe('claimsEvidence', () => {
  it('claimsEvidence returns the seven claims in order, each with an answer, a strength and a chart', () => {
    expect(evidence.map((c) => c.id)).toEqual([...CLAIM_IDS]);
    for (const c of evidence) {
      expect(['strong', 'moderate', 'weak', 'contested']).toContain(c.strength);
      expect(c.strengthReason.startsWith(c.strength)).toBe(true);
      expect(c.answer.split(/(?<=[.!?])\s+(?=[A-Z])/).length).toBeGreaterThanOrEqual(2);
      expect(c.chart.series.length).toBeGreaterThan(0);
      expect(c.chart.source.length).toBeGreaterThan(0);
      expect(c.chart.yLabel.length).toBeGreaterThan(0);
    }
  });

  it('claimsEvidence gives every number a finite value, a unit and a source, and every chart point finite', () => {
    for (const c of evidence) {
      expect(c.numbers.length).toBeGreaterThan(0);
      for (const n of c.numbers) {
        expect(Number.isFinite(n.value), `${c.id} ${n.label}`).toBe(true);
        expect(n.source.length, `${c.id} ${n.label}`).toBeGreaterThan(0);
        expect(n.unit.length, `${c.id} ${n.label}`).toBeGreaterThan(0);
      }
      for (const s of c.chart.series) for (const [, y] of s.points) expect(Number.isFinite(y)).toBe(true);
    }
  });

  it('claimsEvidence survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
  });

  it('claim 1 states the Hague pledge as adopted and the cost of haguePath', () => {
    expect(number(1, 'Core defence target')).toBe(3.5);
    expect(number(1, 'Defence- and security-related spending, up to')).toBe(1.5);
    expect(number(1, 'Due year')).toBe(2035);
    expect(number(1, 'Review of the trajectory')).toBe(2029);
    expect(number(1, /^Allies already at/) + number(1, /^Allies below/)).toBe(
      number(1, 'Allies with a figure in the edition'),
    );
    expect(claim(1).verdict).toBe('partly supported');
  });

  it("claim 2's counts equal pledgeReport's by the 2026 edition: 2014 → 3, 2024 → 17 (18 by the 2025 edition), 2025e → 28, 2026e → 30", () => {
    const r = (year: number, edition?: string) =>
      pledgeReport(dataset, { year, ...(edition ? { edition } : {}), includePress: false }).counts.meets;
    expect(number(2, 'Allies at 2 % in 2014')).toBe(r(2014));
    expect(number(2, 'Allies at 2 % in 2024')).toBe(r(2024));
    expect(number(2, 'Allies at 2 % in 2024 by the 2025 edition')).toBe(r(2024, '2025'));
    expect(number(2, "Allies at 2 % in 2025 (NATO's own estimates)")).toBe(r(2025));
    expect(number(2, "Allies at 2 % in 2026 (NATO's own estimates)")).toBe(r(2026));
    expect([r(2014), r(2024), r(2024, '2025'), r(2025), r(2026)]).toEqual([3, 17, 18, 28, 30]);
    expect(claim(2).answer).toContain('17 of 31 in 2024');
    expect(claim(2).answer).toContain('still below in 2026: Slovenia (1.61 %)');
    expect(claim(2).verdict).toBe('supported');
    // Each edition's line ends at its last year with a figure for every ally it covers: the 2025
    // edition's 2025e (four allies) is a gap in its table, not a fall to four.
    for (const s of claim(2).chart.series) {
      const last = s.points.at(-1) as [number, number];
      expect(last[1]).toBeGreaterThan(10);
    }
    const older = claim(2).chart.series.find((s) => s.name.includes('2025'));
    expect(older?.points.at(-1)).toEqual([2024, 18]);
  });

  it("claim 3's index with the enlargements exceeds the index without them, and Russia's neighbours gained allies", () => {
    expect(number(3, 'Index in 2025')).toBeGreaterThan(number(3, 'Index in 2025 without the enlargements after 1990'));
    const series = claim(3).chart.series;
    const [actual, without] = [series[0]?.points ?? [], series[1]?.points ?? []];
    expect(actual.length).toBe(without.length);
    // Equal before the first wave (1999), strictly above from it on.
    for (const [k, [year, y]] of actual.entries()) {
      const other = without[k]?.[1] as number;
      if ((year as number) < 1999) expect(y).toBeCloseTo(other, 6);
      else expect(y).toBeGreaterThan(other);
    }
    expect(number(3, 'Allies bordering Russia by land in 1990')).toBe(1);
    expect(number(3, 'Allies bordering Russia by land in 2025')).toBe(6);
    const waves = claim(3).numbers.filter((n) => /^Share due to the \d{4} accession/.test(n.label));
    expect(waves.map((w) => /\d{4}/.exec(w.label)?.[0])).toEqual([
      '1999',
      '2004',
      '2009',
      '2017',
      '2020',
      '2023',
      '2024',
    ]);
    for (const w of waves) expect(w.value).toBeGreaterThan(0);
  });

  it("claim 4's change of Russia's security ratio is small against the change of its burden", () => {
    const burden = number(4, "Change of Russia's burden, both arm against restraint");
    const ratio = number(4, "Change of Russia's security ratio, both arm against restraint");
    expect(burden).toBeGreaterThan(50);
    // In log terms the ratio moves less than half as much as the burden: more spending, little more security.
    expect(Math.abs(Math.log1p(ratio / 100))).toBeLessThan(0.5 * Math.log1p(burden / 100));
    expect(number(4, /both arm$/)).toBeGreaterThan(number(4, /NATO's burden in 2035, restraint/));
  });

  it('claim 5 reports the Granger tests of docs/estimation.md: NATO → Russia never below 0.05, Russia → NATO 0.042 with 4 lags', () => {
    const forward = claim(5).numbers.filter((n) => n.label.startsWith('Granger p, NATO → Russia'));
    expect(forward).toHaveLength(6);
    expect(Math.min(...forward.map((n) => n.value))).toBeCloseTo(0.278, 3);
    expect(Math.max(...forward.map((n) => n.value))).toBeCloseTo(0.558, 3);
    expect(number(5, 'Granger p, Russia → NATO, 1993–2024, 4 lags (AIC)')).toBeCloseTo(0.042, 3);
    expect(claim(5).strength).toBe(
      testsStrength(
        forward.map((n) => n.value),
        0.05,
        '',
      ).strength,
    );
    expect(claim(5).strength).toBe('weak');
  });

  it("claim 6's interval is fitted.json's, and its strength follows from the interval excluding 1", () => {
    const fit = dataset.data.fitted?.parameters.elasticity_RUS;
    expect(fit).toBeDefined();
    expect(number(6, "Russia's threat elasticity ε_RUS")).toBe(fit?.estimate);
    expect(number(6, 'ε_RUS, lower end of the 95 % interval')).toBe(fit?.lower);
    expect(number(6, 'ε_RUS, upper end of the 95 % interval')).toBe(fit?.upper);
    // The interval comes from a wild bootstrap on Russia's own residuals; "strong" only where it
    // excludes the proportional value 1.
    const excludes = (fit?.lower as number) > 1 || (fit?.upper as number) < 1;
    expect(claim(6).strength === 'strong').toBe(excludes);
    expect(claim(6).verdict).toBe(excludes ? 'not supported' : 'undecided');
    // The same rule on an interval containing 1 is not strong.
    expect(intervalStrength({ estimate: 1.2, standardError: 0.5, lower: 0.3, upper: 2.1 }, 1, 'ε').strength).toBe(
      'weak',
    );
    const war = number(6, /^Share of Russia's \d{4} burden the war term/);
    expect(war).toBeGreaterThan(0);
    expect(war).toBeLessThan(100);
  });

  it('claim 7 reports a stability margin per scenario and year and the region of the FAS inventories', () => {
    const margins = claim(7).numbers.filter((n) => n.label.startsWith('Stability margin'));
    expect(margins).toHaveLength(PRESET_SCENARIOS.length * 3);
    // Each margin names its mode; the answer tells races from free-riding.
    for (const m of margins) {
      expect(m.label).toMatch(/\((stable|a race between the blocs|within one bloc, not a race)\)$/);
      expect(m.label.endsWith('(stable)')).toBe(m.value <= 0);
    }
    const races = margins.filter((m) => m.label.endsWith('(a race between the blocs)')).length;
    const positive = margins.filter((m) => m.value > 0).length;
    expect(claim(7).answer).toContain(
      positive === 0
        ? `not positive in any of the ${margins.length} scenario-years checked: perturbations decay`
        : `positive in ${positive} of ${margins.length} scenario-years checked — a race between the blocs, both arming together until the burden bounds bind, in ${races} of them; free-riding or one bloc alone, not a race, in ${positive - races}`,
    );
    expect(number(7, /^US deployed strategic warheads/)).toBe(
      dataset.observation('USA', 'warheads_deployed_strategic', 'fas-2023', 2023)?.value,
    );
    expect(claim(7).answer).toMatch(/lie in mutual deterrence/);
  });

  it('claim 7 adds the 2026 stockpiles after New START lapsed, and the treaty limit as a reference', () => {
    expect(number(7, 'US military stockpile, 2026')).toBe(3700);
    expect(number(7, 'Russian military stockpile, 2026')).toBe(4400);
    expect(number(7, /^New START limit/)).toBe(1550);
    const names = claim(7).chart.series.map((s) => s.name);
    expect(names).toContain('Stockpiles, 2026 (FAS 2026, after New START lapsed)');
    expect(
      names.some((n) => n.startsWith('New START limit: 1,550 deployed strategic each (lapsed 5 February 2026)')),
    ).toBe(true);
    // The yearly path still ends with FAS's 2023 series; 2026 is a point of its own edition.
    expect(names[0]).toMatch(/^Stockpiles \d{4}–2023$/);
    expect(claim(7).caveats.join(' ')).toContain('the first after New START lapsed on 5 February 2026');
  });
});

describe('claimEvidence', () => {
  it('claimEvidence(id) equals the entry of claimsEvidence for a data claim', () => {
    expect(claimEvidence(2, dataset)).toEqual(claim(2));
  });

  it('claimEvidence rejects an id outside 1–7 and options out of range, naming the field and the fix', () => {
    expect(() => claimEvidence(8, dataset)).toThrow(InputError);
    expect(() => claimEvidence(8, dataset)).toThrow(/claim: 8 is not a claim; use a number from 1 to 7/);
    expect(() => claimEvidence(5, dataset, { alpha: 1.5 })).toThrow(/alpha: 1.5 is out of range/);
    expect(() => claimEvidence(4, dataset, { armedScenario: 'nope' })).toThrow(
      /armedScenario: "nope" is not among the scenarios/,
    );
  });
});

describe('PRESET_SCENARIOS', () => {
  it('PRESET_SCENARIOS equal the preset files of scenarios/ they mirror', () => {
    for (const { id, input } of PRESET_SCENARIOS) {
      const text = readFileSync(join(import.meta.dirname, '../../../scenarios', `${id}.yaml`), 'utf8');
      expect(input, id).toEqual(parseScenario(text));
    }
  });
});
