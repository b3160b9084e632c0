import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { compileUncertain } from '../../../src/core/ensemble/uncertain.js';
import { stream } from '../../../src/core/math/random.js';
import { integrateAnnual } from '../../../src/core/model/annual-means.js';
import { buildDemandModel, prepareDemandModel } from '../../../src/core/model/demand/index.js';
import { pledgePath } from '../../../src/core/model/pledge-path.js';
import { parseScenario, ScenarioError } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();

// No force but the pledge: all elasticities zero, no war term; 3.5 % by 2030 from 2025.
const STILL = `
actors: [USA, DEU, ITA, ESP, POL, RUS, BLR]
end: 2040
pledges: [{ target: 3.5%, from: 2025, by: 2030 }]
response: { default: { elasticity: 0, spill_in: 0, speed: 0.4 } }
war: { RUS: { extra_share: 0 } }
`;
const DUE = 2030;
const TARGET = 0.035;

describe('compliance: binding', () => {
  it('holds a burden that starts below the target on its pledge path and at the target from the due year on', () => {
    const scenario = resolveScenario(parseScenario(`${STILL}compliance: { default: binding }`), dataset);
    const model = buildDemandModel(scenario, dataset);
    const annual = integrateAnnual(model, { stepYears: 1 / 12, solver: 'rk4' });
    const run = simulate(parseScenario(`${STILL}compliance: { default: binding }`), dataset);
    const below = scenario.actors.flatMap((a, i) => (a.startShare < TARGET && a.joinsNato <= 2025 ? [i] : []));
    expect(below.map((i) => scenario.actors[i]?.iso3)).toEqual(['USA', 'DEU', 'ITA', 'ESP']);
    for (const i of below) {
      const b = model.baseline[i] as number;
      const path = (t: number) => pledgePath(b, TARGET, 2025, DUE, t);
      for (let y = 0; y <= annual.years; y++) {
        const t = model.start + y;
        // The state at the start of each year, and the year's mean against the path's mean (its
        // value at mid-year, the path being straight inside a year).
        const s = annual.yearStates[y * 2 * model.n + i] as number;
        expect(s, `${scenario.actors[i]?.iso3} ${t}`).toBeGreaterThanOrEqual(path(t) - 1e-12);
        if (y < annual.years) {
          const mean = run.actors[i]?.burden[y] as number;
          expect(mean, `${scenario.actors[i]?.iso3} ${t}`).toBeGreaterThanOrEqual(path(t + 0.5) - 1e-12);
          if (t >= DUE) expect(Math.abs(mean - TARGET), `${scenario.actors[i]?.iso3} ${t}`).toBeLessThan(1e-9);
        }
        if (t >= DUE) expect(Math.abs(s - TARGET)).toBeLessThan(1e-9);
      }
    }
  });

  it('is what makes the difference: with compliance 1 alone the burden lags its path', () => {
    const bound = simulate(parseScenario(`${STILL}compliance: { default: binding }`), dataset);
    const free = simulate(parseScenario(`${STILL}compliance: { default: 1 }`), dataset);
    const k = bound.years.indexOf(DUE);
    const deu = (r: typeof bound) => r.actors.find((a) => a.iso3 === 'DEU')?.burden[k] as number;
    expect(deu(bound)).toBeCloseTo(TARGET, 12);
    expect(deu(free)).toBeLessThan(TARGET - 1e-3);
  });

  it('leaves alone an actor whose own dynamics rise faster than its path (same run as compliance 1)', () => {
    // The path stays at the start burden until 2027; Germany's threat response carries it above
    // the path from the first step and, from 2027, faster than the path rises.
    const base = `
actors: [USA, DEU, FRA, POL, RUS, BLR]
end: 2045
pledges: [{ target: 3.5%, from: 2027, by: 2040 }]
response: { default: { elasticity: 2, spill_in: 0, speed: 1 } }
war: { RUS: { extra_share: 0 } }
`;
    const scenario = resolveScenario(parseScenario(`${base}compliance: { default: 1, DEU: binding }`), dataset);
    const deu = scenario.actors.findIndex((a) => a.iso3 === 'DEU');
    expect(scenario.actors[deu]?.binding).toBe(true);
    const model = buildDemandModel(scenario, dataset);
    const annual = integrateAnnual(model, { stepYears: 1 / 12, solver: 'rk4' });
    for (let y = 1; y <= annual.years; y++) {
      const t = model.start + y;
      const path = pledgePath(model.baseline[deu] as number, TARGET, 2027, 2040, t);
      expect(annual.yearStates[y * 2 * model.n + deu] as number).toBeGreaterThan(path + 1e-4);
    }
    const bound = simulate(parseScenario(`${base}compliance: { default: 1, DEU: binding }`), dataset);
    const free = simulate(parseScenario(`${base}compliance: { default: 1 }`), dataset);
    expect(bound.actors.map((a) => a.burden)).toEqual(free.actors.map((a) => a.burden));
  });

  it('takes the path’s slope before its due year in the derivative and after it in the snapshot', () => {
    // On the path at the due year: a step that ends there rises with the path, one that starts
    // there stays at the target.
    const scenario = resolveScenario(parseScenario(`${STILL}compliance: { default: binding }`), dataset);
    const model = buildDemandModel(scenario, dataset);
    const deu = scenario.actors.findIndex((a) => a.iso3 === 'DEU');
    const y = model.initialState.slice();
    y[deu] = TARGET;
    const before = new Float64Array(y.length);
    const after = new Float64Array(y.length);
    model.derivative(DUE, y, before);
    model.snapshot(DUE, y, model.createSnapshot(), after);
    const slope = (TARGET - (model.baseline[deu] as number)) / (DUE - 2025);
    expect(before[deu]).toBeCloseTo(slope, 15);
    expect(after[deu]).toBe(0);
  });

  it('reaches every ally in the hague-met preset: each at 3.5 % or above in 2035', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../scenarios/hague-met.yaml'), 'utf8');
    const input = parseScenario(text);
    expect(input.compliance).toEqual({ default: 'binding' });
    const run = simulate(input, dataset);
    const k = run.years.indexOf(2035);
    const allies = run.actors.filter((a) => !['BLR', 'RUS', 'UKR'].includes(a.iso3));
    expect(allies.length).toBeGreaterThanOrEqual(30);
    for (const a of allies) expect(a.burden[k] as number, a.iso3).toBeGreaterThanOrEqual(0.035 - 1e-9);
    expect(run.indicators.alliesAt35[k]).toBe(allies.length);
  });

  it('runs members side by side, binding in some and not in others, each as its single run', () => {
    const scenario = resolveScenario(parseScenario(`${STILL}compliance: { default: 1 }`), dataset);
    const prepared = prepareDemandModel(scenario, dataset);
    const n = scenario.actors.length;
    const binds = [0, 1, 1, 0];
    const M = binds.length;
    const batch = buildDemandModel(scenario, dataset, {
      members: M,
      prepared,
      configure: (p) => {
        for (let i = 0; i < n; i++) for (let m = 0; m < M; m++) p.binding[i * M + m] = binds[m] as number;
      },
    });
    const annual = integrateAnnual(batch, { stepYears: 0.25, solver: 'rk4', samplesPerYear: 4 });
    const deu = scenario.actors.findIndex((a) => a.iso3 === 'DEU');
    for (let m = 0; m < M; m++) {
      const single = buildDemandModel(scenario, dataset, {
        prepared,
        configure: (p) => p.binding.fill(binds[m] as number),
      });
      const one = integrateAnnual(single, { stepYears: 0.25, solver: 'rk4', samplesPerYear: 4 });
      for (let i = 0; i < n; i++)
        for (let y = 0; y < one.years; y++)
          expect(annual.spending[(i * M + m) * annual.years + y]).toBe(one.spending[i * one.years + y]);
    }
    // The flag matters: Germany's spending in the due year differs between members 0 and 1.
    const cell = (m: number) => annual.spending[(deu * M + m) * annual.years + (DUE - 2025)];
    expect(cell(1)).toBeGreaterThan(cell(0) as number);
  });

  it('lets an ensemble’s drawn compliance replace a binding one, floor included', () => {
    const input = parseScenario(
      `${STILL}compliance: { default: binding }\nensemble: { uncertain: { compliance.default: { uniform: [0.2, 0.4] } } }`,
    );
    const scenario = resolveScenario(input, dataset);
    const [draw] = compileUncertain(input, scenario, undefined);
    const model = buildDemandModel(scenario, dataset, {
      members: 2,
      configure: (p) => draw?.draw(stream(1, 0), p, 1),
    });
    const { binding, compliance } = model.parameters;
    for (let i = 0; i < scenario.actors.length; i++) {
      expect([binding[i * 2], compliance[i * 2]]).toEqual([1, 1]);
      expect(binding[i * 2 + 1]).toBe(0);
      expect(compliance[i * 2 + 1]).toBeGreaterThanOrEqual(0.2);
      expect(compliance[i * 2 + 1]).toBeLessThanOrEqual(0.4);
    }
  });
});

describe('compliance in the scenario file', () => {
  it('accepts binding per actor and resolves it to κ = 1 with the floor', () => {
    const r = resolveScenario(parseScenario('compliance: { default: 0.5, POL: binding, DEU: trend }'), dataset);
    const pol = r.actors.find((a) => a.iso3 === 'POL');
    const fra = r.actors.find((a) => a.iso3 === 'FRA');
    expect([pol?.compliance, pol?.binding]).toEqual([1, true]);
    expect([fra?.compliance, fra?.binding]).toEqual([0.5, false]);
    expect(r.actors.find((a) => a.iso3 === 'DEU')?.binding).toBe(false);
  });

  it('rejects a misspelt binding, naming the field, the value and what is accepted', () => {
    const bad = () => parseScenario('compliance: { POL: bindin }');
    expect(bad).toThrow(ScenarioError);
    expect(bad).toThrow(
      'scenario.compliance.POL: "bindin" is not accepted; use a number from 0 to 1, trend or binding',
    );
    expect(() => parseScenario('compliance: { default: 1.5 }')).toThrow(
      'scenario.compliance.default: 1.5 must lie between 0 and 1',
    );
  });
});
