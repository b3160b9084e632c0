import { type Dataset, observationAt } from '../data/dataset.js';
import type { Flag } from '../data/types.js';
import { InputError } from '../errors.js';
import { inEuropeCanada } from '../outputs/catalogue.js';
import { meetsThreshold } from '../threshold.js';
import { resolveSource } from './pledge-source.js';

/** Options of {@link pledgeReport}. */
export interface PledgeReportOptions {
  /** Calendar year; default the latest year of the edition. */
  readonly year?: number;
  /** Threshold as a share of GDP, 0 < threshold < 1; default 0.02 (2 %). */
  readonly threshold?: number;
  /** `nato` (default) or `sipri`. */
  readonly source?: string;
  /** Edition of that source, e.g. `2024`; default the latest. */
  readonly edition?: string;
  /** Show figures quoted by the press where the edition's table has none (flagged); default true. */
  readonly includePress?: boolean;
}

/** One ally in a pledge report. */
export interface PledgeRow {
  readonly iso3: string;
  readonly name: string;
  /** Military burden in percent of GDP; `null` when the edition has no figure. */
  readonly burdenPct: number | null;
  /** `e` estimate, `u` uncertain, `s` quoted by the press, `.` none; `null` when missing. */
  readonly flag: Flag | null;
  /**
   * Whether the burden reaches the threshold at NATO's published precision (two decimals of a
   * percent, {@link meetsThreshold}); `null` when missing.
   */
  readonly meets: boolean | null;
  /** Threshold minus burden, percentage points (positive: short of it). */
  readonly gapPp: number | null;
  /** The same gap in million current US$ (`gapPp` × GDP). */
  readonly gapUsdM: number | null;
  /** Where the GDP behind `gapUsdM` comes from. */
  readonly gdpSource: string | null;
  /** 1 = highest burden among the allies with a figure. */
  readonly rank: number | null;
  /** Source id of the figure (the edition, or its press companion). */
  readonly source: string | null;
  readonly urls?: readonly string[];
}

/** A NATO aggregate in a pledge report. */
export interface PledgeTotal {
  readonly iso3: 'NATO_TOTAL' | 'NATO_EUR_CAN';
  readonly name: string;
  readonly burdenPct: number | null;
  readonly flag: Flag | null;
  /** `published` by the source, or `computed` as Σ spending / Σ GDP over the allies with figures. */
  readonly basis: 'published' | 'computed' | null;
  readonly meets: boolean | null;
}

export interface PledgeReport {
  readonly year: number;
  readonly threshold: number;
  readonly source: string;
  readonly sourceKind: string;
  readonly edition: string;
  readonly citation: string;
  /** What the edition's figures measure (e.g. NATO 2026: core defence, the Hague definition). */
  readonly basis: string | undefined;
  readonly rows: readonly PledgeRow[];
  readonly totals: readonly PledgeTotal[];
  readonly counts: {
    /** Allies in `year` by the membership timeline. */
    readonly members: number;
    /** Allies for which the source publishes figures at all (NATO has no row for Iceland). */
    readonly expected: number;
    /** Allies with a figure in the edition's table for `year`. */
    readonly reported: number;
    /** Of those, the allies at or above the threshold. */
    readonly meets: number;
    /** Allies with only a press-quoted figure. */
    readonly pressReported: number;
    readonly pressMeets: number;
    /**
     * Allies with no figure for `year`, neither in the table nor quoted by the press, including those
     * the source never covers (NATO: Iceland): `members − reported − pressReported`. The one count
     * of allies without a figure, for the tracker and the claims alike.
     */
    readonly missing: readonly string[];
  };
}

/**
 * Report which allies meet a spending threshold in a year, by one source edition.
 *
 * An ally meets the threshold once its burden, rounded to two decimals of a percent as NATO
 * publishes it, reaches it ({@link meetsThreshold}). Missing figures are reported as missing, never
 * counted as below or above the line. Figures quoted only by the press are flagged `s` and counted
 * apart.
 *
 * @throws {InputError} `unknown-year`, `bad-threshold`, `unknown-source`, `unknown-edition`.
 * @example pledgeReport(loadDataset(), { year: 2014 }).counts.meets // 3
 */
export function pledgeReport(dataset: Dataset, options: PledgeReportOptions = {}): PledgeReport {
  const resolved = resolveSource(dataset, options.source ?? 'nato', options.edition);
  const threshold = options.threshold ?? 0.02;
  if (!(threshold > 0 && threshold < 1)) {
    throw new InputError(
      'bad-threshold',
      `threshold: ${threshold} is out of range; use a share of GDP above 0 and below 1, e.g. 0.02 or 2%`,
      'threshold',
    );
  }
  const year = options.year ?? resolved.lastYear;
  if (!Number.isInteger(year) || year < resolved.firstYear || year > resolved.lastYear) {
    throw new InputError(
      'unknown-year',
      `year: ${year} is not covered by ${resolved.source.publisher} edition ${resolved.source.edition}; use a year from ${resolved.firstYear} to ${resolved.lastYear}`,
      'year',
    );
  }
  const thresholdPct = threshold * 100;
  const sourceId = resolved.source.id;
  const press = options.includePress === false ? undefined : resolved.press;
  const nationalGdp = dataset.list({ indicator: 'gdp_usd_current', source: sourceId }).length > 0;

  const members = dataset.members(year);
  const rows: PledgeRow[] = members.map((iso3) => {
    const name = dataset.country(iso3)?.name ?? iso3;
    let obs = dataset.observation(iso3, 'milex_share_gdp', sourceId, year);
    let from: string = sourceId;
    let urls: readonly string[] | undefined;
    if (obs === undefined && press !== undefined) {
      const ps = dataset.series(iso3, 'milex_share_gdp', press.id);
      obs = ps === undefined ? undefined : observationAt(ps, year);
      from = press.id;
      urls = ps?.urls;
    }
    if (obs === undefined) {
      return {
        iso3,
        name,
        burdenPct: null,
        flag: null,
        meets: null,
        gapPp: null,
        gapUsdM: null,
        gdpSource: null,
        rank: null,
        source: null,
      };
    }
    const gapPp = thresholdPct - obs.value;
    const gdpSource = nationalGdp ? sourceId : 'imf-weo-2025-10';
    const gdp = dataset.observation(iso3, 'gdp_usd_current', gdpSource, year);
    return {
      iso3,
      name,
      burdenPct: obs.value,
      flag: obs.flag,
      meets: meetsThreshold(obs.value, thresholdPct),
      gapPp,
      gapUsdM: gdp === undefined ? null : (gapPp / 100) * gdp.value,
      gdpSource: gdp === undefined ? null : gdpSource,
      rank: null,
      source: from,
      ...(urls ? { urls } : {}),
    };
  });

  const ranked = rows
    .filter((r) => r.burdenPct !== null)
    .sort((a, b) => (b.burdenPct as number) - (a.burdenPct as number));
  const rankOf = new Map(ranked.map((r, i) => [r.iso3, i + 1]));
  const finalRows = rows
    .map((r) => ({ ...r, rank: rankOf.get(r.iso3) ?? null }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.name.localeCompare(b.name),
    );

  const table = finalRows.filter((r) => r.source === sourceId);
  const fromPress = finalRows.filter((r) => press !== undefined && r.source === press.id);
  const expected = members.filter((iso3) => dataset.series(iso3, 'milex_share_gdp', sourceId) !== undefined);

  return {
    year,
    threshold,
    source: sourceId,
    sourceKind: resolved.kind,
    edition: resolved.source.edition,
    citation: resolved.source.citation,
    basis: resolved.source.basis,
    rows: finalRows,
    totals: totals(dataset, sourceId, year, members, thresholdPct),
    counts: {
      members: members.length,
      expected: expected.length,
      reported: table.length,
      meets: table.filter((r) => r.meets).length,
      pressReported: fromPress.length,
      pressMeets: fromPress.filter((r) => r.meets).length,
      missing: finalRows.filter((r) => r.burdenPct === null).map((r) => r.iso3),
    },
  };
}

function totals(
  dataset: Dataset,
  sourceId: string,
  year: number,
  members: readonly string[],
  thresholdPct: number,
): PledgeTotal[] {
  const groups = [
    { iso3: 'NATO_TOTAL' as const, name: 'NATO Total', allies: members },
    { iso3: 'NATO_EUR_CAN' as const, name: 'NATO Europe and Canada', allies: members.filter(inEuropeCanada) },
  ];
  return groups.map(({ iso3, name, allies }) => {
    const published = dataset.observation(iso3, 'milex_share_gdp', sourceId, year);
    if (published !== undefined) {
      return {
        iso3,
        name,
        burdenPct: published.value,
        flag: published.flag,
        basis: 'published' as const,
        meets: meetsThreshold(published.value, thresholdPct),
      };
    }
    // Σ spending / Σ GDP, GDP implied by each ally's own spending and share (same definitions).
    let spending = 0;
    let gdp = 0;
    for (const a of allies) {
      if (dataset.series(a, 'milex_share_gdp', sourceId) === undefined) continue; // never reported
      const s = dataset.observation(a, 'milex_share_gdp', sourceId, year);
      // Spending from the edition the share comes from (a series can extend an older edition).
      const m = dataset.observation(a, 'milex_usd_current', s?.edition ?? sourceId, year);
      if (m === undefined || s === undefined || s.value <= 0) {
        return { iso3, name, burdenPct: null, flag: null, basis: null, meets: null };
      }
      spending += m.value;
      gdp += m.value / (s.value / 100);
    }
    if (gdp === 0) return { iso3, name, burdenPct: null, flag: null, basis: null, meets: null };
    const pct = (spending / gdp) * 100;
    return {
      iso3,
      name,
      burdenPct: pct,
      flag: '.' as Flag,
      basis: 'computed' as const,
      meets: meetsThreshold(pct, thresholdPct),
    };
  });
}
