import { z } from 'zod';
import { showValue } from './show-value.js';

/**
 * The scenario file: every field optional, with the defaults documented in `docs/scenario.md`.
 * Shares of GDP are written `3.5%` or `0.035`.
 */

const SHARE_TEXT = /^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/;

/**
 * The fraction a percentage written as text stands for (`'3.5%'` → 0.035), or `undefined` when the
 * text is not a percentage: the one reading of `N%` in scenario files.
 *
 * @example percentText('10 %') // 0.1
 */
export function percentText(text: string): number | undefined {
  const m = SHARE_TEXT.exec(text);
  return m === null ? undefined : Number(m[1]) / 100;
}

/** A share of GDP: `3.5%` or `0.035`, between 0 and 1. */
export const share = z.union([z.number(), z.string()]).transform((v, ctx) => {
  let value: number;
  if (typeof v === 'number') {
    value = v;
  } else {
    const parsed = percentText(v);
    if (parsed === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${showValue(v)} is not a share of GDP; write a percentage such as 3.5% or a fraction such as 0.035`,
      });
      return z.NEVER;
    }
    value = parsed;
  }
  if (!(value >= 0 && value <= 1)) {
    ctx.addIssue({
      code: 'custom',
      message: `${showValue(v)} is out of range; a share of GDP lies between 0% and 100% (0 to 1)`,
    });
    return z.NEVER;
  }
  return value;
});

/**
 * The bounds of every numeric field, each derived from what the model and the data can serve;
 * `docs/scenario.md` gives the reason for each. The ensemble clips its draws to the same bounds.
 */
export const LIMITS = {
  /** Calendar years: the data start after 1900; beyond 2200 GDP is a constant growth rate and nothing else. */
  year: [1900, 2200],
  /** RK4 step, years: a day to a year (annual means need a step of at most a year). */
  stepYears: [1 / 365, 1],
  /** Steps of one run, (end − start) / step_years: bounds its time. */
  maxSteps: 5_000,
  /** Threat and spill-in elasticities (the fit's draws are kept inside them too). */
  elasticity: [-5, 5],
  spillIn: [-5, 5],
  /** Adjustment speed λ, 1/years: a time constant of half a year at the fastest; RK4 stays stable for λ·step ≤ 2. */
  speed: [0, 2],
  compliance: [0, 1],
  share: [0, 1],
  /** Years over which a war's burden fades out. */
  fadeYears: [0, 100],
  /** Decay length D of the proximity weights, km. */
  decayKm: [100, 100_000],
  floor: [0, 1],
  /** Capability depreciation δ, 1/years: a service life of a century to a year. */
  depreciation: [0.01, 1],
  /** Share φ of spending that builds capability. */
  buildShare: [0.01, 1],
  /** US-dollar inflation and long-run real growth, per year, open interval (the GDP path's own range). */
  usdInflation: [-0.5, 1],
  longRunGrowth: [-0.5, 1],
  /** Entries of lists. */
  actors: 100,
  partners: 100,
  pledges: 20,
  enlargement: 50,
  uncertain: 50,
  events: 50,
  runs: 200_000,
  seed: Number.MAX_SAFE_INTEGER,
  /** Classic Richardson model: actors, rates (1/years) and levels. */
  richardsonActors: 20,
  reaction: [-10, 10],
  fatigue: [0, 10],
  level: [-1e12, 1e12],
} as const;

type Range = readonly [number, number];
const range = (r: Range) => `${r[0]} to ${r[1]}`;

/** A finite number inside `[low, high]`, with one message for both ends and for a non-number. */
const bounded = (r: Range, accepted: string) =>
  z
    .number({ error: `is not a number; ${accepted}` })
    .min(r[0], `is out of range; ${accepted}`)
    .max(r[1], `is out of range; ${accepted}`);

/** A finite number strictly inside `(low, high)`. */
const inside = (r: Range, accepted: string) =>
  z
    .number({ error: `is not a number; ${accepted}` })
    .gt(r[0], `is out of range; ${accepted}`)
    .lt(r[1], `is out of range; ${accepted}`);

const yearText = `use a whole year from ${LIMITS.year[0]} to ${LIMITS.year[1]}, e.g. 2035`;
const year = z
  .number({ error: `is not a number; ${yearText}` })
  .int(`is not a whole number; write e.g. 2035 (a year from ${LIMITS.year[0]} to ${LIMITS.year[1]})`)
  .min(LIMITS.year[0], `is out of range; ${yearText}`)
  .max(LIMITS.year[1], `is out of range; ${yearText}`);
const iso3 = z
  .string({ error: 'is not text; use an ISO 3166 alpha-3 code in capitals, e.g. POL' })
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code in capitals, e.g. POL');
const rate = (r: Range, example: string) =>
  z
    .number({ error: `is not a number; use a rate in 1/years from ${range(r)}, e.g. ${example}` })
    .nonnegative(`is negative; use a rate in 1/years, e.g. ${example}`)
    .min(r[0], `is out of range; use a rate in 1/years from ${range(r)}, e.g. ${example}`)
    .max(r[1], `is out of range; use a rate in 1/years from ${range(r)}, e.g. ${example}`);
const fraction = (r: Range, example: string) => bounded(r, `use a number from ${range(r)}, e.g. ${example}`);
/** A list of at most `max` entries. */
const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item, { error: `is not a list; write ${what}` }).max(max, `has too many entries; at most ${max}`);
/** A mapping of fields (a strict object) with the project's message for a value that is not one. */
const mapping = <T extends z.core.$ZodLooseShape>(shape: T, example: string) =>
  z.strictObject(shape, { error: `is not a mapping of fields; write e.g. ${example}` });

/**
 * Compliance `κ`: a share of the gap to the pledge path closed, 0…1; `trend` (from the recent rise
 * of the burden); or `binding` (κ = 1 and the pledge path a floor under the burden).
 */
const compliance = z.union([z.number(), z.string()]).transform((v, ctx): number | 'trend' | 'binding' => {
  if (typeof v === 'number') {
    if (v >= 0 && v <= 1) return v;
    ctx.addIssue({
      code: 'custom',
      message: `${showValue(v)} must lie between 0 and 1; use a number from 0 to 1, trend or binding`,
    });
    return z.NEVER;
  }
  if (v === 'trend' || v === 'binding') return v;
  ctx.addIssue({
    code: 'custom',
    message: `${showValue(v)} is not accepted; use a number from 0 to 1, trend or binding`,
  });
  return z.NEVER;
});

/** Per-actor map with an optional `default` entry. */
const perActor = <T extends z.ZodType>(value: T, example: string) =>
  z.record(z.union([iso3, z.literal('default')]), value, {
    error: `is not a mapping of countries; write e.g. ${example}`,
  });

export const pledgeSchema = mapping(
  {
    name: z.string({ error: 'is not text; write a name such as Hague core' }).optional(),
    target: share,
    from: year.optional(),
    by: year,
  },
  '{ target: 3.5%, by: 2035 }',
);

const elasticity = (what: string) => bounded(LIMITS.elasticity, `use ${what} from ${range(LIMITS.elasticity)}`);
export const responseSchema = mapping(
  {
    /** ε: threat elasticity; 1 = proportional response. */
    elasticity: elasticity('an elasticity').optional(),
    /** η: spill-in (free-riding) elasticity. */
    spill_in: elasticity('an elasticity').optional(),
    /** λ: adjustment speed, 1/years. */
    speed: rate(LIMITS.speed, '0.5').optional(),
  },
  '{ elasticity: 1, speed: 0.5 }',
);

export const warSchema = mapping(
  {
    extra_share: share.optional(),
    until: year.nullable().optional(),
    fade_years: z
      .number({ error: `is not a number; use a number of years from ${range(LIMITS.fadeYears)}, e.g. 3` })
      .nonnegative('is negative; use a number of years ≥ 0, e.g. 3')
      .max(LIMITS.fadeYears[1], `is out of range; use a number of years from ${range(LIMITS.fadeYears)}, e.g. 3`)
      .optional(),
  },
  '{ extra_share: 3%, until: 2026, fade_years: 3 }',
);

const levelText = `use a level from ${LIMITS.level[0]} to ${LIMITS.level[1]}`;
export const richardsonSchema = mapping(
  {
    actors: list(
      z.string({ error: 'is not text; name the actor, e.g. Blue' }).min(1, 'is empty; name the actor, e.g. Blue'),
      LIMITS.richardsonActors,
      'e.g. [Blue, Red]',
    ).min(1, 'needs at least one actor'),
    reaction: list(
      list(
        bounded(LIMITS.reaction, `use a rate in 1/years from ${range(LIMITS.reaction)}, e.g. 0.1`),
        LIMITS.richardsonActors,
        'a row of rates, e.g. [0, 0.1]',
      ),
      LIMITS.richardsonActors,
      'a matrix of rates, e.g. [[0, 0.1], [0.15, 0]]',
    ),
    fatigue: list(rate(LIMITS.fatigue, '0.2'), LIMITS.richardsonActors, 'one rate per actor, e.g. [0.2, 0.25]'),
    grievance: list(
      bounded(LIMITS.level, `${levelText} per year, e.g. 5`),
      LIMITS.richardsonActors,
      'one per actor, e.g. [5, 3]',
    ),
    initial: list(
      bounded(LIMITS.level, `${levelText}, e.g. 20`),
      LIMITS.richardsonActors,
      'one per actor, e.g. [20, 10]',
    ),
  },
  '{ actors: [Blue, Red], reaction: [[0, 0.1], [0.15, 0]], fatigue: [0.2, 0.25], grievance: [5, 3], initial: [20, 10] }',
);

const finite = z.number({ error: 'is not a number; a distribution takes finite numbers' });
const sd = finite.nonnegative('is negative; a standard deviation must be ≥ 0');
export const distributionSchema = z.union([
  z.strictObject({ bootstrap: z.literal('fitted') }),
  z.strictObject({ normal: z.tuple([finite, sd]) }),
  z.strictObject({ lognormal: z.tuple([finite, sd]) }),
  z.strictObject({ uniform: z.tuple([finite, finite]) }),
  z.strictObject({ triangular: z.tuple([finite, finite, finite]) }),
]);

/** An event's threshold, kept as written (a number or a percentage); the ensemble reads it. */
const threshold = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const m = typeof v === 'string' ? SHARE_TEXT.exec(v) : null;
  const value = typeof v === 'number' ? v : m === null ? Number.NaN : Number(m[1]) / 100;
  if (Number.isFinite(value)) return v;
  ctx.addIssue({
    code: 'custom',
    message: `${showValue(v)} is not a threshold; write a number such as 0.1 or a percentage such as 10%`,
  });
  return z.NEVER;
});

export const scenarioSchema = z.strictObject({
  name: z.string({ error: 'is not text; write a name such as Hague pledge met' }).optional(),
  description: z.string({ error: 'is not text; write a sentence' }).optional(),
  model: z.enum(['demand', 'richardson']).optional(),
  start: year
    .max(
      LIMITS.year[1] - 1,
      `is out of range; a run starts in ${LIMITS.year[0]}–${LIMITS.year[1] - 1} and ends by ${LIMITS.year[1]}`,
    )
    .optional(),
  end: year.optional(),
  step_years: bounded(
    LIMITS.stepYears,
    `use a step in years from 1/365 (${LIMITS.stepYears[0].toPrecision(3)}) to 1, e.g. 0.0833 (a month)`,
  ).optional(),
  solver: z.enum(['rk4', 'dopri']).optional(),
  actors: list(iso3, LIMITS.actors, 'a list of country codes, e.g. [POL, RUS]')
    .min(1, 'is empty; list at least two adversaries, e.g. [POL, RUS], or leave actors out for the default set')
    .optional(),
  partners: list(iso3, LIMITS.partners, 'a list of country codes, e.g. [UKR]').optional(),
  pledges: list(pledgeSchema, LIMITS.pledges, 'a list of pledges, e.g. [{ target: 3.5%, by: 2035 }]').optional(),
  compliance: perActor(compliance, '{ default: 0.8, POL: 1 }').optional(),
  response: perActor(responseSchema, '{ RUS: { elasticity: 1, speed: 0.5 } }').optional(),
  /**
   * Whose definition the allies' start burdens follow: `sipri` (default; every actor on SIPRI's) or
   * `nato` (each ally from NATO's latest edition, e.g. 2026e core defence with start: 2026).
   */
  burdens: z.enum(['sipri', 'nato'], { error: 'must be sipri or nato' }).optional(),
  /** Which fitted specification of data/fitted.json gives the default responses; default its validated choice. */
  response_fit: z
    .enum(['pledge-only', 'russia-only', 'exposure', 'exposure-no-spill', 'pooled'], {
      error: 'must name a fitted specification: pledge-only, russia-only, exposure, exposure-no-spill or pooled',
    })
    .optional(),
  war: perActor(warSchema, '{ RUS: { extra_share: 3%, until: 2026 } }').optional(),
  enlargement: list(
    mapping({ country: iso3, year }, '{ country: UKR, year: 2035 }'),
    LIMITS.enlargement,
    'a list such as [{ country: UKR, year: 2035 }]',
  ).optional(),
  geography: mapping(
    {
      decay_km: z
        .number({ error: `is not a number; use a length in km from ${range(LIMITS.decayKm)}, e.g. 1500` })
        .min(LIMITS.decayKm[0], `is out of range; use a length in km from ${range(LIMITS.decayKm)}, e.g. 1500`)
        .max(LIMITS.decayKm[1], `is out of range; use a length in km from ${range(LIMITS.decayKm)}, e.g. 1500`)
        .optional(),
      floor: perActor(fraction(LIMITS.floor, '0.25'), '{ USA: 0.25 }').optional(),
    },
    '{ decay_km: 1500 }',
  ).optional(),
  capability: mapping(
    {
      depreciation: rate(LIMITS.depreciation, '0.1').optional(),
      build_share: perActor(fraction(LIMITS.buildShare, '1'), '{ default: 1 }').optional(),
    },
    '{ depreciation: 0.1 }',
  ).optional(),
  bounds: mapping({ min: share.optional(), max: share.optional() }, '{ min: 0.1%, max: 15% }').optional(),
  gdp: mapping(
    {
      usd_inflation: inside(LIMITS.usdInflation, 'use a rate per year above -0.5 and below 1, e.g. 0.02').optional(),
      long_run_growth: perActor(
        inside(LIMITS.longRunGrowth, 'use a rate per year above -0.5 and below 1, e.g. 0.015'),
        '{ default: 0.015 }',
      ).optional(),
    },
    '{ usd_inflation: 0.02 }',
  ).optional(),
  richardson: richardsonSchema.optional(),
  ensemble: mapping(
    {
      runs: z
        .number({ error: `is not a number; use a whole number of members from 1 to ${LIMITS.runs}, e.g. 1000` })
        .int(`is not a whole number; use a number of members from 1 to ${LIMITS.runs}, e.g. 1000`)
        .min(1, `is out of range; use a number of members from 1 to ${LIMITS.runs}, e.g. 1000`)
        .max(LIMITS.runs, `is out of range; use a number of members from 1 to ${LIMITS.runs}, e.g. 1000`)
        .optional(),
      seed: z
        .number({ error: 'is not a number; use a whole number such as 42' })
        .int('is not a whole number; use a whole number such as 42')
        .min(-LIMITS.seed, `is out of range; use a whole number from ${-LIMITS.seed} to ${LIMITS.seed}, e.g. 42`)
        .max(LIMITS.seed, `is out of range; use a whole number from ${-LIMITS.seed} to ${LIMITS.seed}, e.g. 42`)
        .optional(),
      uncertain: z
        .record(z.string(), distributionSchema, {
          error: 'is not a mapping; write e.g. { response.RUS.elasticity: { normal: [1, 0.3] } }',
        })
        .optional(),
      gdp_shocks: z.boolean({ error: 'is not true or false; write false to turn the GDP shocks off' }).optional(),
      events: list(
        z.union([
          z.strictObject({
            name: z.string({ error: 'is not text; write a name for the event' }).optional(),
            series: z
              .string({ error: 'is not text; name a tracked series, e.g. RUS.burden' })
              .min(1, 'is empty; name a tracked series, e.g. RUS.burden'),
            above: threshold.optional(),
            below: threshold.optional(),
            when: z.union([z.literal('any'), z.literal('all'), year]),
          }),
          z.strictObject({
            name: z.string({ error: 'is not text; write a name for the event' }).optional(),
            stability: z.literal('positive'),
            year,
          }),
        ]),
        LIMITS.events,
        'a list such as [{ series: RUS.burden, above: 10%, when: any }]',
      ).optional(),
    },
    '{ runs: 1000, seed: 42 }',
  ).optional(),
});

/** A scenario as written, validated; missing fields take their defaults when it is resolved. */
export type ScenarioInput = z.output<typeof scenarioSchema>;
