import { InputError } from '../errors.js';
import { type GrangerTest, grangerCausality, selectVarOrder, type VarOrderSelection } from '../estimate/var.js';
import { alignSeries, type YearSeries } from './year-series.js';

/** Options of {@link grangerTest}. */
export interface GrangerOptions {
  readonly from?: number;
  readonly to?: number;
  /** Lag order, or `auto` (default): chosen by AIC over 1…`maxLag` on a common sample. */
  readonly lags?: number | 'auto';
  readonly maxLag?: number;
  /** Test growth rates (default) or levels. */
  readonly transform?: 'growth' | 'level';
}

/** Granger tests in both directions between two series, with the lag choice behind them. */
export interface GrangerReport {
  readonly x: string;
  readonly y: string;
  readonly span: readonly [number, number];
  readonly transform: 'growth' | 'level';
  readonly lags: number;
  readonly lagChoice: VarOrderSelection | null;
  readonly xToY: GrangerTest;
  readonly yToX: GrangerTest;
}

/**
 * Test whether `x` Granger-causes `y` and `y` Granger-causes `x` in a VAR(p) of their annual
 * growth rates (log differences), with p chosen by AIC unless given (Granger 1969; Lütkepohl 2005).
 *
 * @throws {InputError} for too few years, a gap, a constant series, or a lag too long for the span.
 * @example grangerTest(nato, russia, { from: 1993, to: 2024 }).xToY.pValue
 */
export function grangerTest(x: YearSeries, y: YearSeries, options: GrangerOptions = {}): GrangerReport {
  const transform = options.transform ?? 'growth';
  const aligned = alignSeries([x, y], options.from, options.to, 10);
  const columns = aligned.values.map((v, i) => {
    if (transform === 'level') return v;
    if (v.some((value) => !(value > 0))) {
      throw new InputError(
        'non-positive',
        `${aligned.names[i]}: a value ≤ 0 has no growth rate; test levels (--levels) or fix the series`,
      );
    }
    return Float64Array.from({ length: v.length - 1 }, (_, t) => Math.log((v[t + 1] as number) / (v[t] as number)));
  });
  const T = columns[0]?.length ?? 0;
  const maxLag = options.maxLag ?? Math.max(1, Math.min(4, Math.floor((T - 3) / 6)));
  let lags: number;
  let lagChoice: VarOrderSelection | null = null;
  if (options.lags === undefined || options.lags === 'auto') {
    lagChoice = selectVarOrder(columns, maxLag, { names: aligned.names });
    lags = lagChoice.aic;
  } else {
    lags = options.lags;
  }
  if (!Number.isInteger(lags) || lags < 1 || T - lags <= 2 * lags + 1) {
    throw new InputError(
      'bad-lags',
      `lags: ${lags} is too long for ${T} observations; use a lag from 1 to ${Math.max(1, Math.floor((T - 2) / 3))}`,
    );
  }
  const names = { names: aligned.names };
  return {
    x: x.name,
    y: y.name,
    span: [aligned.years[0] as number, aligned.years.at(-1) as number],
    transform,
    lags,
    lagChoice,
    xToY: grangerCausality(columns, 0, 1, lags, names),
    yToX: grangerCausality(columns, 1, 0, lags, names),
  };
}
