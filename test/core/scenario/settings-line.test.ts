import { describe, expect, it } from 'vitest';
import { sourceNote } from '../../../src/core/charts/source-note.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { runEnsemble } from '../../../src/core/ensemble/run-ensemble.js';
import { scenarioSensitivity } from '../../../src/core/ensemble/scenario-sensitivity.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { scenarioSettingsLine } from '../../../src/core/scenario/settings-line.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();
const line = (yaml: string) => scenarioSettingsLine(simulate(parseScenario(yaml), dataset));

describe('scenarioSettingsLine', () => {
  it('names the pledge and its year, the compliance, Russia’s elasticity and the war', () => {
    expect(
      line(
        'end: 2040\npledges: [{ target: 4%, by: 2032 }]\ncompliance: { default: 0.55 }\n' +
          'response: { RUS: { elasticity: 1.5 } }\nwar: { RUS: { until: 2028 } }',
      ),
    ).toBe("pledge 4 % of GDP by 2032, compliance 0.55; Russia's threat elasticity 1.50; war ends 2028");
  });

  it('says how many allies have their own compliance, and trend or binding in words', () => {
    expect(line('end: 2040\ncompliance: { default: trend, POL: 1, DEU: 0.5 }')).toMatch(
      /^pledge 3\.5 % of GDP by 2035, compliance trend \(2 allies set apart\);/,
    );
    expect(line('end: 2040\ncompliance: { default: binding }')).toMatch(/compliance binding;/);
  });

  it('says when there is no pledge, and leaves Russia and the war out of a run without Russia’s war', () => {
    expect(line('end: 2030\npledges: []\nactors: [RUS, POL]\nwar: { RUS: { extra_share: 0 } }')).toBe(
      "no pledge; Russia's threat elasticity 1.06",
    );
  });

  it('is what the caption of every chart of the run carries, after the scenario’s name', () => {
    const result = simulate(parseScenario('name: Mine\nend: 2030'), dataset);
    expect(sourceNote(result).startsWith(`Scenario “Mine”: ${scenarioSettingsLine(result)}. `)).toBe(true);
  });

  it('travels with an ensemble and a sensitivity analysis, for their captions', () => {
    const input = parseScenario(
      'name: Spread\nend: 2030\nensemble: { uncertain: { response.RUS.elasticity: { uniform: [0.5, 1.5] } } }',
    );
    const settings = scenarioSettingsLine(simulate(input, dataset));
    expect(runEnsemble(input, dataset, { runs: 32 }).scenario).toEqual({ name: 'Spread', settings });
    expect(scenarioSensitivity(input, dataset, { samples: 8, method: 'morris' }).scenario).toEqual({
      name: 'Spread',
      settings,
    });
  });
});
