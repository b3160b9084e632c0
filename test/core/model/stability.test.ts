import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { buildDemandModel, type DemandModel } from '../../../src/core/model/demand/index.js';
import {
  classifyMode,
  demandJacobian,
  leadingMode,
  type StabilityBloc,
  type StabilityReport,
  stabilityMargin,
  stabilityText,
} from '../../../src/core/model/stability.js';
import { parseScenario } from '../../../src/core/scenario/parse-scenario.js';
import { resolveScenario } from '../../../src/core/scenario/resolve-scenario.js';
import { simulate, simulateStaged } from '../../../src/core/simulate.js';

/**
 * A hand-made two-bloc system with the demand model's layout `[s_1, s_2, s_3, K_1, K_2, K_3]`
 * (actors 1 and 2 NATO allies, actor 3 Russia), linear about `y0`:
 * `ds/dt = −λ·s + C·K`, `dK/dt = φ·s − δ·K`. An eigenvector `u` of `C` with eigenvalue `c` gives
 * the eigenvalue μ of `(μ + λ)(μ + δ) = c·φ` with eigenvector `[u, φ·u/(μ + δ)]`.
 */
const LAMBDA = 0.4;
const DELTA = 0.1;
const PHI = 1e6;
const Y0 = Float64Array.of(0.03, 0.02, 0.05, 1e6, 5e5, 2e6);

function linearModel(coupling: readonly number[]): { model: DemandModel; jacobian: Float64Array } {
  const n = 3;
  const size = 2 * n;
  const jacobian = new Float64Array(size * size);
  for (let i = 0; i < n; i++) {
    jacobian[i * size + i] = -LAMBDA;
    jacobian[(n + i) * size + i] = PHI;
    jacobian[(n + i) * size + n + i] = -DELTA;
    for (let j = 0; j < n; j++) jacobian[i * size + n + j] = coupling[i * n + j] as number;
  }
  const model = {
    n,
    members: 1,
    codes: ['AAA', 'BBB', 'RUS'],
    start: 2025,
    isAlly: (i: number) => i < 2,
    derivative: (_t: number, y: Float64Array, out: Float64Array) => {
      for (let i = 0; i < size; i++) {
        let s = 0;
        for (let j = 0; j < size; j++) s += (jacobian[i * size + j] as number) * ((y[j] as number) - (Y0[j] as number));
        out[i] = s;
      }
    },
  } as unknown as DemandModel;
  return { model, jacobian };
}

/** The root of `(μ + λ)(μ + δ) = g` with the larger real part. */
const leading = (g: number) => (-(LAMBDA + DELTA) + Math.sqrt((LAMBDA - DELTA) ** 2 + 4 * g)) / 2;

describe('stabilityMargin on a hand-made two-bloc system', () => {
  it('the numerical Jacobian equals the analytical one', () => {
    const c = 1e-7;
    const { model, jacobian } = linearModel([0, 0, c, 0, 0, c, c, c, 0]);
    const numerical = demandJacobian(model, 2025, Y0);
    for (let k = 0; k < jacobian.length; k++) {
      expect(Math.abs((numerical[k] as number) - (jacobian[k] as number))).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(jacobian[k] as number)),
      );
    }
  });

  it('threat reaction across the blocs: a race, eigenvector (1, 1, √2) on the burdens, half the weight on each bloc', () => {
    // Each ally answers Russia's capability and Russia answers each ally's: C = c·[[0,0,1],[0,0,1],[1,1,0]],
    // whose leading eigenvalue √2·c has the eigenvector (1, 1, √2).
    const c = 1e-7;
    const { model } = linearModel([0, 0, c, 0, 0, c, c, c, 0]);
    const mu = leading(Math.SQRT2 * c * PHI);
    expect(mu).toBeGreaterThan(0);
    const r = stabilityMargin(model, 2025, Y0);
    expect(r.margin).toBeCloseTo(mu, 6);
    expect(r.imaginary).toBe(0);
    expect(r.mode).toBe('race');
    expect(r.bloc).toBeUndefined();
    // Squared weights 1 + 1 of 1 + 1 + 2 on the allies, 2 of 4 on Russia.
    expect(r.shares.nato).toBeCloseTo(0.5, 6);
    expect(r.shares.russia).toBeCloseTo(0.5, 6);
    expect(r.shares.other).toBe(0);
    expect(r.direction).toEqual({ nato: 1, russia: 1, other: 0 });
    expect(stabilityText(r)).toBe(`+${mu.toFixed(4)}/yr: a race between the blocs (NATO 50 %, Russian bloc 50 %)`);
  });

  it("two allies' spill-in coupling: within NATO, eigenvector (1, −1, 0), though Russia reacts to both", () => {
    // C = [[0, −c, r], [−c, 0, r], [e, e, 0]]: (1, −1, 0) has eigenvalue c, and Russia's reaction
    // to the two allies cancels on it.
    const c = 1.5e-7;
    const r0 = 1e-9;
    const { model } = linearModel([0, -c, r0, -c, 0, r0, r0, r0, 0]);
    const mu = leading(c * PHI);
    const r = stabilityMargin(model, 2025, Y0);
    expect(r.margin).toBeCloseTo(mu, 6);
    expect(r.mode).toBe('within-bloc');
    expect(r.bloc).toBe('NATO');
    expect(r.shares.nato).toBeCloseTo(1, 9);
    expect(r.shares.russia).toBeLessThan(1e-9);
    expect(Math.abs(r.direction.nato)).toBeLessThan(1e-6);
    expect(stabilityText(r)).toMatch(
      /^\+0\.\d{4}\/yr: free-riding within NATO, not a race \(NATO 100 %, Russian bloc 0 %\)$/,
    );
  });

  it('a weak reaction across the blocs is stable: the margin is the same root, now negative', () => {
    const c = 1e-8;
    const { model } = linearModel([0, 0, c, 0, 0, c, c, c, 0]);
    const mu = leading(Math.SQRT2 * c * PHI);
    expect(mu).toBeLessThan(0);
    expect(mu).toBeGreaterThan(-DELTA);
    const r = stabilityMargin(model, 2025, Y0);
    expect(r.margin).toBeCloseTo(mu, 6);
    expect(r.mode).toBe('stable');
    expect(r.bloc).toBeUndefined();
    expect(stabilityText(r)).toBe(`${mu.toFixed(4)}/yr: stable, perturbations decay`);
  });
});

describe('classifyMode', () => {
  const blocs: StabilityBloc[] = ['NATO', 'NATO', 'RUS_BLOC', 'other'];
  const classify = (margin: number, s: number[]) =>
    classifyMode(margin, Float64Array.from([...s, 0, 0, 0, 0]), new Float64Array(8), blocs);

  it('both blocs material and arming together: race; the partners count with NATO', () => {
    expect(classify(0.1, [1, 1, 1, 1]).mode).toBe('race');
    // Russia with only Ukraine: still a race between the two sides.
    expect(classify(0.1, [0, 0, 1, 1]).mode).toBe('race');
    expect(classify(-0.01, [1, 1, 1, 1]).mode).toBe('stable');
  });

  it('the blocs moving in opposite directions is no race', () => {
    const r = classify(0.1, [1, 1, -1.2, 0]);
    expect(r.mode).toBe('within-bloc');
    expect(r.bloc).toBe('NATO');
  });

  it('under 10 % of the squared weight on a side is no race: 0.3² of 1 + 1 + 0.3² is 4.3 %', () => {
    const r = classify(0.1, [1, 1, 0.3, 0]);
    expect(r.shares.russia).toBeCloseTo(0.09 / 2.09, 12);
    expect(r.mode).toBe('within-bloc');
    expect(r.bloc).toBe('NATO');
    // 0.5² of 2.25 is 11 %: a race.
    expect(classify(0.1, [1, 1, 0.5, 0]).mode).toBe('race');
  });

  it('a bloc whose members move against each other is no race, and the text says free-riding', () => {
    const r = classify(0.1, [1, -0.9, 1, 0]);
    expect(r.direction.nato).toBeCloseTo((1 - 0.81) / 1.81, 12);
    expect(r.mode).toBe('within-bloc');
    expect(stabilityText({ year: 2030, margin: 0.1, imaginary: 0, ...r })).toContain(
      'free-riding within NATO, not a race',
    );
  });

  it('a mode with no burden component is classified on the capability components', () => {
    const r = classifyMode(0.1, Float64Array.of(0, 0, 0, 0, 0, 0, 1, 0), new Float64Array(8), blocs);
    expect(r).toMatchObject({ mode: 'within-bloc', bloc: 'RUS_BLOC', shares: { nato: 0, russia: 1, other: 0 } });
  });
});

describe('stabilityMargin on the demand model', () => {
  const dataset = loadDataset();
  const at2025 = (yaml: string): StabilityReport => {
    const r = simulate(parseScenario(yaml), dataset, { stabilityYears: [2025] }).stability[0];
    if (r === undefined) throw new Error('no stability report');
    return r;
  };

  it('no threat response and a large spill-in for the allies only: positive, free-riding within NATO', () => {
    const r = at2025(
      'response: { default: { elasticity: 0, spill_in: 3 }, RUS: { spill_in: 0 }, BLR: { spill_in: 0 } }',
    );
    expect(r.margin).toBeGreaterThan(0.01);
    expect(r.mode).toBe('within-bloc');
    expect(r.bloc).toBe('NATO');
    expect(r.shares.nato).toBeGreaterThan(0.99);
    expect(Math.abs(r.direction.nato)).toBeLessThan(0.8);
    expect(stabilityText(r)).toContain('free-riding within NATO, not a race');
  });

  it('the same spill-in for everyone: the leading mode is Russia against Belarus, within the Russian bloc', () => {
    const r = at2025('response: { default: { elasticity: 0, spill_in: 3 } }');
    expect(r.margin).toBeGreaterThan(0.01);
    expect(r.mode).toBe('within-bloc');
    expect(r.bloc).toBe('RUS_BLOC');
    expect(r.shares.russia).toBeGreaterThan(0.99);
  });

  it('large mutual threat elasticities and no spill-in: a race between the blocs', () => {
    const r = at2025('response: { default: { elasticity: 3, spill_in: 0 }, RUS: { elasticity: 3 } }');
    expect(r.margin).toBeGreaterThan(0.01);
    expect(r.mode).toBe('race');
    expect(r.shares.russia).toBeGreaterThanOrEqual(0.1);
    expect(r.shares.nato).toBeGreaterThanOrEqual(0.1);
    expect(r.direction.nato * r.direction.russia).toBeGreaterThan(0.64);
  });

  it('the leading eigenvector solves J·v = μ·v row by row, though J mixes shares of GDP with stocks in millions', () => {
    // No threat response: Russia's capability drives nothing, a column the balancing cannot scale.
    const model = buildDemandModel(
      resolveScenario(
        parseScenario(
          'response: { default: { elasticity: 0, spill_in: 3 }, RUS: { spill_in: 0 }, BLR: { spill_in: 0 } }',
        ),
        dataset,
      ),
      dataset,
    );
    const y = model.initialState;
    const size = y.length;
    const J = demandJacobian(model, model.start, y);
    const { margin, imaginary, vector } = leadingMode(J, y);
    expect(imaginary).toBe(0);
    // Residual and size of the terms per row, compared within each half (burdens, stocks).
    const rows = Array.from({ length: size }, (_, i) => {
      let jv = 0;
      let terms = Math.abs(margin * (vector.real[i] as number));
      for (let j = 0; j < size; j++) {
        jv += (J[i * size + j] as number) * (vector.real[j] as number);
        terms += Math.abs((J[i * size + j] as number) * (vector.real[j] as number));
      }
      return { residual: Math.abs(jv - margin * (vector.real[i] as number)), terms };
    });
    for (const half of [rows.slice(0, size / 2), rows.slice(size / 2)]) {
      const scale = Math.max(...half.map((r) => r.terms));
      expect(scale).toBeGreaterThan(0);
      for (const r of half) expect(r.residual).toBeLessThanOrEqual(1e-9 * scale);
    }
  });

  it('no responses at all: stable, the margin is −δ (capability depreciation)', () => {
    const r = at2025('response: { default: { elasticity: 0, spill_in: 0 } }');
    expect(r.margin).toBeCloseTo(-0.1, 6);
    expect(r.mode).toBe('stable');
  });
});

describe('simulateStaged', () => {
  const dataset = loadDataset();

  it('gives the run first, without margins, then the margins: together what simulate gives', () => {
    for (const text of ['', 'response: { RUS: { elasticity: 3 }, default: { elasticity: 1.5 } }']) {
      const input = parseScenario(text);
      const staged = simulateStaged(input, dataset, { stabilityYears: [2030, 2049] });
      expect(staged.result.stability).toEqual([]);
      const stability = staged.stability();
      expect(stability.map((s) => s.year)).toEqual([2030, 2049]);
      expect({ ...staged.result, stability }).toEqual(simulate(input, dataset, { stabilityYears: [2030, 2049] }));
    }
  });

  it('refuses Richardson as simulate does', () => {
    const input = { ...parseScenario('end: 2030'), model: 'richardson' as const };
    expect(() => simulateStaged(input, dataset)).toThrow(/"richardson" is not the demand model that simulate runs/);
  });
});
