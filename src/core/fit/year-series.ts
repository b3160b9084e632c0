import { InputError } from '../errors.js';

/** A named yearly series, as read from the dataset or a user's CSV file. */
export interface YearSeries {
  readonly name: string;
  readonly years: readonly number[];
  readonly values: readonly (number | null)[];
}

/** A complete run of consecutive years of one or more series. */
export interface AlignedSeries {
  readonly names: readonly string[];
  readonly years: readonly number[];
  /** One array per series, aligned with `years`. */
  readonly values: readonly Float64Array[];
}

/**
 * Cut series to a span and align them, refusing what an estimator cannot use.
 *
 * @param from first year (default: the first year all series have)
 * @param to last year (default: the last year all series have)
 * @param minYears fewest years the estimator needs
 * @throws {InputError} `too-few-years`, `gap` (a missing year or an empty value inside the span,
 *   naming the series and the year), `constant-series`, `bad-span`.
 * @example alignSeries([nato, rus], 1993, 2024, 10).years.length // 32
 */
export function alignSeries(
  series: readonly YearSeries[],
  from: number | undefined,
  to: number | undefined,
  minYears: number,
): AlignedSeries {
  if (series.length === 0) throw new InputError('no-series', 'no series given; name at least one column');
  const lo = from ?? Math.max(...series.map((s) => firstWithValue(s) ?? Number.POSITIVE_INFINITY));
  const hi = to ?? Math.min(...series.map((s) => lastWithValue(s) ?? Number.NEGATIVE_INFINITY));
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
    throw new InputError('bad-span', `span ${lo}–${hi}: the series have no common years; check --from and --to`);
  }
  const years = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  if (years.length < minYears) {
    throw new InputError(
      'too-few-years',
      `span ${lo}–${hi} has ${years.length} years; this estimator needs at least ${minYears}: widen --from/--to`,
    );
  }
  const values = series.map((s) => {
    const index = new Map(s.years.map((y, k) => [y, s.values[k]]));
    const out = new Float64Array(years.length);
    for (const [k, y] of years.entries()) {
      const v = index.get(y);
      if (v === undefined || v === null || !Number.isFinite(v)) {
        throw new InputError(
          'gap',
          `${s.name}: no value for ${y}, inside the span ${lo}–${hi}; the estimators need consecutive years: narrow the span or fill the series`,
        );
      }
      out[k] = v;
    }
    if (out.every((v) => v === out[0])) {
      throw new InputError(
        'constant-series',
        `${s.name}: constant at ${out[0]} over ${lo}–${hi}; a constant series carries no information to estimate from`,
      );
    }
    return out;
  });
  return { names: series.map((s) => s.name), years, values };
}

function firstWithValue(s: YearSeries): number | undefined {
  const k = s.values.findIndex((v) => v !== null);
  return k < 0 ? undefined : s.years[k];
}

function lastWithValue(s: YearSeries): number | undefined {
  for (let k = s.values.length - 1; k >= 0; k--) if (s.values[k] !== null) return s.years[k];
  return undefined;
}
