import type { Dataset } from '../data/dataset.js';
import { InputError } from '../errors.js';
import { studentTCdf } from '../estimate/distributions.js';
import { quantile7 } from '../estimate/panel.js';
import { lastBurdenYear } from '../fit/demand-rows.js';
import { type ActorResponse, DEMAND_SPECIFICATIONS, type DemandSpecificationId, fitDemand } from '../fit/fit-demand.js';
import { DEFAULTS } from '../scenario/defaults.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { simulate } from '../simulate.js';

/** The forecasters every validation compares. */
export const FORECASTERS = ['model', 'random_walk', 'pledge_only', 'trend'] as const;
export type Forecaster = (typeof FORECASTERS)[number];
export const GROUPS = ['allies', 'russia'] as const;
export type Group = (typeof GROUPS)[number];

/** Years over which the `trend` forecaster measures each country's drift. */
export const TREND_YEARS = 5;

/** The Wales pledge of September 2014: move towards 2 % of GDP within a decade. */
export const WALES_PLEDGE = { name: 'Wales 2 %', target: 0.02, announced: 2014, by: 2024 } as const;

/** Scores of one forecaster for one group, arrays by horizon (index h − 1). */
export interface Scores {
  /** Root-mean-square error, percentage points of GDP. */
  readonly rmse: readonly number[];
  /** Mean absolute scaled error: |error| over the country's in-sample mean absolute annual change. */
  readonly mase: readonly number[];
  /** Forecast–outcome pairs (country × origin). */
  readonly n: readonly number[];
}

/** Diebold–Mariano test of equal squared error against the random walk, by horizon. */
export interface DieboldMariano {
  /** HLN-corrected statistic; negative: the forecaster's errors are smaller. */
  readonly statistic: readonly number[];
  /** Two-sided p-value (Student t, origins − 1 degrees of freedom). */
  readonly p: readonly number[];
  /** Origins with an outcome at that horizon. */
  readonly origins: readonly number[];
}

/** One forecast against its outcome (for charts and audits). */
export interface ForecastRecord {
  readonly forecaster: Forecaster;
  readonly iso3: string;
  readonly origin: number;
  readonly horizon: number;
  readonly forecast: number;
  readonly outcome: number;
}

/** Options of {@link validateForecasts}. */
export interface ValidationOptions {
  /** Origins (last year of data the forecaster sees); default 2008 … 2021. */
  readonly origins?: readonly number[];
  /** Longest horizon, years; default 10. */
  readonly horizons?: number;
  /** The specification evaluated as `model`; default the committed fit's choice, else `pledge-only`. */
  readonly specification?: DemandSpecificationId;
  /** Also score every specification in {@link DEMAND_SPECIFICATIONS} (the table of specifications tried). */
  readonly compareSpecifications?: boolean;
  /** First year of every refit; default 1995. */
  readonly fitFrom?: number;
  /**
   * Bootstrap draws of the model's responses per origin for interval coverage (the refit's own
   * bootstrap, each draw simulated); 0 for none (default).
   */
  readonly intervalDraws?: number;
  /** Called after each origin. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Share of outcomes inside the central 50 % and 90 % of the model's bootstrap ensemble, by horizon. */
export interface Coverage {
  readonly inside50: readonly number[];
  readonly inside90: readonly number[];
  readonly n: readonly number[];
  /** Ensemble members (kept bootstrap draws) per origin, mean. */
  readonly members: number;
}

/** The result of {@link validateForecasts}. */
export interface Validation {
  readonly specification: DemandSpecificationId;
  readonly origins: readonly number[];
  readonly horizons: readonly number[];
  readonly source: string;
  /** Per forecaster and group. */
  readonly scores: Readonly<Record<Forecaster, Readonly<Record<Group, Scores>>>>;
  /** Each forecaster against the random walk. */
  readonly dieboldMariano: Readonly<
    Record<Exclude<Forecaster, 'random_walk'>, Readonly<Record<Group, DieboldMariano>>>
  >;
  /** Interval coverage of the model's parameter ensemble (with `intervalDraws`). */
  readonly coverage: Readonly<Record<Group, Coverage>> | undefined;
  /** Per specification tried (with `compareSpecifications`): its scores as `model`. */
  readonly specifications: Readonly<Partial<Record<DemandSpecificationId, Readonly<Record<Group, Scores>>>>>;
  readonly records: readonly ForecastRecord[];
  /** What the forecasts know and do not know. */
  readonly notes: readonly string[];
}

/** The pledges known at an origin: Wales's 2 % from 2014 on, none before. */
export function pledgesKnownAt(origin: number): NonNullable<ScenarioInput['pledges']> {
  return origin >= WALES_PLEDGE.announced && origin < WALES_PLEDGE.by
    ? [{ name: WALES_PLEDGE.name, target: WALES_PLEDGE.target, from: origin, by: WALES_PLEDGE.by }]
    : [];
}

/**
 * The scenario of a forecast made at `origin`: the allies of that year and the other default
 * actors, the pledges then known, no war term (the war of 2022 is unknown before it), the given
 * responses, from `origin` to `end`.
 */
export function forecastScenario(
  dataset: Dataset,
  origin: number,
  end: number,
  responses: Readonly<Record<string, ActorResponse>>,
): ScenarioInput {
  const source = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const actors = [...dataset.allies(), ...DEFAULTS.otherActors].filter(
    (c) =>
      dataset.series(c, 'milex_share_gdp', source) !== undefined &&
      ((DEFAULTS.otherActors as readonly string[]).includes(c) || dataset.isMember(c, origin)) &&
      dataset.observation(c, 'milex_share_gdp', source, origin) !== undefined,
  );
  const response: Record<string, { elasticity: number; spill_in: number; speed: number }> = {};
  for (const c of actors) {
    const r = responses[c];
    if (r !== undefined) response[c] = { elasticity: r.elasticity, spill_in: r.spill_in, speed: r.speed };
  }
  return {
    name: `forecast from ${origin}`,
    start: origin,
    end,
    step_years: 0.25,
    actors,
    pledges: pledgesKnownAt(origin),
    response,
    war: Object.fromEntries(
      (DEFAULTS.warActors as readonly string[]).filter((c) => actors.includes(c)).map((c) => [c, { extra_share: 0 }]),
    ),
  };
}

const emptyScores = (H: number) => ({
  sq: new Float64Array(H),
  abs: new Float64Array(H),
  n: new Float64Array(H),
});

/**
 * Pseudo-out-of-sample validation of the demand model (docs/estimation.md): at each origin the responses
 * are refitted on data up to the origin, the model is run from the origin with only the pledges
 * known then and no war term, conditional on realised GDP (the data's, not a forecast of it), and
 * each burden 1 … H years ahead is compared with what happened. Baselines: the random walk (the
 * burden stays at its origin value), `pledge_only` (the same simulator with ε = η = 0) and each
 * country's trend over the last {@link TREND_YEARS} years. Allies are the countries that are NATO
 * allies at the origin; Russia is scored alone. Diebold–Mariano against the random walk uses the
 * cross-country mean loss differential per origin ({@link dieboldMariano}).
 *
 * @throws {InputError} for origins or horizons the data cannot serve.
 * @example validateForecasts(loadDataset(), { origins: [2014], horizons: 3 }).scores.model.allies.rmse
 */
export function validateForecasts(dataset: Dataset, options: ValidationOptions = {}): Validation {
  const last = lastBurdenYear(dataset);
  const origins = [...(options.origins ?? Array.from({ length: 14 }, (_, k) => 2008 + k))];
  const H = options.horizons ?? 10;
  if (!Number.isInteger(H) || H < 1 || H > 20)
    throw new InputError('bad-horizons', `horizons: ${H} must be a whole number of years from 1 to 20, e.g. 10`);
  for (const o of origins)
    if (!Number.isInteger(o) || o < 2005 || o >= last)
      throw new InputError(
        'bad-origin',
        `origins: ${o} must be a year from 2005 to ${last - 1} (the last year of data, ${last}, has no outcome after it)`,
      );
  const fitted = dataset.data.fitted as { selection?: { specification?: string } } | undefined;
  const chosen = fitted?.selection?.specification;
  const specification =
    options.specification ??
    (DEMAND_SPECIFICATIONS.includes(chosen as DemandSpecificationId)
      ? (chosen as DemandSpecificationId)
      : 'pledge-only');
  if (!DEMAND_SPECIFICATIONS.includes(specification))
    throw new InputError(
      'bad-specification',
      `specification: "${specification}" is not known; use one of ${DEMAND_SPECIFICATIONS.join(', ')}`,
    );
  const source = dataset.latestEdition('sipri-', 'milex_share_gdp');
  const burden = (c: string, y: number) => {
    const o = dataset.observation(c, 'milex_share_gdp', source, y);
    return o === undefined ? undefined : o.value / 100;
  };
  // Allies are scored as the allies of the origin year; Belarus and Ukraine are not scored.
  const groupOf = (c: string, origin: number): Group | undefined =>
    c === 'RUS' ? 'russia' : dataset.isMember(c, origin) ? 'allies' : undefined;
  const specs: DemandSpecificationId[] = options.compareSpecifications
    ? [...DEMAND_SPECIFICATIONS]
    : [...new Set<DemandSpecificationId>([specification, 'pledge-only'])];

  type Acc = ReturnType<typeof emptyScores>;
  const acc = new Map<string, Acc>();
  const accOf = (key: string) => {
    let a = acc.get(key);
    if (a === undefined) {
      a = emptyScores(H);
      acc.set(key, a);
    }
    return a;
  };
  const intervalDraws = options.intervalDraws ?? 0;
  let memberCount = 0;
  const coverage = {
    allies: { inside50: new Float64Array(H), inside90: new Float64Array(H), n: new Float64Array(H) },
    russia: { inside50: new Float64Array(H), inside90: new Float64Array(H), n: new Float64Array(H) },
  };
  // Squared errors per (forecaster, group, horizon, origin), summed over countries, with counts.
  const loss = new Map<string, Map<number, { sum: number; n: number }>>();
  const records: ForecastRecord[] = [];

  const scale = (c: string, origin: number) => {
    let s = 0;
    let n = 0;
    for (let y = (options.fitFrom ?? 1995) + 1; y <= origin; y++) {
      const a = burden(c, y);
      const b = burden(c, y - 1);
      if (a !== undefined && b !== undefined) {
        s += Math.abs(a - b);
        n++;
      }
    }
    return n > 0 && s > 0 ? (100 * s) / n : Number.NaN;
  };

  origins.forEach((origin, done) => {
    const end = Math.min(origin + H, last) + 1;
    const forecasts = new Map<string, Map<string, number[]>>(); // key → iso3 → burden by horizon
    for (const spec of specs) {
      const fit = fitDemand(dataset, {
        to: origin,
        specification: spec,
        draws: 0,
        jackknife: false,
        ...(options.fitFrom !== undefined ? { from: options.fitFrom } : {}),
      });
      const run = simulate(forecastScenario(dataset, origin, end, fit.responses), dataset);
      const byActor = new Map<string, number[]>();
      for (const a of run.actors)
        byActor.set(
          a.iso3,
          Array.from({ length: H }, (_, k) => {
            const at = run.years.indexOf(origin + k + 1);
            return at < 0 ? Number.NaN : (a.burden[at] as number);
          }),
        );
      forecasts.set(`spec:${spec}`, byActor);
    }
    const actors = [...(forecasts.get(`spec:${specification}`)?.keys() ?? [])];
    if (intervalDraws > 0) {
      const fit = fitDemand(dataset, {
        to: origin,
        specification,
        draws: intervalDraws,
        seed: origin,
        jackknife: false,
        ...(options.fitFrom !== undefined ? { from: options.fitFrom } : {}),
      });
      const members = fit.responseDraws.map((responses) =>
        simulate(forecastScenario(dataset, origin, end, responses), dataset),
      );
      memberCount += members.length;
      for (const c of actors) {
        const group = groupOf(c, origin);
        if (group === undefined || members.length < 10) continue;
        for (let h = 1; h <= H; h++) {
          const outcome = burden(c, origin + h);
          if (outcome === undefined) continue;
          const values = members
            .map((run) => run.actors.find((a) => a.iso3 === c)?.burden[run.years.indexOf(origin + h)])
            .filter((x): x is number => x !== undefined && Number.isFinite(x))
            .sort((a, b) => a - b);
          if (values.length < 10) continue;
          const cov = coverage[group];
          const inside = (lo: number, hi: number) =>
            outcome >= quantile7(values, lo) && outcome <= quantile7(values, hi);
          if (inside(0.25, 0.75)) cov.inside50[h - 1] = (cov.inside50[h - 1] as number) + 1;
          if (inside(0.05, 0.95)) cov.inside90[h - 1] = (cov.inside90[h - 1] as number) + 1;
          cov.n[h - 1] = (cov.n[h - 1] as number) + 1;
        }
      }
    }
    const naive = new Map<string, number[]>();
    const trend = new Map<string, number[]>();
    for (const c of actors) {
      const s0 = burden(c, origin) as number;
      const before = burden(c, origin - TREND_YEARS);
      const drift = before === undefined ? 0 : (s0 - before) / TREND_YEARS;
      naive.set(
        c,
        Array.from({ length: H }, () => s0),
      );
      trend.set(
        c,
        Array.from({ length: H }, (_, k) => Math.max(DEFAULTS.minShare, s0 + drift * (k + 1))),
      );
    }
    const sources: [string, Map<string, number[]> | undefined][] = [
      ['model', forecasts.get(`spec:${specification}`)],
      ['random_walk', naive],
      ['pledge_only', forecasts.get('spec:pledge-only')],
      ['trend', trend],
      ...specs.map((s): [string, Map<string, number[]> | undefined] => [`spec:${s}`, forecasts.get(`spec:${s}`)]),
    ];
    for (const c of actors) {
      const group = groupOf(c, origin);
      if (group === undefined) continue;
      const q = scale(c, origin);
      for (let h = 1; h <= H; h++) {
        const outcome = burden(c, origin + h);
        if (outcome === undefined) continue;
        for (const [key, table] of sources) {
          const f = table?.get(c)?.[h - 1];
          if (f === undefined || !Number.isFinite(f)) continue;
          const e = 100 * (f - outcome);
          const a = accOf(`${key}|${group}`);
          a.sq[h - 1] = (a.sq[h - 1] as number) + e * e;
          if (Number.isFinite(q)) a.abs[h - 1] = (a.abs[h - 1] as number) + Math.abs(e) / q;
          a.n[h - 1] = (a.n[h - 1] as number) + 1;
          const lk = `${key}|${group}|${h}`;
          let m = loss.get(lk);
          if (m === undefined) {
            m = new Map();
            loss.set(lk, m);
          }
          const cell = m.get(origin) ?? { sum: 0, n: 0 };
          cell.sum += e * e;
          cell.n += 1;
          m.set(origin, cell);
          if (!key.startsWith('spec:'))
            records.push({ forecaster: key as Forecaster, iso3: c, origin, horizon: h, forecast: f, outcome });
        }
      }
    }
    options.onProgress?.(done + 1, origins.length);
  });

  const scoresOf = (key: string, group: Group): Scores => {
    const a = accOf(`${key}|${group}`);
    return {
      rmse: Array.from(a.sq, (s, k) => ((a.n[k] as number) > 0 ? Math.sqrt(s / (a.n[k] as number)) : Number.NaN)),
      mase: Array.from(a.abs, (s, k) => ((a.n[k] as number) > 0 ? s / (a.n[k] as number) : Number.NaN)),
      n: Array.from(a.n),
    };
  };
  const dm = (key: string, group: Group): DieboldMariano => {
    const statistic: number[] = [];
    const p: number[] = [];
    const count: number[] = [];
    for (let h = 1; h <= H; h++) {
      const mine = loss.get(`${key}|${group}|${h}`);
      const rw = loss.get(`random_walk|${group}|${h}`);
      const d: number[] = [];
      for (const o of origins) {
        const a = mine?.get(o);
        const b = rw?.get(o);
        if (a !== undefined && b !== undefined && a.n > 0 && b.n > 0) d.push(a.sum / a.n - b.sum / b.n);
      }
      const r = dieboldMariano(d, h);
      statistic.push(r.statistic);
      p.push(r.p);
      count.push(d.length);
    }
    return { statistic, p, origins: count };
  };
  const per = (key: string) => ({ allies: scoresOf(key, 'allies'), russia: scoresOf(key, 'russia') });
  const scores = {
    model: per('model'),
    random_walk: per('random_walk'),
    pledge_only: per('pledge_only'),
    trend: per('trend'),
  };
  const dms = (key: string) => ({ allies: dm(key, 'allies'), russia: dm(key, 'russia') });
  const specifications: Partial<Record<DemandSpecificationId, Record<Group, Scores>>> = {};
  if (options.compareSpecifications) for (const s of specs) specifications[s] = per(`spec:${s}`);
  return {
    specification,
    origins,
    horizons: Array.from({ length: H }, (_, k) => k + 1),
    source,
    scores,
    dieboldMariano: { model: dms('model'), pledge_only: dms('pledge_only'), trend: dms('trend') },
    coverage:
      intervalDraws > 0
        ? {
            allies: coverageOf(coverage.allies, memberCount / origins.length),
            russia: coverageOf(coverage.russia, memberCount / origins.length),
          }
        : undefined,
    specifications,
    records,
    notes: [
      `Refits at each origin on data from ${options.fitFrom ?? 1995} to the origin; the same specification (${specification}) every time.`,
      'Conditional on realised GDP: the simulator reads the data’s GDP for the forecast years, so the test scores the response model, not a GDP forecast.',
      `Pledges known at the origin only: Wales's 2 % by ${WALES_PLEDGE.by} from the ${WALES_PLEDGE.announced} origin on, none before; no war term (the war of 2022 is unknown to every origin up to 2021); the allies of the origin year only.`,
      `Errors in percentage points of GDP; MASE scales each error by the country's mean absolute annual change from ${(options.fitFrom ?? 1995) + 1} to the origin.`,
    ],
  };
}

function coverageOf(c: { inside50: Float64Array; inside90: Float64Array; n: Float64Array }, members: number): Coverage {
  const share = (x: Float64Array) =>
    Array.from(x, (v, k) => ((c.n[k] as number) > 0 ? v / (c.n[k] as number) : Number.NaN));
  return { inside50: share(c.inside50), inside90: share(c.inside90), n: Array.from(c.n), members };
}

/**
 * Diebold–Mariano statistic of a loss-differential series at horizon `h`: the long-run variance from
 * its autocovariances up to lag `L = min(h − 1, ⌊T/3⌋)` with Bartlett weights `1 − l/(L + 1)`
 * (Newey–West: never negative; the cap keeps a few origins from summing their autocovariances
 * to zero), and the Harvey, Leybourne & Newbold (1997) correction `√((T + 1 − 2h + h(h − 1)/T)/T)`
 * where it is positive; p from Student t with `T − 1` degrees of freedom. `NaN` with fewer than 3
 * points or no variance.
 *
 * @example dieboldMariano([-1, -2, -1.5, -0.5], 1).statistic < 0 // → true
 */
export function dieboldMariano(d: readonly number[], h: number): { statistic: number; p: number } {
  const T = d.length;
  if (T < 3) return { statistic: Number.NaN, p: Number.NaN };
  const mean = d.reduce((s, v) => s + v, 0) / T;
  const gamma = (l: number) => {
    let s = 0;
    for (let t = l; t < T; t++) s += ((d[t] as number) - mean) * ((d[t - l] as number) - mean);
    return s / T;
  };
  const lags = Math.min(h - 1, Math.floor(T / 3));
  let v = gamma(0);
  for (let l = 1; l <= lags; l++) v += 2 * (1 - l / (lags + 1)) * gamma(l);
  if (!(v > 0)) return { statistic: Number.NaN, p: Number.NaN };
  const dm = mean / Math.sqrt(v / T);
  const factor = (T + 1 - 2 * h + (h * (h - 1)) / T) / T;
  const statistic = factor > 0 ? dm * Math.sqrt(factor) : dm;
  const p = 2 * (1 - studentTCdf(Math.abs(statistic), T - 1));
  return { statistic, p };
}
