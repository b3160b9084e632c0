import { describe, expect, it } from 'vitest';
import { alliesAtThresholds } from '../../../src/core/charts/allies-at-thresholds.js';
import { alliesBurden } from '../../../src/core/charts/allies-burden.js';
import { scenarioPledge } from '../../../src/core/charts/scenario-pledge.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../../src/core/simulate.js';
import { meetsThreshold } from '../../../src/core/threshold.js';

const dataset = loadDataset();

describe("the scenario's own pledge in the burden charts", () => {
  const four = simulate(
    parseScenario('pledges: [{ target: 4%, by: 2032 }]\ncompliance: { default: binding }'),
    dataset,
  );

  it('is counted by the one threshold rule, and every ally reaches a binding 4 % by its due year', () => {
    const p = scenarioPledge(four);
    expect(p).toMatchObject({ percent: 4, by: 2032 });
    const k = four.years.indexOf(2033);
    expect(p?.counts[k]).toBe(four.indicators.allies[k]);
    const first = four.actors.filter((a) => a.ally[0] && meetsThreshold(100 * (a.burden[0] as number), 4)).length;
    expect(p?.counts[0]).toBe(first);
    expect(p?.counts[0]).toBeLessThan(four.indicators.allies[0] as number);
  });

  it('is drawn as a rule and a count series; 2 % and 3.5 % pledges add nothing', () => {
    const marks = JSON.stringify(
      (alliesBurden(four).plot.marks ?? []).map((m) => (m as { className?: string }).className),
    );
    expect(marks).toContain('rule-4');
    const series = alliesAtThresholds(four).subtitle;
    expect(series).toContain("the scenario's pledge of 4 %");
    expect(scenarioPledge(simulate(parseScenario(''), dataset))).toBeUndefined();
    expect(scenarioPledge(simulate(parseScenario('pledges: [{ target: 2%, by: 2030 }]'), dataset))).toBeUndefined();
  });
});
