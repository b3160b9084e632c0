import { describe, expect, it } from 'vitest';
import { boundsReached, validationSentence } from '../../../src/core/analyze/run-notices.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();

describe('boundsReached', () => {
  it("names the actor, the bound and the first year a run's burden reaches it", () => {
    const hot = simulate(parseScenario('response: { RUS: { elasticity: 5, speed: 0.8 } }'), dataset);
    const hit = boundsReached(hot);
    expect(hit).toHaveLength(1);
    expect(hit[0]).toMatchObject({ iso3: 'RUS', bound: 'upper', value: 0.15 });
    const k = hot.years.indexOf(hit[0]?.year as number);
    const rus = hot.actors.find((a) => a.iso3 === 'RUS')?.burden ?? [];
    expect(rus[k]).toBeGreaterThanOrEqual(0.15 * 0.99);
    expect(rus[k - 1]).toBeLessThan(0.15 * 0.99);
  });

  it('is empty for the default scenario', () => {
    expect(boundsReached(simulate(parseScenario(''), dataset))).toEqual([]);
  });
});

describe('validationSentence', () => {
  it("quotes the committed validation's ratios at five years", () => {
    const f = dataset.data.fitted;
    const ratio = (g: 'allies' | 'russia') =>
      (f?.selection.rmse[g].model[4] as number) / (f?.selection.rmse[g].random_walk[4] as number);
    const text = validationSentence(f) ?? '';
    expect(text).toContain(f?.selection.specification as string);
    expect(text).toContain(
      `${Math.abs(100 * (1 - ratio('allies'))).toFixed(0)} % below a random walk's for the allies`,
    );
    expect(validationSentence(undefined)).toBeUndefined();
  });
});
