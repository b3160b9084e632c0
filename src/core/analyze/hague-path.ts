import { type Dataset, lastYear, observationAt } from '../data/dataset.js';
import { type GdpPathOptions, gdpPath } from '../data/gdp-path.js';
import { pledgeById } from '../data/pledges.js';
import type { Flag } from '../data/types.js';
import { InputError } from '../errors.js';
import { resolveSource } from './pledge-source.js';

/** Options of {@link haguePath}. */
export interface HaguePathOptions extends GdpPathOptions {
  /** `nato` (default) or `sipri`. */
  readonly source?: string;
  readonly edition?: string;
  /** Core target as a share of GDP; default 0.035 (The Hague). */
  readonly target?: number;
  /** Reference total as a share of GDP; default 0.05 (The Hague). */
  readonly referenceTarget?: number;
  /** Due year; default 2035. */
  readonly by?: number;
}

/** One ally's linear path to the target. */
export interface HaguePathRow {
  readonly iso3: string;
  readonly name: string;
  /** Latest year with a figure in the edition, where the path starts. */
  readonly startYear: number;
  readonly startPct: number;
  readonly startFlag: Flag;
  /** Burden on the path per year from `startYear` to the due year, percent of GDP. */
  readonly pathPct: readonly number[];
  /** Spending above the start level per year on the path (million constant US$), from `startYear`. */
  readonly extraUsdM: readonly number[];
  /** Sum of `extraUsdM` to the due year (million constant US$). */
  readonly cumulativeUsdM: number;
  /** The same sum on a linear path to the reference total (5 %). */
  readonly cumulativeReferenceUsdM: number;
  /** Extra spending in the due year alone (million constant US$). */
  readonly extraInDueYearUsdM: number;
}

export interface HaguePath {
  readonly source: string;
  readonly edition: string;
  /** What the edition's figures measure. */
  readonly basis: string | undefined;
  readonly target: number;
  readonly referenceTarget: number;
  readonly by: number;
  /** Unit of the money columns, e.g. `USD_m_const2015`. */
  readonly unit: string;
  readonly rows: readonly HaguePathRow[];
  /** Allies with no figure in the edition (no path computed). */
  readonly missing: readonly string[];
  readonly totalCumulativeUsdM: number;
  readonly totalCumulativeReferenceUsdM: number;
  /** How GDP is extended past the data: `data → IMF projection → long-run growth`. */
  readonly gdpBasis: string;
}

/**
 * Compute each ally's linear path from its latest burden to a target share by a due year, and the
 * extra spending it implies in constant US dollars, on projected real GDP.
 *
 * An ally already at or above the target holds its level (no extra spending).
 *
 * @throws {InputError} for a target out of range or a due year not after the start.
 * @example haguePath(loadDataset()).rows.find(r => r.iso3 === 'POL')?.startPct // 4.48 (2025e)
 */
export function haguePath(dataset: Dataset, options: HaguePathOptions = {}): HaguePath {
  const core = pledgeById('hague-core');
  const total = pledgeById('hague-total');
  const target = options.target ?? core?.target ?? 0.035;
  const referenceTarget = options.referenceTarget ?? total?.target ?? 0.05;
  const by = options.by ?? core?.by ?? 2035;
  for (const [name, v] of [
    ['target', target],
    ['referenceTarget', referenceTarget],
  ] as const) {
    if (!(v > 0 && v < 1)) {
      throw new InputError(
        'bad-threshold',
        `${name}: ${v} is out of range; use a share of GDP above 0 and below 1, e.g. 0.035`,
        name,
      );
    }
  }
  const resolved = resolveSource(dataset, options.source ?? 'nato', options.edition);
  if (!Number.isInteger(by) || by <= resolved.lastYear) {
    throw new InputError(
      'bad-year',
      `by: ${by} must be a year after the edition's last year ${resolved.lastYear}`,
      'by',
    );
  }
  const sourceId = resolved.source.id;
  const members = dataset.members(resolved.lastYear);
  const rows: HaguePathRow[] = [];
  const missing: string[] = [];
  let unit = 'USD_m_const2015';
  for (const iso3 of members) {
    const series = dataset.series(iso3, 'milex_share_gdp', sourceId);
    const startYear = series === undefined ? undefined : lastYear(series);
    if (series === undefined || startYear === undefined) {
      missing.push(iso3);
      continue;
    }
    const start = observationAt(series, startYear);
    if (start === undefined) continue;
    const gdp = gdpPath(dataset, iso3, options);
    unit = gdp.unit;
    const run = (goal: number) => {
      const goalPct = Math.max(goal * 100, start.value);
      const pathPct: number[] = [];
      const extra: number[] = [];
      for (let y = startYear; y <= by; y++) {
        const pct = start.value + ((goalPct - start.value) * (y - startYear)) / (by - startYear);
        pathPct.push(pct);
        extra.push(((pct - start.value) / 100) * (gdp.at(y) ?? Number.NaN));
      }
      return { pathPct, extra, cumulative: extra.reduce((a, b) => a + b, 0) };
    };
    const main = run(target);
    const ref = run(referenceTarget);
    rows.push({
      iso3,
      name: dataset.country(iso3)?.name ?? iso3,
      startYear,
      startPct: start.value,
      startFlag: start.flag,
      pathPct: main.pathPct,
      extraUsdM: main.extra,
      cumulativeUsdM: main.cumulative,
      cumulativeReferenceUsdM: ref.cumulative,
      extraInDueYearUsdM: main.extra[main.extra.length - 1] ?? 0,
    });
  }
  rows.sort((a, b) => b.cumulativeUsdM - a.cumulativeUsdM);
  return {
    source: sourceId,
    edition: resolved.source.edition,
    basis: resolved.source.basis,
    target,
    referenceTarget,
    by,
    unit,
    rows,
    missing,
    totalCumulativeUsdM: rows.reduce((a, r) => a + r.cumulativeUsdM, 0),
    totalCumulativeReferenceUsdM: rows.reduce((a, r) => a + r.cumulativeReferenceUsdM, 0),
    gdpBasis:
      'World Bank real GDP to its last year, then IMF WEO current-US$ projections deflated by the assumed US-dollar inflation, then long-run growth',
  };
}
