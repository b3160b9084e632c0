import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { PRESET_SCENARIOS } from '../../../src/core/scenario/presets.js';
import type { ScenarioInput } from '../../../src/core/scenario/schema.js';
import { simulate } from '../../../src/core/simulate.js';

// What drives Russia's burden in the status quo (docs/model.md): its war term and its response to
// NATO's capability. Without either, the model has closed forms to check against.
const dataset = loadDataset();
const statusQuo = PRESET_SCENARIOS.find((p) => p.id === 'status-quo')?.input as ScenarioInput;
const russia = (input: ScenarioInput) => simulate(input, dataset).actors.find((a) => a.iso3 === 'RUS')?.burden ?? [];
const sipri = (year: number) =>
  (dataset.observation('RUS', 'milex_share_gdp', 'sipri-2026', year)?.value as number) / 100;

describe("Russia's burden in the status quo, taken apart", () => {
  it('without a threat response its target is its start burden (b + w): it stays at the 2025 data', () => {
    // u = b·(Θ/Θ₀)^0 = b and s* = b + w = s(2025): ds/dt = 0 from the start.
    for (const s of russia({ ...statusQuo, response: { RUS: { elasticity: 0 } } }))
      expect(s).toBeCloseTo(sipri(2025), 12);
  });

  it('without the response and with the war over, it returns to its pre-war burden at its speed', () => {
    // s* = b = s(2021) once the war term has faded (2026 + 3 years); the gap then shrinks as e^{−λt}.
    const path = russia({
      ...statusQuo,
      war: { RUS: { until: 2026, fade_years: 3 } },
      response: { RUS: { elasticity: 0 } },
    });
    const b = sipri(2021);
    const last = path.at(-1) as number;
    expect(Math.abs(last - b)).toBeLessThan(0.001);
    expect(last).toBeGreaterThan(b); // approached from above, never crossed
  });

  it('the fitted response adds to it as NATO grows, and the war term holds it up', () => {
    const all = russia(statusQuo).at(-1) as number;
    const noWar = russia({ ...statusQuo, war: { RUS: { until: 2026, fade_years: 3 } } }).at(-1) as number;
    expect(all).toBeGreaterThan(sipri(2025));
    expect(noWar).toBeLessThan(all);
    expect(noWar).toBeGreaterThan(sipri(2021));
  });
});
