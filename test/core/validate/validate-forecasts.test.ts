import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/core/data/dataset.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import { stream } from '../../../src/core/math/random.js';
import { simulate } from '../../../src/core/simulate.js';
import { selectSpecification } from '../../../src/core/validate/select-specification.js';
import {
  dieboldMariano,
  pledgesKnownAt,
  type Validation,
  validateForecasts,
} from '../../../src/core/validate/validate-forecasts.js';

const real = loadDataset();
const SIPRI = 'sipri-2026';
const FIRST = 2005;
const LAST = 2025;

/** The real dataset with SIPRI's burdens from FIRST to LAST replaced by `generate(iso3, year)` (% of GDP). */
function withBurdens(generate: (iso3: string, year: number) => number | undefined): Dataset {
  const series = real.data.series.map((s) => {
    if (s.indicator !== 'milex_share_gdp' || s.source !== SIPRI) return s;
    const values = s.values.map((v, k) => {
      const year = s.firstYear + k;
      if (year < FIRST || year > LAST || v === null) return v;
      return generate(s.iso3, year) ?? v;
    });
    return { ...s, values };
  });
  const { fitted: _, ...rest } = real.data;
  return new Dataset({ ...rest, series });
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const ratio = (v: Validation, g: 'allies' | 'russia') =>
  mean(v.scores.model[g].rmse.map((r, k) => r / (v.scores.random_walk[g].rmse[k] as number)));

describe('validateForecasts', () => {
  it('beats the random walk on data the model itself generated', () => {
    // The simulator from 2005 with Wales's pledge from 2014, the allies adjusting at λ = 0.2 and
    // Russia answering NATO's capability with ε = 1, λ = 0.5; 1 % multiplicative noise.
    const run = simulate(
      {
        start: FIRST,
        end: LAST + 1,
        pledges: [{ target: 0.02, from: 2014, by: 2024 }],
        response: { default: { elasticity: 0, spill_in: 0, speed: 0.2 }, RUS: { elasticity: 1, speed: 0.5 } },
        war: { RUS: { extra_share: 0 }, UKR: { extra_share: 0 } },
      },
      real,
    );
    const rng = stream(11, 0);
    const table = new Map(run.actors.map((a) => [a.iso3, a.burden]));
    const world = withBurdens((iso3, year) => {
      const b = table.get(iso3)?.[year - FIRST];
      return b === undefined ? undefined : 100 * b * Math.exp(0.01 * rng.normal());
    });
    const v = validateForecasts(world, { origins: [2010, 2012, 2014, 2016, 2018, 2020], specification: 'russia-only' });
    expect(ratio(v, 'allies')).toBeLessThan(0.9);
    expect(ratio(v, 'russia')).toBeLessThan(0.9);
  });

  it('does not beat the random walk in a random-walk world', () => {
    const rng = stream(12, 0);
    const level = new Map<string, number>();
    const world = withBurdens((iso3, year) => {
      const start = real.observation(iso3, 'milex_share_gdp', SIPRI, FIRST - 1)?.value;
      if (start === undefined) return undefined;
      const before = year === FIRST ? start : (level.get(iso3) ?? start);
      const next = before * Math.exp(0.08 * rng.normal());
      level.set(iso3, next);
      return next;
    });
    const v = validateForecasts(world, { origins: [2010, 2012, 2014, 2016, 2018, 2020], specification: 'russia-only' });
    expect(ratio(v, 'allies')).toBeGreaterThan(0.98);
    expect(ratio(v, 'russia')).toBeGreaterThan(0.95);
  });

  it('scores the real data with the pledges known at each origin only', () => {
    expect(pledgesKnownAt(2013)).toEqual([]);
    expect(pledgesKnownAt(2014)[0]).toMatchObject({ target: 0.02, from: 2014, by: 2024 });
    const v = validateForecasts(real, { origins: [2012, 2016], horizons: 3, specification: 'pledge-only' });
    // Before Wales the pledge-only model has nothing to move the allies: it is the random walk.
    const at2012 = v.records.filter((r) => r.origin === 2012 && r.iso3 === 'DEU');
    const model = at2012.filter((r) => r.forecaster === 'model').map((r) => r.forecast);
    const naive = at2012.filter((r) => r.forecaster === 'random_walk').map((r) => r.forecast);
    for (const [k, m] of model.entries()) expect(m).toBeCloseTo(naive[k] as number, 12);
    expect(v.scores.model.allies.n[0]).toBeGreaterThan(40);
  });

  it("counts outcomes inside the central 50 % and 90 % of the refit's bootstrap ensemble", () => {
    const v = validateForecasts(real, {
      origins: [2014, 2016],
      horizons: 3,
      specification: 'russia-only',
      intervalDraws: 19,
    });
    const c = v.coverage?.allies;
    expect(c?.members).toBeGreaterThan(10);
    for (const [k, n] of (c?.n ?? []).entries()) {
      expect(n).toBe(v.scores.model.allies.n[k]);
      expect(c?.inside90[k]).toBeGreaterThanOrEqual(c?.inside50[k] as number);
      expect(c?.inside90[k]).toBeLessThanOrEqual(1);
    }
    expect(validateForecasts(real, { origins: [2014], horizons: 2 }).coverage).toBeUndefined();
  });

  it('refuses origins the data cannot serve, naming the field', () => {
    expect(() => validateForecasts(real, { origins: [2025] })).toThrow(
      /origins: 2025 must be a year from 2005 to 2024/,
    );
    expect(() => validateForecasts(real, { horizons: 0 })).toThrow(/horizons: 0/);
  });
});

describe('dieboldMariano', () => {
  it('is the t statistic of the mean loss differential at horizon 1, times the HLN factor', () => {
    const d = [-1, -2, -1.5, -0.5, -1.2];
    const T = d.length;
    const m = mean(d);
    const g0 = d.reduce((s, x) => s + (x - m) ** 2, 0) / T;
    const expected = (m / Math.sqrt(g0 / T)) * Math.sqrt((T + 1 - 2 + 0) / T);
    const r = dieboldMariano(d, 1);
    expect(r.statistic).toBeCloseTo(expected, 12);
    expect(r.p).toBeLessThan(0.05);
    expect(dieboldMariano([1, -1], 1).statistic).toBeNaN();
  });
});

describe('selectSpecification', () => {
  const fake = (allies: Record<string, number[]>, russia: Record<string, number[]>): Validation => {
    const rw = [1, 1, 1];
    const sc = (rmse: number[]) => ({ rmse, mase: rmse, n: [10, 10, 10] });
    return {
      specification: 'pledge-only',
      origins: [2010],
      horizons: [1, 2, 3],
      source: SIPRI,
      scores: {
        model: { allies: sc(rw), russia: sc(rw) },
        random_walk: { allies: sc(rw), russia: sc(rw) },
        pledge_only: { allies: sc(rw), russia: sc(rw) },
        trend: { allies: sc(rw), russia: sc(rw) },
      },
      dieboldMariano: {} as Validation['dieboldMariano'],
      coverage: undefined,
      specifications: Object.fromEntries(
        Object.keys(allies).map((s) => [s, { allies: sc(allies[s] as number[]), russia: sc(russia[s] as number[]) }]),
      ),
      records: [],
      notes: [],
    };
  };
  const specs = ['pledge-only', 'russia-only', 'exposure-no-spill', 'exposure', 'pooled'];
  const same = (v: number[]) => Object.fromEntries(specs.map((s) => [s, v]));

  it('keeps pledge-only when no response term lowers the score by the margin', () => {
    const s = selectSpecification(
      fake(same([0.9, 0.9, 0.9]), { ...same([1, 1, 1]), 'russia-only': [0.995, 0.995, 0.995] }),
    );
    expect(s.specification).toBe('pledge-only');
  });

  it('adds a response term that earns its place, and never one that loses to the random walk for the allies', () => {
    const allies = { ...same([0.9, 0.9, 0.9]), exposure: [0.5, 0.5, 1.01] };
    const russia = { ...same([1, 1, 1]), 'russia-only': [0.9, 0.9, 0.9], exposure: [0.9, 0.9, 0.9] };
    const s = selectSpecification(fake(allies, russia));
    expect(s.specification).toBe('russia-only');
    expect(s.scores.find((x) => x.specification === 'exposure')?.admissible).toBe(false);
  });

  it('passes over a more accurate specification whose responses leave a baseline unstable, and says why', () => {
    const allies = { ...same([0.9, 0.9, 0.9]), 'exposure-no-spill': [0.6, 0.6, 0.6] };
    const russia = { ...same([1, 1, 1]), 'russia-only': [0.9, 0.9, 0.9], 'exposure-no-spill': [0.9, 0.9, 0.9] };
    const stable = { stable: true, worst: { scenario: 'default', year: 2030, margin: -0.1, mode: 'stable' as const } };
    const unstable = {
      stable: false,
      worst: { scenario: 'status-quo', year: 2042, margin: 0.015, mode: 'within-bloc' as const },
    };
    const v = fake(allies, russia);
    expect(selectSpecification(v).specification).toBe('exposure-no-spill');
    const s = selectSpecification(v, {
      stability: { 'pledge-only': stable, 'russia-only': stable, 'exposure-no-spill': unstable },
    });
    expect(s.specification).toBe('russia-only');
    const x = s.scores.find((r) => r.specification === 'exposure-no-spill');
    expect(x?.accurate).toBe(true);
    expect(x?.admissible).toBe(false);
    expect(s.reason).toContain('exposure-no-spill (unstable: margin +0.015/yr (within-bloc) in 2042 of status-quo)');
    expect(s.rule).toContain('stable');
  });
});
