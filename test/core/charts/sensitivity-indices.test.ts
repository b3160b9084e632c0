import { describe, expect, it } from 'vitest';
import {
  SENSITIVITY_CHART,
  sensitivityBars,
  sensitivityIndices,
} from '../../../src/core/charts/sensitivity-indices.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { scenarioSensitivity } from '../../../src/core/ensemble/scenario-sensitivity.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { chartDocument } from '../../../src/node/render-charts.js';
import type { TestElement } from './chart-test-helpers.js';

const dataset = loadDataset();
// Russia's elasticity moves Russia's burden; the allies' compliance with pledges cannot.
const input = parseScenario(`end: 2031
ensemble:
  uncertain:
    compliance.default: { uniform: [0.3, 1] }
    response.RUS.elasticity: { uniform: [0.5, 5] }
`);
const sobol = scenarioSensitivity(input, dataset, { samples: 32, year: 2030, bootstrap: 50 });
const morris = scenarioSensitivity(input, dataset, { method: 'morris', samples: 6, year: 2030 });

const textsOf = (svg: TestElement, selector: string) =>
  Array.from(svg.querySelectorAll(selector), (t) => t.textContent ?? '');
const build = (analysis: typeof sobol) =>
  SENSITIVITY_CHART.build(analysis, { document: chartDocument() }) as unknown as TestElement;

describe('the sensitivity chart', () => {
  it('ranks the parameters by total index, each with S_T and S and their bootstrap intervals', () => {
    const bars = sensitivityBars(sobol);
    expect(bars.map((b) => `${b.parameter} ${b.measure}`)).toEqual([
      'response.RUS.elasticity S_T',
      'response.RUS.elasticity S',
      'compliance.default S_T',
      'compliance.default S',
    ]);
    const factors = sobol.result.method === 'sobol' ? sobol.result.outputs[0]?.factors : undefined;
    const elasticity = factors?.find((f) => f.factor === 'response.RUS.elasticity');
    expect(bars[0]).toMatchObject({
      estimate: elasticity?.total.estimate,
      low: elasticity?.total.low,
      high: elasticity?.total.high,
    });
    expect(bars[0]?.estimate).toBeGreaterThan(0.5);
    for (const b of bars) expect(b.low).toBeLessThanOrEqual(b.high);
  });

  it('draws one bar per index, a whisker per interval and a label per bar', () => {
    const svg = build(sobol);
    expect(svg.querySelectorAll('g.sensitivity-bars rect').length).toBe(4);
    expect(svg.querySelectorAll('g.sensitivity-whiskers line').length).toBe(4);
    const labels = textsOf(svg, 'g.sensitivity-labels text');
    expect(labels).toHaveLength(4);
    expect(labels[0]).toMatch(/^S_T \d\.\d{3}$/);
    expect(labels.join(' ')).not.toContain('-0.000');
    const all = svg.textContent ?? '';
    expect(all).toContain("What drives Russia's military burden in 2030");
    expect(all).toContain('95 % bootstrap intervals (50 resamples)');
    // The parameters in words, not the scenario file's paths.
    expect(textsOf(svg, 'g[aria-label="fy-axis tick label"] text')).toEqual([
      "Russia's threat elasticity ε",
      "allies' compliance κ",
    ]);
    expect(all).not.toContain('response.RUS.elasticity');
    expect(all).not.toContain('RUS.burden');
  });

  it("shows Morris's μ* per parameter, ranked, with σ in the label and no whiskers", () => {
    const bars = sensitivityBars(morris);
    expect(bars.map((b) => b.parameter)).toEqual(['response.RUS.elasticity', 'compliance.default']);
    expect(bars.every((b) => b.measure === 'μ*' && Number.isNaN(b.low))).toBe(true);
    const svg = build(morris);
    expect(svg.querySelectorAll('g.sensitivity-bars rect').length).toBe(2);
    expect(svg.querySelectorAll('g.sensitivity-whiskers line').length).toBe(0);
    expect(textsOf(svg, 'g.sensitivity-labels text')[0]).toMatch(/^μ\* [\d.e-]+ \(σ [\d.e-]+\)$/);
    expect(sensitivityIndices(morris).subtitle).toContain("Morris screening of Russia's military burden in 2030");
  });
});
