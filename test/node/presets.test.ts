import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/data/load-dataset.js';
import { runScenario } from '../../src/core/run-scenario.js';
import type { SimulationResult } from '../../src/core/simulate.js';
import { listPresets, readScenario } from '../../src/node/scenario-file.js';

const dataset = loadDataset();
const run = (name: string) => runScenario(readScenario(name).input, dataset) as SimulationResult;
const last = (v: readonly number[]) => v[v.length - 1] as number;
const rus = (r: SimulationResult) => r.actors.find((a) => a.iso3 === 'RUS');

describe('preset scenarios', () => {
  const presets = listPresets();

  it('include the seven policy presets and the classic Richardson example, each with a comment', () => {
    expect(presets.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'status-quo',
        'hague-met',
        'hague-partial',
        'russia-proportional',
        'ceasefire-2026',
        'ukraine-joins-2035',
        'mutual-restraint',
        'richardson-classic',
      ]),
    );
    for (const p of presets) expect(p.summary.length, p.name).toBeGreaterThan(20);
  });

  it.each(presets.map((p) => p.name))('%s parses and runs with finite results', (name) => {
    const r = runScenario(readScenario(name).input, dataset);
    if (r.model === 'richardson') {
      expect(r.stability.stable).toBe(true);
      return;
    }
    for (const a of r.actors) for (const b of a.burden) expect(Number.isFinite(b), `${name} ${a.iso3}`).toBe(true);
  });

  it('orders the presets as their assumptions say', () => {
    const quo = run('status-quo');
    const met = run('hague-met');
    const partial = run('hague-partial');
    const cease = run('ceasefire-2026');
    const restraint = run('mutual-restraint');
    // The binding pledges hold every ally at 3.5 % (met) and 2 % (status quo) in 2035; the pledge
    // met lifts the laggards above the recent trends (the totals depend on the fitted responses).
    const k = quo.years.indexOf(2035);
    const lowest = (r: SimulationResult) =>
      Math.min(...r.actors.filter((a) => a.ally[k]).map((a) => a.burden[k] as number));
    expect(lowest(met)).toBeGreaterThanOrEqual(0.035 - 1e-9);
    expect(lowest(quo)).toBeGreaterThanOrEqual(0.02 - 1e-9);
    expect(lowest(met)).toBeGreaterThan(lowest(partial));
    expect(quo.indicators.alliesAt2[k]).toBe(quo.indicators.allies[k]);
    expect(met.indicators.alliesAt2[k]).toBeGreaterThanOrEqual(partial.indicators.alliesAt2[k] as number);
    expect(last(rus(cease)?.burden ?? [])).toBeLessThan(last(rus(quo)?.burden ?? []));
    expect(last(rus(restraint)?.burden ?? [])).toBeLessThan(last(rus(cease)?.burden ?? []));
    const ukr = run('ukraine-joins-2035');
    expect(ukr.indicators.allies[ukr.years.indexOf(2035)]).toBe(32);
    expect(ukr.indicators.allies[ukr.years.indexOf(2034)]).toBe(31);
  });

  it('rejects a name that is neither a file nor a preset, listing the presets', () => {
    expect(() => readScenario('no-such-preset')).toThrow(
      /"no-such-preset" is neither a readable file nor a preset; presets: ceasefire-2026/,
    );
  });
});
