import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import {
  addAllToHistogram,
  addToHistogram,
  CELL_SIZE,
  HISTOGRAM_BINS,
  HISTOGRAM_SPAN,
  histogramQuantile,
  histogramQuantiles,
} from '../../../src/core/ensemble/histogram.js';
import { MAX_RUNS, runEnsemble } from '../../../src/core/ensemble/run-ensemble.js';
import { stream } from '../../../src/core/math/random.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { simulate } from '../../../src/core/simulate.js';

const dataset = loadDataset();

// Nothing pushes burdens but one pledge; compliance varies. The model is linear in compliance
// (the target u + κ(P − u) is affine in κ), so a uniform κ gives a uniform burden between the
// runs at κ = 0 and κ = 1.
const LINEAR = `
end: 2036
step_years: 0.25
response: { default: { elasticity: 0, spill_in: 0 } }
war: { RUS: { extra_share: 0 }, UKR: { extra_share: 0 } }
pledges: [{ target: 5%, from: 2025, by: 2026 }]
`;

describe('histogram quantiles', () => {
  it('reproduce the quantiles of a known distribution within the bin width', () => {
    const counts = new Int32Array(CELL_SIZE);
    const rng = stream(3, 0);
    const n = 200_000;
    for (let k = 0; k < n; k++) addToHistogram(counts, 0, 1, Math.exp(0.5 * rng.normal())); // lognormal(0, 0.5)
    // Quantiles of lognormal(0, 0.5): exp(0.5·z_q), z_0.05 = −1.6448536, z_0.5 = 0, z_0.95 = 1.6448536.
    for (const [q, z] of [
      [0.05, -1.6448536269514722],
      [0.5, 0],
      [0.95, 1.6448536269514722],
    ] as const) {
      const exact = Math.exp(0.5 * z);
      expect(Math.abs(histogramQuantile(counts, 0, 1, q) / exact - 1)).toBeLessThan(0.01);
    }
  });

  it('puts zero and negative values at zero and values beyond the range at its ends', () => {
    const counts = new Int32Array(CELL_SIZE);
    for (const v of [0, -1, 1e-9, 1e9]) addToHistogram(counts, 0, 1, v);
    expect(histogramQuantile(counts, 0, 1, 0.25)).toBe(0);
    expect(histogramQuantile(counts, 0, 1, 1)).toBe(100);
    expect(histogramQuantile(new Int32Array(CELL_SIZE), 0, 1, 0.5)).toBeNaN();
  });

  it('adding a column of values at once gives the counts and the sum of adding them one by one', () => {
    const rng = stream(5, 0);
    const special = [0, -0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e-300, 1e300, 3, 2.5 / 100, 2.5 * 100];
    const values = Float64Array.from({ length: 301 }, (_, k) =>
      k % 7 === 0 ? (special[(k / 7) % special.length] as number) : Math.exp(3 * rng.normal()),
    );
    const one = new Int32Array(2 * CELL_SIZE);
    let sum = 0;
    for (const v of values) {
      if (Number.isNaN(v)) continue;
      addToHistogram(one, 1, 2.5, v);
      sum += v;
    }
    const all = new Int32Array(2 * CELL_SIZE);
    expect(addAllToHistogram(all, 1, 2.5, values, values.length, new Float64Array(values.length))).toBe(sum);
    expect(all).toEqual(one);
    expect(all.slice(0, CELL_SIZE).every((k) => k === 0)).toBe(true);
  });

  it('one pass gives every quantile as a scan per quantile does, at slot boundaries too', () => {
    // The oracle: for each q, the first non-empty slot where the running count reaches q·total.
    const naive = (counts: Int32Array, c: number, center: number, q: number): number => {
      const base = c * CELL_SIZE;
      let total = 0;
      for (let s = 0; s < CELL_SIZE; s++) total += counts[base + s] as number;
      if (total === 0) return Number.NaN;
      let cumulative = 0;
      for (let s = 0; s < CELL_SIZE; s++) {
        const k = counts[base + s] as number;
        if (k === 0) continue;
        if (cumulative + k >= q * total) {
          if (s === 0) return 0;
          if (s === 1) return center / HISTOGRAM_SPAN;
          if (s === HISTOGRAM_BINS + 2) return center * HISTOGRAM_SPAN;
          const edge = (b: number) => center * HISTOGRAM_SPAN ** ((2 * b) / HISTOGRAM_BINS - 1);
          const w = Math.min(1, Math.max(0, (q * total - cumulative) / k));
          return edge(s - 2) * (edge(s - 1) / edge(s - 2)) ** w;
        }
        cumulative += k;
      }
      return center * HISTOGRAM_SPAN;
    };
    const qs = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
    const rng = stream(9, 0);
    const counts = new Int32Array(40 * CELL_SIZE);
    for (let c = 0; c < 40; c++) {
      // Few members in few slots (ties and exact boundaries), some cells empty, some beyond the range.
      const members = c % 7 === 0 ? 0 : 1 + rng.integer(c < 20 ? 8 : 400);
      for (let k = 0; k < members; k++) {
        const v = c % 5 === 0 && k % 3 === 0 ? -1 : 3 * Math.exp((c < 20 ? 0.001 : 2) * rng.normal());
        addToHistogram(counts, c, 3, c % 11 === 0 ? v * 1e6 : v);
      }
      const out: number[] = [];
      const total = histogramQuantiles(counts, c, 3, qs, out);
      expect(total).toBe(members);
      qs.forEach((q, j) => {
        const expected = naive(counts, c, 3, q);
        if (Number.isNaN(expected)) expect(out[j]).toBeNaN();
        else if (expected === 0) expect(out[j]).toBe(0);
        else expect(Math.abs((out[j] as number) / expected - 1)).toBeLessThan(1e-12);
      });
    }
  });
});

describe('runEnsemble', () => {
  it('gives a uniform burden for a uniform compliance (known distribution)', () => {
    const input = parseScenario(
      `${LINEAR}\nensemble: { gdp_shocks: false, uncertain: { compliance.default: { uniform: [0, 1] } } }`,
    );
    const r = runEnsemble(input, dataset, { runs: 2000, seed: 9 });
    const lo = simulate(parseScenario(`${LINEAR}\ncompliance: { default: 0 }`), dataset);
    const hi = simulate(parseScenario(`${LINEAR}\ncompliance: { default: 1 }`), dataset);
    const k = r.years.indexOf(2035);
    const a = lo.actors.find((x) => x.iso3 === 'ESP')?.burden[k] as number;
    const b = hi.actors.find((x) => x.iso3 === 'ESP')?.burden[k] as number;
    const esp = r.series.find((s) => s.name === 'ESP.burden');
    [0.05, 0.25, 0.5, 0.75, 0.95].forEach((q, j) => {
      const expected = a + q * (b - a);
      // Monte Carlo error of a quantile of 2000 uniform draws is about 0.011·(b − a); bins 0.5 %.
      expect(Math.abs((esp?.quantiles[j]?.[k] as number) - expected)).toBeLessThan(0.035 * (b - a) + 0.005 * b);
    });
    expect(esp?.mean[k]).toBeCloseTo((a + b) / 2, 3);
  });

  it('is reproducible from its seed and changes with it', () => {
    const input = parseScenario('end: 2032\nensemble: { uncertain: { response: { bootstrap: fitted } } }');
    const one = runEnsemble(input, dataset, { runs: 100, seed: 4 });
    const two = runEnsemble(input, dataset, { runs: 100, seed: 4 });
    const other = runEnsemble(input, dataset, { runs: 100, seed: 5 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(one));
  });

  it('estimates event probabilities with their Monte Carlo error', () => {
    const input = parseScenario(`${LINEAR}
ensemble:
  gdp_shocks: false
  uncertain: { compliance.default: { uniform: [0, 1] } }
  events:
    - { series: ESP.burden, above: 3%, when: 2035 }
    - { series: RUS.burden, above: 10%, when: any }`);
    const r = runEnsemble(input, dataset, { runs: 1000, seed: 2 });
    const [spain, russia] = r.events;
    expect(russia?.probability).toBe(0);
    const lo = simulate(parseScenario(`${LINEAR}\ncompliance: { default: 0 }`), dataset).actors.find(
      (x) => x.iso3 === 'ESP',
    )?.burden[10] as number;
    const hi = simulate(parseScenario(`${LINEAR}\ncompliance: { default: 1 }`), dataset).actors.find(
      (x) => x.iso3 === 'ESP',
    )?.burden[10] as number;
    const expected = (hi - 0.03) / (hi - lo);
    expect(Math.abs((spain?.probability as number) - expected)).toBeLessThan(
      4 * (spain?.standardError as number) + 0.01,
    );
    expect(spain?.standardError).toBeCloseTo(
      Math.sqrt(((spain?.probability as number) * (1 - (spain?.probability as number))) / 1000),
      12,
    );
  });

  it.each([
    [0, /runs: 0 is not accepted; use a whole number of members from 1 to 200,000/],
    [MAX_RUNS + 1, /runs: 200001 is not accepted/],
    [2.5, /runs: 2.5 is not accepted/],
  ])('rejects runs = %s', (runs, message) => {
    expect(() => runEnsemble(parseScenario(''), dataset, { runs })).toThrow(message);
  });

  it.each([
    [
      'a path that names no parameter',
      'ensemble: { uncertain: { response.RUS.mood: { uniform: [0, 1] } } }',
      /"mood" is not a response parameter; use one of response.<ISO3\|default>.elasticity/,
    ],
    [
      'a path that does not exist',
      'ensemble: { uncertain: { weather.rain: { uniform: [0, 1] } } }',
      /"weather.rain" is not a parameter that can vary/,
    ],
    [
      'an actor not in the scenario',
      'ensemble: { uncertain: { response.CHN.elasticity: { uniform: [0, 1] } } }',
      /"CHN" is not an actor of this scenario/,
    ],
    [
      'an impossible uniform',
      'ensemble: { uncertain: { compliance.default: { uniform: [1, 0.5] } } }',
      /uniform: \[1, 0.5\] is impossible; the low end must be below the high end/,
    ],
    [
      'an impossible triangular',
      'ensemble: { uncertain: { compliance.default: { triangular: [0, 2, 1] } } }',
      /triangular: \[0, 2, 1\] is impossible/,
    ],
    [
      'bootstrap draws on another path',
      'ensemble: { uncertain: { compliance.default: { bootstrap: fitted } } }',
      /write it under the path "response"/,
    ],
    [
      'a missing pledge',
      'ensemble: { uncertain: { "pledges[3].target": { uniform: [0.02, 0.05] } } }',
      /pledge 3 does not exist; the scenario has 1 pledge/,
    ],
    [
      'an unknown event series',
      'ensemble: { events: [{ series: MARS.burden, above: 1%, when: any }] }',
      /"MARS.burden" is not a tracked series/,
    ],
    [
      'an event year outside the run',
      'end: 2030\nensemble: { events: [{ series: RUS.burden, above: 1%, when: 2040 }] }',
      /year 2040 is outside the run 2025–2029/,
    ],
  ])('rejects %s', (_, text, message) => {
    expect(() => runEnsemble(parseScenario(text), dataset, { runs: 10 })).toThrow(message);
  });

  it('rejects a Richardson scenario', () => {
    const yaml =
      'model: richardson\nrichardson: { actors: [A, B], reaction: [[0, 1], [1, 0]], fatigue: [1, 1], grievance: [0, 0], initial: [1, 1] }';
    expect(() => runEnsemble(parseScenario(yaml), dataset, { runs: 10 })).toThrow(/ensembles run the demand model/);
  });
});

describe('ensemble stepping', () => {
  it('moves the default scenario by less than 0.001 percentage point against a single run', async () => {
    const { prepareEnsemble, runMembers } = await import('../../../src/core/ensemble/run-ensemble.js');
    const input = parseScenario('ensemble: { gdp_shocks: false }');
    const setup = prepareEnsemble(input, dataset);
    const { values } = runMembers(setup, 1, () => undefined);
    const single = simulate(input, dataset);
    const Y = setup.years.length;
    let max = 0;
    single.actors.forEach((a, i) => {
      a.burden.forEach((b, y) => {
        max = Math.max(max, Math.abs(b - (values[i * Y + y] as number)));
      });
    });
    expect(max).toBeLessThan(1e-5);
    expect(max).toBeGreaterThan(0); // a different step, so not identical
  });
});
