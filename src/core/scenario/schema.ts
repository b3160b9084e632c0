import { z } from 'zod';

/**
 * The scenario file: every field optional, with the defaults documented in `docs/scenario.md`.
 * Shares of GDP are written `3.5%` or `0.035`.
 */

const SHARE_TEXT = /^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/;

/** A share of GDP: `3.5%` or `0.035`, between 0 and 1. */
export const share = z.union([z.number(), z.string()]).transform((v, ctx) => {
  let value: number;
  if (typeof v === 'number') {
    value = v;
  } else {
    const m = SHARE_TEXT.exec(v);
    if (m === null) {
      ctx.addIssue({
        code: 'custom',
        message: `"${v}" is not a share of GDP; write a percentage such as 3.5% or a fraction such as 0.035`,
      });
      return z.NEVER;
    }
    value = Number(m[1]) / 100;
  }
  if (!(value >= 0 && value <= 1)) {
    ctx.addIssue({
      code: 'custom',
      message: `${typeof v === 'number' ? v : `"${v}"`} is out of range; a share of GDP lies between 0% and 100% (0 to 1)`,
    });
    return z.NEVER;
  }
  return value;
});

const year = z
  .number()
  .int('must be a whole year, e.g. 2035')
  .min(1900, 'must be a year from 1900 on')
  .max(2200, 'must be a year up to 2200');
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code in capitals, e.g. POL');
const rate = (example: string) => z.number().nonnegative(`is negative; use a rate in 1/years, e.g. ${example}`);
const fraction = z.number().min(0, 'must lie between 0 and 1').max(1, 'must lie between 0 and 1');

/**
 * Compliance `κ`: a share of the gap to the pledge path closed, 0…1; `trend` (from the recent rise
 * of the burden); or `binding` (κ = 1 and the pledge path a floor under the burden).
 */
const compliance = z.union([z.number(), z.string()]).transform((v, ctx): number | 'trend' | 'binding' => {
  if (typeof v === 'number') {
    if (v >= 0 && v <= 1) return v;
    ctx.addIssue({ code: 'custom', message: `${v} must lie between 0 and 1` });
    return z.NEVER;
  }
  if (v === 'trend' || v === 'binding') return v;
  ctx.addIssue({ code: 'custom', message: `"${v}" is not accepted; use a number from 0 to 1, trend or binding` });
  return z.NEVER;
});

/** Per-actor map with an optional `default` entry. */
const perActor = <T extends z.ZodType>(value: T) => z.record(z.union([iso3, z.literal('default')]), value);

export const pledgeSchema = z.strictObject({
  name: z.string().optional(),
  target: share,
  from: year.optional(),
  by: year,
});

export const responseSchema = z.strictObject({
  /** ε: threat elasticity; 1 = proportional response. */
  elasticity: z.number().min(-5, 'must lie between -5 and 5').max(5, 'must lie between -5 and 5').optional(),
  /** η: spill-in (free-riding) elasticity. */
  spill_in: z.number().min(-5, 'must lie between -5 and 5').max(5, 'must lie between -5 and 5').optional(),
  /** λ: adjustment speed, 1/years. */
  speed: rate('0.5').optional(),
});

export const warSchema = z.strictObject({
  extra_share: share.optional(),
  until: year.nullable().optional(),
  fade_years: z.number().nonnegative('is negative; use a number of years ≥ 0, e.g. 3').optional(),
});

export const richardsonSchema = z.strictObject({
  actors: z.array(z.string().min(1)).min(1, 'needs at least one actor'),
  reaction: z.array(z.array(z.number())),
  fatigue: z.array(rate('0.2')),
  grievance: z.array(z.number()),
  initial: z.array(z.number()),
});

export const distributionSchema = z.union([
  z.strictObject({ bootstrap: z.literal('fitted') }),
  z.strictObject({
    normal: z.tuple([z.number(), z.number().nonnegative('is negative; a standard deviation must be ≥ 0')]),
  }),
  z.strictObject({
    lognormal: z.tuple([z.number(), z.number().nonnegative('is negative; a standard deviation must be ≥ 0')]),
  }),
  z.strictObject({ uniform: z.tuple([z.number(), z.number()]) }),
  z.strictObject({ triangular: z.tuple([z.number(), z.number(), z.number()]) }),
]);

export const scenarioSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  model: z.enum(['demand', 'richardson']).optional(),
  start: year.optional(),
  end: year.optional(),
  step_years: z
    .number()
    .positive('must be a positive step in years, e.g. 0.0833 (a month)')
    .max(1, 'must be at most 1 year')
    .optional(),
  solver: z.enum(['rk4', 'dopri']).optional(),
  actors: z.array(iso3).optional(),
  partners: z.array(iso3).optional(),
  pledges: z.array(pledgeSchema).optional(),
  compliance: perActor(compliance).optional(),
  response: perActor(responseSchema).optional(),
  /** Which fitted specification of data/fitted.json gives the default responses; default its validated choice. */
  response_fit: z
    .enum(['pledge-only', 'russia-only', 'exposure', 'exposure-no-spill', 'pooled'], {
      error: 'must name a fitted specification: pledge-only, russia-only, exposure, exposure-no-spill or pooled',
    })
    .optional(),
  war: perActor(warSchema).optional(),
  enlargement: z.array(z.strictObject({ country: iso3, year })).optional(),
  geography: z
    .strictObject({
      decay_km: z.number().positive('must be a positive length in km, e.g. 1500').optional(),
      floor: perActor(fraction).optional(),
    })
    .optional(),
  capability: z
    .strictObject({
      depreciation: rate('0.1').optional(),
      build_share: perActor(fraction).optional(),
    })
    .optional(),
  bounds: z.strictObject({ min: share.optional(), max: share.optional() }).optional(),
  gdp: z
    .strictObject({
      usd_inflation: z.number().min(-0.5).max(1).optional(),
      long_run_growth: perActor(
        z.number().min(-0.5, 'must be above -50 % a year').max(1, 'must be below 100 % a year'),
      ).optional(),
    })
    .optional(),
  richardson: richardsonSchema.optional(),
  ensemble: z
    .strictObject({
      runs: z.number().int().positive('must be a positive number of members').optional(),
      seed: z.number().int().optional(),
      uncertain: z.record(z.string(), distributionSchema).optional(),
      gdp_shocks: z.boolean().optional(),
      events: z
        .array(
          z.union([
            z.strictObject({
              name: z.string().optional(),
              series: z.string().min(1),
              above: z.union([z.number(), z.string()]).optional(),
              below: z.union([z.number(), z.string()]).optional(),
              when: z.union([z.literal('any'), z.literal('all'), z.number().int()]),
            }),
            z.strictObject({ name: z.string().optional(), stability: z.literal('positive'), year: z.number().int() }),
          ]),
        )
        .optional(),
    })
    .optional(),
});

/** A scenario as written, validated; missing fields take their defaults when it is resolved. */
export type ScenarioInput = z.output<typeof scenarioSchema>;
