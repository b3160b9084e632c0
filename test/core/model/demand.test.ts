import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { integrateAnnual } from '../../../src/core/model/annual-means.js';
import { buildDemandModel, prepareDemandModel } from '../../../src/core/model/demand/index.js';
import { greatCircleKm, proximityWeight } from '../../../src/core/model/proximity.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();
const model = (yaml: string) => buildDemandModel(resolveScenario(parseScenario(yaml), dataset), dataset);

// A scenario with no force acting on burdens: all elasticities zero, no pledge, no war term.
const STILL = `
response: { default: { elasticity: 0, spill_in: 0 } }
pledges: []
war: { RUS: { extra_share: 0 }, UKR: { extra_share: 0 } }
`;

describe('demand model: mathematics', () => {
  it('keeps every actor exactly at its start burden when nothing pushes it (equilibrium start)', () => {
    const r = simulate(parseScenario(STILL), dataset);
    for (const a of r.actors) {
      const s0 = r.scenario.actors.find((x) => x.iso3 === a.iso3)?.startShare as number;
      for (const b of a.burden) expect(Math.abs(b - s0)).toBeLessThan(1e-12);
    }
  });

  it('with a data-based war term held, Russia still stays at its start burden', () => {
    const r = simulate(parseScenario('response: { default: { elasticity: 0, spill_in: 0 } }\npledges: []'), dataset);
    const rus = r.actors.find((a) => a.iso3 === 'RUS');
    const s0 = r.scenario.actors.find((x) => x.iso3 === 'RUS')?.startShare as number;
    for (const b of rus?.burden ?? []) expect(Math.abs(b - s0)).toBeLessThan(1e-12);
  });

  it('adjusts toward a constant target as s(t) = s* + (s0 − s*) e^{−λt} (partial adjustment closed form)', () => {
    // After the due year the pledge path is constant: with compliance 1 and no threat response,
    // the desired burden is the target and the burden follows the closed form exactly.
    const m = model(`
response: { default: { elasticity: 0, spill_in: 0, speed: 0.4 } }
war: { RUS: { extra_share: 0 }, UKR: { extra_share: 0 } }
pledges: [{ target: 6%, from: 2025, by: 2026 }]
compliance: { default: 1 }
end: 2040`);
    const ita = m.codes.indexOf('ITA');
    const dense = new Float64Array((2040 - 2026) * 12 + 1).map((_, k) => 2026 + k / 12);
    const { outputs } = integrate(m, dense);
    const s26 = outputs[ita] as number;
    for (let k = 0; k < dense.length; k++) {
      const t = (dense[k] as number) - 2026;
      const exact = 0.06 + (s26 - 0.06) * Math.exp(-0.4 * t);
      expect(Math.abs((outputs[k * 2 * m.n + ita] as number) - exact)).toBeLessThan(1e-9); // RK4 global error ≈ t·λ⁵h⁴/120·|s0 − s*| ≈ 3e-9 here
    }
  });

  it('accumulates capability as K(t) = φM/δ + (K0 − φM/δ)e^{−δt} under constant spending', () => {
    // From 2031 GDP grows at the long-run rate, here set to zero: spending is constant.
    const m = model(`${STILL}
start: 2031
end: 2045
gdp: { long_run_growth: { default: 0 } }`);
    const pol = m.codes.indexOf('POL');
    const times = new Float64Array(15 * 12 + 1).map((_, k) => 2031 + k / 12);
    const { outputs } = integrate(m, times);
    const snap = m.createSnapshot();
    m.snapshot(2032, m.initialState, snap);
    const M = snap.spending[pol] as number;
    const K0 = m.initialState[m.n + pol] as number;
    for (let k = 12; k < times.length; k++) {
      const t = (times[k] as number) - 2031;
      const exact = M / 0.1 + (K0 - M / 0.1) * Math.exp(-0.1 * t);
      expect(Math.abs((outputs[k * 2 * m.n + m.n + pol] as number) - exact) / exact).toBeLessThan(1e-10);
    }
  });

  it("adds exactly the new ally's weighted capability to Russia's threat on enlargement", () => {
    const base = model('actors: [USA, POL, DEU, RUS, BLR, GEO]\nend: 2040');
    const enlarged = model(
      'actors: [USA, POL, DEU, RUS, BLR, GEO]\nenlargement: [{ country: GEO, year: 2030 }]\nend: 2040',
    );
    const rus = base.codes.indexOf('RUS');
    const geo = base.codes.indexOf('GEO');
    const state = base.initialState;
    const a = base.createSnapshot();
    const b = enlarged.createSnapshot();
    base.snapshot(2030, state, a);
    enlarged.snapshot(2030, state, b);
    const rusCapital = dataset.country('RUS')?.capital;
    const geoCapital = dataset.country('GEO')?.capital;
    if (rusCapital === undefined || geoCapital === undefined) throw new Error('capitals');
    const w = proximityWeight(greatCircleKm(rusCapital, geoCapital), 1500, 0);
    expect((b.threat[rus] as number) - (a.threat[rus] as number)).toBeCloseTo(w * (state[base.n + geo] as number), 6);
    expect(enlarged.isAlly(geo, 2029.99)).toBe(false);
    expect(enlarged.isAlly(geo, 2030)).toBe(true);
    // Before the accession nothing differs.
    base.snapshot(2029.5, state, a);
    enlarged.snapshot(2029.5, state, b);
    expect(b.threat[rus]).toBe(a.threat[rus]);
  });

  it('agrees between RK4 and Dormand–Prince on the default scenario', () => {
    const rk4 = simulate(parseScenario(''), dataset);
    const dopri = simulate(parseScenario('solver: dopri'), dataset);
    let max = 0;
    rk4.actors.forEach((a, i) => {
      a.burden.forEach((b, k) => {
        max = Math.max(max, Math.abs(b - (dopri.actors[i]?.burden[k] as number)));
      });
    });
    expect(max).toBeLessThan(1e-6);
  });

  it('keeps every burden within its bounds', () => {
    const r = simulate(parseScenario('response: { default: { elasticity: 3 } }\nend: 2060'), dataset);
    for (const [i, a] of r.actors.entries()) {
      const p = r.scenario.actors[i];
      for (const b of a.burden) {
        expect(b).toBeGreaterThanOrEqual((p?.minShare as number) - 1e-9);
        expect(b).toBeLessThanOrEqual((p?.maxShare as number) + 1e-9);
      }
    }
  });

  it('counts allies and blocs from the membership timeline and the scenario enlargement', () => {
    const r = simulate(parseScenario('enlargement: [{ country: UKR, year: 2035 }]\nend: 2040'), dataset);
    const k = r.years.indexOf(2034);
    expect(r.indicators.allies[k]).toBe(31);
    expect(r.indicators.allies[k + 1]).toBe(32);
    expect(r.blocs[2]?.members[0]).toEqual(['RUS', 'BLR']);
  });
});

import { integrateRk4 } from '../../../src/core/solve/rk4.js';

function integrate(m: ReturnType<typeof buildDemandModel>, times: Float64Array) {
  return integrateRk4(m.derivative, m.initialState, m.start, times[times.length - 1] as number, {
    stepYears: 1 / 12,
    outputTimes: times.map((t) => Math.max(t, m.start)),
  });
}

describe('demand model: members side by side', () => {
  const scenario = resolveScenario(parseScenario('end: 2032'), dataset);

  it('buildDemandModel with 5 members varying elasticity and decay length gives each member its single run', () => {
    const elasticity = [0.5, 1, 1.9, 3, 0];
    const decayKm = [1500, 900, 2500, 1500, 4000];
    const prepared = prepareDemandModel(scenario, dataset);
    const batch = buildDemandModel(scenario, dataset, {
      members: 5,
      prepared,
      configure: (p) => {
        for (let m = 0; m < 5; m++) {
          for (let i = 0; i < scenario.actors.length; i++) p.elasticity[i * 5 + m] = elasticity[m] as number;
          p.decayKm[m] = decayKm[m] as number;
        }
      },
    });
    expect(batch.sharedProximity).toBe(false);
    const annual = integrateAnnual(batch, { stepYears: 0.25, solver: 'rk4', samplesPerYear: 4 });
    for (let m = 0; m < 5; m++) {
      const single = buildDemandModel(scenario, dataset, {
        prepared,
        configure: (p) => {
          p.elasticity.fill(elasticity[m] as number);
          p.decayKm[0] = decayKm[m] as number;
        },
      });
      const one = integrateAnnual(single, { stepYears: 0.25, solver: 'rk4', samplesPerYear: 4 });
      for (let i = 0; i < batch.n; i++) {
        for (let y = 0; y < one.years; y++) {
          expect(annual.spending[(i * 5 + m) * annual.years + y]).toBe(one.spending[i * one.years + y]);
          expect(annual.spillIn[(i * 5 + m) * annual.years + y]).toBe(one.spillIn[i * one.years + y]);
        }
      }
    }
  });

  it('members that share an actor’s constants (only GDP shocks differ) and members that do not each give their single run', () => {
    // Russia's elasticity differs by member, every other actor's constants are shared: the kernel
    // reads shared constants once per actor and Russia's at every entry; both must match M = 1.
    const M = 4;
    const rus = scenario.actors.findIndex((a) => a.iso3 === 'RUS');
    const elasticity = [0.4, 1, 1, 2.5];
    const prepared = prepareDemandModel(scenario, dataset);
    const shockOf = (shape: { n: number; gdpYears: number; members: number }, member: (m: number) => number) => {
      const shock = new Float64Array(shape.n * shape.gdpYears * shape.members);
      for (let k = 0; k < shape.gdpYears; k++)
        for (let i = 0; i < shape.n; i++)
          for (let m = 0; m < shape.members; m++)
            shock[(k * shape.n + i) * shape.members + m] = 0.01 * Math.sin(k + 3 * i + 7 * member(m));
      return shock;
    };
    const batch = buildDemandModel(scenario, dataset, {
      members: M,
      prepared,
      gdpShock: (shape) => shockOf(shape, (m) => m),
      configure: (p) => {
        for (let m = 0; m < M; m++) p.elasticity[rus * M + m] = elasticity[m] as number;
      },
    });
    const annual = integrateAnnual(batch, { stepYears: 0.25, solver: 'rk4', samplesPerYear: 4 });
    for (let m = 0; m < M; m++) {
      const single = buildDemandModel(scenario, dataset, {
        prepared,
        gdpShock: (shape) => shockOf(shape, () => m),
        configure: (p) => {
          p.elasticity[rus] = elasticity[m] as number;
        },
      });
      const one = integrateAnnual(single, { stepYears: 0.25, solver: 'rk4', samplesPerYear: 4 });
      for (let i = 0; i < batch.n; i++) {
        for (let y = 0; y < one.years; y++) {
          expect(annual.spending[(i * M + m) * annual.years + y]).toBe(one.spending[i * one.years + y]);
          expect(annual.capability[(i * M + m) * annual.years + y]).toBe(one.capability[i * one.years + y]);
        }
      }
    }
    // The shocks matter: members 1 and 2 share every constant and still differ.
    const cell = (m: number) => annual.spending[(rus * M + m) * annual.years + annual.years - 1];
    expect(cell(1)).not.toBe(cell(2));
  });

  it('snapshot with dydt writes the same derivative as derivative', () => {
    const m = buildDemandModel(scenario, dataset, { members: 3 });
    const viaDerivative = new Float64Array(m.initialState.length);
    const viaSnapshot = new Float64Array(m.initialState.length);
    m.derivative(2027.25, m.initialState, viaDerivative);
    m.snapshot(2027.25, m.initialState, m.createSnapshot(), viaSnapshot);
    expect([...viaSnapshot]).toEqual([...viaDerivative]);
    expect(viaDerivative.some((v) => v !== 0)).toBe(true);
  });

  it('buildDemandModel with a prepared model of another scenario throws a RangeError naming prepared', () => {
    const other = resolveScenario(parseScenario('end: 2031'), dataset);
    expect(() => buildDemandModel(scenario, dataset, { prepared: prepareDemandModel(other, dataset) })).toThrow(
      /prepared: made for another scenario or dataset/,
    );
  });
});
