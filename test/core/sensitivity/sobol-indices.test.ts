import { describe, expect, it } from 'vitest';
import { ArmsraceError } from '../../../src/core/errors.js';
import {
  evaluateModel,
  type Factor,
  gFunction,
  ishigami,
  linearModel,
  ModelOutputError,
  type SobolIndicesResult,
  type SobolOutputIndices,
  saltelliRows,
  saltelliSample,
  sobolIndices,
  sobolIndicesFromRuns,
} from '../../../src/core/sensitivity/index.js';

function only(result: SobolIndicesResult): SobolOutputIndices {
  const output = result.outputs[0];
  if (output === undefined) throw new Error('no output');
  return output;
}

// Ishigami & Homma (1990), a = 7, b = 0.1, x_i ~ U(−π, π): the closed forms of the partial variances.
const a = 7;
const b = 0.1;
const V = (a * a) / 8 + (b * Math.PI ** 4) / 5 + (b * b * Math.PI ** 8) / 18 + 1 / 2;
const V1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
const V2 = (a * a) / 8;
const V13 = b * b * Math.PI ** 8 * (1 / 18 - 1 / 50);
const ISHIGAMI_FIRST = [V1 / V, V2 / V, 0];
const ISHIGAMI_TOTAL = [(V1 + V13) / V, V2 / V, V13 / V];

describe('sobolIndices on the Ishigami function (N = 2^13)', () => {
  const model = ishigami();
  const result = sobolIndices(model.evaluate, model.factors, { baseSamples: 2 ** 13 });
  const output = only(result);

  it('the closed forms give S = (0.3139, 0.4424, 0) and S_T = (0.5576, 0.4424, 0.2437)', () => {
    expect(ISHIGAMI_FIRST.map((s) => Number(s.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(ISHIGAMI_TOTAL.map((s) => Number(s.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it('sobolIndices(ishigami) estimates every first-order index within 0.02', () => {
    output.factors.forEach((factor, i) => {
      expect(Math.abs(factor.first.estimate - (ISHIGAMI_FIRST[i] as number))).toBeLessThan(0.02);
    });
  });

  it('sobolIndices(ishigami) estimates every total index within 0.02', () => {
    output.factors.forEach((factor, i) => {
      expect(Math.abs(factor.total.estimate - (ISHIGAMI_TOTAL[i] as number))).toBeLessThan(0.02);
    });
  });

  it('sobolIndices(ishigami) has 95 % bootstrap intervals that contain all six analytic values', () => {
    output.factors.forEach((factor, i) => {
      expect(factor.first.low).toBeLessThanOrEqual(ISHIGAMI_FIRST[i] as number);
      expect(factor.first.high).toBeGreaterThanOrEqual(ISHIGAMI_FIRST[i] as number);
      expect(factor.total.low).toBeLessThanOrEqual(ISHIGAMI_TOTAL[i] as number);
      expect(factor.total.high).toBeGreaterThanOrEqual(ISHIGAMI_TOTAL[i] as number);
      expect(factor.first.low).toBeLessThan(factor.first.estimate);
      expect(factor.total.high).toBeGreaterThan(factor.total.estimate);
    });
  });

  it('sobolIndices(ishigami) estimates the mean a/2 and the variance V', () => {
    expect(output.mean).toBeCloseTo(a / 2, 2);
    expect(Math.abs(output.variance / V - 1)).toBeLessThan(0.01);
  });

  it('sobolIndices(ishigami) reports the method, N, N(k + 2) model runs, the seed and the bootstrap', () => {
    expect(result).toMatchObject({
      method: 'sobol',
      estimators: { first: 'Saltelli et al. 2010', total: 'Jansen 1999' },
      factors: ['x1', 'x2', 'x3'],
      baseSamples: 8192,
      modelRuns: 8192 * 5,
      skip: 8192,
      seed: 1,
      bootstrap: 200,
      confidence: 0.95,
      notes: [],
    });
    expect(output.output).toBe('y');
    expect(output.pairs).toEqual([]);
  });

  it('sobolIndices(ishigami, { secondOrder: true }) finds S_13 = V13/V = 0.2437 and S_12 = S_23 = 0, in N(2k + 2) runs', () => {
    const second = sobolIndices(model.evaluate, model.factors, { baseSamples: 2 ** 13, secondOrder: true });
    expect(second.modelRuns).toBe(8192 * 8);
    const pairs = only(second).pairs;
    expect(pairs.map((pair) => pair.factors)).toEqual([
      ['x1', 'x2'],
      ['x1', 'x3'],
      ['x2', 'x3'],
    ]);
    const expected = [0, V13 / V, 0];
    pairs.forEach((pair, i) => {
      expect(Math.abs(pair.second.estimate - (expected[i] as number))).toBeLessThan(0.03);
      expect(pair.second.low).toBeLessThanOrEqual(expected[i] as number);
      expect(pair.second.high).toBeGreaterThanOrEqual(expected[i] as number);
    });
    // The same design rows A, B, AB_i and the same resamples: first and total indices do not change.
    expect(only(second).factors).toEqual(output.factors);
  });
});

describe('sobolIndices on a linear model with unequal weights', () => {
  // y = x1 − 2 x2 + 3 x3 + 0.5 x4 on ranges of different widths.
  const model = linearModel(
    [1, -2, 3, 0.5],
    [
      { low: 0, high: 1 },
      { low: -1, high: 1 },
      { low: 10, high: 10.5 },
      { low: -4, high: 4 },
    ],
  );
  const output = only(sobolIndices(model.evaluate, model.factors, { baseSamples: 4096 }));

  it('linearModel gives S_i = S_Ti = a_i² Var(x_i) / Σ a_j² Var(x_j)', () => {
    const parts = [1 * 1, 4 * 4, 9 * 0.25, 0.25 * 64].map((p) => p / 12);
    const total = parts.reduce((sum, p) => sum + p, 0);
    parts.forEach((p, i) => {
      expect(model.first[i]).toBeCloseTo(p / total, 14);
      expect(model.total[i]).toBeCloseTo(p / total, 14);
    });
  });

  it('sobolIndices(linear) estimates S_i and S_Ti within 0.01 of the closed form', () => {
    output.factors.forEach((factor, i) => {
      expect(Math.abs(factor.first.estimate - (model.first[i] as number))).toBeLessThan(0.01);
      expect(Math.abs(factor.total.estimate - (model.total[i] as number))).toBeLessThan(0.01);
    });
  });

  it('sobolIndices(linear) first-order indices sum to 1 (an additive model) within 0.01', () => {
    const sum = output.factors.reduce((s, factor) => s + factor.first.estimate, 0);
    expect(Math.abs(sum - 1)).toBeLessThan(0.01);
  });
});

describe('sobolIndices on the g-function, a = (0, 1, 4.5, 9, 99, 99)', () => {
  const model = gFunction([0, 1, 4.5, 9, 99, 99]);
  const output = only(sobolIndices(model.evaluate, model.factors, { baseSamples: 2 ** 13 }));

  it('gFunction gives the exact indices S_i = V_i / V, V_i = 1 / (3(1 + a_i)²)', () => {
    // Saltelli et al. 2008, Primer §4.9 closed form; S_1 = (1/3)/V with V = Π(1 + V_i) − 1.
    const partial = [0, 1, 4.5, 9, 99, 99].map((ai) => 1 / (3 * (1 + ai) ** 2));
    const variance = partial.reduce((p, vi) => p * (1 + vi), 1) - 1;
    expect(model.variance).toBeCloseTo(variance, 15);
    expect(model.first.map((s) => Number(s.toFixed(4)))).toEqual([0.7163, 0.1791, 0.0237, 0.0072, 0.0001, 0.0001]);
    expect(model.total.map((s) => Number(s.toFixed(4)))).toEqual([0.7873, 0.2422, 0.0343, 0.0105, 0.0001, 0.0001]);
  });

  it('sobolIndices(g-function) estimates S_i and S_Ti within 0.01', () => {
    output.factors.forEach((factor, i) => {
      expect(Math.abs(factor.first.estimate - (model.first[i] as number))).toBeLessThan(0.01);
      expect(Math.abs(factor.total.estimate - (model.total[i] as number))).toBeLessThan(0.01);
    });
  });

  it('sobolIndices(g-function) ranks x1 > x2 > x3 > x4 > x5, x6 by first-order and by total index', () => {
    const first = output.factors.map((factor) => factor.first.estimate);
    const total = output.factors.map((factor) => factor.total.estimate);
    for (const values of [first, total]) {
      for (let i = 0; i < 4; i++) expect(values[i] as number).toBeGreaterThan(values[i + 1] as number);
      expect(values[3] as number).toBeGreaterThan(values[5] as number);
    }
  });
});

describe('sobolIndices with several outputs, batch models and distributions', () => {
  const ish = ishigami();
  const linear = linearModel(
    [1, 2, 3],
    [
      { low: -Math.PI, high: Math.PI },
      { low: -Math.PI, high: Math.PI },
      { low: -Math.PI, high: Math.PI },
    ],
  );

  it('sobolIndices({ outputs, evaluateMany }) gives each output the indices of its own scalar analysis', () => {
    const options = { baseSamples: 1024, bootstrap: 50 };
    const both = sobolIndices(
      { outputs: ['ishigami', 'linear'], evaluateMany: (x) => [ish.evaluate(x), linear.evaluate(x)] },
      ish.factors,
      options,
    );
    expect(both.outputs.map((o) => o.output)).toEqual(['ishigami', 'linear']);
    expect(both.modelRuns).toBe(1024 * 5);
    const alone = [
      sobolIndices(ish.evaluate, ish.factors, options),
      sobolIndices(linear.evaluate, ish.factors, options),
    ];
    both.outputs.forEach((output, o) => {
      expect({ ...output, output: 'y' }).toEqual(only(alone[o] as SobolIndicesResult));
    });
  });

  it('sobolIndices({ batch }) gives the same result as the scalar function, with one call', () => {
    let calls = 0;
    const batch = {
      batch: (rows: Float64Array, n: number, k: number): Float64Array => {
        calls++;
        return Float64Array.from({ length: n }, (_, r) => ish.evaluate(rows.subarray(r * k, (r + 1) * k)));
      },
    };
    const options = { baseSamples: 512, bootstrap: 20 };
    expect(sobolIndices(batch, ish.factors, options)).toEqual(sobolIndices(ish.evaluate, ish.factors, options));
    expect(calls).toBe(1);
  });

  it('sobolIndicesFromRuns(sample, runs) on rows evaluated outside gives the same result as sobolIndices', () => {
    const sample = saltelliSample(ish.factors, 512);
    const runs = evaluateModel(ish.evaluate, saltelliRows(sample), 3, ['x1', 'x2', 'x3']);
    expect(sobolIndicesFromRuns(sample, runs, { bootstrap: 20 })).toEqual(
      sobolIndices(ish.evaluate, ish.factors, { baseSamples: 512, bootstrap: 20 }),
    );
  });

  it('sobolIndices with an inverseCdf factor: y = x1 + 2 x2, x1 ~ Exp(1), x2 ~ U(0, 1) gives S_1 = 1 / (1 + 4/12) = 0.75', () => {
    const factors: Factor[] = [
      { name: 'x1', inverseCdf: (u) => -Math.log1p(-u) },
      { name: 'x2', low: 0, high: 1 },
    ];
    const output = only(sobolIndices((x) => (x[0] ?? 0) + 2 * (x[1] ?? 0), factors, { baseSamples: 8192 }));
    expect(Math.abs((output.factors[0]?.first.estimate ?? 0) - 0.75)).toBeLessThan(0.02);
    expect(Math.abs((output.factors[1]?.total.estimate ?? 0) - 0.25)).toBeLessThan(0.02);
  });

  it('sobolIndices(constant) gives NaN indices and a note, never zero', () => {
    const result = sobolIndices(() => 4, [{ name: 'x', low: 0, high: 1 }], { baseSamples: 64, bootstrap: 10 });
    expect(Number.isNaN(only(result).factors[0]?.first.estimate)).toBe(true);
    expect(result.notes).toEqual(['output y does not vary over the sample; its indices are undefined (NaN)']);
  });

  it('sobolIndices({ bootstrap: 0 }) gives point estimates with NaN interval bounds', () => {
    const first = only(sobolIndices(ish.evaluate, ish.factors, { baseSamples: 256, bootstrap: 0 })).factors[0]?.first;
    expect(Number.isFinite(first?.estimate)).toBe(true);
    expect(first?.low).toBeNaN();
    expect(first?.high).toBeNaN();
  });
});

describe('sobolIndices reproducibility', () => {
  const model = ishigami();
  const run = (options: { seed?: number; random?: () => number }) =>
    sobolIndices(model.evaluate, model.factors, { baseSamples: 1024, bootstrap: 100, ...options });

  it('sobolIndices with the same seed gives identical results', () => {
    expect(run({ seed: 42 })).toEqual(run({ seed: 42 }));
  });

  it('sobolIndices with another seed keeps the estimates and changes the bootstrap intervals', () => {
    const one = only(run({ seed: 1 }));
    const two = only(run({ seed: 2 }));
    one.factors.forEach((factor, i) => {
      const other = two.factors[i];
      expect(other?.first.estimate).toBe(factor.first.estimate);
      expect(other?.total.estimate).toBe(factor.total.estimate);
      expect(other?.first.low).not.toBe(factor.first.low);
      expect(other?.total.high).not.toBe(factor.total.high);
    });
  });

  it('sobolIndices({ random }) draws from the function passed and reports no seed', () => {
    let state = 0;
    const result = run({ random: () => (state = (state * 0.618034 + 0.4142) % 1) });
    expect(result.seed).toBeUndefined();
    expect(result.bootstrap).toBe(100);
  });
});

describe('sobolIndices bad input', () => {
  const model = ishigami();

  it('sobolIndices({ baseSamples: 1000 }) rounds up to 1024 and says so in notes', () => {
    const result = sobolIndices(model.evaluate, model.factors, { baseSamples: 1000, bootstrap: 0 });
    expect(result.baseSamples).toBe(1024);
    expect(result.modelRuns).toBe(1024 * 5);
    expect(result.notes).toEqual([
      "baseSamples 1000 is not a power of two; rounded up to 1024 so the Sobol' points stay balanced",
    ]);
  });

  it('sobolIndices rejects a base sample that is not an integer ≥ 2', () => {
    for (const baseSamples of [0, 1, 2.5, Number.NaN]) {
      expect(() => sobolIndices(model.evaluate, model.factors, { baseSamples })).toThrow(
        /baseSamples: .* use a power of two/,
      );
    }
  });

  it('sobolIndices(f, []) rejects an analysis without factors', () => {
    expect(() => sobolIndices(model.evaluate, [])).toThrow(/factors: no factors given/);
  });

  it('sobolIndices rejects low ≥ high, naming the factor', () => {
    expect(() => sobolIndices(model.evaluate, [{ name: 'speed', low: 1, high: 1 }])).toThrow(
      'factors[0] (speed): low 1 and high 1 do not make a range; use finite bounds with low < high',
    );
    expect(() => sobolIndices(model.evaluate, [{ name: 'speed', low: 2, high: 1 }])).toThrow(RangeError);
  });

  it('sobolIndices rejects repeated names and more than 32 factors', () => {
    const x = { name: 'x', low: 0, high: 1 };
    expect(() => sobolIndices(model.evaluate, [x, x])).toThrow(/'x' is used twice/);
    const many = Array.from({ length: 33 }, (_, i) => ({ name: `f${i}`, low: 0, high: 1 }));
    expect(() => sobolIndices(model.evaluate, many)).toThrow(/33 factors need 66 Sobol' dimensions/);
  });

  it('sobolIndices rejects NaN from the model with the run, its matrix row and the factor values', () => {
    const nanAbove = (x: Float64Array): number => ((x[0] ?? 0) > 2 ? Number.NaN : model.evaluate(x));
    let error: unknown;
    try {
      sobolIndices(nanAbove, model.factors, { baseSamples: 64 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelOutputError);
    expect(error).toBeInstanceOf(ArmsraceError);
    const failure = error as ModelOutputError;
    expect(failure.code).toBe('non-finite-model-output');
    expect(failure.output).toBe('y');
    expect(failure.value).toBeNaN();
    expect(failure.x[0]).toBeGreaterThan(2);
    // The first row of A with x1 > 2 is the first run that fails.
    const a = saltelliSample(model.factors, 64).a;
    const row = Array.from({ length: 64 }, (_, r) => a[3 * r] as number).findIndex((x1) => x1 > 2);
    expect(failure.run).toBe(row);
    expect(Array.from(failure.x)).toEqual(Array.from(a.subarray(3 * row, 3 * row + 3)));
    expect(failure.message).toMatch(
      new RegExp(
        `^model output y is NaN at run ${row} \\(row ${row} of A\\) \\(x1 = [0-9.]+, x2 = [-0-9.]+, x3 = [-0-9.]+\\)`,
      ),
    );
  });

  it('sobolIndices rejects an infinite output found in an AB_i matrix, naming that matrix', () => {
    const sample = saltelliSample(model.factors, 8);
    const target = sample.ab[1]?.subarray(3 * 5, 3 * 6) ?? new Float64Array(3);
    const infiniteThere = (x: Float64Array): number => (x.every((v, j) => v === target[j]) ? Infinity : 1);
    expect(() => sobolIndices(infiniteThere, model.factors, { baseSamples: 8 })).toThrow(
      /^model output y is Infinity at run 29 \(row 5 of AB_2\)/,
    );
  });

  it('sobolIndices rejects bad bootstrap options before running the model', () => {
    let runs = 0;
    const counted = (x: Float64Array): number => {
      runs++;
      return model.evaluate(x);
    };
    expect(() => sobolIndices(counted, model.factors, { bootstrap: -1 })).toThrow(/bootstrap: -1/);
    expect(() => sobolIndices(counted, model.factors, { confidence: 1 })).toThrow(/confidence: 1 /);
    expect(() => sobolIndices(counted, model.factors, { seed: -3 })).toThrow(/seed: -3 is not a 32-bit seed/);
    expect(runs).toBe(0);
  });

  it('sobolIndices rejects a batch model that returns the wrong number of values', () => {
    const short = { batch: (_rows: Float64Array, n: number) => new Float64Array(n - 1) };
    expect(() => sobolIndices(short, model.factors, { baseSamples: 8 })).toThrow(
      'model.batch: returned 39 values for 40 rows and 1 outputs; return 40',
    );
  });
});
