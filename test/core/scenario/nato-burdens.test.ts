import { describe, expect, it } from 'vitest';
import { pledgeReport } from '../../../src/core/analyze/pledge-report.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();
const nato = parseScenario('start: 2026\nburdens: nato');

describe('burdens: nato — the allies start from NATO’s latest edition', () => {
  const r = resolveScenario(nato, dataset);

  it("takes each ally's 2026e from NATO's 2026 edition and every other actor from SIPRI", () => {
    const pol = r.actors.find((a) => a.iso3 === 'POL');
    const nato26 = dataset.observation('POL', 'milex_share_gdp', 'nato-2026', 2026)?.value as number;
    expect(pol?.startShare).toBeCloseTo(nato26 / 100, 15);
    expect(pol).toMatchObject({ startShareSource: 'nato-2026', startShareYear: 2026 });
    const rus = r.actors.find((a) => a.iso3 === 'RUS');
    expect(rus).toMatchObject({ startShareSource: 'sipri-2026', startShareYear: 2025 });
    expect(rus?.startShare).toBeCloseTo(0.075, 15);
    // Russia's war term is SIPRI's rise since 2021, whatever the allies' definition.
    const sipri = resolveScenario(parseScenario('start: 2026'), dataset).actors.find((a) => a.iso3 === 'RUS');
    expect(rus?.war.extraShare).toBe(sipri?.war.extraShare);
    expect(r.burdenNote).toMatch(/^Allies start from NATO's figures \(nato-2026, core defence/);
    expect(r.burdenNote).toContain('RUS, BLR, UKR from SIPRI');
  });

  it('counts in its first year what the pledge tracker counts for 2026e: 30 allies at 2 %, 5 at 3.5 %', () => {
    const run = simulate(nato, dataset);
    const at2 = pledgeReport(dataset, { year: 2026 }).counts.meets;
    const at35 = pledgeReport(dataset, { year: 2026, threshold: 0.035 }).counts.meets;
    expect([run.indicators.alliesAt2[0], run.indicators.alliesAt35[0]]).toEqual([at2, at35]);
    expect([at2, at35]).toEqual([30, 5]);
  });

  it('keeps SIPRI by default and refuses another definition, naming the field', () => {
    expect(resolveScenario(parseScenario(''), dataset).burdens).toBe('sipri');
    expect(() => parseScenario('burdens: imf')).toThrow('scenario.burdens');
  });
});
